"""Demo data of the Carpeta Ciudadana: the pilot's issuers, its document types, two citizens.

The pilot of CONTEXT.md §3 holds six documents: driver licence, certificate of no criminal
record, one's own birth certificate, one's children's birth certificates, marriage and divorce
certificates. Children's certificates are ``acta-nacimiento`` documents whose holder is the
child and that name the parents (``cuts_madre``, ``cuts_padre``): they appear in each parent's
folder through that relation, not as a type of their own.

Every CUTS here is fake (``DEMO…``) and every person invented. Keys are generated at load time
into FOLDER_KEYS_DIR; nothing secret is part of the code.
"""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from abierto.directory.models import Institution

from . import actor_labels, demo_logins, demo_procedures, keys, services
from .models import DocumentType, Issuer

SYSTEM = None  # demo writes are audited without a user, like the plan's

CUTS_PATTERN = "^[A-Z0-9]{6,32}$"
CURP_PATTERN = "^[A-Z]{4}[0-9]{6}[HMX][A-Z]{5}[A-Z0-9][0-9]$"

# (name, acronym, kind, parent acronym)
INSTITUTIONS = [
    ("Secretaría de Movilidad", "SEMOV", Institution.Kind.PUBLIC_BODY, None),
    # Autonomous under art. 81 of the state constitution since 2016.
    (
        "Fiscalía General de Justicia del Estado de México",
        "FGJEM",
        Institution.Kind.AUTONOMOUS_BODY,
        None,
    ),
    ("Consejería Jurídica del Ejecutivo Estatal", "CJEE", Institution.Kind.PUBLIC_BODY, None),
    ("Dirección General del Registro Civil", "DGRC", Institution.Kind.PUBLIC_BODY, "CJEE"),
]

ISSUERS = [("movilidad", "SEMOV"), ("fiscalia", "FGJEM"), ("registro-civil", "DGRC")]


def _text(title: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "title": title, "minLength": 1, "maxLength": 200, **extra}


def _date(title: str) -> dict[str, Any]:
    return {"type": "string", "format": "date", "title": title}


def _cuts(title: str) -> dict[str, Any]:
    return {"type": "string", "title": title, "pattern": CUTS_PATTERN}


