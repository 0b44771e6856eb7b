"""Demo procedures (trámites) of the Carpeta: one that runs end to end with the demo folders.

"Renovación de licencia de conducir": the Secretaría de Movilidad reads the name, CURP and
birth date from the birth certificate and the number and type from the current licence,
then issues the renewed licence into the same folder.
"""

from __future__ import annotations

from typing import Any

from .models import DocumentType, Issuer, Procedure

LICENCE_RENEWAL = "SEMOV-LIC-002"  # a RETyS-style code: agency, kind, number

PROCEDURES: list[dict[str, Any]] = [
    {
        "code": LICENCE_RENEWAL,
        "name": "Renovación de licencia de conducir",
        "description": "Renueva por tres años la licencia de conducir vigente o vencida hace "
        "menos de un año, sin presentar el acta de nacimiento ni la licencia en una oficina.",
        "issuer": "movilidad",
        "legal_basis": "Ley de Movilidad del Estado de México y su Reglamento (licencias de "
        "conducir); Ley de Gobierno Digital del Estado de México y Municipios (uso de "
        "documentos electrónicos ya emitidos).",
        "requirements": [
            {
                "document_type": "acta-nacimiento",
                "fields": [
                    "nombre", "primer_apellido", "segundo_apellido", "curp", "fecha_nacimiento",
                ],
                "purpose": "Confirmar su identidad y su edad, e imprimirlos en la licencia.",
            },
            {
                "document_type": "licencia-conducir",
                "fields": ["numero_licencia", "tipo_licencia"],
                "purpose": "Identificar la licencia que se renueva y conservar su tipo.",
            },
        ],
        "produces": "licencia-conducir",
    },
]  # fmt: skip


def load(issuers: dict[str, Issuer]) -> int:
    """Create or update the demo procedures; return how many there are."""
    for spec in PROCEDURES:
        procedure = Procedure.objects.filter(code=spec["code"]).first() or Procedure(
            code=spec["code"]
        )
        procedure.name = spec["name"]
        procedure.description = spec["description"]
        procedure.issuer = issuers[spec["issuer"]]
        procedure.legal_basis = spec["legal_basis"]
        procedure.requirements = spec["requirements"]
        procedure.produces = DocumentType.objects.get(slug=spec["produces"])
        procedure.full_clean()
        procedure.save()
    return len(PROCEDURES)
