"""The pure readers of Zoom's participants report and of WebVTT transcripts."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.meeting_records import (
    MeetingRecordError,
    best_match,
    name_tokens,
    parse_datetime,
    parse_participants,
    parse_webvtt,
    same_person,
    strip_role_tag,
)
from abierto.lib.meeting_records.webvtt import format_offset

SAMPLES = Path(__file__).resolve().parents[3] / "tests" / "data" / "meetings"
ZOOM_CSV = SAMPLES / "zoom-participants-example.csv"
STL_CSV = SAMPLES / "stl-15-ordinaria-2022-12-16.participants.csv"
D = datetime.datetime


# Participants report ---------------------------------------------------------------------


def test_zoom_report_reads_its_meeting_data_and_merges_reconnections():
    report = parse_participants(ZOOM_CSV.read_bytes())
    assert report.encoding == "utf-8-sig"
    assert report.topic == "Sesión de prueba del formato"
    assert report.meeting_id == "812 3456 7890"
    assert report.start == D(2022, 12, 9, 11, 2, 15)
    assert report.end == D(2022, 12, 9, 12, 31, 40)
    assert len(report.connections) == 5
    people = {p.name: p for p in report.participants}
    assert set(people) == {
        "Ana Torres",
        "Roberto Gómez Luna",
        "iPhone de Marta",
        "Lic. Héctor Núñez Ibáñez",
    }
    roberto = people["Roberto Gómez Luna"]
    assert roberto.connections == 2
    assert roberto.join == D(2022, 12, 9, 11, 3, 2)
    assert roberto.leave == D(2022, 12, 9, 12, 31, 40)
    assert roberto.host  # «(Co-host)» on one of the connections
    assert people["Ana Torres"].host
    assert not people["iPhone de Marta"].host


def test_the_fifteenth_sessions_report_has_eleven_people_from_twelve_connections():
    report = parse_participants(STL_CSV.read_bytes())
    assert len(report.connections) == 12
    assert len(report.participants) == 11
    assert report.start == D(2022, 12, 16, 11, 4)
    assert report.end == D(2022, 12, 16, 12, 40)


def test_latin1_report_is_detected_and_read():
    data = STL_CSV.read_text(encoding="utf-8").encode("cp1252")
    report = parse_participants(data)
    assert report.encoding == "latin-1"
    assert "Mtro. José Martínez Vilchis" in {p.name for p in report.participants}


def test_table_without_meeting_data_and_with_extra_columns():
    data = (
        "Department,Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),"
        "Guest,Recording Consent,Location\n"
        "Legal,María Pérez,m@x.mx,12/16/2022 11:04:00 AM,12/16/2022 12:00:00 PM,56,No,,Toluca\n"
    ).encode()
    report = parse_participants(data)
    assert report.start is None
    assert [p.name for p in report.participants] == ["María Pérez"]
    assert report.participants[0].minutes == 56


def test_teams_attendance_list_in_utf16_with_tabs():
    text = (
        "1. Summary\nMeeting title\tSesión STL\nStart time\t16/12/2022, 11:04:00\n\n"
        "2. Participants\nName\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole\n"
        "Ana Torres\t16/12/2022, 11:04:10\t16/12/2022, 12:40:00\t1h 35m\ta@x.mx\tOrganizer\n"
    )
    report = parse_participants(text.encode("utf-16"))
    assert report.encoding == "utf-16"
    assert report.topic == "Sesión STL"
    assert report.participants[0].join == D(2022, 12, 16, 11, 4, 10)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "tabla de participantes"),
        (b"Nombre,Correo\nAna,a@x.mx\n", "tabla de participantes"),
        (
            b"Name,Join Time,Leave Time\nAna,tomorrow,12/16/2022 11:00 AM\n",
            "no se entiende",
        ),
        (
            b"Name,Join Time,Leave Time\nAna,12/16/2022 11:00 AM,12/16/2022 10:00 AM\n",
            "anterior a la de entrada",
        ),
        (b"Name,Join Time,Leave Time\n", "ningún participante"),
        (b"PK\x03\x04\x00\x00binary", "CSV"),
        (b"Name,Join Time\nAna,12/16/2022 11:00 AM\n", "Leave Time"),
    ],
)
def test_unreadable_reports_are_refused_with_a_spanish_message(data, message):
    with pytest.raises(MeetingRecordError, match=message):
        parse_participants(data)


def test_a_huge_report_is_refused():
    with pytest.raises(MeetingRecordError, match="MB"):
        parse_participants(b"x" * (2 * 1024 * 1024 + 1))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12/09/2022 11:02:15 AM", D(2022, 12, 9, 11, 2, 15)),
        ("12/09/2022 01:02:15 PM", D(2022, 12, 9, 13, 2, 15)),
        ("12/09/2022 13:02", D(2022, 12, 9, 13, 2)),
        ("2022-12-09 13:02:15", D(2022, 12, 9, 13, 2, 15)),
        ("16/12/2022, 11:04:00", D(2022, 12, 16, 11, 4)),
        ("16/12/2022 11:04 a. m.", D(2022, 12, 16, 11, 4)),
    ],
)
def test_zoom_and_other_time_formats(value, expected):
    assert parse_datetime(value) == expected


@given(
    st.datetimes(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    )
)
def test_zoom_us_time_format_round_trips(moment):
    assert parse_datetime(moment.strftime("%m/%d/%Y %I:%M:%S %p")) == moment


_NAME = st.text(alphabet=st.characters(categories=["L"]), min_size=2, max_size=12)


@given(
    st.lists(_NAME, min_size=1, max_size=6),
    st.lists(st.integers(min_value=0, max_value=180), min_size=1, max_size=6),
)
def test_merging_keeps_one_person_per_name_with_earliest_join_and_latest_leave(names, offsets):
    start = D(2022, 12, 16, 11, 0)
    rows = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    expected: dict[str, tuple[D, D]] = {}
    for i, offset in enumerate(offsets):
        name = names[i % len(names)]
        join = start + datetime.timedelta(minutes=offset)
        leave = join + datetime.timedelta(minutes=5)
        rows.append(f'"{name}",,{join:%m/%d/%Y %I:%M:%S %p},{leave:%m/%d/%Y %I:%M:%S %p},5,No')
        key = " ".join(name.split())
        first, last = expected.get(key, (join, leave))
        expected[key] = (min(first, join), max(last, leave))
    report = parse_participants("\n".join(rows).encode())
    assert len(report.connections) == len(offsets)
    merged = {p.name: (p.join, p.leave) for p in report.participants}
    # names that fold to the same words are one person
    assert len(merged) <= len(expected)
    for name, (join, leave) in merged.items():
        assert join == min(v[0] for k, v in expected.items() if k == name or merged_same(k, name))
        assert leave == max(v[1] for k, v in expected.items() if k == name or merged_same(k, name))


def merged_same(a: str, b: str) -> bool:
    from abierto.lib.meeting_records import fold

    return fold(a) == fold(b)


@given(st.binary(max_size=2000))
def test_any_bytes_either_parse_or_raise_the_typed_error(data):
    try:
        report = parse_participants(data)
    except MeetingRecordError as exc:
        message = exc.message
    else:
        message = "ok" if report.participants else ""
    assert message


# Names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "known"),
    [
        ("Horacio Rodríguez Jiménez (Host)", "Horacio Rodríguez Jiménez"),
        ("Mtro. José Martínez Vilchis", "José Martínez Vilchis"),
        ("Lic. Marco Becerril Garcés", "Marco Antonio Becerril Garcés"),
        ("Edgar Marín", "José Edgar Marín Pérez"),
        ("Carlos de la Peña", "Carlos de la Peña Jiménez O´Farril"),  # noqa: RUF001 - the acta's spelling
        ("RODRIGUEZ JIMENEZ HORACIO", "Horacio Rodríguez Jiménez"),
        ("Dra. Lilibeth Alvarez (Co-host)", "Lilibeth Álvarez Rodríguez"),
    ],
)
def test_names_fold_accents_case_order_honorifics_and_role_tags(shown, known):
    assert same_person(shown, known)


@pytest.mark.parametrize(
    ("shown", "known"),
    [
        ("Horacio", "Horacio Rodríguez Jiménez"),  # one word is not enough
        ("José Pérez", "José Edgar Marín Pérez Luna"),  # both words, but…
        ("Ana Torres", "Ana María Torres"),
    ],
)
def test_name_matching_needs_two_words(shown, known):
    if len(name_tokens(shown)) < 2:
        assert not same_person(shown, known)
    else:
        assert same_person(shown, known)


def test_best_match_refuses_a_tie():
    candidates = [(1, "José Martínez Vilchis"), (2, "José Martínez López")]
    assert best_match("José Martínez", candidates) is None
    assert best_match("José Martínez Vilchis", candidates) == 1
    assert best_match("Nadie Conocido", candidates) is None


def test_role_tags_in_english_and_spanish():
    assert strip_role_tag("Ana (Anfitrión)") == ("Ana", True)
    assert strip_role_tag("Ana (Coanfitriona)") == ("Ana (Coanfitriona)", False)
    assert strip_role_tag("Ana (Invitado)") == ("Ana", False)


_SPANISH_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúüñ", min_size=2, max_size=10)


@given(st.lists(_SPANISH_WORD, min_size=2, max_size=4), st.randoms())
def test_any_word_order_and_case_is_the_same_person(words, rnd):
    name = " ".join(words)
    shuffled = list(words)
    rnd.shuffle(shuffled)
    assert same_person(" ".join(shuffled).upper(), name) == (len(name_tokens(name)) >= 2)


# WebVTT ----------------------------------------------------------------------------------


def test_zoom_transcript_speakers_multiline_cues_and_notes():
    cues = parse_webvtt((SAMPLES / "zoom-transcript-example.vtt").read_bytes())
    assert len(cues) == 6
    assert cues[0].identifier == "1"
    assert cues[0].speaker == "Ana Torres"
    assert cues[0].start == pytest.approx(2.14)
    assert cues[2].text == "Gracias. Propongo un cambio en la redacción del acuerdo."
    assert cues[2].speaker == "Roberto Gómez Luna"
    assert cues[5].speaker == "Lic. Héctor Núñez Ibáñez"


def test_voice_spans_settings_and_entities():
    cues = parse_webvtt((SAMPLES / "teams-transcript-example.vtt").read_bytes())
    assert [c.speaker for c in cues] == ["Ana Torres", "Roberto Gómez Luna"]
    assert cues[1].text == "Gracias & buenos días."
    assert cues[1].identifier == "b3f1c2e0-1/12-0"


def test_short_timestamps_bom_and_header_text():
    cues = parse_webvtt(
        "\ufeffWEBVTT - Sesión\nKind: captions\n\n01:02.500 --> 01:04.000\nHola a todos.\n"
    )
    assert cues[0].start == 62.5
    assert cues[0].speaker == ""
    assert cues[0].text == "Hola a todos."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"1\n00:00:01.000 --> 00:00:02.000\nHola\n", "WEBVTT"),
        (b"WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHola\n", "WEBVTT"),
        (b"WEBVTT\n\n00:00:01 --> 00:00:02\nHola\n", "tiempos no v"),
        (b"WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHola\n", "termina antes"),
        (b"WEBVTT\n\nNOTE nada\n", "ninguna entrada"),
        (b"WEBVTT\n\nid\nHola\n", "falta la l"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAño\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_transcripts_are_refused_with_a_spanish_message(data, message):
    with pytest.raises(MeetingRecordError, match=message):
        parse_webvtt(data)


def test_a_huge_transcript_is_refused():
    with pytest.raises(MeetingRecordError, match="MB"):
        parse_webvtt(b"WEBVTT\n\n" + b"x" * (3 * 1024 * 1024))


_TEXT = st.text(
    alphabet=st.characters(categories=["L", "N", "Zs"], exclude_characters="\n\r"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())


@given(
    st.lists(
        st.tuples(st.integers(0, 10_000_000), st.integers(0, 100_000), _TEXT),
        min_size=1,
        max_size=8,
    )
)
def test_written_cues_read_back(cues):
    def stamp(ms: int) -> str:
        return (
            f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"
        )

    body = "WEBVTT\n\n" + "\n".join(
        f"{stamp(start)} --> {stamp(start + length)}\nAna López: {text}\n"
        for start, length, text in cues
    )
    read = parse_webvtt(body)
    assert len(read) == len(cues)
    for cue, (start, length, text) in zip(read, cues, strict=True):
        assert cue.start == pytest.approx(start / 1000)
        assert cue.end == pytest.approx((start + length) / 1000)
        assert cue.speaker == "Ana López"
        assert cue.text == " ".join(text.split())


@given(st.binary(max_size=2000))
def test_any_bytes_either_parse_or_raise_the_typed_error_vtt(data):
    try:
        cues = parse_webvtt(data)
    except MeetingRecordError as exc:
        message = exc.message
    else:
        message = "ok" if cues else ""
    assert message


def test_offsets_are_written_as_the_recording_shows_them():
    assert format_offset(62.5) == "01:02"
    assert format_offset(3723) == "1:02:03"


def test_zoom_recording_file_names_say_when_the_recording_started():
    from abierto.lib.meeting_records import recording_start

    assert recording_start("GMT20221216-170415_Recording.transcript.vtt") == datetime.datetime(
        2022, 12, 16, 17, 4, 15, tzinfo=datetime.UTC
    )
    assert recording_start("transcripcion.vtt") is None
    assert recording_start("GMT20221399-170415_Recording.vtt") is None
