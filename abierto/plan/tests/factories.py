"""Factories for the action plan: a plan, commitments with milestones, indicators, caravans."""

from __future__ import annotations

import datetime

import factory

from abierto.directory.models import Municipality, Person
from abierto.directory.tests.factories import InstitutionFactory
from abierto.plan.models import (
    ActionLine,
    ActionPlan,
    Activity,
    ActivityKind,
    ActivityService,
    Commitment,
    Indicator,
    Milestone,
    ServiceType,
)


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan
        django_get_or_create = ("title",)

    title = "Plan de Acción Local 2020"
    period_start = 2020
    period_end = 2023
    launched_on = datetime.date(2020, 12, 1)
    consultation_start = datetime.date(2020, 7, 1)
    consultation_end = datetime.date(2020, 10, 31)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    plan = factory.SubFactory(ActionPlanFactory)
    kind = Commitment.Kind.CO_CREATED
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Compromiso de prueba {n}")
    responsible = factory.SubFactory(InstitutionFactory)


class ActionLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionLine

    commitment = factory.SubFactory(CommitmentFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Línea de acción {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action_line = factory.SubFactory(ActionLineFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Hito {n}")
    weight = 1
    status = Milestone.Status.PENDING

    class Params:
        met = factory.Trait(status=Milestone.Status.MET, met_on=datetime.date(2022, 6, 1))


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    commitment = factory.SubFactory(CommitmentFactory)
    code = factory.Sequence(lambda n: f"IND-{n}")
    name = factory.Sequence(lambda n: f"Indicador {n}")
    unit = "personas"
    baseline = 0


class ActivityKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityKind
        django_get_or_create = ("slug",)

    slug = "caravana"
    name = "Caravana por la Justicia Cotidiana"
    is_caravan = True


class ServiceTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceType
        django_get_or_create = ("slug",)

    slug = "asesoria_juridica"
    name = "Asesoría jurídica"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    kind = factory.SubFactory(ActivityKindFactory)
    title = factory.Sequence(lambda n: f"Actividad {n}")
    date = datetime.date(2022, 6, 1)
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="15106"))
    status = Activity.Status.HELD


def caravan_visit(code: str, day: datetime.date, people: int, **services: int) -> Activity:
    """A held caravan visit in the municipality ``code`` with services by type slug."""
    activity: Activity = ActivityFactory.create(
        municipality=Municipality.objects.get(code=code), date=day, people_served=people
    )
    for slug, count in services.items():
        service_type: ServiceType = ServiceTypeFactory.create(
            slug=slug, name=slug.replace("_", " ").title()
        )
        ActivityService.objects.create(activity=activity, service_type=service_type, count=count)
    return activity


def clerk_of(user, institution) -> Person:
    """Link a user to a person of ``institution`` (how a clerk gets their institution)."""
    return Person.objects.create(name=f"Enlace {user.username}", institution=institution, user=user)
