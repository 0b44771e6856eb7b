"""A session's materials: files and links per agenda item, the draft acta sent with them,
and the recording's link."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from abierto.lib.uploads import Kind, check_upload
from abierto.lib.zipguard import MAX_UNPACKED_BYTES, unpacked_size
from abierto.lib.zipstream import safe_name

from .. import selectors
from ..models import AgendaItem, Minutes, Session, SessionMaterial
from ..selectors_materials import can_provide_material, can_remove_material
from ._audit import audit_record
from .errors import ForumError

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_MATERIAL_BYTES = 20 * 1024 * 1024
MATERIAL_KINDS = {
    Kind.PDF,
    Kind.DOCX,
    Kind.XLSX,
    Kind.PPTX,
    Kind.ODT,
    Kind.ODS,
    Kind.PNG,
    Kind.JPEG,
}
_ZIPPED = {Kind.DOCX, Kind.XLSX, Kind.PPTX, Kind.ODT, Kind.ODS}
_OPEN_STATUSES = {Session.Status.PLANNED, Session.Status.CONVENED}


def _check_url(url: str) -> str:
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise ForumError(_("El enlace no es una dirección web válida (http o https).")) from exc
    return url


def _checked_file(upload: UploadedFile) -> tuple[Kind, str, int]:
    """The file's kind, SHA-256 and size once it passes the checks; ForumError if not."""
    try:
        kind = check_upload(upload, allowed=MATERIAL_KINDS, max_bytes=MAX_MATERIAL_BYTES)
    except ValidationError as exc:
        raise ForumError(exc.messages) from exc
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    if kind in _ZIPPED:
        unpacked = unpacked_size(upload.read())
        upload.seek(0)
        if unpacked is None or unpacked > MAX_UNPACKED_BYTES:
            raise ForumError(
                _(
                    "El archivo comprimido se expande a un tamaño excesivo o está dañado: "
                    "se rechaza."
                )
            )
    return kind, digest.hexdigest(), upload.size or 0


def _provider(actor: User | None, item: AgendaItem) -> tuple[int | None, str]:
    person = getattr(actor, "person", None)
    if (
        actor is not None
        and person is not None
        and person.institution_id
        and not selectors.can_manage_forum(actor, item.session.forum)
    ):
        return person.institution_id, str(person.institution)
    if item.presenter_id and item.presenter and item.presenter.institution_id:
        return item.presenter.institution_id, str(item.presenter.institution)
    return None, _("Facilitación del %(forum)s") % {"forum": item.session.forum.acronym}


@transaction.atomic
def material_add(
    *,
    actor: User | None,
    agenda_item: AgendaItem,
    title: str,
    is_public: bool = False,
    file: UploadedFile | None = None,
    url: str = "",
    presented_before_platform: bool = False,
) -> SessionMaterial:
    """Attach a file or a link to an agenda item, before the session is held.

    ``presented_before_platform`` lets the facilitator record what a session held before the
    platform presented (when a forum's earlier record is loaded), as ``session_convene``'s
    ``sequence`` keeps an earlier letter's number.
    """
    item = AgendaItem.objects.select_related("session__forum", "presenter__institution").get(
        pk=agenda_item.pk
    )
    if actor is not None and not can_provide_material(actor, item):
        raise PermissionDenied
    if presented_before_platform:
        if actor is not None and not selectors.can_manage_forum(actor, item.session.forum):
            raise PermissionDenied
    elif item.session.status not in _OPEN_STATUSES:
        raise ForumError(_("Los materiales se agregan antes de celebrarse la sesión."))
    title = " ".join(title.split())
    if not title:
        raise ForumError(_("Cada material necesita un título."))
    if bool(file) == bool(url.strip()):
        raise ForumError(_("Un material es un archivo o un enlace, no ambos ni ninguno."))
    provider_id, provider_name = _provider(actor, item)
    material = SessionMaterial(
        session=item.session,
        agenda_item=item,
        title=title,
        is_public=is_public,
        provider_id=provider_id,
        provider_name=provider_name,
        uploaded_by=actor,
    )
    if file is not None:
        kind, sha256, size = _checked_file(file)
        material.kind = SessionMaterial.Kind.FILE
        material.file_name = safe_name(file.name or f"material.{kind.value}")
        material.file_type = kind.value
        material.file_size = size
        material.sha256 = sha256
    else:
        material.kind = SessionMaterial.Kind.LINK
        material.url = _check_url(url)
    material.full_clean(exclude=["file"])
    if file is not None:  # stored only once everything else is known to be valid
        material.file.save(material.file_name, file, save=False)
    material.save()
    audit_record(
        actor=actor,
        action="material.added",
        target=material,
        changes={
            "session": item.session.public_id,
            "item": item.number,
            "title": title,
            "public": is_public,
            "sha256": material.sha256,
            "url": material.url,
        },
    )
    return material


