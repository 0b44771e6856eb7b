"""The repairs of a scanned page that use where each word sat (``ocr_repair``)."""

from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.acta import ocr
from abierto.lib.acta.ocr import OcrWord
from abierto.lib.acta.ocr_marks import (
    with_first_list_numbers,
    with_list_numbers,
    with_roman_numbers,
    without_stray_marks,
)
from abierto.lib.acta.ocr_repair import (
    layout_confused,
    lost_line_gaps,
    reflowed,
    top_to_bottom,
    with_lost_lines,
    without_false_breaks,
    without_rule_garbage,
    without_specks,
)
from abierto.lib.acta.ocr_specks import without_glued_specks

HEIGHT = 40
PITCH = 55
LEFT, RIGHT = 300, 2300


def _line(text: str, row: int, *, left: int = LEFT, right: int = RIGHT, confidence: float = 95):
    """Words spread evenly from ``left`` to ``right`` on printed line ``row``."""
    words = text.split()
    step = (right - left) // len(words)
    return [
        OcrWord(word, confidence, left + i * step, row * PITCH, step - 20, HEIGHT)
        for i, word in enumerate(words)
    ]


def _prose(first_row: int, rows: int) -> list[list[OcrWord]]:
    return [
        _line(f"la sesión ordinaria número {row} del comité", row)
        for row in range(first_row, first_row + rows)
    ]


def _texts(lines: list[list[OcrWord]]) -> list[str]:
    return [" ".join(word.text for word in line) for line in lines]


def test_reading_back_up_the_page_between_wide_lines_is_a_confused_layout():
    in_order = _prose(1, 10)
    assert not layout_confused(in_order)
    assert layout_confused(in_order[:3] + in_order[8:] + in_order[3:8])


def test_a_two_column_signature_block_is_not_a_confused_layout():
    lines = _prose(1, 8)
    lines += [_line("Ana Ruiz Soto", 12, right=1100), _line("Presidenta", 13, right=1100)]
    lines += [_line("Luis Pérez Gil", 12, left=1400), _line("Secretario", 13, left=1400)]
    assert not layout_confused(lines)


def test_lines_lost_beside_filler_dashes_are_put_back_from_the_block_reading():
    page = _prose(1, 12)
    read = page[:4] + page[8:]  # the layout analysis skipped rows 5 to 8
    gaps = lost_line_gaps(read)
    assert len(gaps) == 1
    restored = with_lost_lines(read, page, gaps)
    assert _texts(restored) == _texts(page)


def test_an_ordinary_page_has_no_gap_and_short_lost_lines_are_not_added():
    page = _prose(1, 12)
    assert lost_line_gaps(page) == []
    read = page[:4] + page[8:]
    logo = [_line("COMISIÓN DE", 6, left=1900)]
    assert _texts(with_lost_lines(read, logo, lost_line_gaps(read))) == _texts(read)


def test_a_row_of_dashes_read_as_letters_is_dropped_and_sure_words_kept():
    line = _line("orden del día", 1, right=1200)
    garbage = ["--=====«<", "«ooo", "toc”"]
    line += [
        OcrWord(text, 3.0, 1300 + 200 * i, PITCH, 180, HEIGHT) for i, text in enumerate(garbage)
    ]
    line.append(OcrWord("Sometida", 92.0, 2000, PITCH, 200, HEIGHT))
    assert _texts(without_rule_garbage([line])) == ["orden del día Sometida"]


def test_unsure_real_words_without_rule_marks_are_kept():
    line = _line("SE REUNIERON EN EL SALÓN", 1, confidence=0.0)
    assert _texts(without_rule_garbage([line])) == ["SE REUNIERON EN EL SALÓN"]


def test_specks_and_marks_in_the_margin_are_dropped():
    lines = _prose(1, 6)
    lines[2].insert(0, OcrWord("-", 54.0, 40, 3 * PITCH, 30, 20))  # left of the column
    lines[3].append(OcrWord("E", 6.0, RIGHT + 150, 4 * PITCH, 34, 60))  # right of it
    lines[4].insert(3, OcrWord("4", 60.0, 900, 5 * PITCH, 4, 4))  # a speck among words
    assert _texts(without_specks(lines)) == _texts(_prose(1, 6))


