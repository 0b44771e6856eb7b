import datetime
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from abierto.lib.tabular import (
    CellError,
    Column,
    ColumnType,
    csv_template,
    normalise,
    parse_date,
    parse_decimal,
    parse_int,
    read_table,
)

MUNICIPALITIES = {"15104": "Tlalnepantla de Baz", "15106": "Toluca", "15033": "Ecatepec de Morelos"}

COLUMNS = [
    Column("date", "fecha", ColumnType.DATE),
    Column("municipality", "municipio", ColumnType.MUNICIPALITY),
    Column("people", "personas atendidas", ColumnType.INT),
    Column("amount", "monto", ColumnType.DECIMAL, required=False),
    Column("status", "estado", ColumnType.CHOICE, required=False, choices={"cumplido": "met"}),
    Column("note", "nota", required=False, max_length=10),
]


def read(text: str | bytes, filename: str = "datos.csv", **kwargs):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_table(data, filename, COLUMNS, municipalities=MUNICIPALITIES, **kwargs)


def xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_good_csv_gives_typed_rows():
    table = read(
        "fecha,municipio,personas atendidas,monto\n"
        '2022-12-16,15104,120,"1,234.50"\n'
        "16/12/2022,Toluca,0,12.5\n"
    )
    assert table.ok, table.errors
    assert [r.number for r in table.rows] == [2, 3]
    first, second = (r.values for r in table.rows)
    assert first == {
        "date": datetime.date(2022, 12, 16),
        "municipality": "15104",
        "people": 120,
        "amount": Decimal("1234.50"),
        "status": None,
        "note": None,
    }
    assert second["municipality"] == "15106"
    assert second["amount"] == Decimal("12.5")


def test_headers_match_ignoring_case_accents_and_separators():
    table = read("FECHA;Municipio;Personas_Atendidas;Nóta\n2022-01-01;tlalnepantla de baz;3;x\n")
    assert table.ok, table.errors
    assert table.rows[0].values["municipality"] == "15104"
    assert table.rows[0].values["note"] == "x"


def test_semicolons_and_decimal_commas_as_excel_writes_them_in_spanish():
    table = read("fecha;municipio;personas atendidas;monto\n01/02/2022;106;5;12,5\n")
    assert table.ok, table.errors
    assert table.rows[0].values["amount"] == Decimal("12.5")
    assert table.rows[0].values["municipality"] == "15106"


def test_utf8_with_bom_and_latin1_files_are_both_read():
    text = "fecha,municipio,personas atendidas,nota\n2022-01-01,Toluca,1,Año\n"
    assert read(b"\xef\xbb\xbf" + text.encode("utf-8")).rows[0].values["note"] == "Año"
    assert read(text.encode("latin-1")).rows[0].values["note"] == "Año"


def test_every_bad_cell_is_reported_with_its_row_and_column():
    table = read(
        "fecha,municipio,personas atendidas,estado,nota\n"
        "2022-02-30,15104,10,cumplido,\n"
        "2022-01-01,Narnia,-3,quizá,demasiado largo\n"
        ",15106,1.5,,\n"
    )
    assert not table.ok
    found = {(e.row, e.column) for e in table.errors}
    assert found == {
        (2, "fecha"),
        (3, "municipio"),
        (3, "personas atendidas"),
        (3, "estado"),
        (3, "nota"),
        (4, "fecha"),
        (4, "personas atendidas"),
    }
    messages = {(e.row, e.column): e.message for e in table.errors}
    assert "no es una fecha que exista" in messages[(2, "fecha")]
    assert "obligatorio" in messages[(4, "fecha")]
    assert "negativo" in messages[(3, "personas atendidas")]
    assert "sin decimales" in messages[(4, "personas atendidas")]
    assert "cumplido" in messages[(3, "estado")]


def test_missing_unknown_and_repeated_columns_are_header_errors():
    table = read("fecha,fecha,personas,colonia\n2022-01-01,2022-01-01,3,Centro\n")
    assert [(e.row, e.column) for e in table.errors] == [
        (1, "fecha"),
        (1, "personas"),
        (1, "colonia"),
        (1, "municipio"),
        (1, "personas atendidas"),
    ]
    assert table.rows == []


def test_blank_lines_are_skipped_but_row_numbers_stay_those_of_the_sheet():
    table = read("\nfecha,municipio,personas atendidas\n\n2022-01-01,15104,1\n,,\n")
    assert table.ok
    assert table.rows[0].number == 4


def test_an_empty_or_header_only_file_gives_one_clear_error():
    assert [e.message for e in read("").errors] == ["El archivo está vacío."]
    only_header = read("fecha,municipio,personas atendidas\n")
    assert len(only_header.errors) == 1
    assert only_header.errors[0].row is None
    assert "no hay filas" in only_header.errors[0].message


def test_limits_of_size_and_rows():
    big = read("x" * 100, max_bytes=50)
    assert "pesa más de" in big.errors[0].message
    rows = "fecha,municipio,personas atendidas\n" + "2022-01-01,15104,1\n" * 4
    many = read(rows, max_rows=3)
    assert len(many.errors) == 1
    assert "más de 3 filas" in many.errors[0].message


def test_an_xlsx_file_is_read_with_its_native_types():
    data = xlsx(
        [
            ["Fecha", "Municipio", "Personas atendidas", "Monto"],
            [datetime.datetime(2022, 12, 16), 15104, 120, 12.5],  # noqa: DTZ001 - as a sheet has it
            ["16/12/2022", "Ecatepec de Morelos", 3.0, None],
        ]
    )
    table = read(data, "visitas.xlsx")
    assert table.ok, table.errors
    assert table.rows[0].values["date"] == datetime.date(2022, 12, 16)
    assert table.rows[0].values["municipality"] == "15104"
    assert table.rows[0].values["amount"] == Decimal("12.5")
    assert table.rows[1].values["people"] == 3


