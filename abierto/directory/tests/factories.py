from __future__ import annotations

import factory
from django.utils import timezone

from abierto.directory.models import Institution, MembershipApplication, Municipality, Person


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"Secretaría de Prueba {n}")
    acronym = factory.Sequence(lambda n: f"SP{n}")
    kind = Institution.Kind.PUBLIC_BODY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="es_MX")
    public_role = "Integrante"
    institution = factory.SubFactory(InstitutionFactory)


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    full_name = factory.Faker("name", locale="es_MX")
    email = factory.Sequence(lambda n: f"solicitante{n}@example.org")
    motivation = "Quiero contribuir a la apertura de la información pública en mi municipio."
    privacy_accepted_at = factory.LazyFunction(timezone.now)
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="15106"))