def test_a_paragraph_break_inside_a_sentence_is_dropped():
    lines = [
        _line("EL REPRESENTANTE DEL PARTIDO ENCUENTRO SOCIAL, C. JORGE REYES", 1),
        [],
        _line("MARTÍNEZ; EL REPRESENTANTE DEL PARTIDO HUMANISTA, LIC.", 2),
        _line("la reunión concluye a las quince horas y", 3),
        _line("firman quienes en ella intervinieron para su constancia.", 4, right=1500),
        [],
        _line("2. Asuntos generales del orden del día de la sesión", 5),
        _line("se trataron los asuntos que siguen en el orden del día.", 6),
        [],
        _line("3. Clausura de la sesión ordinaria del comité de hoy", 7),
    ]
    repaired = without_false_breaks(lines)
    assert [bool(line) for line in repaired] == [
        True,
        True,
        True,
        True,
        False,
        True,
        True,
        False,
        True,
    ]


def test_words_without_a_box_are_left_as_they_are():
    lines = [[OcrWord("-", 10.0), OcrWord("Acta", 90.0)], [], [OcrWord("~", 5.0)]]
    assert without_specks(lines) == lines
    assert without_false_breaks(lines) == lines
    assert not layout_confused(lines)
    assert lost_line_gaps(lines) == []


_WORD = st.text(alphabet="abcdefghijklmnñopqrstuvwxyzáéíóú", min_size=3, max_size=12)


@given(
    rows=st.lists(st.lists(_WORD, min_size=1, max_size=8), min_size=1, max_size=15),
    noise=st.lists(
        st.tuples(
            st.integers(0, 14),
            st.text(alphabet="-=_~«»<>.,:;|'\"°•", min_size=1, max_size=6),
            st.floats(0, 100),
            st.integers(0, 2600),
            st.integers(1, 80),
        ),
        max_size=10,
    ),
)
def test_sure_words_inside_the_column_survive_every_repair(rows, noise):
    lines = [
        _line(" ".join(words), row + 1, right=LEFT + 250 * len(words))
        for row, words in enumerate(rows)
    ]
    sure = [word.text for line in lines for word in line]
    for row, text, confidence, left, size in noise:
        if row < len(lines):
            lines[row].append(OcrWord(text, confidence, left, (row + 1) * PITCH, size, size))
            lines[row].sort(key=lambda word: word.left)
    repaired = without_false_breaks(without_rule_garbage(without_specks(lines)))
    kept = [word.text for line in repaired for word in line]
    assert set(sure) <= set(kept)


def test_a_stop_glued_to_a_function_word_and_a_lone_dash_at_a_line_end_are_specks():
    lines = [
        _line("LA REPRESENTANTE DEL PARTIDO SOCIALDEMÓCRATA DE.", 1),
        _line("MORELOS, LIC. LUCY VALLE; EL.", 2),
        _line("REPRESENTANTE DEL PARTIDO HUMANISTA, LIC. DULCE -", 3),
        _line("MARÍA GONZÁLEZ GÓMEZ. Se abre la sesión en la sala de.", 4),
    ]
    assert _texts(without_glued_specks(lines)) == [
        "LA REPRESENTANTE DEL PARTIDO SOCIALDEMÓCRATA DE",
        "MORELOS, LIC. LUCY VALLE; EL",
        "REPRESENTANTE DEL PARTIDO HUMANISTA, LIC. DULCE",
        "MARÍA GONZÁLEZ GÓMEZ. Se abre la sesión en la sala de.",
    ]


def test_an_item_number_read_as_a_letter_is_restored_from_the_items_before_it():
    lines = [
        _line("3. Informe de cumplimiento de los acuerdos", 1),
        _line("A, Asuntos generales", 2),
        _line("A. Pérez presentó el informe", 3),
        _line("S. Clausura", 4),
    ]
    assert _texts(with_list_numbers(lines)) == [
        "3. Informe de cumplimiento de los acuerdos",
        "4. Asuntos generales",
        "A. Pérez presentó el informe",
        "5. Clausura",
    ]


def test_a_first_number_read_as_a_letter_and_numbers_read_with_specks_are_restored():
    lines = [
        _line("L. Pase de lista y confirmación de quórum.", 1),
        _line("1/2. Lectura y en su caso aprobación del orden del día.", 2),
        _line("3, Lectura y en su caso aprobación del acta anterior.", 3),
        _line("4. Asuntos generales.", 4),
    ]
    assert _texts(with_list_numbers(lines)) == [
        "1. Pase de lista y confirmación de quórum.",
        "2. Lectura y en su caso aprobación del orden del día.",
        "3. Lectura y en su caso aprobación del acta anterior.",
        "4. Asuntos generales.",
    ]


