"""The forum's datasets: sessions, attendance, agenda, agreements, follow-up and materials."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from abierto.forum import selectors as forum
from abierto.forum import selectors_materials as materials
from abierto.forum.selectors_materials import material_public_url
from abierto.lib.roman import to_roman

from .catalog import Column, Dataset, field_column, register

if TYPE_CHECKING:
    from abierto.forum.models import SessionMaterial


def _url(obj: Any) -> str:
    return f"{settings.SITE_URL}{obj.get_absolute_url()}"


SESSION_ID = Column(
    "session_id", _("Identificador público de la sesión."), lambda o: o.session.public_id
)
SESSION_NUMBER = Column(
    "session_number",
    _("Número de la sesión dentro de su tipo."),
    lambda o: o.session.number,
    "integer",
)
SESSION_DATE = Column("session_date", _("Fecha de la sesión."), lambda o: o.session.date, "date")
# Every record names its forum (the state STL or a municipal one), by its acronym.
SESSION_FORUM = Column(
    "forum", _("Siglas del foro de la sesión."), lambda o: o.session.forum.acronym
)
AGREEMENT_FORUM = Column(
    "forum", _("Siglas del foro de la sesión."), lambda o: o.agreement.session.forum.acronym
)

register(
    Dataset(
        slug="sesiones",
        temporal_field="date",
        title=_("Sesiones del Secretariado Técnico Local"),
        description=_(
            "Cada sesión del STL: tipo, número, fecha, horario, modalidad, lugar y estado "
            "(programada, convocada, celebrada, acta aprobada o cancelada)."
        ),
        keywords=["sesiones", "gobierno abierto", "STL", "Estado de México"],
        rows=forum.opendata_sessions,
        forum_field="forum__slug",
        columns=[
            field_column("forum.Session", "public_id", "id"),
            field_column("forum.Session", "forum.acronym", "forum"),
            field_column("forum.Session", "kind", display=True),
            field_column("forum.Session", "number"),
            Column(
                "title", _("Nombre de la sesión como lo escriben las actas."), lambda s: s.title
            ),
            field_column("forum.Session", "date"),
            field_column("forum.Session", "start_time"),
            field_column("forum.Session", "end_time"),
            field_column("forum.Session", "modality", display=True),
            Column(
                "place",
                _("Sede o plataforma de la sesión (nunca el enlace para conectarse)."),
                forum.public_place,
            ),
            field_column("forum.Session", "status", display=True),
            field_column("forum.Session", "recording_url"),
            Column("url", _("Página pública de la sesión."), _url),
        ],
        excluded_fields=frozenset(
            {
                "id",
                "meeting_url",
                "ical_sequence",
                "roll_call_at",
                "calendar_agreement",
                "created_at",
                "updated_at",
                "place",
                "forum",
            }
        ),
    )
)

register(
    Dataset(
        slug="asistencia",
        temporal_field="session__date",
        title=_("Asistencia a las sesiones"),
        description=_(
            "Las personas presentes en cada sesión, con su cargo y su calidad: titular, "
            "suplente, en representación o invitada."
        ),
        keywords=["asistencia", "quórum", "sesiones"],
        rows=forum.opendata_attendance,
        forum_field="session__forum__slug",
        columns=[
            SESSION_ID,
            SESSION_NUMBER,
            SESSION_DATE,
            field_column("forum.Attendance", "name"),
            field_column("forum.Attendance", "role"),
            field_column("forum.Attendance", "capacity", display=True),
            field_column("forum.Attendance", "seat.label", "seat"),
            field_column("forum.Attendance", "seat.sector", "sector", display=True),
            SESSION_FORUM,
        ],
        modified_field="recorded_at",
        excluded_fields=frozenset({"id", "session", "seat", "person", "recorded_at"}),
    )
)

register(
    Dataset(
        slug="orden-del-dia",
        temporal_field="session__date",
        title=_("Puntos del orden del día"),
        description=_("Los puntos de cada sesión, en orden, con quién los presentó y su tipo."),
        keywords=["orden del día", "sesiones"],
        rows=forum.opendata_agenda_items,
        forum_field="session__forum__slug",
        columns=[
            SESSION_ID,
            SESSION_NUMBER,
            SESSION_DATE,
            field_column("forum.AgendaItem", "number", "order"),
            Column("order_roman", _("Número del punto en romanos."), lambda i: to_roman(i.number)),
            field_column("forum.AgendaItem", "title"),
            field_column("forum.AgendaItem", "kind", display=True),
            Column(
                "presenter", _("Quién presentó el punto."), lambda i: i.presenter_display or None
            ),
            SESSION_FORUM,
        ],
        excluded_fields=frozenset(
            {
                "id",
                "session",
                "presenter",
                "presenter_name",
                "narrative",
                "started_at",  # when the facilitator tapped the item's start: a working aid
                "created_at",
                "updated_at",
                "number",
            }
        ),
    )
)

register(
    Dataset(
        slug="acuerdos",
        temporal_field="session__date",
        title=_("Acuerdos y su seguimiento"),
        description=_(
            "Cada acuerdo con su clave (p. ej. STL/XV/1/2022), su texto, la sesión y el punto "
            "en que se tomó, la institución responsable, la fecha compromiso y su estado de "
            "seguimiento."
        ),
        keywords=["acuerdos", "seguimiento", "rendición de cuentas"],
        rows=forum.opendata_agreements,
        forum_field="session__forum__slug",
        columns=[
            field_column("forum.Agreement", "public_id", "id"),
            field_column("forum.Agreement", "code"),
            SESSION_ID,
            SESSION_DATE,
            Column(
                "agenda_item",
                _("Número del punto del orden del día en que se tomó."),
                lambda a: a.agenda_item.number if a.agenda_item else None,
                "integer",
            ),
            field_column("forum.Agreement", "text"),
            Column(
                "vote_result",
                _("Resultado de la votación: unanimidad o mayoría (vacío si no hubo votación)."),
                lambda a: ("unanimidad" if a.vote.unanimous else "mayoría") if a.vote else None,
                labels={"unanimidad": _("unanimidad"), "mayoría": _("mayoría")},
            ),
            field_column("forum.Agreement", "responsible.name", "responsible"),
            field_column("forum.Agreement", "due_date"),
            field_column("forum.Agreement", "requires_follow_up"),
            field_column("forum.Agreement", "status", display=True),
            Column("url", _("Página pública del acuerdo."), _url),
            SESSION_FORUM,
        ],
        excluded_fields=frozenset(
            {
                "id",
                "session",
                "agenda_item",
                "vote",
                "number",
                "responsible",
                "created_at",
                "updated_at",
            }
        ),
    )
)

register(
    Dataset(
        slug="seguimiento-de-acuerdos",
        temporal_field="reported_on",
        title=_("Reportes de seguimiento de acuerdos"),
        description=_("Cada avance reportado sobre un acuerdo: fecha, sesión, estado y nota."),
        keywords=["seguimiento", "acuerdos"],
        rows=forum.opendata_follow_ups,
        forum_field="agreement__session__forum__slug",
        columns=[
            field_column("forum.AgreementFollowUp", "agreement.code", "agreement_code"),
            field_column("forum.AgreementFollowUp", "reported_on"),
            Column(
                "session_id",
                _("Sesión en que se informó el avance."),
                lambda f: f.session.public_id if f.session else None,
            ),
            field_column("forum.AgreementFollowUp", "status", display=True),
            field_column("forum.AgreementFollowUp", "note"),
            AGREEMENT_FORUM,
        ],
        excluded_fields=frozenset(
            {"id", "agreement", "session", "author", "created_at", "updated_at"}
        ),
    )
)


def _material_url(material: SessionMaterial) -> str:
    return f"{settings.SITE_URL}{material_public_url(material)}"


register(
    Dataset(
        slug="materiales-de-sesion",
        temporal_field="session__date",
        title=_("Materiales presentados en las sesiones"),
        description=_(
            "Los archivos y enlaces públicos que presentó cada punto del orden del día, una vez "
            "celebrada la sesión, con quién los aportó y la huella SHA-256 de cada archivo. Los "
            "materiales reservados a las personas integrantes nunca se publican."
        ),
        keywords=["materiales", "sesiones", "transparencia", "SHA-256"],
        rows=materials.opendata_materials,
        columns=[
            field_column("forum.SessionMaterial", "public_id", "id"),
            SESSION_ID,
            SESSION_NUMBER,
            SESSION_DATE,
            Column(
                "agenda_item",
                _("Número del punto del orden del día que lo presentó."),
                lambda m: m.agenda_item.number if m.agenda_item else None,
                "integer",
            ),
            field_column("forum.SessionMaterial", "title"),
            field_column("forum.SessionMaterial", "kind", display=True),
            field_column("forum.SessionMaterial", "provider_name", "provider"),
            field_column("forum.SessionMaterial", "file_type"),
            field_column("forum.SessionMaterial", "file_size"),
            field_column("forum.SessionMaterial", "sha256"),
            field_column("forum.SessionMaterial", "url", "link"),
            Column(
                "url",
                _("Dirección para descargar el archivo o abrir el enlace."),
                _material_url,
            ),
        ],
        excluded_fields=frozenset(
            {
                "id",
                "session",
                "agenda_item",
                "provider",
                "is_public",
                "file",
                "file_name",
                "minutes",
                "uploaded_by",
                "created_at",
                "updated_at",
            }
        ),
    )
)
