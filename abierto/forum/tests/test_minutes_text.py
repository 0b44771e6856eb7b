import datetime

import pytest
from django.utils import translation

from abierto.directory.tests.factories import InstitutionFactory, PersonFactory
from abierto.forum import services
from abierto.forum.minutes_text import compose_minutes
from abierto.forum.models import (
    AgendaItem,
    AgreementStatus,
    Convocation,
    Minutes,
    Sector,
    Session,
)
from abierto.forum.services import RollCallEntry

from .factories import (
    AgendaItemFactory,
    ForumFactory,
    SeatFactory,
    SessionFactory,
    forum_with_seats,
)

FIFTEENTH_AGENDA = [
    ("Lista de asistencia y declaratoria de quórum.", AgendaItem.Kind.INFORMATIVE),
    ("Lectura y, en su caso, aprobación del orden del día.", AgendaItem.Kind.DECISIVE),
    (
        "Lectura y, en su caso, aprobación del acta de la Décimo Cuarta Sesión Ordinaria.",
        AgendaItem.Kind.DECISIVE,
    ),
    ("Presentación de la Carpeta Ciudadana.", AgendaItem.Kind.INFORMATIVE),
    ("Informe de avances del Plan de Acción Local.", AgendaItem.Kind.INFORMATIVE),
    ("Estudio de apertura institucional municipal.", AgendaItem.Kind.INFORMATIVE),
    ("Aprobación del calendario de sesiones ordinarias 2023.", AgendaItem.Kind.DECISIVE),
    (
        "Sesión de sensibilización en gobierno abierto para la Secretaría de la Contraloría.",
        AgendaItem.Kind.DECISIVE,
    ),
    ("Seguimiento de Acuerdos.", AgendaItem.Kind.INFORMATIVE),
    ("Asuntos Generales.", AgendaItem.Kind.INFORMATIVE),
    ("Clausura de la sesión.", AgendaItem.Kind.INFORMATIVE),
]

CARPETA_NARRATIVE = (
    "El Subsecretario expuso que la Carpeta Ciudadana permite a las personas consultar, "
    "descargar y compartir los documentos que emiten las dependencias estatales, con dos "
    "llaves de acceso: el carnet jurídico y la Clave Única de Trámites y Servicios (CUTS).\n\n"
    "Precisó que el piloto incluye seis documentos, entre ellos la licencia de conducir "
    "digital y la constancia de no antecedentes penales."
)


