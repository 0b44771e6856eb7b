"""Creating forums, giving people a role in one, and recording each municipality's progress."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from abierto.directory.models import Municipality
from abierto.lib.forum_codes import municipal_acronym
from abierto.lib.uploads import Kind, check_upload

from ..models import Forum, ForumKind, ForumRole, Installation, InstallationStatus, QuorumRule
from ..models.installation import SIGNED_OR_LATER
from ._audit import audit_record, changes_between, jsonable, snapshot

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import UploadedFile


def forum_create_municipal(
    *,
    actor: User | None,
    municipality: Municipality,
    name: str = "",
    acronym: str = "",
    quorum_rule: str = QuorumRule.MAJORITY,
) -> Forum:
    """A municipality's STL, headed ``STM-<MUNICIPIO>`` unless another acronym is given."""
    if Forum.objects.filter(municipality=municipality).exists():
        raise ValidationError(
            _("%(municipality)s ya tiene su foro.") % {"municipality": municipality.name}
        )
    acronym = acronym or municipal_acronym(municipality.name)
    forum = Forum(
        name=name
        or _("Secretariado Técnico Local de Gobierno Abierto de %(municipality)s")
        % {"municipality": municipality.name},
        acronym=acronym,
        slug=slugify(acronym),
        kind=ForumKind.MUNICIPAL,
        municipality=municipality,
        quorum_rule=quorum_rule,
    )
    forum.full_clean()
    with transaction.atomic():
        forum.save()
        audit_record(
            actor=actor,
            action="forum.created",
            target=forum,
            changes={"acronym": acronym, "municipality": municipality.code},
        )
    return forum


def forum_role_grant(*, actor: User | None, user: User, forum: Forum, role: str) -> ForumRole:
    if role not in ForumRole.Role.values:
        raise ValidationError(_("Papel no válido."))
    with transaction.atomic():
        granted, created = ForumRole.objects.get_or_create(user=user, forum=forum, role=role)
        if created:
            audit_record(
                actor=actor,
                action="forum.role_granted",
                target=forum,
                changes={"user": user.pk, "role": role},
            )
    return granted


_FIELDS = ["status", "status_since", "declaration_signed_on", "declaration_url", "notes"]


MAX_DECLARATION_BYTES = 20 * 1024 * 1024


def installation_update(
    *,
    actor: User | None,
    municipality: Municipality,
    status: str,
    status_since: datetime.date | None = None,
    declaration_signed_on: datetime.date | None = None,
    declaration_url: str = "",
    notes: str = "",
    declaration_document: UploadedFile | None = None,
) -> Installation:
    """Record where a municipality stands; a signed declaration needs its date.

    ``declaration_document``, the signed joint declaration as a PDF, replaces the one stored
    before (a step recorded without a file keeps it); the file is checked by its content.
    """
    if status not in InstallationStatus.values:
        raise ValidationError(_("Estado de instalación no válido."))
    if status in SIGNED_OR_LATER and declaration_signed_on is None:
        raise ValidationError(_("Indique la fecha de firma de la declaratoria conjunta."))
    if declaration_document is not None:
        check_upload(declaration_document, allowed={Kind.PDF}, max_bytes=MAX_DECLARATION_BYTES)
        declaration_document.seek(0)
    with transaction.atomic():
        installation, _created = Installation.objects.select_for_update().get_or_create(
            municipality=municipality
        )
        before = snapshot(installation, _FIELDS)
        installation.status = status
        installation.status_since = status_since
        installation.declaration_signed_on = declaration_signed_on
        installation.declaration_url = declaration_url
        installation.notes = notes
        replaced = ""
        if declaration_document is not None:
            replaced = installation.declaration_document.name
            installation.declaration_document.save(
                f"declaratoria-{municipality.code}.pdf", declaration_document, save=False
            )
        installation.full_clean()
        installation.save()
        if declaration_document is not None:
            _delete_after_commit(installation, replaced)
        changes = changes_between(before, snapshot(installation, _FIELDS))
        if declaration_document is not None:
            changes["declaration_document"] = [replaced, installation.declaration_document.name]
        audit_record(
            actor=actor,
            action="installation.updated",
            target=installation,
            changes=changes or {"status": [jsonable(status)]},
        )
    return installation


def _delete_after_commit(installation: Installation, name: str) -> None:
    """The replaced file goes once the new one is recorded; a rollback leaves it in place."""
    if name and name != installation.declaration_document.name:
        storage = installation.declaration_document.storage
        transaction.on_commit(lambda: storage.delete(name))
