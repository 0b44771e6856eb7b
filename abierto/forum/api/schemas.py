"""The forum's API schemas: sessions with their agenda, attendance, votes, agreements and minutes.

Field names follow Open Civic Data events and Popolo vote events where one fits
(``start_time``, ``end_time``, ``agenda`` with ``order``, ``motion``, ``result``, ``counts``).
Every item is identified by its public ``id``, never by a database key.
"""

import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from ninja import Field, Schema

from .. import selectors
from ..calendar_feed import TZID, session_span
from ..models import (
    AgendaItem,
    Agreement,
    AgreementFollowUp,
    AgreementStatus,
    Attendance,
    Minutes,
    Session,
    Vote,
)
from .params import AGREEMENT_ID, SESSION_ID


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


class ConvocationOut(Schema):
    reference: str = Field(
        ..., description="Número de oficio de la convocatoria.", examples=["STL/016/2022"]
    )
    date: datetime.date = Field(..., description="Fecha del oficio.", examples=["2022-12-09"])


class SessionRefOut(Schema):
    id: str = Field(..., description="Identificador público de la sesión.", examples=[SESSION_ID])
    name: str = Field(
        ..., description="Nombre de la sesión.", examples=["Décimo Quinta Sesión Ordinaria"]
    )
    date: datetime.date = Field(..., description="Fecha de la sesión.", examples=["2022-12-16"])
    url: str = Field(
        ...,
        description="Página pública de la sesión.",
        examples=[f"https://gobiernoabierto.example.mx/sesiones/{SESSION_ID}/"],
    )

    @staticmethod
    def resolve_id(obj: Session) -> str:
        return obj.public_id

    @staticmethod
    def resolve_name(obj: Session) -> str:
        return obj.title

    @staticmethod
    def resolve_url(obj: Session) -> str:
        return _absolute(obj.get_absolute_url())


class SessionOut(SessionRefOut):
    forum: str = Field(
        ..., description="Siglas del foro al que pertenece la sesión.", examples=["STL"]
    )
    number: int = Field(..., description="Número de la sesión dentro de su tipo.", examples=[15])
    kind: Session.Kind = Field(
        ..., description="Tipo de sesión: ordinaria o extraordinaria.", examples=["ordinary"]
    )
    modality: Session.Modality = Field(
        ..., description="Modalidad: presencial, virtual o híbrida.", examples=["virtual"]
    )
    status: Session.Status = Field(
        ...,
        description="Estado: programada, convocada, celebrada, acta aprobada o cancelada.",
        examples=["minutes_approved"],
    )
    start_time: datetime.datetime | None = Field(
        ...,
        description="Inicio, en ISO 8601 con desfase horario; nulo si aún no se fija la hora.",
        examples=["2022-12-16T11:04:00-06:00"],
    )
    end_time: datetime.datetime | None = Field(
        ...,
        description="Término (la clausura, o dos horas después del inicio si no se registró); "
        "nulo si no se conoce la hora de inicio.",
        examples=["2022-12-16T13:10:00-06:00"],
    )
    all_day: bool = Field(
        ..., description="Verdadero si solo se conoce la fecha, no la hora.", examples=[False]
    )
    timezone: str = Field(..., description="Zona horaria de la sesión.", examples=[TZID])
    location: str = Field(
        ...,
        description="Sede, o plataforma en sesiones virtuales. El enlace para conectarse no "
        "se publica.",
        examples=["Plataforma Zoom"],
    )
    convocation: ConvocationOut | None = Field(
        ..., description="Oficio de convocatoria, cuando la sesión ya se convocó."
    )

    @staticmethod
    def resolve_forum(obj: Session) -> str:
        return obj.forum.acronym

    @staticmethod
    def resolve_start_time(obj: Session) -> datetime.datetime | None:
        start, _end = session_span(obj)
        return start if isinstance(start, datetime.datetime) else None

    @staticmethod
    def resolve_end_time(obj: Session) -> datetime.datetime | None:
        _start, end = session_span(obj)
        return end if isinstance(end, datetime.datetime) else None

    @staticmethod
    def resolve_all_day(obj: Session) -> bool:
        return obj.start_time is None

    @staticmethod
    def resolve_timezone(obj: Session) -> str:
        return TZID

    @staticmethod
    def resolve_location(obj: Session) -> str:
        return selectors.public_place(obj)

    @staticmethod
    def resolve_convocation(obj: Session) -> Any:
        return selectors.convocation_of(obj)