def build_fifteenth_session(actor, *, hold=True):
    """The STL's 15th ordinary session (16 Dec 2022) over Zoom: convened, then held and closed."""
    forum = ForumFactory()
    justicia = InstitutionFactory(name="Secretaría de Justicia y Derechos Humanos", acronym="SJDH")
    infoem = InstitutionFactory(
        name="Instituto de Transparencia, Acceso a la Información Pública y Protección de "
        "Datos Personales del Estado de México y Municipios",
        acronym="Infoem",
    )
    contraloria = InstitutionFactory(name="Secretaría de la Contraloría", acronym="SECOGEM")
    ieem = InstitutionFactory(name="Instituto Electoral del Estado de México", acronym="IEEM")
    judicial = InstitutionFactory(name="Poder Judicial del Estado de México", acronym="PJEM")

    def person(honorific, name, role, institution):
        return PersonFactory(
            honorific=honorific, name=name, public_role=role, institution=institution
        )

    seats = {
        "facilitation": SeatFactory(
            forum=forum,
            sector=Sector.FACILITATION,
            label="Facilitación",
            institution=justicia,
            holder=person("Mtra.", "Laura Martínez Ortega", "Facilitadora del STL", justicia),
            order=1,
        ),
        "infoem": SeatFactory(
            forum=forum,
            sector=Sector.GUARANTOR,
            label="Infoem",
            institution=infoem,
            holder=person("Dra.", "Elena Castillo Rangel", "Comisionada", infoem),
            alternate=person("Lic.", "Andrés Molina Pérez", "Director de Gobierno Abierto", infoem),
            order=2,
        ),
        "osc1": SeatFactory(
            forum=forum,
            sector=Sector.CIVIL_SOCIETY,
            label="Sociedad Civil 1",
            institution=None,
            holder=person("", "Sofía Reyes Benítez", "Integrante de sociedad civil", None),
            order=3,
        ),
        "osc2": SeatFactory(
            forum=forum,
            sector=Sector.CIVIL_SOCIETY,
            label="Sociedad Civil 2",
            institution=None,
            holder=person("C.", "Tomás Aguilar Nava", "Integrante de sociedad civil", None),
            order=4,
        ),
        "contraloria": SeatFactory(
            forum=forum,
            sector=Sector.PUBLIC_BODIES,
            label="Secretaría de la Contraloría",
            institution=contraloria,
            holder=person("Mtro.", "Ricardo Salinas Mora", "Subsecretario de Control", contraloria),
            order=5,
        ),
        "ieem": SeatFactory(
            forum=forum,
            sector=Sector.PUBLIC_BODIES,
            label="IEEM",
            institution=ieem,
            order=6,
        ),
        "judicial": SeatFactory(
            forum=forum,
            sector=Sector.JUDICIARY,
            label="Poder Judicial",
            institution=judicial,
            holder=person("Mgdo.", "Fernando Ortiz Lugo", "Magistrado", judicial),
            order=7,
        ),
    }

    # The 14th session left two agreements open that the 15th reviews. They are recorded
    # while it runs; a closed session takes no new agreement.
    fourteenth = SessionFactory(
        forum=forum, number=14, date=datetime.date(2022, 10, 28), status=Session.Status.CONVENED
    )
    sensitisation = services.agreement_create(
        actor=actor,
        session=fourteenth,
        text="Programar una sesión de sensibilización en gobierno abierto para la Contraloría.",
        responsible=contraloria,
        due_date=datetime.date(2022, 12, 16),
        requires_follow_up=True,
    )
    services.agreement_create(
        actor=actor,
        session=fourteenth,
        text="Publicar en el micrositio una agenda pública de actividades del STL.",
        responsible=infoem,
        requires_follow_up=True,
    )
    Session.objects.filter(pk=fourteenth.pk).update(status=Session.Status.HELD)
    fourteenth.refresh_from_db()
    Minutes.objects.create(session=fourteenth, text="Acta de la Décimo Cuarta Sesión Ordinaria.")

    session = services.session_create(
        actor=actor,
        forum=forum,
        number=15,
        date=datetime.date(2022, 12, 16),
        start_time=datetime.time(11, 0),
        modality=Session.Modality.VIRTUAL,
        place="Plataforma Zoom",
        meeting_url="https://zoom.us/j/81234567890",
        standard_agenda=False,
    )
    items = [
        services.agenda_item_add(actor=actor, session=session, title=title, kind=kind)
        for title, kind in FIFTEENTH_AGENDA
    ]
    services.agenda_item_update(
        actor=actor,
        item=items[3],
        presenter_name="Mtro. Luis Hernández Vega, Subsecretario de Justicia",
        narrative=CARPETA_NARRATIVE,
    )
    services.agenda_item_update(actor=actor, item=items[4], presenter=seats["facilitation"].holder)
    Convocation.objects.create(
        session=session,
        forum=forum,
        year=2022,
        sequence=16,
        reference="STL/016/2022",
        date=datetime.date(2022, 12, 9),
        body="Se adjunta la presentación de la Carpeta Ciudadana.",
    )
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CONVENED)
    session.refresh_from_db()
    if not hold:
        return session

    services.session_open(actor=actor, session=session, start_time=datetime.time(11, 4))
    services.roll_call_record(
        actor=actor,
        session=session,
        entries=[
            RollCallEntry(seat=seats["facilitation"], holder=True),
            RollCallEntry(seat=seats["infoem"], alternate=True),
            RollCallEntry(seat=seats["osc1"], holder=True),
            RollCallEntry(seat=seats["osc2"], holder=True),
            RollCallEntry(seat=seats["contraloria"], delegate_name="Lic. Jorge Ramírez Soto"),
            RollCallEntry(seat=seats["judicial"], holder=True),
        ],
    )
    services.guest_add(
        actor=actor,
        session=session,
        name="Mtro. Luis Hernández Vega",
        role="Subsecretario de Justicia",
    )
    services.vote_record(
        actor=actor,
        agenda_item=items[1],
        motion="Aprobación del orden del día.",
        votes_for=6,
        agreement_text="Se aprueba por unanimidad de votos el orden del día, en sus términos.",
    )
    services.minutes_approve(
        actor=actor,
        minutes=fourteenth.minutes,
        agenda_item=items[2],
        votes_for=6,
    )
    services.vote_record(
        actor=actor,
        agenda_item=items[6],
        motion="Calendario de sesiones ordinarias 2023.",
        votes_for=5,
        abstentions=1,
        agreement_text=(
            "Se aprueba por mayoría de votos el calendario de sesiones ordinarias 2023: "
            "24 de febrero, 28 de abril, 30 de junio y 25 de agosto."
        ),
    )
    services.vote_record(
        actor=actor,
        agenda_item=items[7],
        motion="Sesión de sensibilización para la Secretaría de la Contraloría.",
        votes_for=6,
        agreement_text=(
            "Se aprueba por unanimidad de votos que la Facilitación programe una sesión de "
            "sensibilización en gobierno abierto para la Secretaría de la Contraloría."
        ),
        responsible=contraloria,
        due_date=datetime.date(2023, 2, 24),
        requires_follow_up=True,
    )
    services.agreement_follow_up(
        actor=actor,
        agreement=sensitisation,
        status=AgreementStatus.IN_PROGRESS,
        note="La Contraloría informó que la sesión se realizará en enero de 2023.",
        session=session,
    )
    services.session_close(
        actor=actor, session=session, end_time=datetime.time(12, 40), unvoted_confirmed=True
    )
    session.refresh_from_db()
    return session


