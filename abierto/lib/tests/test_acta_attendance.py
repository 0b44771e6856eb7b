"""Who was present: prose lists, numbered lists, tables, label blocks and roll calls."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.roster import from_officers
from abierto.lib.acta.signature_roles import roles_from_signatures
from abierto.lib.acta.speakers import from_speakers
from abierto.lib.acta.text import fold


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(person["name"], person["role"]) for person in parse_acta_text(text)["attendees"]]


def test_a_semicolon_list_of_names_and_roles():
    assert _people(
        "La Secretaría procede al pase de lista, encontrándose presentes Gustavo Meixueiro Nájera, "
        "Consejero Presidente; Nayma Enríquez Estrada, Consejera Electoral; Elías Cortes López, "
        "representante del Partido Revolucionario Institucional. Acto seguido, se declaró el "
        "quórum."
    ) == [
        ("Gustavo Meixueiro Nájera", "Consejero Presidente"),
        ("Nayma Enríquez Estrada", "Consejera Electoral"),
        ("Elías Cortes López", "representante del Partido Revolucionario Institucional"),
    ]


def test_a_comma_list_with_y_and_a_group_office():
    assert _people(
        "estando reunidos en el salón de sesiones, los Ciudadanos Regidores José D. Ruíz, Profesor "
        "Juan Silva Palacio, J. Jesús Parra y Gabriel Pinto Solís, faltando sin aviso Graciano "
        "Campos, "
        "la presidencia declaró abierta la sesión."
    ) == [
        ("José D. Ruíz", "Regidor"),
        ("Juan Silva Palacio", "Regidor"),
        ("J. Jesús Parra", "Regidor"),
        ("Gabriel Pinto Solís", "Regidor"),
    ]


def test_a_list_ending_in_y_el_with_a_guest():
    assert _people(
        "con la asistencia de: Profra. Rosa María Lechuga Ortiz, Presidenta del Consejo; Lic. "
        "Jazmín "
        "Aguirre Peña, Consejera Ciudadana, y el Ing. Ramiro Ocampo Fuentes, Director de Obras "
        "Públicas, en su calidad de invitado."
    ) == [
        ("Rosa María Lechuga Ortiz", "Presidenta del Consejo"),
        ("Jazmín Aguirre Peña", "Consejera Ciudadana"),
        ("Ramiro Ocampo Fuentes", "Director de Obras Públicas"),
    ]


def test_y_inside_an_institution_name_does_not_split_the_role():
    assert _people(
        "Asimismo, asistió como invitado el Lic. Mauricio Trejo Salgado, Subsecretario de "
        "Justicia y "
        "Derechos Humanos."
    ) == [("Mauricio Trejo Salgado", "Subsecretario de Justicia y Derechos Humanos")]


def test_a_numbered_list_after_a_saber():
    assert _people(
        "estuvieron presentes las personas integrantes del Comité, quien verificó su asistencia, a "
        "saber: 1. Mtro. Gregorio González Nava, Director General de Transparencia; 2. Lic. "
        "Ana Ruiz "
        "Soto, Titular del Órgano Interno de Control."
    ) == [
        ("Gregorio González Nava", "Director General de Transparencia"),
        ("Ana Ruiz Soto", "Titular del Órgano Interno de Control"),
    ]


def test_a_table_keeps_the_present_and_drops_the_absent():
    assert _people(
        "LISTA DE ASISTENCIA\n"
        "Nombre | Cargo | Asistencia\n"
        "Lic. Ana Ruiz Soto | Presidenta | Presente\n"
        "Luis Pérez Gil | Vocal | Ausente con justificación\n"
        "Mtra. Irene Castañeda Rosas | Secretaria Técnica | Sí\n"
    ) == [("Ana Ruiz Soto", "Presidenta"), ("Irene Castañeda Rosas", "Secretaria Técnica")]


def test_a_tab_separated_table_reads_like_a_word_table():
    assert _people("Nombre\tCargo\nLic. Ana Ruiz Soto\tPresidenta\nLuis Pérez Gil\tVocal\n") == [
        ("Ana Ruiz Soto", "Presidenta"),
        ("Luis Pérez Gil", "Vocal"),
    ]


def test_a_label_block_with_one_name_per_line():
    assert _people(
        "Fecha 1º de septiembre de 2020\nAsistentes Ana Cecilia Mata Rodríguez\nCarlos "
        "Arredondo Sibaja\n"
        "Karla Patricia Valdés García\nAusente Fernando Alanís (por razones de salud)\nLugar "
        "Sala del Congreso"
    ) == [
        ("Ana Cecilia Mata Rodríguez", None),
        ("Carlos Arredondo Sibaja", None),
        ("Karla Patricia Valdés García", None),
    ]


def test_a_roll_call_of_present_answers():
    assert _people(
        "Encargada: Comisionada Rosalinda Salinas Treviño.\n"
        "Comisionada Rosalinda Salinas Treviño: Presente.\n"
        "Comisionado Juan Carlos López Aceves: Presente.\n"
    ) == [("Rosalinda Salinas Treviño", "Comisionada"), ("Juan Carlos López Aceves", "Comisionado")]


def test_a_person_named_after_a_title_inside_a_clause_is_found():
    assert _people(
        "Reunidos en el salón de acuerdos del H. Ayuntamiento los C.C. Mariano Orozco y Daniel "
        "Márquez, y actuando en la Secretaría el titular C. Pedro Díaz Leal, la Presidencia "
        "declaró "
        "abierta la sesión."
    ) == [("Mariano Orozco", None), ("Daniel Márquez", None), ("Pedro Díaz Leal", "Secretario")]


def test_each_person_is_listed_once():
    people = _people(
        "estando presentes: Lic. Ana Ruiz Soto, Presidenta; Luis Pérez Gil, Vocal.\n"
        "Lic. Ana Ruiz Soto: Presente.\n"
    )
    assert people == [("Ana Ruiz Soto", "Presidenta"), ("Luis Pérez Gil", "Vocal")]


def test_someone_who_only_signs_is_not_an_attendee():
    people = _people(
        "estando presentes: Lic. Ana Ruiz Soto, Presidenta; Luis Pérez Gil, Vocal.\n"
        "No habiendo más asuntos, se da por concluida la sesión, firmando al calce quienes en ella "
        "intervinieron.\n"
        "FIRMAS\nLic. Ana Ruiz Soto | Presidenta\nLic. Patricia Esquivel Lara | Directora "
        "Jurídica\n"
        "Patricia Esquivel Lara: Presente"
    )
    assert people == [("Ana Ruiz Soto", "Presidenta"), ("Luis Pérez Gil", "Vocal")]


def test_no_attendance_gives_a_warning():
    result = parse_acta_text("Acta de la sesión ordinaria del Comité.")
    assert result["attendees"] == []
    assert "No se encontró la lista de asistencia." in result["warnings"]


def test_a_comma_starts_a_new_person_inside_a_semicolon_list():
    assert _people(
        "estando presentes: Carlos de la Peña Jiménez O\u00b4Farril, Representante Titular de la "
        "Sociedad Civil; José Martínez Vilchis, Comisionado Presidente del Infoem y Representante "
        "Titular de Órgano Garante, Luis Gustavo Parra Noriega, Comisionado del Infoem; Lilibeth "
        "Álvarez Rodríguez, Titular de la Unidad de Transparencia del Instituto Electoral,  José "
        "Edgar Marín Pérez, Titular de la Unidad de Transparencia del Poder Judicial. Acto seguido"
    ) == [
        ("Carlos de la Peña Jiménez O\u00b4Farril", "Representante Titular de la Sociedad Civil"),
        (
            "José Martínez Vilchis",
            "Comisionado Presidente del Infoem y Representante Titular de Órgano Garante",
        ),
        ("Luis Gustavo Parra Noriega", "Comisionado del Infoem"),
        (
            "Lilibeth Álvarez Rodríguez",
            "Titular de la Unidad de Transparencia del Instituto Electoral",
        ),
        ("José Edgar Marín Pérez", "Titular de la Unidad de Transparencia del Poder Judicial"),
    ]


def test_a_comma_inside_a_role_does_not_start_a_person():
    assert _people(
        "estando presentes Ana Ruiz Gil, Titular de la Unidad de Transparencia, Acceso a la "
        "Información Pública y Protección de Datos; Luis Mora Paz, Vocal. Acto seguido"
    ) == [
        (
            "Ana Ruiz Gil",
            "Titular de la Unidad de Transparencia, Acceso a la Información Pública y Protección "
            "de Datos",
        ),
        ("Luis Mora Paz", "Vocal"),
    ]


def test_names_with_any_apostrophe_and_academic_honorifics():
    assert _people(
        "estando presentes M.S.C. Rosa O'Farril Díaz, Vocal; Mtra. Ana Ruiz Gil, Vocal; C.P. Juan "
        "Pérez O\u2019Neill, Contralor; Ing. Luis Mora Paz, Vocal; Dr. Pedro Gil Ortega, Vocal. "
        "Acto seguido"
    ) == [
        ("Rosa O'Farril Díaz", "Vocal"),
        ("Ana Ruiz Gil", "Vocal"),
        ("Juan Pérez O'Neill", "Contralor"),
        ("Luis Mora Paz", "Vocal"),
        ("Pedro Gil Ortega", "Vocal"),
    ]


def test_groups_headed_by_a_plural_office_and_a_colon():
    assert _people(
        "se efectuó la sesión. Con este propósito se reunieron los Consejeros Estudiantes con "
        "derecho a voz y voto: Mariana Castillo Sosa, Nashielli Chicatti Padilla y Rocío Vargas "
        "Fuentes; los Consejeros Académicos con derecho a voz y voto: José Efraín Cruz Marín y "
        "Alberto Zárate Rosales; y el Rector Dr. Vicente Hugo Aboites Aguilar"
    ) == [
        ("Mariana Castillo Sosa", "Consejero Estudiante con derecho a voz y voto"),
        ("Nashielli Chicatti Padilla", "Consejero Estudiante con derecho a voz y voto"),
        ("Rocío Vargas Fuentes", "Consejero Estudiante con derecho a voz y voto"),
        ("José Efraín Cruz Marín", "Consejero Académico con derecho a voz y voto"),
        ("Alberto Zárate Rosales", "Consejero Académico con derecho a voz y voto"),
        ("Vicente Hugo Aboites Aguilar", "Rector"),
    ]


def test_present_tense_cue_and_y_de_los_between_people():
    assert _people(
        "Secretaria Técnica: Con gusto. Están presentes los Comisionados Areli Cano, Oscar Guerra "
        "y Joel Salas. En ese sentido"
    ) == [
        ("Areli Cano", "Comisionado"),
        ("Oscar Guerra", "Comisionado"),
        ("Joel Salas", "Comisionado"),
    ]
    assert _people(
        "Se comprobó el cuórum legal con la presencia de la diputada María de la Luz Hernández "
        "Martínez y de los diputados César Larrondo Díaz y Ernesto Alejandro Prieto Gallardo. Se "
        "registró"
    ) == [
        ("María de la Luz Hernández Martínez", "Diputada"),
        ("César Larrondo Díaz", "Diputado"),
        ("Ernesto Alejandro Prieto Gallardo", "Diputado"),
    ]


def test_a_singular_verb_and_integrado_por_with_commas_and_semicolons():
    assert _people(
        "En Toluca, siendo las 10:00 horas, se reúne en la Sala de Juntas el Consejo Consultivo, "
        "integrado por: Mtra. Rosa O\u00b4Farril Díaz, Vocal; C.P. Juan Pérez O'Neill, Contralor; "
        "Ing. Luis Mora Paz, Lic. Ana Ruiz Gil; quienes comparecen para celebrar la sesión."
    ) == [
        ("Rosa O\u00b4Farril Díaz", "Vocal"),
        ("Juan Pérez O'Neill", "Contralor"),
        ("Luis Mora Paz", None),
        ("Ana Ruiz Gil", None),
    ]


def test_officers_who_open_and_act_in_the_opening_are_present():
    assert _people(
        "Siendo las 10:00 horas, presentes en el recinto oficial del Instituto, el Consejero "
        "Presidente Licenciado Mario Luna Vera dio inicio a la sesión, instruyó al Secretario "
        "Técnico Lic. Pablo Soto Rey para que pasara lista, corroborándose la presencia también "
        "de la Consejera Irma Díaz León. Se registró la inasistencia del consejero Hugo Peña "
        "Ruiz. Se leyó un oficio suscrito por la Dra. Eva Lara Cid, Directora de Finanzas. "
        "ORDEN DEL DÍA\n1. Lista.\n2. Clausura.\n"
    ) == [
        ("Irma Díaz León", "Consejera"),
        ("Mario Luna Vera", "Consejero Presidente"),
        ("Pablo Soto Rey", "Secretario Técnico"),
    ]


def test_a_titled_person_with_the_office_after_the_comma():
    assert _people(
        "Acto seguido, la Presidenta tomó la protesta al Ciudadano Raúl Vera Gil, como "
        "representante suplente del Partido Verde, ante el Consejo."
    ) == [("Raúl Vera Gil", "representante suplente del Partido Verde")]


@pytest.mark.parametrize(
    "header",
    [
        "PRESIDENTE: DR. CARLOS PÉREZ LUNA SECRETARIA: LIC. ANA DE LOS RÍOS SOTO En la Sala",
        "PRESIDENTE DR. CARLOS PÉREZ LUNA SECRETARIA M. EN C.Q. ANA DE LOS RÍOS SOTO En la Sala",
    ],
)
def test_a_header_of_offices_and_names_in_capitals(header):
    assert _people(header + " del Consejo, a las 10:00 horas del 3 de mayo de 2023, inició.") == [
        ("CARLOS PÉREZ LUNA", "PRESIDENTE"),
        ("ANA DE LOS RÍOS SOTO", "SECRETARIA"),
    ]


def test_speakers_of_a_stenographic_version_are_present_and_names_called_are_not():
    assert _people(
        "Versión estenográfica\n"
        "Consejero Presidente, Mario Luna Vera: Buenos días.\n"
        "Secretaria Técnica Irma Díaz León: Con gusto. Consejero Hugo Peña.\n"
        "Consejero Electoral, Hugo Peña RuizPresente, buenos días.\n"
        "Secretaria Técnica Irma Díaz León: Consejera Eva Lara.\n"
    ) == [
        ("Mario Luna Vera", "Consejero Presidente"),
        ("Irma Díaz León", "Secretaria Técnica"),
        ("Hugo Peña Ruiz", "Consejero Electoral"),
    ]


def test_a_short_spelling_merges_into_the_full_name():
    assert _people(
        "Secretaria Técnica Irma Díaz León: Están presentes los Comisionados Ana Ruiz, Luis "
        "Mora y Eva Lara.\nComisionada Presidenta Ana Ruiz de la Mora: Gracias.\n"
    ) == [
        ("Ana Ruiz de la Mora", "Comisionada Presidenta"),
        ("Luis Mora", "Comisionado"),
        ("Eva Lara", "Comisionado"),
        ("Irma Díaz León", "Secretaria Técnica"),
    ]


def test_the_office_under_a_signature_fills_a_missing_role():
    assert _people(
        "Minuta\nAsistentes Ana Mata Ríos\nLuis Soto Paz\nHora 11:00 hrs\n\n"
        "Se aprobó la metodología.\n\nAna Mata Ríos\nCoordinadora\nLuis Soto Paz\n"
    ) == [("Ana Mata Ríos", "Coordinadora"), ("Luis Soto Paz", None)]


def test_students_keep_their_sector_as_role_and_street_names_are_no_people():
    assert _people(
        "con la presencia del Presidente del Consejo Dr. Alberto Padilla Arias, Alumna Lucía "
        "Serna Llaguno y Doctor Joel Flores Rentería. La sede, sita en Dr. Garciadiego No. 168."
    ) == [
        ("Alberto Padilla Arias", "Presidente del Consejo"),
        ("Lucía Serna Llaguno", "Alumna"),
        ("Joel Flores Rentería", None),
    ]


@given(st.text(max_size=300))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_the_new_readers_never_raise(text):
    folded = fold(text)
    for person in [*from_officers(text, folded), *from_speakers(text, folded)]:
        assert person.name
    people = from_speakers(text, folded)
    roles_from_signatures(text, people)


def test_a_run_of_titled_names_without_separators_splits_at_each_title():
    assert _people(
        "Minuta\nPARTICIPANTES LIC. ANA TERESA LUNA VEGA M. en C. RAÚL SOTO PIÑA "
        "C.D. EVA DÍAZ ROSAS MTRO. JUAN PABLO MENA ORTIZ\nOrden del día: I. Lista de presentes."
    ) == [
        ("ANA TERESA LUNA VEGA", None),
        ("RAÚL SOTO PIÑA", None),
        ("EVA DÍAZ ROSAS", None),
        ("JUAN PABLO MENA ORTIZ", None),
    ]


_SURNAMES = st.sampled_from(["LUNA", "VEGA", "SOTO", "PIÑA", "DÍAZ", "ROSAS", "MENA", "ORTIZ"])
_TITLES = st.sampled_from(["LIC.", "MTRO.", "DR.", "ARQ.", "M. en C.", "C.D.", "C.P.", "ING."])


@given(
    st.lists(
        st.tuples(_TITLES, st.lists(_SURNAMES, min_size=2, max_size=4)), min_size=2, max_size=6
    )
)
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
def test_every_name_of_a_titled_run_is_read_whole(entries):
    text = "PARTICIPANTES " + " ".join(f"{title} {' '.join(words)}" for title, words in entries)
    names = [person.name for person in from_officers(text, fold(text))]
    assert names == [" ".join(words) for _, words in entries]


def test_an_office_given_as_the_sentence_after_a_listed_name_is_its_role():
    assert _people(
        "Minuta\nPARTICIPANTES LIC. ANA RUIZ PAZ MTRO. LUIS SOTO VEGA. INVITADOS: ING. EVA "
        "LARA DÍAZ. Coordinadora de Servicios Escolares. Orden del día: I. Lista de presentes."
    ) == [
        ("ANA RUIZ PAZ", None),
        ("LUIS SOTO VEGA", None),
        ("EVA LARA DÍAZ", "Coordinadora de Servicios Escolares"),
    ]


def test_a_heading_of_the_body_s_members_gives_their_office_here():
    assert _people(
        "En la Sala 4, siendo las 9:00 horas, se contó con la asistencia de la Regidora Ana "
        "Ruiz Paz, en su carácter de Presidenta de la Comisión de Hacienda, así como de los "
        "Vocales de dicha Comisión: Regidor Luis Soto Vega y Regidor Eva Lara Díaz; en tanto, "
        "la Presidenta dio vista al oficio de la Regidora Rosa Mena Gil. Se abrió la sesión."
    ) == [
        ("Ana Ruiz Paz", "Presidenta de la Comisión de Hacienda"),
        ("Luis Soto Vega", "Vocal"),
        ("Eva Lara Díaz", "Vocal"),
    ]


def test_a_semicolon_ends_what_a_members_heading_governs():
    assert _people(
        "estando presentes los Consejeros con derecho a voz: Ana Ruiz Paz y Luis Soto Vega; y "
        "el Rector Dr. Hugo Mena Gil. Acto seguido se declaró el quórum."
    ) == [
        ("Ana Ruiz Paz", "Consejero con derecho a voz"),
        ("Luis Soto Vega", "Consejero con derecho a voz"),
        ("Hugo Mena Gil", "Rector"),
    ]


def test_the_person_acting_as_secretary_gets_the_office():
    assert _people(
        "Reunidos en el salón de acuerdos los C.C. Ana Ruiz y Luis Soto, y actuando en la "
        "Secretaría la titular C. Eva Lara Díaz, la Presidencia declaró abierta la sesión."
    ) == [("Ana Ruiz", None), ("Luis Soto", None), ("Eva Lara Díaz", "Secretaria")]


def test_offices_with_an_article_before_each_titled_name():
    assert _people(
        "SE REUNIERON EN EL SALÓN DE SESIONES LOS CIUDADANOS: LA CONSEJERA PRESIDENTA, M. EN C. "
        "ANA LUZ RUIZ PAZ; LOS CONSEJEROS ELECTORALES: MTRA. EVA DÍAZ SOTO, DR. LUIS MENA GIL; "
        "EL SECRETARIO EJECUTIVO, LIC. RAÚL PEÑA LARA; EL REPRESENTANTE DEL PARTIDO DEL TRABAJO, "
        "C.P. JUAN VEGA ROSAS. ACTO SEGUIDO SE PASÓ LISTA."
    ) == [
        ("ANA LUZ RUIZ PAZ", "CONSEJERA PRESIDENTA"),
        ("EVA DÍAZ SOTO", "CONSEJERO ELECTORAL"),
        ("LUIS MENA GIL", "CONSEJERO ELECTORAL"),
        ("RAÚL PEÑA LARA", "SECRETARIO EJECUTIVO"),
        ("JUAN VEGA ROSAS", "REPRESENTANTE DEL PARTIDO DEL TRABAJO"),
    ]


def test_a_wrapped_line_of_prose_with_a_stray_colon_is_no_speaker():
    text = (
        "SE REUNIERON LOS CONSEJEROS ELECTORALES: LIC. ANA RUIZ PAZ, DRA. CLAUDIA\n"
        "ESTHER ORTIZ GUERRERO, M. EN D. JESÚS SAÚL: MEZA TELLO; EL SECRETARIO.\n"
        "Secretaria Técnica, Irma Díaz León: Con gusto.\n"
    )
    assert [person.name for person in from_speakers(text, fold(text))] == ["Irma Díaz León"]


def test_the_last_roleless_attendee_takes_the_office_under_a_barely_legible_signature():
    assert _people(
        "se reúne el Consejo, el cual está integrado por el Dr. Ana Ruiz Paz, el Dr. Luis "
        "Soto Juárez y el Mtro. Eva Lara Díaz; quienes comparecen a su reunión, con el "
        "siguiente orden del día:\n1. Bienvenida.\n2. Asuntos generales.\n"
        "Se aprobó el orden del día por unanimidad de los presentes en la reunión.\n"
        "DR. ANA RUIZ PAZ\nPRESIDENTA\nDR. A ELO JUÁREZ\nSECRETARIO\nMTRO. EVA LARA DÍAZ\nVOCAL\n"
    ) == [
        ("Ana Ruiz Paz", "Presidenta"),
        ("Luis Soto Juárez", "Secretario"),
        ("Eva Lara Díaz", "Vocal"),
    ]