class AgendaItemOut(Schema):
    order: int = Field(..., description="Número del punto (en el acta, en romanos).", examples=[4])
    title: str = Field(
        ...,
        description="El punto tal como se anuncia.",
        examples=["Lectura y, en su caso, aprobación del acta de la sesión anterior."],
    )
    kind: AgendaItem.Kind = Field(
        ..., description="Informativo o para acuerdo (se vota).", examples=["decisive"]
    )
    presenter: str | None = Field(
        ...,
        description="Quién presenta el punto, si se indicó.",
        examples=["Mtra. Ana López, Subsecretaria de Justicia"],
    )

    @staticmethod
    def resolve_order(obj: AgendaItem) -> int:
        return obj.number

    @staticmethod
    def resolve_presenter(obj: AgendaItem) -> str | None:
        return obj.presenter_display or None


class AttendanceOut(Schema):
    name: str = Field(..., description="Nombre de quien asistió.", examples=["Lic. Juan Pérez"])
    role: str = Field(
        ..., description="Cargo con el que asistió.", examples=["Comisionado del Infoem"]
    )
    capacity: Attendance.Capacity = Field(
        ...,
        description="Calidad: titular, suplente, en representación (delegado) o invitado.",
        examples=["holder"],
    )
    seat: str | None = Field(
        ..., description="Asiento por el que asistió; nulo para invitados.", examples=["Infoem"]
    )
    sector: str | None = Field(
        ...,
        description="Sector del asiento: facilitation, civil_society, guarantor, public_bodies "
        "o judiciary; nulo para invitados.",
        examples=["guarantor"],
    )

    @staticmethod
    def resolve_seat(obj: Attendance) -> str | None:
        return obj.seat.label if obj.seat else None

    @staticmethod
    def resolve_sector(obj: Attendance) -> str | None:
        return obj.seat.sector if obj.seat else None


class QuorumOut(Schema):
    present_seats: int = Field(..., description="Asientos con voto presentes.", examples=[9])
    total_seats: int = Field(..., description="Asientos con voto del foro.", examples=[11])
    required: int = Field(..., description="Asientos necesarios para el quórum.", examples=[6])
    reached: bool = Field(..., description="Si hubo quórum.", examples=[True])


class VoteCountsOut(Schema):
    yes: int = Field(..., description="Votos a favor.", examples=[9])
    no: int = Field(..., description="Votos en contra.", examples=[0])
    abstain: int = Field(..., description="Abstenciones.", examples=[0])


class VoteOut(Schema):
    motion: str = Field(
        ..., description="Lo que se sometió a votación.", examples=["Aprobación del orden del día."]
    )
    result: Vote.Result = Field(..., description="Resultado: aprobado o no.", examples=["approved"])
    counts: VoteCountsOut = Field(..., description="Votos por sentido.")
    unanimous: bool = Field(
        ..., description="Si todos los asientos presentes votaron a favor.", examples=[True]
    )
    agenda_item_order: int = Field(
        ..., description="Número del punto del orden del día en que se votó.", examples=[2]
    )

    @staticmethod
    def resolve_counts(obj: Vote) -> dict[str, int]:
        return {"yes": obj.votes_for, "no": obj.votes_against, "abstain": obj.abstentions}

    @staticmethod
    def resolve_agenda_item_order(obj: Vote) -> int:
        return obj.agenda_item.number


class AgreementBriefOut(Schema):
    id: str = Field(..., description="Identificador público del acuerdo.", examples=[AGREEMENT_ID])
    code: str = Field(..., description="Clave del acuerdo.", examples=["STL/XV/1/2022"])
    text: str = Field(
        ...,
        description="Texto del acuerdo tal como se aprobó.",
        examples=["Se aprueba por unanimidad de votos el orden del día, en sus términos."],
    )
    status: AgreementStatus = Field(
        ..., description="Pendiente, en proceso, cumplido o cancelado.", examples=["done"]
    )
    url: str = Field(
        ...,
        description="Página pública del acuerdo.",
        examples=[f"https://gobiernoabierto.example.mx/acuerdos/{AGREEMENT_ID}/"],
    )

    @staticmethod
    def resolve_id(obj: Agreement) -> str:
        return obj.public_id

    @staticmethod
    def resolve_url(obj: Agreement) -> str:
        return _absolute(obj.get_absolute_url())