def test_a_number_with_a_comma_that_no_list_announces_is_left_as_read():
    lines = [
        _line("703, Piso 3 Fraccionamiento Valle Real", 1),
        _line("L. Pérez presentó el informe", 2),
        _line("12, Calle Hidalgo", 3),
    ]
    assert _texts(with_list_numbers(lines)) == [
        "703, Piso 3 Fraccionamiento Valle Real",
        "L. Pérez presentó el informe",
        "12, Calle Hidalgo",
    ]


def test_a_mixed_up_page_is_read_from_the_top_down_keeping_its_paragraphs():
    page = _prose(1, 6)
    shuffled = [*page[:2], [], *page[4:], [], *page[2:4]]
    assert _texts(top_to_bottom(shuffled)) == [
        *_texts(page[:2]),
        "",
        *_texts(page[2:4]),
        "",
        *_texts(page[4:]),
    ]


def test_a_line_wrapped_at_the_right_margin_is_joined_to_the_next():
    lines = [
        _line("el Consejo Ciudadano de Radio", 1),
        _line("Universidad Autónoma de Aguascalientes; quienes comparecen", 2, right=1800),
        _line("a su segunda reunión de trabajo del", 3),
        _line("2. Punto único de acuerdo", 4, right=1200),
        _line("los acuerdos tomados por el Consejo", 5),
        _line("PP, a o REGA LA", 6, confidence=20),
    ]
    assert _texts(reflowed(lines)) == [
        "el Consejo Ciudadano de Radio Universidad Autónoma de Aguascalientes; quienes comparecen",
        "a su segunda reunión de trabajo del",
        "2. Punto único de acuerdo",
        "los acuerdos tomados por el Consejo",
        "PP, a o REGA LA",
    ]


def test_only_the_bands_where_lines_were_lost_are_read_again(tmp_path, monkeypatch):
    from PIL import Image

    image = tmp_path / "pagina-0001.png"
    Image.new("L", (200, 1000), 255).save(image)
    read: list[tuple[int, int]] = []

    def tesseract(strip, psm):
        with Image.open(strip) as opened:
            read.append(opened.size)
        assert psm == ocr.PSM_BLOCK
        return (
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
            "\tconf\ttext\n5\t1\t1\t1\t1\t1\t10\t20\t50\t30\t91\tSometida\n"
        )

    monkeypatch.setattr(ocr, "_tesseract", tesseract)
    lines = ocr._read_strips(image, [(300, 400), (700, 760)])
    pad = ocr._STRIP_PAD
    assert read == [(200, 100 + 2 * pad), (200, 60 + 2 * pad)]
    assert [line[0].top for line in lines] == [300 - pad + 20, 700 - pad + 20]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pagina-0001.png"]


def test_specks_read_as_punctuation_inside_a_sentence_are_dropped():
    lines = [
        _line("reunidos en, el salón del Instituto ¡Estatal de ' Acceso a la", 1),
        _line("Información; ¡Bienvenidos al Comité! dijo. Se cita a 'Ana' y, en su caso,", 2),
        _line("al Secretario de, la Junta con, una nota para, su firma", 3),
    ]
    assert _texts(without_stray_marks(lines)) == [
        "reunidos en el salón del Instituto Estatal de Acceso a la",
        "Información; ¡Bienvenidos al Comité! dijo. Se cita a 'Ana' y, en su caso,",
        "al Secretario de la Junta con una nota para, su firma",
    ]


def test_a_list_whose_numbers_were_all_read_as_letters_is_numbered_from_one():
    lines = [
        _line("ORDEN DEL DÍA", 1),
        _line("A Lista de asistencia y quórum.", 2),
        _line("de Lectura del acta anterior, de la sesión", 3),
        _line("celebrada el 3 de mayo.", 4),
        _line("es Asuntos generales.", 5),
        _line("A Pérez presentó el informe.", 7),
    ]
    for row in (1, 2, 4):
        lines[row][0].confidence = 60
    assert _texts(with_first_list_numbers(lines)) == [
        "ORDEN DEL DÍA",
        "1. Lista de asistencia y quórum.",
        "2. Lectura del acta anterior, de la sesión",
        "celebrada el 3 de mayo.",
        "3. Asuntos generales.",
        "A Pérez presentó el informe.",
    ]


