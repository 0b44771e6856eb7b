"""The parser against the hand-checked corpus in tests/data/actas/ (see its SOURCES.md)."""

import json

import pytest

from bench.acta_score import (
    CORPUS,
    FIELDS,
    HELDOUT,
    SCANNED,
    Counts,
    corpus_documents,
    is_scanned,
    main,
    mismatches,
    score_corpus,
    score_document,
)

# What the parser reaches on the corpus, less a small margin; raise it when the parser improves.
# Issue 13 brought every real document of the main corpus to 0.97 or more (total 0.998).
MIN_TOTAL_F1 = 0.99
MIN_DOCUMENT_F1 = 0.95
# Image-only scans, read by OCR (tests/data/actas/scanned/): their own floor, set at what the
# reader reaches less a margin (lowest 0.895 with branches `ocr` and `acta` merged; see
# bench/README.md); not yet 0.95 for all.
MIN_SCANNED_DOCUMENT_F1 = 0.88
# Issue 13's wider corpus (bodies new to it; see SOURCES.md, "Fourth batch"): each document
# with its first blind score, the parser as it was on main when the expected file was written.
# They are gated at that score less NEW_DOCUMENT_MARGIN where that is below the floors above,
# and left out of the total, until the parser reads them at MIN_DOCUMENT_F1
# (MIN_SCANNED_DOCUMENT_F1 for scans): then a document leaves this table and the ordinary
# floors apply to it.
NEW_DOCUMENT_BLIND_F1 = {
    "guadalajara-comision-transparencia-acta-7-2016.txt": 0.400,
    # Fifth batch (heldB), blind at 90bab6d, then moved out of heldout/ (6 Dec 2026); Unison
    # 142 (blind 0.375, now 1.000) and the INAI scan (0.476, now 0.889) have left the table.
    "uam-azcapotzalco-cyad-consejo-divisional-512-2016.pdf": 0.261,
    "unison-colegio-academico-acta-119-2011.txt": 0.812,
    # Fifth batches heldA (blind at 90bab6d) and heldC (blind at c56bf0f), moved out of heldout/
    # on 6 Dec 2026 (05:05 UTC) and developed on in branch `actadev`; fifteen of the sixteen
    # have left the table (see SOURCES.md for their blind scores): the one below still reads
    # under the scans' floor.
    "inmujeres-comite-editorial-1-extraordinaria-2007-05-14.pdf": 0.500,
    # Sixth batches heldD, heldE and heldF (blind at 5393b09), moved out of heldout/ on 6 Dec
    # 2026 (18:20 UTC) and developed on; eighteen of the nineteen read at the floors now (see
    # SOURCES.md): this scan still reads under the scans' floor.
    # Seventh batches heldG and heldH (blind at 6ee2943), moved out of heldout/ on 6 Dec 2026
    # (fourth session) and developed on: all thirteen read at the floors now (the TSJ Puebla
    # scan, blind 0.609, since 7 Dec: a colon and a stop read inside names, two names run
    # together).
    # Eighth batch heldK (blind at efda51e), moved out of heldout/ on 7 Dec 2026 and developed
    # on; three of the five read at the floors now: the Uruapan acta (a text PDF cut short
    # inside its roll call, 0.857) and the Comité Coordinador's true scan (0.867) do not.
    "uruapan-ayuntamiento-acta-19-2008-05-29.pdf": 0.800,
    # Eighth batch heldL (blind at efda51e), moved out of heldout/ on 7 Dec 2026 (sixth
    # session) and developed on; five of the six read at the floors now: the Tlaquepaque
    # transcript does not (0.938 since the tenth session, which reads the names its roll call
    # wraps across lines; its body and venue are still read without the state after them).
    "tlaquepaque-ayuntamiento-acta-67-2018-09-24.pdf": 0.538,
    # Eighth batch heldM (blind at efda51e), moved out of heldout/ on 7 Dec 2026 (sixth
    # session) and developed on; five of the six read at the floors now: the Diario de Debates
    # (its summary lists the session's business like an agenda, which the expected file does
    # not count, 0.667) does not.
    "edomex-legislatura-sesion-deliberante-17-2015-11-26.docx": 0.571,
    # Ninth batch heldN (blind at 43a0864 and before), moved out of heldout/ on 7 Dec 2026
    # (seventh session) and developed on; five of the six read at the floors now: the Ahome
    # acta (0.923) does not, its place being the city with its municipality after it.
    "ahome-cabildo-acta-19-ordinaria-2017-06-22.txt": 0.870,
    # Seventh batch heldI (blind at 6ee2943), moved out of heldout/ on 7 Dec 2026 (seventh
    # session) and developed on; none of the five reads at the floors yet: an association's
    # assembly (0.917, its PDF breaking an office across lines), a directors' meeting told as
    # a report (0.882), a network's minute (0.933, a name given once with a second surname),
    # and two noisy true scans, a school council's (0.837) and a 1987 university council's
    # (0.800).
    "anfei-region-ii-directores-8-reunion-2022-05-26.docx": 0.882,
    "anuies-red-asuntos-culturales-centro-occidente-2016-09-23.txt": 0.588,
    "esc-sec-joaquin-antonio-penalosa-cte-2-extraordinaria-2021-06-01.pdf": 0.424,
    # Fourteenth batch heldW (blind at 2035f47), with heldQ's Asuntos Migratorios acta (blind
    # at d7a3825), moved out of heldout/ on 7 Dec 2026 (eighth session) and developed on; two
    # of the five read at the floors now: a committee's run whose members after the offices
    # keep the group's title (0.911), and two page images of published text, one whose chair
    # follows a speck (0.714), one whose agenda the OCR interleaved (0.750), do not.
    "camara-diputados-comision-juventud-diversidad-sexual-1-ordinaria-2018-11-21.txt": 0.684,
    "guanajuato-congreso-junta-gobierno-coordinacion-politica-minuta-43-2016-10-18.pdf": 0.718,
    # Tenth batch heldP (blind at d7a3825), moved out of heldout/ on 7 Dec 2026 (eighth
    # session) and developed on; none of the seven reads at the floors yet (four true scans of
    # a citizens' council, 0.692-0.903; a party's transparency committee, 0.850-0.904).
    "cpc-coahuila-9-ordinaria-2022-02-11.pdf": 0.609,
    "cpc-coahuila-16-ordinaria-2022-05-27.pdf": 0.690,
    "pvem-edomex-comite-transparencia-1-extraordinaria-2021-01-21.docx": 0.737,
    "pvem-edomex-comite-transparencia-2-extraordinaria-2021-03-01.txt": 0.694,
    # Ninth batch heldO (blind at dc2a5dc), moved out of heldout/ on 7 Dec 2026 (eighth session)
    # and developed on; three of the six read at the floors now: a committee whose body is read
    # as its commission (0.933) and two noisy scans (0.889, 0.632) do not.
    "cegaip-slp-comite-transparencia-29-extraordinaria-2017-12-14.docx": 0.741,
    "cegaip-slp-consejo-33-extraordinaria-2017-08-21.pdf": 0.824,
    "teja-slp-comite-transparencia-3-extraordinaria-2018-06-27.pdf": 0.556,
    # Tenth batch heldQ's last four (blind at d7a3825), moved out of heldout/ on 7 Dec 2026
    # (eighth session) and developed on; two read at the floors now, these two do not: a
    # venue cut before its city and its legal status (0.923), a scan whose roll the OCR broke.
    "chihuahua-congreso-acta-80-solemne-2025-05-27.pdf": 0.706,
    # Four records of heldU and heldV (blind at 648a74e), moved out of heldout/ on 7 Dec 2026
    # (eighth session) and developed on; the STL's record and Xalapa's page image (0.949) read
    # at the floors now, these two do not: an institute's record whose decisions are told
    # (0.750), a page image of a record (0.842).
    "sea-chihuahua-comite-coordinador-12-ordinaria-2025-12-12.pdf": 0.400,
    # Twenty-first batch heldAK (blind at 6500115), moved out of heldout/ on 7 Dec 2026 (ninth
    # session) and developed on; Guanajuato's minuta reads 1.000, Coahuila's Diputación
    # Permanente 0.933: a secretary named only in the president's request past the opening.
    "coahuila-congreso-diputacion-permanente-5-sesion-2019-08-13.docx": 0.533,
    # Twenty-second batches heldAN and heldAO (blind at 0c16645), moved out of heldout/ on 7 Dec
    # 2026 (tenth session) and developed on: the CES assembly (blind 0.619) reads 1.000, the
    # basin subcommittee's minute (0.880) 0.963; the statistics subcommittee's minute, published
    # as one paragraph whose attendance table ran its columns together, does not.
    # In the same session nine documents above left this table, reading at the floors: the
    # Banxico, Ixtlahuacán, SEA Coahuila, Defensa Nacional and two CPC Coahuila scans (0.912 to
    # 1.000), the UdG, ANUIES assembly and IEC Coahuila records (0.958 to 1.000).
    "subcomite-estadistica-minuta-10-2006-11-01.txt": 0.375,
    # Twenty-third batches heldAP and heldAQ (blind at 3194bf6), moved out of heldout/ on 7 Dec
    # 2026 (tenth session) and developed on: STAUdeG's assembly (blind 0.960) reads 1.000; the
    # Sonora zone directors' acta 0.947 does not (its supervisor's office before a colon, and a
    # teacher who reads the last minutes, are not read).
    "sonora-secundaria-estatal-zona-0i-reunion-directores-acta-5-24-octubre.txt": 0.895,
    # In the eleventh session five documents above left this table, reading at the floors with
    # a margin of 0.02 or more: UAM Azcapotzalco's Consejo Académico 404 and 414 (0.966, 0.968),
    # PVEM's transparency committee installation (0.966), and the UAZ 1987 and Chihuahua
    # Diputación Permanente scans (0.908, 1.000). CPC Coahuila 16 (0.895) and CEGAIP's consejo
    # (0.889) read at the scans' floor too, within 0.02 of it, and stay gated for now.
    # Held aside since the fourteenth (heldX) and eighteenth (heldAF) batches, moved out of
    # heldout/ on 7 Dec 2026 (eleventh session) and developed on: the UAQ council's scan (read
    # at 0.455 when moved) reads 1.000 and the Lerma-Chapala commission's Gaceta acta (0.514)
    # 0.972, and both have left this table (SOURCES.md, "Moved out of heldout/ in the eleventh
    # session"). Two more followed the same day, once heldAT and heldAU had added two records
    # to heldout/, with the score they read at then:
    "camara-diputados-comision-desarrollo-social-junta-directiva-2018-10-31.pdf": 0.720,
    "inaip-yucatan-consejo-general-acta-066-2014.pdf": 0.700,
}
NEW_DOCUMENT_MARGIN = 0.1
# New documents the parser read worse after their blind score, with the lower score: a
# regression the gate above caught, kept visible here (and in bench/README.md) so that main
# stays green while it is fixed. Empty: the IMPEPAC scan, which the round merged at d184bdd
# read at 0.370, reads 0.875 since branch `acta` (blind 0.656).
NEW_DOCUMENT_REGRESSED_F1: dict[str, float] = {}
SCHEMA = {
    "body",
    "session",
    "convocation",
    "attendees",
    "agenda",
    "agreements",
    "scheduled_sessions",
}


