"""A confidence per field: the parser's certainty times the OCR's, doubtful ones first."""

from abierto.lib.acta.confidence import field_confidences, low_fields
from abierto.lib.acta.ocr import OcrPage, OcrWord
from abierto.lib.acta.parser import empty_result


def _parsed(**session):
    parsed = empty_result()
    parsed["body"] = "Comité de Transparencia"
    parsed["session"].update(
        {"number": 3, "kind": "ordinaria", "date": "2023-03-03", "start_time": "10:00", **session}
    )
    parsed["attendees"] = [
        {"name": "Ana Ruiz Soto", "role": "Presidenta"},
        {"name": "de la sesión que", "role": None},
    ]
    parsed["agreements"] = [
        {"code": "CT-01", "text": "Se aprueba el orden del día", "vote": "unanimidad"},
        {"code": None, "text": "Se toma conocimiento", "vote": None},
    ]
    return parsed


def test_a_plausible_text_reading_is_trusted_and_missing_fields_have_none():
    confidence = field_confidences(_parsed())
    assert confidence["session.date"] == 1.0
    assert confidence["session.number"] == 1.0
    assert confidence["body"] == 0.95
    assert confidence["session.end_time"] is None
    assert confidence["convocation.reference"] is None


def test_implausible_values_get_low_confidence():
    confidence = field_confidences(_parsed(date="1850-01-01", start_time="03:00"))
    assert confidence["session.date"] < 0.5
    assert confidence["session.start_time"] < 0.8
    assert confidence["attendees[0]"] > 0.9
    assert confidence["attendees[1]"] < 0.6  # not a name
    assert confidence["agreements[0]"] > confidence["agreements[1]"]


def test_an_end_before_the_start_is_doubtful():
    confidence = field_confidences(_parsed(start_time="12:00", end_time="11:00"))
    assert confidence["session.end_time"] < 0.8


def test_a_warning_about_a_part_lowers_that_part():
    parsed = _parsed()
    plain = field_confidences(parsed)["agreements[0]"]
    parsed["warnings"] = ["Un acuerdo no tiene votación."]
    assert field_confidences(parsed)["agreements[0]"] < plain


def test_words_the_ocr_read_poorly_lower_the_fields_read_from_them():
    parsed = _parsed()
    page = OcrPage(
        1,
        [
            [OcrWord("Comité", 96), OcrWord("de", 95), OcrWord("Transparencia", 93)],
            [OcrWord("Ana", 41), OcrWord("Ruiz", 38), OcrWord("Soto", 45)],
        ],
    )
    confidence = field_confidences(parsed, [page])
    assert confidence["body"] > 0.85
    assert confidence["attendees[0]"] < 0.5
    # A date rebuilt from words takes the document's mean confidence.
    assert confidence["session.date"] == round(page.confidence, 2)


def test_low_fields_come_least_sure_first():
    assert low_fields({"a": 0.9, "b": 0.3, "c": None, "d": 0.7}) == ["b", "d"]