def test_margin_brackets_unclosed_quotes_double_stops_and_a_glued_y_are_specks():
    lines = [
        _line("SIENDO LAS DIEZ HORAS DEL DÍA CINCO DE", 1),
        _line("[MARZO DEL AÑO DOS MIL QUINCE, EN EL SALÓN", 2),
        _line("Abogada Marisol Casián “Silva, L.A.E.. Fernando Núñez y. Abogado Rafael", 3),
        _line("el salón “Tonaltecas Ilustres” [sic] de la sede", 4),
    ]
    assert _texts(without_glued_specks(lines)) == [
        "SIENDO LAS DIEZ HORAS DEL DÍA CINCO DE",
        "MARZO DEL AÑO DOS MIL QUINCE, EN EL SALÓN",
        "Abogada Marisol Casián Silva, L.A.E. Fernando Núñez y Abogado Rafael",
        "el salón “Tonaltecas Ilustres” [sic] de la sede",
    ]


def test_an_unsure_letter_mark_right_after_an_item_is_the_next_item_s_number():
    lines = [
        _line("1. Lista de asistencia y declaración de quórum legal.", 1),
        _line("2. Lectura del orden del día y aprobación en su caso.", 2),
        _line("A Lectura de correspondencia y asuntos del Ayuntamiento.", 3),
        _line("4. Asuntos varios.", 4),
        _line("Ef Señalamiento del día y hora de la próxima Sesión.", 5),
        _line("La Secretaria informó que hay quórum.", 7),
    ]
    for line in (lines[2], lines[4], lines[5]):
        line[0].confidence = 40
    assert _texts(with_list_numbers(lines)) == [
        "1. Lista de asistencia y declaración de quórum legal.",
        "2. Lectura del orden del día y aprobación en su caso.",
        "3. Lectura de correspondencia y asuntos del Ayuntamiento.",
        "4. Asuntos varios.",
        "5. Señalamiento del día y hora de la próxima Sesión.",
        "La Secretaria informó que hay quórum.",
    ]


def test_a_colon_read_inside_a_name_is_a_speck_and_a_label_s_colon_stays():
    lines = [
        _line("M. EN D. JESÚS SAÚL: MEZA TELLO, CONSEJERO ELECTORAL;", 1),
        _line("los Magistrados Albérto: Miranda Guerra, José Ruiz", 2),
        _line("Alberto: Buenos días a todos", 3),
        _line("Presidenta: Ana Ruiz, de Morena", 4),
    ]
    assert _texts(without_glued_specks(lines)) == [
        "M. EN D. JESÚS SAÚL MEZA TELLO, CONSEJERO ELECTORAL;",
        "los Magistrados Albérto Miranda Guerra, José Ruiz",
        "Alberto: Buenos días a todos",
        "Presidenta: Ana Ruiz, de Morena",
    ]


def test_the_o_of_ion_read_as_e_is_restored_and_recien_stays():
    lines = [_line("la Primera Sesién Extraordinaria, la Direccién y la REIMPRESIÉN,", 1)]
    lines.append(_line("el recién nombrado, también, quién", 2))
    assert _texts(without_glued_specks(lines)) == [
        "la Primera Sesión Extraordinaria, la Dirección y la REIMPRESIÓN,",
        "el recién nombrado, también, quién",
    ]


def test_a_stop_read_between_a_function_word_and_a_name_is_a_space():
    lines = [_line("Gloria Ramírez Bucio, María del.Carmen Reyes Ramos, y la.Síndica", 1)]
    lines.append(_line("el Lic.Juan Ruiz, de.la sesión, N.L.", 2))
    assert _texts(without_glued_specks(lines)) == [
        "Gloria Ramírez Bucio, María del Carmen Reyes Ramos, y la Síndica",
        "el Lic.Juan Ruiz, de la sesión, N.L.",
    ]
    lines = [_line("Canales.en su carácter, junio.del año, el Lic.en Derecho, www.gob.mx", 1)]
    assert _texts(without_glued_specks(lines)) == [
        "Canales en su carácter, junio del año, el Lic.en Derecho, www.gob.mx"
    ]


def test_a_stop_inside_a_name_in_capitals_a_title_s_colon_and_an_unclosed_quote_are_specks():
    lines = [_line("ARQ. LUIS REY CANO, DR. JUAN GALVEZ. PAZOS, PROF: EVA MAR TOLEDO,", 1)]
    lines.append(_line("reunidos en “las oficinas del SIAPA. QUINTO PUNTO: ACUERDOS,", 2))
    assert _texts(without_glued_specks(lines)) == [
        "ARQ. LUIS REY CANO, DR. JUAN GALVEZ PAZOS, PROF. EVA MAR TOLEDO,",
        "reunidos en las oficinas del SIAPA. QUINTO PUNTO: ACUERDOS,",
    ]