@pytest.fixture(scope="module")
def report():
    return score_corpus()


def test_the_corpus_has_documents_of_every_format_and_their_sources():
    documents = [document for document, _ in corpus_documents()]
    assert len(documents) >= 8
    assert {document.suffix for document in documents} >= {".txt", ".md", ".docx", ".pdf"}
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert all(document.name in sources for document in documents)


@pytest.mark.parametrize(
    "expected",
    sorted(
        [
            *CORPUS.glob("*.expected.json"),
            *HELDOUT.glob("*.expected.json"),
            *SCANNED.glob("*.expected.json"),
        ]
    ),
    ids=lambda path: path.name,
)
def test_every_expected_file_follows_the_schema(expected):
    data = json.loads(expected.read_text(encoding="utf-8"))
    assert set(data) == SCHEMA


def test_the_corpus_reads_without_errors(report):
    assert report.errors == {}


def _floor(name: str, floor: float) -> float:
    blind = NEW_DOCUMENT_BLIND_F1.get(name)
    if blind is None:
        return floor
    blind = min(blind, NEW_DOCUMENT_REGRESSED_F1.get(name, blind))
    return min(floor, blind - NEW_DOCUMENT_MARGIN)


def test_the_overall_f1_stays_above_the_floor(report):
    total = Counts()
    for name, counts in report.documents.items():
        if name not in NEW_DOCUMENT_BLIND_F1:
            total.add(counts)
    assert total.f1 >= MIN_TOTAL_F1