@pytest.fixture
def fifteenth(facilitator):
    return build_fifteenth_session(facilitator)


@pytest.mark.django_db
def test_the_opening_says_modality_time_and_date_in_words(fifteenth):
    text = compose_minutes(fifteenth)
    assert text.startswith(
        "# ACTA DE LA DÉCIMO QUINTA SESIÓN ORDINARIA DEL SECRETARIADO TÉCNICO LOCAL DE "
        "GOBIERNO ABIERTO DEL ESTADO DE MÉXICO\n\n"
    )
    assert (
        "En el Estado de México, siendo las once horas con cuatro minutos del día dieciséis de "
        "diciembre de dos mil veintidós, se encuentran reunidos los integrantes del "
        "Secretariado Técnico Local de Gobierno Abierto del Estado de México, para celebrar su "
        "Décimo Quinta Sesión Ordinaria, a través de la plataforma Zoom, a la cual fueron "
        "convocados por la Facilitadora Mtra. Laura Martínez Ortega, mediante el oficio número "
        "STL/016/2022, de fecha nueve de diciembre de dos mil veintidós, estando presentes: "
        in text
    )
    assert text.split("\n\n")[1].endswith(
        ", con la finalidad de desahogar la sesión bajo el siguiente orden del día:"
    )


@pytest.mark.django_db
def test_closing_the_session_drafts_the_minutes_with_this_text(fifteenth):
    assert fifteenth.minutes.text == compose_minutes(fifteenth)
    assert fifteenth.minutes.status == Minutes.Status.DRAFT


@pytest.mark.django_db
def test_the_agenda_is_numbered_in_roman_numerals(fifteenth):
    text = compose_minutes(fifteenth)
    assert "# Orden del día\n\n- I. Lista de asistencia y declaratoria de quórum;\n" in text
    assert "\n- X. Asuntos Generales; y\n- XI. Clausura de la sesión.\n\nI.- " in text
    assert "\n\nIX.- Estado de los acuerdos en seguimiento:\n" in text
    # Presenters are announced in the agenda, as the STL's actas do.
    assert (
        "- IV. Presentación de la Carpeta Ciudadana, por parte de Mtro. Luis Hernández Vega, "
        "Subsecretario de Justicia;\n" in text
    )


@pytest.mark.django_db
def test_the_roll_call_lists_holders_alternates_delegates_and_guests(fifteenth):
    text = compose_minutes(fifteenth)
    opening = text.split("\n\n")[1]
    assert (
        "estando presentes: Mtra. Laura Martínez Ortega, Facilitadora del STL, titular de "
        "Facilitación; Lic. Andrés Molina Pérez, Director de Gobierno Abierto, suplente de "
        "Órgano Garante (Infoem); Sofía Reyes Benítez, Integrante de sociedad civil, titular de "
        "Sociedad Civil 1; " in opening
    )
    assert (
        "; Lic. Jorge Ramírez Soto, en representación de Mtro. Ricardo Salinas Mora, por Entes "
        "Públicos (Secretaría de la Contraloría); " in opening
    )
    assert (
        "; Mtro. Luis Hernández Vega, Subsecretario de Justicia, en calidad de persona "
        "invitada, con la finalidad" in opening
    )
    assert "IEEM" not in opening  # the absent seat is not listed


@pytest.mark.django_db
def test_quorum_is_declared_with_present_seats_of_total(fifteenth):
    text = compose_minutes(fifteenth)
    assert (
        "Con la asistencia de seis de los siete asientos con derecho a voto del Secretariado "
        "Técnico Local de Gobierno Abierto del Estado de México, se declaró la existencia de "
        "quórum para sesionar, por lo que los acuerdos que se tomen en la sesión serán "
        "válidos." in text
    )