def test_stops_inside_names_after_a_given_name_or_a_degree_and_a_number_without_its_stop():
    lines = [_line("PROFR. VICTOR HUGO. FLORES HUERTA (Asist.) y José. Luis Bernal;", 1)]
    lines.append(_line("licenciado. Aquiles González, y dijo José. Luego se votó.", 2))
    assert _texts(without_glued_specks(lines)) == [
        "PROFR. VICTOR HUGO FLORES HUERTA (Asist.) y José Luis Bernal;",
        "licenciado Aquiles González, y dijo José. Luego se votó.",
    ]
    items = [_line("1. Lista de asistencia", 1), _line("2. Lectura del Acta Anterior", 2)]
    items.append(_line("3 Desarrollo de los temas de la Guía", 3))
    assert _texts(with_list_numbers(items))[2] == "3. Desarrollo de los temas de la Guía"


def test_a_signature_s_scrap_far_from_its_line_is_dropped_and_a_table_s_far_column_kept():
    line = _line("Acuerdo 07/2021-2022", 1, right=700)
    line.append(OcrWord("au", 43.0, 2000, PITCH, 29, 22))  # a hand signing in the margin
    line.append(OcrWord("1", 80.0, 2100, PITCH, 10, 42))
    vote = _line("Regidora Ana Pérez", 2, right=800)
    vote.append(OcrWord("Sí", 93.0, 2100, 2 * PITCH, 40, HEIGHT))  # a sure far column
    near = _line("Acuerdo 08/2021-2022", 3, right=700)
    near.append(OcrWord("au", 43.0, 780, 3 * PITCH, 29, 22))  # close by: part of the line
    lines = [*_prose(4, 4), line, vote, near]
    assert _texts(without_specks(lines))[-3:] == [
        "Acuerdo 07/2021-2022",
        "Regidora Ana Pérez Sí",
        "Acuerdo 08/2021-2022 au",
    ]


def test_one_unsure_character_apart_at_a_line_s_end_is_a_mark_and_a_sure_one_is_kept():
    # Initials in the margin read as "A" (confidence 35), six letter heights after the text;
    # a sure "X" in a vote's column and an unsure "A" right after its word stay.
    marked = _line("en el mes de agosto día 20", 1, right=1500)
    marked.append(OcrWord("A", 35.0, 1500 + 6 * HEIGHT, PITCH, 18, 24))
    vote = _line("Regidor Luis Soto", 2, right=900)
    vote.append(OcrWord("X", 91.0, 900 + 6 * HEIGHT, 2 * PITCH, 30, HEIGHT))
    close = _line("se aprueba el punto", 3, right=900)
    close.append(OcrWord("A", 35.0, 940, 3 * PITCH, 30, HEIGHT))
    lines = [*_prose(4, 4), marked, vote, close]
    assert _texts(without_specks(lines))[-3:] == [
        "en el mes de agosto día 20",
        "Regidor Luis Soto X",
        "se aprueba el punto A",
    ]


def test_roman_item_numbers_misread_as_letters_are_restored_from_the_list_around_them():
    items = ["L- Lista de asistencia", "I1.- Lectura del acta", "III.- Informe de la Rectora"]
    items += ["IV.- Exámenes", "V.- Revalidaciones", "VI.- Proyectos", "VIL.- Peticiones"]
    items += [". VIH.- Dictámenes", "IX.- Reestructuración", "X.- Presupuesto"]
    lines = [_line(text, row) for row, text in enumerate(items, start=1)]
    assert [text.split()[0] for text in _texts(with_roman_numbers(lines))] == [
        "I-",
        "II.-",
        "III.-",
        "IV.-",
        "V.-",
        "VI.-",
        "VII.-",
        "VIII.-",
        "IX.-",
        "X.-",
    ]
    # An Arabic sub-item between two Roman items, or a mark the items around it disagree on,
    # is left as read.
    mixed = ["I.- Informe", "1. Ingresos", "II.- Egresos", "VIL.- Otros", "III.- Cierre"]
    lines = [_line(text, row) for row, text in enumerate(mixed, start=1)]
    assert [text.split()[0] for text in _texts(with_roman_numbers(lines))] == [
        "I.-",
        "1.",
        "II.-",
        "VIL.-",
        "III.-",
    ]


def test_a_colon_glued_between_a_word_and_a_function_word_is_a_speck():
    lines = [_line("se reunieron:los integrantes del Consejo General", 1)]
    lines.append(_line("Mendoza Elvira, Asesor:de Mando Superior; hora: la sesión", 2))
    assert _texts(without_glued_specks(lines)) == [
        "se reunieron los integrantes del Consejo General",
        "Mendoza Elvira, Asesor de Mando Superior; hora: la sesión",
    ]