def test_no_document_falls_far_behind(report):
    assert {
        name: round(counts.f1, 3)
        for name, counts in report.documents.items()
        if counts.f1 < _floor(name, MIN_DOCUMENT_F1)
    } == {}


def test_the_new_documents_are_in_the_corpus_and_sourced():
    names = {
        document.name
        for folder in (CORPUS, SCANNED, HELDOUT)
        for document, _ in corpus_documents(folder)
    }
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert set(NEW_DOCUMENT_BLIND_F1) <= names
    assert all(name in sources for name in NEW_DOCUMENT_BLIND_F1)


def test_a_perfect_parse_scores_one_on_every_field():
    expected = json.loads(
        (CORPUS / "stl-edomex-15-ordinaria-2022.expected.json").read_text(encoding="utf-8")
    )
    counts = score_document(expected, expected)
    assert set(counts) == set(FIELDS)
    assert all(field.f1 == 1.0 for field in counts.values())


def test_the_scorer_counts_misses_and_inventions():
    expected = {
        "body": "Comité",
        "session": {"date": "2023-01-05"},
        "attendees": [{"name": "Ana Ruiz"}],
    }
    predicted = {
        "body": "Consejo Consultivo Estatal",
        "session": {"date": None},
        "attendees": [{"name": "Ana Ruiz"}, {"name": "Luis Gil"}],
    }
    counts = score_document(predicted, expected)
    assert (counts["body"].tp, counts["body"].predicted, counts["body"].expected) == (0, 1, 1)
    assert (counts["session.date"].tp, counts["session.date"].expected) == (0, 1)
    assert (
        counts["attendees"].tp,
        counts["attendees"].predicted,
        counts["attendees"].expected,
    ) == (1, 2, 1)