@pytest.mark.django_db
def test_votes_and_agreements_are_written_on_their_items(fifteenth):
    text = compose_minutes(fifteenth)
    assert (
        "II.- En desahogo de este punto del orden del día, se sometió a la consideración de las "
        "personas integrantes la propuesta correspondiente.\n\n"
        "Sometida a votación la propuesta «Aprobación del orden del día», fue aprobada por "
        "unanimidad de votos de las personas integrantes presentes.\n\n"
        "ACUERDO STL/XV/1/2022: Se aprueba por unanimidad de votos el orden del día, en sus "
        "términos.\n\n"
    ) in text
    assert (
        "ACUERDO STL/XV/2/2022: Se aprueba por unanimidad de votos el Acta de la Décimo Cuarta"
        in text
    )
    assert (
        "fue aprobada por mayoría de votos, con cinco votos a favor y una abstención.\n\n"
        "ACUERDO STL/XV/3/2022: Se aprueba por mayoría de votos el calendario" in text
    )
    assert (
        "para la Secretaría de la Contraloría.\nResponsable: Secretaría de la Contraloría. "
        "Fecha compromiso: 24 de febrero de 2023.\n\n" in text
    )


@pytest.mark.django_db
def test_items_show_the_presenter_and_the_narrative(fifteenth):
    text = compose_minutes(fifteenth)
    assert (
        "IV.- En desahogo de este punto del orden del día, hizo uso de la voz Mtro. Luis "
        "Hernández Vega, Subsecretario de Justicia.\n\n"
        "El Subsecretario expuso que la Carpeta Ciudadana" in text
    )
    assert (
        "V.- En desahogo de este punto del orden del día, hizo uso de la voz Mtra. Laura "
        "Martínez Ortega, Facilitadora del STL, quien presentó la información correspondiente."
        in text
    )
    assert (
        "VI.- En desahogo de este punto del orden del día, se dio cuenta a las personas "
        "integrantes de la información correspondiente." in text
    )
    assert "X.- En desahogo de este punto del orden del día, no se registraron asuntos" in text


@pytest.mark.django_db
def test_the_follow_up_item_reviews_pending_agreements_of_earlier_sessions(fifteenth):
    section = compose_minutes(fifteenth).split("\n\nIX.- ")[1].split("\n\nX.- ")[0]
    assert section.startswith("Estado de los acuerdos en seguimiento:\n\n")
    assert (
        "- STL/XIV/1/2022 (Décimo Cuarta Sesión Ordinaria): Programar una sesión de "
        "sensibilización en gobierno abierto para la Contraloría. Responsable: Secretaría de la "
        "Contraloría. Fecha compromiso: 16 de diciembre de 2022. Se informó: La Contraloría "
        "informó que la sesión se realizará en enero de 2023. Estado: En proceso.\n" in section
    )
    assert "- STL/XIV/2/2022 (Décimo Cuarta Sesión Ordinaria): Publicar" in section
    assert "Estado: Pendiente." in section
    assert "STL/XV/4/2022" not in section  # this session's own agreement is not yet reviewed


@pytest.mark.django_db
def test_the_closing_says_the_end_time_in_words_and_signatures_follow(fifteenth):
    text = compose_minutes(fifteenth)
    assert (
        "XI.- No habiendo más puntos que tratar, siendo las doce horas con cuarenta minutos "
        "del día dieciséis de diciembre de dos mil veintidós, la Facilitadora Mtra. Laura "
        "Martínez Ortega dio por terminada la Décimo Quinta Sesión Ordinaria del Secretariado "
        "Técnico Local de Gobierno Abierto del Estado de México.\n\n# FIRMAS\n\n"
        "Mtra. Laura Martínez Ortega | Facilitadora del STL — Facilitación, titular\n" in text
    )
    assert text.endswith("Mgdo. Fernando Ortiz Lugo | Magistrado — Poder Judicial, titular\n")
    assert "Mtro. Luis Hernández Vega |" not in text  # guests do not sign


@pytest.mark.django_db
def test_the_minutes_stay_in_spanish_when_the_interface_is_in_english(fifteenth):
    with translation.override("en"):
        text = compose_minutes(fifteenth)
    assert "Estado: En proceso." in text
    assert "Órgano Garante (Infoem)" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "words"),
    [
        (datetime.time(1, 5), "siendo la una hora con cinco minutos del día primero de marzo"),
        (datetime.time(21, 1), "siendo las veintiuna horas con un minuto del día primero"),
        (
            datetime.time(10, 0),
            "siendo las diez horas del día primero de marzo de dos mil veintitrés",
        ),
    ],
)
def test_hours_are_feminine_and_the_first_of_the_month_is_primero(start, words):
    session = SessionFactory(date=datetime.date(2023, 3, 1), start_time=start)
    assert words in compose_minutes(session)


