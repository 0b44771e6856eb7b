"""Factories for the forum: a forum with seats, sessions, agenda items and agreements."""

from __future__ import annotations

import datetime

import factory

from abierto.directory.tests.factories import InstitutionFactory, PersonFactory
from abierto.forum.models import AgendaItem, Forum, Seat, Sector, Session


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum
        django_get_or_create = ("acronym",)

    name = "Secretariado Técnico Local de Gobierno Abierto del Estado de México"
    acronym = "STL"


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    forum = factory.SubFactory(ForumFactory)
    sector = Sector.PUBLIC_BODIES
    label = factory.Sequence(lambda n: f"Asiento {n}")
    institution = factory.SubFactory(InstitutionFactory)
    holder = factory.SubFactory(PersonFactory)
    alternate = factory.SubFactory(PersonFactory)
    order = factory.Sequence(lambda n: n)
    starts_on = datetime.date(2020, 1, 1)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    forum = factory.SubFactory(ForumFactory)
    kind = Session.Kind.ORDINARY
    number = factory.Sequence(lambda n: n + 1)
    date = datetime.date(2022, 12, 16)
    start_time = datetime.time(11, 0)
    modality = Session.Modality.VIRTUAL
    place = "Plataforma Zoom"
    status = Session.Status.CONVENED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    session = factory.SubFactory(SessionFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Punto de prueba {n}.")
    kind = AgendaItem.Kind.DECISIVE


def forum_with_seats(count: int = 5, forum: Forum | None = None) -> tuple[Forum, list[Seat]]:
    chosen: Forum = forum or ForumFactory.create()
    seats: list[Seat] = [SeatFactory.create(forum=chosen) for _ in range(count)]
    return chosen, seats
