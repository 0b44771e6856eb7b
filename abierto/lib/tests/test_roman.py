import pytest

from abierto.lib.roman import from_roman, to_roman


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (1, "I"),
        (4, "IV"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (90, "XC"),
        (400, "CD"),
        (1994, "MCMXCIV"),
        (2022, "MMXXII"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_to_roman_writes_canonical_numerals(number: int, numeral: str) -> None:
    assert to_roman(number) == numeral


def test_every_number_from_1_to_3999_round_trips() -> None:
    for number in range(1, 4000):
        assert from_roman(to_roman(number)) == number


def test_from_roman_ignores_case_and_surrounding_spaces() -> None:
    assert from_roman("xv") == 15
    assert from_roman(" McmXciV ") == 1994


@pytest.mark.parametrize("number", [0, -1, 4000, 10_000])
def test_to_roman_rejects_numbers_outside_1_to_3999(number: int) -> None:
    with pytest.raises(ValueError, match=r"1\.\.3999"):
        to_roman(number)


@pytest.mark.parametrize("value", [True, 1.0, "1"])
def test_to_roman_rejects_non_integers(value: object) -> None:
    with pytest.raises(TypeError):
        to_roman(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "numeral", ["IIII", "VX", "IC", "IL", "VV", "XXXX", "MCMC", "MMMM", "IIV", "LC", "DM"]
)
def test_from_roman_rejects_non_canonical_forms(numeral: str) -> None:
    with pytest.raises(ValueError, match="canonical"):
        from_roman(numeral)


@pytest.mark.parametrize("numeral", ["", "   ", "XIV.", "X V", "ABC", "12"])
def test_from_roman_rejects_empty_or_foreign_characters(numeral: str) -> None:
    with pytest.raises(ValueError, match="Roman numeral"):
        from_roman(numeral)