@pytest.mark.django_db
def test_an_in_person_session_opens_in_the_city_of_toluca():
    session = SessionFactory(
        modality=Session.Modality.IN_PERSON, place="la Sala de Juntas del Infoem"
    )
    assert (
        compose_minutes(session)
        .split("\n\n")[1]
        .startswith("En la Ciudad de Toluca de Lerdo, Estado de México, siendo las once horas")
    )
    assert f", para celebrar su {session.title}, en la Sala de Juntas del Infoem, " in (
        compose_minutes(session)
    )


@pytest.mark.django_db
def test_a_hybrid_session_names_both_venues():
    session = SessionFactory(modality=Session.Modality.HYBRID, place="la sede del Infoem")
    assert (
        "Sesión Ordinaria, de manera presencial en la sede del Infoem y a distancia por medios "
        "electrónicos" in compose_minutes(session)
    )


@pytest.mark.django_db
def test_a_bare_session_still_has_roll_call_quorum_and_closing(facilitator):
    forum, seats = forum_with_seats(3)
    session = SessionFactory(forum=forum, end_time=datetime.time(13, 0))
    services.roll_call_record(
        actor=facilitator, session=session, entries=[RollCallEntry(seat=seats[0], holder=True)]
    )
    text = compose_minutes(session)
    assert "No se registró orden del día." in text
    assert "Con la asistencia de uno de los tres asientos con derecho a voto del " in text
    assert (
        "se hizo constar que no se reunió el quórum requerido de dos asientos para sesionar" in text
    )
    assert "No habiendo más puntos que tratar, siendo las trece horas del día" in text
    assert "# FIRMAS" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("seats", "present", "phrase"),
    [
        (1, 1, "Con la asistencia del único asiento con derecho a voto del "),
        (1, 0, "Al no encontrarse presente el único asiento con derecho a voto del "),
        (21, 0, "Al no encontrarse presente ninguno de los veintiún asientos con derecho a voto"),
        (2, 1, "no se reunió el quórum requerido de dos asientos para sesionar."),
    ],
)
def test_the_quorum_sentence_agrees_in_number(facilitator, seats, present, phrase):
    forum, all_seats = forum_with_seats(seats)
    session = SessionFactory(forum=forum)
    services.roll_call_record(
        actor=facilitator,
        session=session,
        entries=[RollCallEntry(seat=seat, holder=True) for seat in all_seats[:present]],
    )
    session.refresh_from_db()
    text = compose_minutes(session)
    assert phrase in text
    if present == 0:
        assert "sin que se encontrara presente persona integrante alguna." in text
        assert "# FIRMAS" not in text


@pytest.mark.django_db
def test_minutes_without_a_recorded_roll_call_say_so_and_claim_no_quorum(facilitator):
    forum, _seats = forum_with_seats(3)
    session = SessionFactory(forum=forum)
    AgendaItemFactory(
        session=session, number=1, title="Lista de asistencia y declaratoria de quórum."
    )
    text = compose_minutes(session)
    roll_call = text.split("\n\nI.- ")[1].split("\n\n")[0]
    assert "la lista de asistencia de esta sesión no consta en el registro" in roll_call
    assert "declaró" not in roll_call
    assert "quórum requerido" not in roll_call
    assert "sin que se encontrara presente" not in text


@pytest.mark.django_db
def test_a_rejected_vote_is_recorded_without_an_agreement(facilitator):
    forum, seats = forum_with_seats(3)
    session = SessionFactory(forum=forum)
    services.roll_call_record(
        actor=facilitator,
        session=session,
        entries=[RollCallEntry(seat=seat, holder=True) for seat in seats],
    )
    item = AgendaItemFactory(session=session, number=1, title="Propuesta de foro regional")
    services.vote_record(
        actor=facilitator,
        agenda_item=item,
        motion="Celebrar un foro regional.",
        votes_for=1,
        votes_against=2,
        agreement_text="Se aprueba el foro.",
    )
    text = compose_minutes(session)
    assert (
        "Sometida a votación la propuesta «Celebrar un foro regional», no fue aprobada, con un "
        "voto a favor y dos votos en contra." in text
    )
    assert "ACUERDO" not in text
