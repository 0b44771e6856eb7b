"""Shared set-up of the procedure tests: an agency, a birth certificate, a licence procedure."""

from __future__ import annotations

from typing import Any, cast

from abierto.folder.models import DocumentType, Issuer, Procedure

from .factories import DocumentTypeFactory

LICENCE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "nombre": {"type": "string", "title": "Nombre", "minLength": 1},
        "numero_licencia": {"type": "string", "title": "Número de licencia", "minLength": 1},
    },
    "required": ["nombre", "numero_licencia"],
    "additionalProperties": False,
}
REQUESTED = ["nombre", "mayor_de_18"]  # never the birth date nor the parents' CUTS


def licence_procedure(
    agency: Issuer, birth_type: DocumentType, code: str = "SEMOV-LIC-001"
) -> Procedure:
    licence = cast(
        DocumentType,
        DocumentTypeFactory(
            name="Licencia de prueba",
            issuers=[agency],
            json_schema=LICENCE_SCHEMA,
            related_holders=[],
        ),
    )
    procedure = Procedure(
        code=code,
        name="Expedición de licencia de prueba",
        issuer=agency,
        legal_basis="Ley de Movilidad del Estado de México, art. 1",
        requirements=[
            {"document_type": birth_type.slug, "fields": REQUESTED, "purpose": "Identidad y edad"}
        ],
        produces=licence,
    )
    procedure.full_clean()
    procedure.save()
    return procedure
