"""Several forums side by side: the state STL and municipal ones, each with its own codes."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from abierto.directory.models import AuditEvent, Municipality
from abierto.forum import services
from abierto.forum.models import Forum, ForumKind, Installation, InstallationStatus, Session
from abierto.forum.services.agreements import agreement_code
from abierto.lib.forum_codes import municipal_acronym

from .factories import ForumFactory, SessionFactory

pytestmark = pytest.mark.django_db


def toluca(actor=None) -> Forum:
    return services.forum_create_municipal(
        actor=actor, municipality=Municipality.objects.get(code="15106")
    )


def test_municipal_acronyms_follow_the_documented_pattern():
    assert municipal_acronym("Toluca") == "STM-TOLUCA"
    assert municipal_acronym("Tlalnepantla de Baz") == "STM-TLALNEPANTLABAZ"
    assert municipal_acronym("Ecatepec de Morelos") == "STM-ECATEPECMORELOS"
    assert municipal_acronym("San José del Rincón") == "STM-SANJOSERINCON"


def test_a_municipal_forum_heads_its_agreement_codes_with_its_acronym(facilitator):
    forum = toluca(facilitator)
    assert (forum.acronym, forum.slug, forum.kind) == ("STM-TOLUCA", "stm-toluca", "municipal")
    session = SessionFactory(forum=forum, number=3, date=datetime.date(2024, 5, 2))
    assert agreement_code(session, 2) == "STM-TOLUCA/III/2/2024"
    assert AuditEvent.objects.filter(action="forum.created", actor=facilitator).exists()


def test_the_state_stl_keeps_its_codes_and_numbering_apart_from_municipal_ones():
    state = ForumFactory()
    municipal = toluca()
    ours = SessionFactory(forum=state, number=15, date=datetime.date(2022, 12, 16))
    theirs = SessionFactory(forum=municipal, number=15, date=datetime.date(2022, 12, 16))
    assert agreement_code(ours, 1) == "STL/XV/1/2022"
    assert agreement_code(theirs, 1) == "STM-TOLUCA/XV/1/2022"
    assert state.kind == ForumKind.STATE
    assert state.slug == "stl"


def test_a_municipality_has_one_forum():
    toluca()
    with pytest.raises(ValidationError, match="ya tiene su foro"):
        toluca()


def test_a_municipal_forum_needs_its_municipality():
    with pytest.raises(IntegrityError), transaction.atomic():
        Forum.objects.create(name="Sin municipio", acronym="STM-NADA", kind=ForumKind.MUNICIPAL)


def test_an_acronym_with_lowercase_or_spaces_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        Forum.objects.create(name="Mal", acronym="stm toluca", slug="mal")


def test_the_migration_makes_existing_forums_the_state_stl():
    migration = importlib.import_module("abierto.forum.migrations.0008_municipal_forums")
    forum = ForumFactory()
    Forum.objects.filter(pk=forum.pk).update(slug="x")
    migration.existing_forums_are_state(django_apps, None)
    forum.refresh_from_db()
    assert (forum.slug, forum.kind) == ("stl", "state")


def test_installation_steps_are_audited_and_a_signed_declaration_needs_its_date(facilitator):
    municipality = Municipality.objects.get(code="15104")
    with pytest.raises(ValidationError, match="fecha de firma"):
        services.installation_update(
            actor=facilitator,
            municipality=municipality,
            status=InstallationStatus.DECLARATION_SIGNED,
        )
    assert not Installation.objects.exists()
    services.installation_update(
        actor=facilitator,
        municipality=municipality,
        status=InstallationStatus.DECLARATION_SIGNED,
        declaration_signed_on=datetime.date(2024, 3, 1),
    )
    installation = Installation.objects.get(municipality=municipality)
    assert installation.status == "declaration_signed"
    assert AuditEvent.objects.filter(action="installation.updated", actor=facilitator).exists()


def test_an_unknown_installation_status_is_refused(facilitator):
    with pytest.raises(ValidationError):
        services.installation_update(
            actor=facilitator,
            municipality=Municipality.objects.get(code="15104"),
            status="done",
        )


def test_sessions_of_two_forums_share_numbers_without_clashing():
    SessionFactory(forum=ForumFactory(), number=1)
    SessionFactory(forum=toluca(), number=1)
    assert Session.objects.filter(number=1).count() == 2


def test_the_command_creates_a_municipal_forum_and_its_facilitation(outsider):
    import io

    from django.core.management import CommandError, call_command

    from abierto.forum import access

    out = io.StringIO()
    call_command("create_municipal_forum", "15106", "--facilitator", outsider.username, stdout=out)
    forum = Forum.objects.get(acronym="STM-TOLUCA")
    assert "/foros/stm-toluca/" in out.getvalue()
    assert access.forums_managed_by(outsider).get() == forum
    with pytest.raises(CommandError, match="clave INEGI"):
        call_command("create_municipal_forum", "99999")
    with pytest.raises(CommandError):
        call_command("create_municipal_forum", "15104", "--acronym", "mal formado")