class MinutesOut(Schema):
    pdf_url: str = Field(
        ...,
        description="Acta en PDF.",
        examples=[f"https://gobiernoabierto.example.mx/sesiones/{SESSION_ID}/acta.pdf"],
    )
    docx_url: str = Field(
        ...,
        description="Acta en Word (DOCX).",
        examples=[f"https://gobiernoabierto.example.mx/sesiones/{SESSION_ID}/acta.docx"],
    )
    sha256: str = Field(
        ...,
        description="Huella SHA-256 del texto aprobado (UTF-8), para comprobar que no cambió.",
        examples=["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
    )
    published_at: datetime.datetime | None = Field(
        ..., description="Cuándo se publicó.", examples=["2023-02-24T14:00:00-06:00"]
    )

    @staticmethod
    def resolve_pdf_url(obj: Minutes) -> str:
        return _absolute(reverse("forum:minutes_pdf", args=[obj.session.public_id]))

    @staticmethod
    def resolve_docx_url(obj: Minutes) -> str:
        return _absolute(reverse("forum:minutes_docx", args=[obj.session.public_id]))

    @staticmethod
    def resolve_sha256(obj: Minutes) -> str:
        return obj.content_hash


class SessionDetailOut(SessionOut):
    agenda: list[AgendaItemOut] = Field(..., description="Orden del día, en orden.")
    attendance: list[AttendanceOut] = Field(
        ..., description="Quienes asistieron, por asiento y como invitados."
    )
    quorum: QuorumOut | None = Field(
        ..., description="Quórum según la lista de asistencia; nulo si aún no se registra."
    )
    votes: list[VoteOut] = Field(..., description="Votaciones, en el orden de sus puntos.")
    agreements: list[AgreementBriefOut] = Field(..., description="Acuerdos de la sesión.")
    minutes: MinutesOut | None = Field(
        ..., description="El acta publicada; nulo hasta que se aprueba y publica."
    )

    @staticmethod
    def resolve_agenda(obj: Session) -> list[AgendaItem]:
        return sorted(obj.agenda.all(), key=lambda item: item.number)

    @staticmethod
    def resolve_attendance(obj: Session) -> list[Attendance]:
        groups, guests = selectors.attendance_by_sector(obj)
        return [row for group in groups for row in group.rows] + guests

    @staticmethod
    def resolve_quorum(obj: Session) -> Any:
        return selectors.quorum_state(obj) if obj.attendance.all() else None

    @staticmethod
    def resolve_votes(obj: Session) -> list[Vote]:
        return [d.vote for d in selectors.session_decisions(obj) if d.vote is not None]

    @staticmethod
    def resolve_agreements(obj: Session) -> list[Agreement]:
        return sorted(obj.agreements.all(), key=lambda agreement: agreement.number)

    @staticmethod
    def resolve_minutes(obj: Session) -> Minutes | None:
        return selectors.published_minutes(obj)


class InstitutionOut(Schema):
    id: str = Field(..., description="Identificador público de la institución.", examples=["k2"])
    name: str = Field(
        ...,
        description="Nombre oficial.",
        examples=["Secretaría de la Contraloría del Estado de México"],
    )
    acronym: str = Field(..., description="Siglas, si las tiene.", examples=["SECOGEM"])

    @staticmethod
    def resolve_id(obj: Any) -> str:
        return str(obj.public_id)


class AgreementOut(AgreementBriefOut):
    forum: str = Field(..., description="Siglas del foro que tomó el acuerdo.", examples=["STL"])
    number: int = Field(..., description="Consecutivo del acuerdo en su sesión.", examples=[1])
    session: SessionRefOut = Field(..., description="Sesión en que se tomó.")
    responsible: InstitutionOut | None = Field(
        ..., description="Institución responsable de cumplirlo, si la hay."
    )
    due_date: datetime.date | None = Field(
        ..., description="Fecha compromiso, si la hay.", examples=["2023-04-28"]
    )
    requires_follow_up: bool = Field(
        ...,
        description="Si compromete a alguien a actuar y se revisa en cada sesión hasta cumplirse.",
        examples=[True],
    )

    @staticmethod
    def resolve_forum(obj: Agreement) -> str:
        return obj.session.forum.acronym


class FollowUpOut(Schema):
    date: datetime.date = Field(..., description="Fecha del reporte.", examples=["2023-02-24"])
    session: SessionRefOut | None = Field(
        ..., description="Sesión en que se informó, si fue en una."
    )
    status: AgreementStatus = Field(
        ..., description="Estado del acuerdo después del reporte.", examples=["in_progress"]
    )
    note: str = Field(
        ...,
        description="Lo que se informó.",
        examples=["Se programó la sesión de sensibilización para marzo."],
    )

    @staticmethod
    def resolve_date(obj: AgreementFollowUp) -> datetime.date:
        return obj.reported_on


class AgreementDetailOut(AgreementOut):
    vote: VoteOut | None = Field(..., description="Votación que lo aprobó, si se registró.")
    follow_ups: list[FollowUpOut] = Field(
        ..., description="Seguimiento, del más antiguo al último."
    )

    @staticmethod
    def resolve_follow_ups(obj: Agreement) -> list[AgreementFollowUp]:
        return list(obj.follow_ups.all())
