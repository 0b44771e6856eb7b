"""A CSV upload never carries a NUL character into the database, wherever it is in the file
(PostgreSQL refuses NUL in any text)."""

from abierto.lib.tabular import Column, read_table

COLUMNS = [Column("name", "nombre"), Column("note", "nota", required=False)]


def test_a_nul_past_the_first_kilobytes_of_a_csv_is_refused_with_its_line():
    lines = ["nombre,nota"] + [f"persona {n},bien" for n in range(1, 400)]
    lines.append("persona 400,ma\x00l")
    data = "\n".join(lines).encode()
    assert data.index(b"\x00") > 4096
    table = read_table(data, "datos.csv", COLUMNS)
    assert table.rows == []
    assert len(table.errors) == 1
    assert "nulo" in table.errors[0].message
    assert "línea 401" in table.errors[0].message


def test_a_csv_without_nul_is_read_whole():
    lines = ["nombre,nota"] + [f"persona {n},bien" for n in range(1, 400)]
    table = read_table("\n".join(lines).encode(), "datos.csv", COLUMNS)
    assert table.errors == []
    assert len(table.rows) == 399
