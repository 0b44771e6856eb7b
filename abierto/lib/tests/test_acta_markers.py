"""The one-pass marker search finds what the per-number search finds (issue 13's speed)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from abierto.lib.acta.markers import Style, find_marker, find_markers
from abierto.lib.acta.normalize import normalize_text
from abierto.lib.acta.points import point_mentions
from abierto.lib.acta.text import fold


def _one_by_one(text, folded, style, numbers, start, end):
    found = []
    for number in sorted(numbers):
        position = start
        while (marker := find_marker(text, folded, style, number, position, end)) is not None:
            found.append(marker)
            position = marker.content
    return sorted(found, key=lambda marker: marker.start)


_PIECES = st.sampled_from(
    [
        "I. ",
        "II.- ",
        "IV) ",
        "iv. ",
        "Il. ",
        "1. ",
        "2.- ",
        "12. ",
        "4.1 ",
        "3) ",
        "PRIMERO.- ",
        "Segundo. ",
        "DÉCIMO PRIMERO. ",
        "décimo segundo: ",
        "Punto Número Uno: ",
        "punto tres. ",
        "Lista de asistencia. ",
        "se aprobó ",
        "\n",
        "el artículo 5. ",
        "Asuntos generales; y ",
        "la fracción II. Ley ",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=25), style=st.sampled_from(list(Style)))
def test_one_pass_finds_what_the_per_number_search_finds(pieces, style):
    text = normalize_text("".join(pieces)) + " Fin."
    folded = fold(text)
    numbers = set(range(1, 13))
    assert find_markers(text, folded, style, numbers, 0, len(text)) == _one_by_one(
        text, folded, style, numbers, 0, len(text)
    )


def test_point_mentions_in_words_digits_and_ordinals():
    folded = fold(
        "En el punto número 4 se informó. Respecto del segundo punto del orden del día, se "
        "aprobó. En el punto tres, nada; en el cuarto punto del orden, tampoco."
    )
    assert [raw for _, raw in sorted(point_mentions(folded, 0, len(folded)))] == [
        "4",
        "segundo",
        "tres",
        "cuarto",
    ]
