"""Factories for the folder: issuers with a freshly generated key, document types, documents."""

from __future__ import annotations

from typing import Any

import factory

from abierto.directory.tests.factories import InstitutionFactory
from abierto.folder import services
from abierto.folder.models import Document, DocumentType, Issuer

CUTS_PATTERN = "^[A-Z0-9]{6,32}$"

BIRTH_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "nombre": {"type": "string", "title": "Nombre", "minLength": 1},
        "fecha_nacimiento": {"type": "string", "format": "date", "title": "Fecha de nacimiento"},
        "cuts_madre": {"type": "string", "title": "CUTS de la madre", "pattern": CUTS_PATTERN},
        "cuts_padre": {"type": "string", "title": "CUTS del padre", "pattern": CUTS_PATTERN},
        "folio": {"type": "integer", "title": "Folio"},
    },
    "required": ["nombre", "fecha_nacimiento"],
    "additionalProperties": False,
}


class IssuerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issuer
        skip_postgeneration_save = True

    institution = factory.SubFactory(InstitutionFactory)
    slug = factory.Sequence(lambda n: f"emisor-{n}")

    @factory.post_generation
    def with_key(obj, create, extracted, **kwargs):  # noqa: N805 -- factory_boy passes the object
        if create and extracted is not False:
            services.issuer_key_generate(actor=None, issuer=obj)


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"acta-prueba-{n}")
    name = factory.Sequence(lambda n: f"Acta de prueba {n}")
    json_schema = factory.LazyFunction(lambda: dict(BIRTH_SCHEMA))
    validity_days = None
    related_holders = factory.LazyFunction(
        lambda: [
            {"field": "cuts_madre", "relation": "madre"},
            {"field": "cuts_padre", "relation": "padre"},
        ]
    )

    @factory.post_generation
    def issuers(obj, create, extracted, **kwargs):  # noqa: N805 -- factory_boy passes the object
        if create and extracted:
            obj.issuers.add(*extracted)


def issue(
    issuer: Issuer,
    document_type: DocumentType,
    cuts: str = "CUTS000001",
    reference: str | None = None,
    **fields: Any,
) -> Document:
    data = {"nombre": "María Hernández López", "fecha_nacimiento": "1988-03-14", **fields}
    document, _created = services.document_issue(
        issuer=issuer,
        type_slug=document_type.slug,
        cuts=cuts,
        fields=data,
        reference=reference or f"REF-{Document.objects.count() + 1}-{cuts}",
    )
    return document