def _schema(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


BIRTH_SCHEMA = _schema(
    {
        "nombre": _text("Nombre(s)"),
        "primer_apellido": _text("Primer apellido"),
        "segundo_apellido": _text("Segundo apellido"),
        # The CURP's catalogue (RENAPO): the stored code, shown in the catalogue's words.
        "sexo": {"type": "string", "title": "Sexo", "oneOf": [
            {"const": "H", "title": "Hombre"},
            {"const": "M", "title": "Mujer"},
            {"const": "X", "title": "No binario"},
        ]},
        "fecha_nacimiento": _date("Fecha de nacimiento"),
        "lugar_nacimiento": _text("Lugar de nacimiento"),
        "curp": _text("CURP", pattern=CURP_PATTERN),
        "nombre_madre": _text("Nombre de la madre"),
        "cuts_madre": _cuts("CUTS de la madre"),
        "nombre_padre": _text("Nombre del padre"),
        "cuts_padre": _cuts("CUTS del padre"),
        "oficialia": _text("Oficialía del Registro Civil"),
        "numero_acta": _text("Número de acta"),
        "fecha_registro": _date("Fecha de registro"),
    },
    ["nombre", "primer_apellido", "sexo", "fecha_nacimiento", "lugar_nacimiento", "oficialia",
     "numero_acta", "fecha_registro"],
)  # fmt: skip

TYPES: list[dict[str, Any]] = [
    {
        "slug": "licencia-conducir",
        "name": "Licencia de conducir",
        "description": "Licencia para conducir vehículos automotores en el Estado de México.",
        "issuer": "movilidad",
        "validity_days": 3 * 365,
        "related_holders": [],
        "json_schema": _schema(
            {
                "nombre": _text("Nombre completo"),
                "curp": _text("CURP", pattern=CURP_PATTERN),
                "fecha_nacimiento": _date("Fecha de nacimiento"),
                "numero_licencia": _text("Número de licencia"),
                "tipo_licencia": {
                    "type": "string",
                    "title": "Tipo de licencia",
                    "enum": ["A", "B", "C", "D", "E"],
                },
                "municipio": _text("Municipio de residencia"),
                "tipo_sangre": {
                    "type": "string",
                    "title": "Tipo de sangre",
                    "enum": ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"],
                },
                "donador_organos": {"type": "boolean", "title": "Donador de órganos"},
                "restricciones": _text("Restricciones"),
            },
            ["nombre", "curp", "fecha_nacimiento", "numero_licencia", "tipo_licencia"],
        ),
    },
    {
        "slug": "no-antecedentes-penales",
        "name": "Certificado de no antecedentes penales",
        "description": "Hace constar que no hay antecedentes penales registrados a nombre de la "
        "persona en el Estado de México.",
        "issuer": "fiscalia",
        "validity_days": 90,
        "related_holders": [],
        "json_schema": _schema(
            {
                "nombre": _text("Nombre completo"),
                "curp": _text("CURP", pattern=CURP_PATTERN),
                "fecha_nacimiento": _date("Fecha de nacimiento"),
                "folio": _text("Folio"),
                "resultado": {
                    "type": "string",
                    "title": "Resultado",
                    "enum": ["Sin antecedentes penales"],
                },
                "motivo": _text("Motivo de la solicitud"),
            },
            ["nombre", "curp", "folio", "resultado"],
        ),
    },
    {
        "slug": "acta-nacimiento",
        "name": "Acta de nacimiento",
        "description": "Copia certificada del acta de nacimiento. La ven la persona registrada "
        "y, cuando el acta los nombra con su CUTS, su madre y su padre.",
        "issuer": "registro-civil",
        "validity_days": None,
        "related_holders": [
            {"field": "cuts_madre", "relation": "madre"},
            {"field": "cuts_padre", "relation": "padre"},
        ],
        "json_schema": BIRTH_SCHEMA,
    },
    {
        "slug": "acta-matrimonio",
        "name": "Acta de matrimonio",
        "description": "Copia certificada del acta de matrimonio; la ven ambos cónyuges.",
        "issuer": "registro-civil",
        "validity_days": None,
        "related_holders": [{"field": "cuts_conyuge", "relation": "conyuge"}],
        "json_schema": _schema(
            {
                "nombre_contrayente": _text("Contrayente"),
                "nombre_conyuge": _text("Contrayente (cónyuge)"),
                "cuts_conyuge": _cuts("CUTS del cónyuge"),
                "fecha_matrimonio": _date("Fecha del matrimonio"),
                "regimen": {
                    "type": "string",
                    "title": "Régimen patrimonial",
                    "enum": ["Sociedad conyugal", "Separación de bienes"],
                },
                "oficialia": _text("Oficialía del Registro Civil"),
                "numero_acta": _text("Número de acta"),
            },
            [
                "nombre_contrayente",
                "nombre_conyuge",
                "fecha_matrimonio",
                "regimen",
                "oficialia",
                "numero_acta",
            ],
        ),
    },
    {
        "slug": "acta-divorcio",
        "name": "Acta de divorcio",
        "description": "Copia certificada del acta de divorcio; la ven ambas personas.",
        "issuer": "registro-civil",
        "validity_days": None,
        "related_holders": [{"field": "cuts_exconyuge", "relation": "exconyuge"}],
        "json_schema": _schema(
            {
                "nombre_titular": _text("Nombre"),
                "nombre_exconyuge": _text("Excónyuge"),
                "cuts_exconyuge": _cuts("CUTS del excónyuge"),
                "fecha_matrimonio": _date("Fecha del matrimonio"),
                "fecha_divorcio": _date("Fecha del divorcio"),
                "modalidad": {
                    "type": "string",
                    "title": "Modalidad",
                    "enum": ["Administrativo", "Judicial"],
                },
                "autoridad": _text("Autoridad que lo decretó"),
                "numero_acta": _text("Número de acta"),
            },
            ["nombre_titular", "nombre_exconyuge", "fecha_divorcio", "modalidad", "numero_acta"],
        ),
    },
]

MOTHER, FATHER, CHILD, FORMER_SPOUSE = "DEMO000001", "DEMO000002", "DEMO000003", "DEMO000009"
CITIZENS = [(MOTHER, "María Guadalupe Hernández López"), (FATHER, "José Luis Ramírez Sánchez")]


def _documents(today: datetime.datetime) -> list[tuple[str, str, str, dict[str, Any], int]]:
    """(type, cuts, reference, fields, days ago issued)."""
    return [
        ("acta-nacimiento", MOTHER, "DEMO-NAC-1988-00412", {
            "nombre": "María Guadalupe", "primer_apellido": "Hernández",
            "segundo_apellido": "López", "sexo": "M", "fecha_nacimiento": "1988-03-14",
            "lugar_nacimiento": "Toluca, Estado de México", "curp": "HELM880314MMCRPR09",
            "nombre_madre": "Rosa López Díaz", "nombre_padre": "Ernesto Hernández Ruiz",
            "oficialia": "Oficialía 01 de Toluca", "numero_acta": "00412",
            "fecha_registro": "1988-04-02"}, 40),
        ("licencia-conducir", MOTHER, "DEMO-LIC-A-2026-0001", {
            "nombre": "María Guadalupe Hernández López", "curp": "HELM880314MMCRPR09",
            "fecha_nacimiento": "1988-03-14", "numero_licencia": "A15-0000001",
            "tipo_licencia": "A", "municipio": "Toluca", "tipo_sangre": "O+",
            "donador_organos": True}, 60),
        ("acta-matrimonio", MOTHER, "DEMO-MAT-2017-00088", {
            "nombre_contrayente": "María Guadalupe Hernández López",
            "nombre_conyuge": "José Luis Ramírez Sánchez", "cuts_conyuge": FATHER,
            "fecha_matrimonio": "2017-10-21", "regimen": "Sociedad conyugal",
            "oficialia": "Oficialía 02 de Metepec", "numero_acta": "00088"}, 35),
        ("acta-nacimiento", CHILD, "DEMO-NAC-2019-01377", {
            "nombre": "Sofía", "primer_apellido": "Ramírez", "segundo_apellido": "Hernández",
            "sexo": "M", "fecha_nacimiento": "2019-05-21",
            "lugar_nacimiento": "Toluca, Estado de México", "curp": "RAHS190521MMCMRFA4",
            "nombre_madre": "María Guadalupe Hernández López", "cuts_madre": MOTHER,
            "nombre_padre": "José Luis Ramírez Sánchez", "cuts_padre": FATHER,
            "oficialia": "Oficialía 01 de Toluca", "numero_acta": "01377",
            "fecha_registro": "2019-06-10"}, 30),
        ("acta-nacimiento", FATHER, "DEMO-NAC-1985-00957", {
            "nombre": "José Luis", "primer_apellido": "Ramírez", "segundo_apellido": "Sánchez",
            "sexo": "H", "fecha_nacimiento": "1985-07-02",
            "lugar_nacimiento": "Metepec, Estado de México", "curp": "RASL850702HMCMNS05",
            "nombre_madre": "Elena Sánchez Mora", "nombre_padre": "Luis Ramírez Vega",
            "oficialia": "Oficialía 01 de Metepec", "numero_acta": "00957",
            "fecha_registro": "1985-07-30"}, 50),
        ("no-antecedentes-penales", FATHER, "DEMO-CNAP-2026-104233", {
            "nombre": "José Luis Ramírez Sánchez", "curp": "RASL850702HMCMNS05",
            "fecha_nacimiento": "1985-07-02", "folio": "CNAP-2026-104233",
            "resultado": "Sin antecedentes penales", "motivo": "Trámite laboral"}, 5),
        ("acta-divorcio", FATHER, "DEMO-DIV-2015-00031", {
            "nombre_titular": "José Luis Ramírez Sánchez",
            "nombre_exconyuge": "Laura Martínez Ortiz", "cuts_exconyuge": FORMER_SPOUSE,
            "fecha_matrimonio": "2010-02-13", "fecha_divorcio": "2015-09-08",
            "modalidad": "Administrativo", "autoridad": "Oficial 01 del Registro Civil de Metepec",
            "numero_acta": "00031"}, 45),
    ]  # fmt: skip


@transaction.atomic
def load(*, stdout: TextIO, with_logins: bool) -> list[str]:
    """Load the folder's demo; return the lines for load_demo's closing block."""
    institutions: dict[str, Institution] = {}
    for name, acronym, kind, parent in INSTITUTIONS:
        institution, _created = Institution.objects.get_or_create(
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "parent": institutions.get(parent) if parent else None,
            },
        )
        institutions[acronym] = institution
    issuers: dict[str, Issuer] = {}
    for slug, acronym in ISSUERS:
        issuer, _created = Issuer.objects.get_or_create(
            slug=slug, defaults={"institution": institutions[acronym]}
        )
        current = issuer.current_key()
        if current is None or not keys.private_key_available(current.kid):
            services.issuer_key_generate(actor=SYSTEM, issuer=issuer)
        issuers[slug] = issuer
    for spec in TYPES:
        document_type, _created = DocumentType.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                key: spec[key]
                for key in ("name", "description", "validity_days", "related_holders")
            }
            | {"json_schema": spec["json_schema"]},
        )
        document_type.full_clean()
        document_type.issuers.add(issuers[spec["issuer"]])
    procedures = demo_procedures.load(issuers)
    citizens = {cuts: services.citizen_register(cuts=cuts)[0] for cuts, _name in CITIZENS}
    now = timezone.now()
    issued = 0
    for type_slug, cuts, reference, fields, days_ago in _documents(now):
        type_issuer = issuers[next(t["issuer"] for t in TYPES if t["slug"] == type_slug)]
        _document, created = services.document_issue(
            issuer=type_issuer,
            type_slug=type_slug,
            cuts=cuts,
            fields=fields,
            reference=reference,
            issued_at=now - datetime.timedelta(days=days_ago),
            actor_label=actor_labels.channel(
                actor_labels.stored(actor_labels.ISSUER, issuer=type_issuer),
                "datos de demostración",
            ),
        )
        issued += created
    stdout.write(
        f"Carpeta Ciudadana: {len(TYPES)} tipos de documento, {len(issuers)} emisores, "
        f"{len(citizens)} carpetas de demostración ({issued} documentos nuevos), "
        f"{procedures} trámite(s).\n"
    )
    lines = []
    for cuts, name in CITIZENS:
        lines += demo_logins.folder_lines(citizens[cuts], cuts, name, with_logins)
    if lines:
        lines.insert(0, f"Carpeta Ciudadana ({settings.SITE_URL}{reverse('folder:landing')}):")
    return lines