@transaction.atomic
def material_remove(*, actor: User, material: SessionMaterial) -> None:
    material = SessionMaterial.objects.select_related("session", "agenda_item__presenter").get(
        pk=material.pk
    )
    if not can_remove_material(actor, material):
        raise PermissionDenied
    if material.session.status not in _OPEN_STATUSES:
        raise ForumError(_("Un material de una sesión celebrada forma parte de su registro."))
    audit_record(
        actor=actor,
        action="material.removed",
        target=material.session,
        changes={"title": material.title, "sha256": material.sha256, "url": material.url},
    )
    stored = material.file.name
    material.delete()
    if stored:
        storage = material.file.storage
        transaction.on_commit(lambda: storage.delete(stored))


def draft_minutes_attach(*, actor: User | None, session: Session) -> list[SessionMaterial]:
    """Send the earlier sessions' draft actas with this session's convocation.

    Called inside ``session_convene``'s transaction: the members observe each draft until
    the session approves it.
    """
    return [
        material
        for minutes in selectors.minutes_awaiting_approval(session)
        if (material := draft_minutes_record_sent(actor=actor, session=session, minutes=minutes))
    ]


def draft_minutes_record_sent(
    *, actor: User | None, session: Session, minutes: Minutes
) -> SessionMaterial | None:
    """Record that ``minutes`` (a draft then) went to the members with ``session``'s
    convocation; None if it was already recorded."""
    if minutes.session.forum_id != session.forum_id or minutes.session.date >= session.date:
        raise ForumError(_("Se envía con la convocatoria el acta de una sesión anterior del foro."))
    material, created = SessionMaterial.objects.get_or_create(
        session=session,
        minutes=minutes,
        defaults={
            "kind": SessionMaterial.Kind.DRAFT_MINUTES,
            "title": _("Borrador del acta de la %(title)s") % {"title": minutes.session.title},
            "provider_name": _("Facilitación del %(forum)s") % {"forum": session.forum.acronym},
            "is_public": False,
        },
    )
    if not created:
        return None
    audit_record(
        actor=actor,
        action="material.draft_minutes_sent",
        target=material,
        changes={"session": session.public_id, "minutes": minutes.session.public_id},
    )
    return material


@transaction.atomic
def session_recording_set(*, actor: User, session: Session, url: str) -> Session:
    """Link the session's recording (a public video page); an empty ``url`` removes it."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status not in {Session.Status.HELD, Session.Status.MINUTES_APPROVED}:
        raise ForumError(_("La grabación se enlaza una vez celebrada la sesión."))
    url = _check_url(url) if url.strip() else ""
    if url == session.recording_url:
        return session
    before = session.recording_url
    session.recording_url = url
    session.save(update_fields=["recording_url", "updated_at"])
    audit_record(
        actor=actor,
        action="session.recording_linked",
        target=session,
        changes={"recording_url": [before, url]},
    )
    return session
