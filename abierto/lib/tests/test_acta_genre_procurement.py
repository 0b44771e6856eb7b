"""Patterns of the genre from issue 13's heldAC round (a federal court's procurement committee,
2005 and 2007, one of them a page image read by OCR; developed on 7 Dec 2026):
"Se encuentra presente" opens the roll, "de la Presidencia" inside an institution's name ends
no list, a post's ranks ("Secretario Particular de Mando Superior") are no name, "Profesional
Operativo" is an office, "L.C." and a "C.P" that lost its stop are titles, ", estos últimos
servidores públicos adscritos a …" is shared by the run, and the specks OCR leaves
("Lic. .", "Secretario. del", "Asesor:de", "-Ing.") are read through.

Each test is a short synthetic snippet in the words actas use (invented names), never a corpus
file.
"""

from abierto.lib.acta import parse_acta_text
from abierto.lib.acta.text_specks import without_text_specks

HEADING = (
    "PODER JUDICIAL DE LA FEDERACIÓN COMITÉ DE ADQUISICIONES Y SERVICIOS ACTA NÚM. 40/2005 "
    "SESIÓN PLENARIA CELEBRADA EL DÍA 30 DE AGOSTO DE 2005 En la Ciudad de México, siendo las "
    "dieciséis horas del día treinta de agosto de dos mil cinco, en la Sala de Juntas de la "
    "Secretaría Ejecutiva de Servicios, en sesión plenaria se reúnen los miembros del Comité. "
)


def _people(text):
    return {person["name"]: person["role"] for person in parse_acta_text(text)["attendees"]}


def test_se_encuentra_presente_opens_the_roll_and_de_la_presidencia_ends_no_list():
    people = _people(
        HEADING + "Se encuentra presente el Ing. Mario Beltrán Garza, Secretario Ejecutivo de "
        "Servicios, en su carácter de Presidente del Comité; el Lic. Samuel Ortiz Lara, "
        "Secretario Ejecutivo de Administración. Asisten también a esta sesión: el Lic. Luis "
        "Guzmán Quiroga, Secretario Particular de Mando Superior, en representación de la "
        "Secretaría General de la Presidencia y Oficialía Mayor; el Lic. José Vera Ponce, Asesor "
        "de Mando Superior, adscrito a la Oficialía Mayor; el Lic. Marco Rocha Barrón, Asesor de "
        "Mando Superior de la Dirección General de Adquisiciones.\n"
    )
    assert people["Mario Beltrán Garza"] == "Presidente del Comité"
    assert people["Samuel Ortiz Lara"] == "Secretario Ejecutivo de Administración"
    assert people["Luis Guzmán Quiroga"] == (
        "Secretario Particular de Mando Superior, en representación de la Secretaría General "
        "de la Presidencia y Oficialía Mayor"
    )
    assert people["José Vera Ponce"] == "Asesor de Mando Superior, adscrito a la Oficialía Mayor"
    assert "Marco Rocha Barrón" in people
    assert "Particular de Mando Superior" not in people


OCR_LAYER = HEADING + (
    "Asistieron a la sesión: el Ing. Mario Beltrán Garza, Secretario Ejecutivo de Servicios y "
    "Presidente del Comité; el Lic. .\nRafael Cota Cetina, Secretario Ejecutivo de Asuntos "
    "Jurídicos; el L. C. Ernesto Ochoa Cong, Director General de Auditoría, en su carácter de "
    "observador; el Ing. Rodolfo Cejas Mena, Director General de Adquisiciones, en su carácter "
    "de Secretario. del Comité.\n"
    "Asisten también a esta sesión: el Ing. Miguel Casillas Ruiz, Director General de "
    "Informática y el -Ing. Arq. Alejandro Camargo Sánchez, Asesor de Mando Superior; el Lic. "
    "Fernando Mendiola Elvira, Asesor:de Mando Superior; Claudia Moreno Estrada, Profesional "
    "Operativo, adscrita a la Secretaría Ejecutiva de Asuntos Jurídicos; el C.P Antonio Prieto "
    "Ramos y la señorita Margarita Campos Orta, Directores de Área, estos últimos servidores "
    "públicos adscritos a la Dirección General de Adquisiciones.\n"
)


def test_the_specks_ocr_leaves_are_read_through():
    people = _people(OCR_LAYER)
    assert people["Rafael Cota Cetina"] == "Secretario Ejecutivo de Asuntos Jurídicos"
    assert people["Ernesto Ochoa Cong"] == "observador"  # "L. C." is a title
    assert people["Rodolfo Cejas Mena"] == "Secretario del Comité"
    assert people["Alejandro Camargo Sánchez"] == "Asesor de Mando Superior"
    assert people["Fernando Mendiola Elvira"] == "Asesor de Mando Superior"


def test_profesional_is_an_office_and_a_title_without_its_stop_is_a_title():
    people = _people(OCR_LAYER)
    assert people["Claudia Moreno Estrada"] == (
        "Profesional Operativo, adscrita a la Secretaría Ejecutiva de Asuntos Jurídicos"
    )
    assert "Profesional Operativo" not in people
    assert "Antonio Prieto Ramos" in people  # not "P Antonio Prieto Ramos"


def test_what_the_last_ones_share_is_no_part_of_their_office():
    people = _people(OCR_LAYER)
    assert people["Antonio Prieto Ramos"] == "Director de Área"
    assert people["Margarita Campos Orta"] == "Director de Área"


def test_text_specks_leave_an_abbreviation_s_stop_and_times_alone():
    assert without_text_specks("la Jefa de Depto. de Radio") == "la Jefa de Depto. de Radio"
    assert without_text_specks("a las 10:30 horas") == "a las 10:30 horas"
    assert without_text_specks("Secretario. del Comité") == "Secretario del Comité"
    assert without_text_specks("el Lic. .\nRafael") == "el Lic.\nRafael"
    assert without_text_specks("Asesor:de Mando") == "Asesor de Mando"
    assert without_text_specks("y el -Ing. Arq. Luis") == "y el Ing. Arq. Luis"
    assert without_text_specks("2015-2018 -Nota") == "2015-2018 -Nota"
