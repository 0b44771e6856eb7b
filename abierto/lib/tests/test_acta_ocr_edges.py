"""The letterhead and footer of a scan, read a little differently on each page (issue 13,
eleventh session; developed on the scanned corpus): a stamp's scraps beside the address, a
space lost in the letterhead, a phone number's digits misread. Synthetic pages with invented
words, never a corpus file."""

from abierto.lib.acta.ocr import OcrPage, OcrWord, clean_pages

HEAD = ["CONSEJO DE", "PARTICIPACIÓN", "CIUDADANA", "DEL ESTADO DE TAMAULIPAS"]


def _line(text: str, top: int = 0) -> list[OcrWord]:
    return [OcrWord(word, 95.0, top=top) for word in text.split()]


def _page(number: int, lines: list[str], *, first_top: int = 100) -> OcrPage:
    return OcrPage(
        number, [_line(text, first_top + 60 * index) for index, text in enumerate(lines)]
    )


def test_a_letterhead_and_footer_read_with_scraps_are_dropped_from_every_page():
    pages = clean_pages(
        [
            _page(
                1,
                [
                    *HEAD,
                    "Acuerdo 10/2021-2022 se aprueba el programa anual de trabajo.",
                    "Sa Avenida Hidalgo Poniente 703, rr",
                    "(5) (s44) 688 21 78 piso 3. Colonia Centro, Victoria www.cpc.org.mx",
                ],
            ),
            _page(
                2,
                [
                    "CONSEJODE",
                    "PARTICIPACION",
                    "CIUDADANA",
                    "DEL ESTADO DE TAMAULIPAS",
                    "La actualización del programa de capacitación de este año.",
                    "PA",
                    "Avenida Hidalgo Poniente 703, pa",
                    "(844) 688 21 78 piso 3. Colonia Centro, Victoria wwuw.cpc,org.mx",
                ],
            ),
            _page(
                3,
                [
                    *HEAD,
                    "Y habiéndose agotado el orden del día se concluye la sesión.",
                    "Avenida Hidalgo Poniente 703, So",
                    "(5) (g844) 688 2178 0 piso 3. Colonia Centro, Victoria wuwuw.cpc.org.mx",
                ],
            ),
        ]
    )
    assert [page.text for page in pages] == [
        "Acuerdo 10/2021-2022 se aprueba el programa anual de trabajo.",
        "La actualización del programa de capacitación de este año.",
        "Y habiéndose agotado el orden del día se concluye la sesión.",
    ]


def test_two_items_of_a_list_cut_by_a_page_break_are_not_a_letterhead():
    # The first item stands at the first page's foot, the second at the next page's top:
    # alike in their words, not in their height on the page.
    first = _page(
        1,
        [
            "ACTA NÚMERO CINCUENTA Y CUATRO",
            "5. Dictámenes de la Comisión relativos a:",
            "a) Manual de Organización de la Promotora Inmobiliaria del municipio de",
        ],
        first_top=2700,
    )
    second = _page(2, ["b) Manual de Procedimientos de la Promotora Inmobiliaria del municipio de"])
    pages = clean_pages([first, second])
    assert "a) Manual de Organización" in pages[0].text
    assert pages[1].text.startswith("b) Manual de Procedimientos")


def test_a_line_that_opens_one_page_is_kept_when_it_ends_the_others():
    # "Aprobado por unanimidad" at the foot of two pages and at the top of the third: at the
    # top, where no other page has it, it is the text's.
    words = ["informe", "programa", "convenio", "padrón", "presupuesto", "calendario", "portal"]
    body = [f"Se presentó el {word} ante las personas consejeras." for word in words]
    pages = clean_pages(
        [
            _page(
                1, ["Acuerdo 01. Se aprueba el orden del día.", *body, "Aprobado por unanimidad"]
            ),
            _page(
                2, ["Acuerdo 02. Se aprueba el acta anterior.", *body, "Aprobado por unanimidad"]
            ),
            _page(
                3, ["Aprobado por unanimidad", "Acuerdo 03. Se aprueba el informe anual.", *body]
            ),
        ]
    )
    assert pages[2].text.startswith("Aprobado por unanimidad\nAcuerdo 03.")