def test_a_damaged_xlsx_or_an_old_xls_gives_one_spanish_error():
    damaged = read(b"PK\x03\x04 not really a zip", "datos.xlsx")
    assert len(damaged.errors) == 1
    assert "XLSX válida" in damaged.errors[0].message
    old = read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "datos.xls")
    assert "XLS" in old.errors[0].message


def test_a_binary_file_named_csv_gives_one_error():
    table = read(b"\x00\x01\x02binary\x00", "datos.csv")
    assert len(table.errors) == 1
    assert table.errors[0].row is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", Decimal(12)),
        ("12.5", Decimal("12.5")),
        ("12,5", Decimal("12.5")),
        ("1,234", Decimal(1234)),
        ("1,234,567.25", Decimal("1234567.25")),
        ("1.234,5", Decimal("1234.5")),
        (" 7 ", Decimal(7)),
    ],
)
def test_decimal_spellings(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["abc", "1e5", "1,2,3", "--1", "", "nan"])
def test_not_decimals(text):
    with pytest.raises(ValueError, match="número"):
        parse_decimal(text)


def test_ints_and_dates():
    assert parse_int("113,000") == 113000
    assert parse_int(12.0) == 12
    assert parse_date("2022-3-10") == datetime.date(2022, 3, 10)
    assert parse_date("10/03/2022") == datetime.date(2022, 3, 10)
    with pytest.raises(ValueError, match="AAAA-MM-DD"):
        parse_date("marzo 2022")


def test_normalise():
    assert normalise("  Fecha_de-Cumplimiento ") == "fecha de cumplimiento"
    assert normalise("Número") == "numero"


def test_template_has_the_headers_and_defuses_formulas():
    text = csv_template(COLUMNS[:3], [["=HYPERLINK()", "Toluca", 1]])
    assert text.splitlines()[0] == "fecha,municipio,personas atendidas"
    assert text.splitlines()[1].startswith("'=HYPERLINK()")


def test_cell_error_is_a_plain_record():
    assert CellError(2, "fecha", "x") == CellError(2, "fecha", "x")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.csv", "a.xlsx", "a.xls", "a"]))
def test_never_raises_on_arbitrary_bytes(data, name):
    table = read(data, name)
    assert table.ok or table.errors
    for error in table.errors:
        assert isinstance(error.message, str)
        assert error.message


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(st.lists(st.text(max_size=20), min_size=0, max_size=6), min_size=0, max_size=20),
    delimiter=st.sampled_from([",", ";"]),
)
def test_never_raises_on_arbitrary_csv_text(cells, delimiter):
    text = "fecha,municipio,personas atendidas\n" + "\n".join(delimiter.join(row) for row in cells)
    read(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.lists(
            st.one_of(
                st.none(),
                st.integers(-(10**6), 10**6),
                st.floats(allow_nan=False, allow_infinity=False),
                st.text(
                    alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]),
                    max_size=10,
                ),
                st.dates(),
            ),
            max_size=5,
        ),
        max_size=8,
    )
)
def test_never_raises_on_arbitrary_xlsx_cells(rows):
    data = xlsx([["fecha", "municipio", "personas atendidas"], *rows])
    read(data, "x.xlsx")


def test_a_spreadsheet_that_unpacks_to_too_much_is_refused():
    import zipfile

    from abierto.lib import zipguard

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b" " * (zipguard.MAX_UNPACKED_BYTES + 1))
    table = read_table(buffer.getvalue(), "bomba.xlsx", COLUMNS)
    assert "se descomprime en más de 64 MB" in " ".join(error.message for error in table.errors)


def sparse_xlsx(row_number: int) -> bytes:
    """A header and one data row numbered ``row_number``: a kilobyte or two on disk.

    Excel stops at row 1,048,576 but the file format does not: the number is written into
    the sheet's XML as a crafted file would have it.
    """
    import zipfile

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["fecha", "municipio", "personas atendidas"])
    for column, value in enumerate(["2022-12-16", "15104", 3], start=1):
        sheet.cell(row=777, column=column, value=value)
    written = io.BytesIO()
    workbook.save(written)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(written) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename.startswith("xl/worksheets/"):
                content = content.replace(b"777", str(row_number).encode())
            target.writestr(entry.filename, content)
    return out.getvalue()


def test_rows_of_a_spreadsheet_are_counted_by_their_numbers():
    import time

    data = sparse_xlsx(20_000_000)
    assert len(data) < 10_000
    started = time.monotonic()
    table = read(data, "dispersa.xlsx")
    assert time.monotonic() - started < 2
    assert not table.rows
    message = " ".join(error.message for error in table.errors)
    assert "llega hasta la fila 20000000" in message
    assert "20000 filas" in message


def test_a_spreadsheet_with_a_few_blank_rows_before_its_data_is_read():
    table = read(sparse_xlsx(50), "con_huecos.xlsx")
    assert table.ok, table.errors
    assert [row.number for row in table.rows] == [50]


def test_reading_a_file_has_a_time_limit():
    rows = "fecha,municipio,personas atendidas\n" + "2022-01-01,15104,1\n" * 50
    table = read(rows, max_seconds=0)
    assert not table.rows
    assert "tardó más de" in table.errors[0].message