def test_the_held_aside_documents_are_sourced_but_not_gated():
    # The folder may be empty between batches: a batch moves into the main corpus once its
    # blind score is recorded, and the next arrives unread.
    held_aside = [document for document, _ in corpus_documents(HELDOUT)]
    main_corpus = {document.name for document, _ in corpus_documents()}
    assert not main_corpus & {document.name for document in held_aside}
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"heldout/{document.name}" in sources for document in held_aside)


def test_the_scorer_scores_another_folder(capsys, tmp_path):
    for name in ("cajeme-cabildo-acta-70-2012.txt", "cajeme-cabildo-acta-70-2012.expected.json"):
        (tmp_path / name).write_bytes((CORPUS / name).read_bytes())
    assert main(["--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "cajeme-cabildo-acta-70-2012.txt" in out
    assert "stl-edomex-15" not in out


def test_the_scorer_prints_one_document_s_misses(capsys):
    assert main(["--document", "cajeme"]) == 0
    out = capsys.readouterr().out
    assert "== cajeme-cabildo-acta-70-2012.txt" in out
    assert "texcoco" not in out


def test_mismatches_name_each_field_missed_or_invented():
    expected = {
        "body": "Comité",
        "session": {"date": "2023-01-05"},
        "attendees": [{"name": "Ana Ruiz"}],
    }
    predicted = {"body": "Comité", "session": {"date": None}, "attendees": [{"name": "Luis Gil"}]}
    assert mismatches(predicted, expected) == [
        "session.date: expected '2023-01-05', predicted None",
        "attendees: missed Ana Ruiz",
        "attendees: invented Luis Gil",
    ]


@pytest.mark.slow
@pytest.mark.no_database
def test_the_scanned_documents_are_image_only_and_sourced():
    documents = [document for document, _ in corpus_documents(SCANNED)]
    assert len(documents) >= 3
    assert all(is_scanned(document) for document in documents)
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"scanned/{document.name}" in sources for document in documents)


@pytest.mark.slow
@pytest.mark.no_database
@pytest.mark.parametrize("name", [document.name for document, _ in corpus_documents(SCANNED)])
def test_every_scanned_document_reads_above_its_floor(name):
    """One test a scan, so that the test workers share the scans' OCR out between them (one
    test for all of them kept one worker busy for minutes after the others had finished)."""
    report = score_corpus(SCANNED, only=name)
    assert set(report.documents) == {name}
    assert report.errors == {}
    assert report.documents[name].f1 >= _floor(name, MIN_SCANNED_DOCUMENT_F1)
