"""A workbook's sheets are read row by row as openpyxl would read them, numbered as Excel numbers them;
what calamine reads as blank (an error value, a formula never calculated) is found in the sheet's XML,
and a sheet calamine cannot read as an import needs it is read by openpyxl instead."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import python_calamine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl import load_workbook

from oversight.lib.spreadsheet_limits import CellCount, Limits, SpreadsheetRefused
from oversight.lib.workbook_rows import CHUNK, Unusual, Workbook, column_index, scan_sheet, sheet_parts
from tests.hostile_files import rewritten

LIMITS = Limits()
SHEET = "xl/worksheets/sheet1.xml"
MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# every sheet of a workbook is read by openpyxl when percentages are asked for and one cell is formatted so
BOTH_READERS = pytest.mark.parametrize("percentages", [False, True], ids=["by calamine", "by openpyxl"])


def save(path: Path, rows: list[list[object]], name: str = "S") -> Path:
    """A workbook of the sheet, and a second sheet with a percentage-formatted cell."""
    book = OpenpyxlWorkbook()
    sheet = book.active
    sheet.title = name
    for row in rows:
        sheet.append(row)
    rates = book.create_sheet("Rates")
    rates["A1"] = 0.5
    rates["A1"].number_format = "0%"
    book.save(path)
    return path


def with_rows(path: Path, rows: bytes) -> Path:
    """The workbook with its first sheet's rows replaced: `rows` as the sheet's XML holds them."""

    def change(xml: bytes) -> bytes:
        xml = re.sub(rb"<dimension [^>]*/>", b"", xml)
        return re.sub(
            rb"<sheetData>.*</sheetData>|<sheetData/>", lambda _: b"<sheetData>" + rows + b"</sheetData>", xml
        )

    return rewritten(path, SHEET, change)


def text(reference: str, value: str) -> bytes:
    return f'<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>'.encode()


def read(path: Path, sheet: str = "S", limits: Limits = LIMITS, **options: bool) -> list[tuple[int, tuple]]:
    with Workbook(path, **options) as book:
        return list(book.rows(sheet, CellCount(limits), f"sheet '{sheet}'"))


def read_counting(path: Path, **options: bool) -> tuple[list[tuple[int, tuple]], dict[str, int]]:
    """The rows of sheet S, and how many formulas were read by their saved values."""
    with Workbook(path, **options) as book:
        rows = list(book.rows("S", CellCount(LIMITS), "sheet 'S'"))
        return rows, book.formulas_read


def typed(rows: list[tuple[int, tuple]]) -> list[tuple[int, tuple]]:
    """Rows with each cell's type beside it: 5 and 5.0, or a date and a datetime, are not the same cell."""
    return [(number, tuple((type(cell).__name__, cell) for cell in cells)) for number, cells in rows]


def as_openpyxl_reads(path: Path) -> list[tuple[int, tuple]]:
    """Sheet S as openpyxl's own reader gives it: rows numbered from 1, trailing empty cells trimmed,
    blank rows left out."""
    book = load_workbook(path, read_only=True)
    sheet = book["S"]
    sheet.reset_dimensions()
    rows = []
    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = list(cells)
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            rows.append((number, tuple(cells)))
    book.close()
    return rows


def shown_as_text(value: object) -> str:
    """A cell as the text `as_text` promises: '' if empty, a date as dd/mm/yyyy (a date-time as its
    date), a whole number without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Excel keeps times to the millisecond. Below that, calamine and openpyxl round a serial differently (a
# duration of 1.1575 s reads as 1.157 s and as 1.158 s; 6360-01-01 02:01:08.000440 as 02:01:08.001 and as
# 02:01:08), so times are drawn to the millisecond.
def to_the_millisecond(moment):
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


texts = st.builds(
    lambda before, words, after: " " * before + words + " " * after,
    st.integers(0, 2),
    # no control characters, surrogates or unassigned code points: not text an XML file can hold
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn")), max_size=10),
    st.integers(0, 2),
).filter(lambda t: not t.startswith(("=", "#")))  # openpyxl writes these as a formula or an error value
values = st.one_of(
    texts,
    st.integers(-(10**15), 10**15),  # Excel keeps 15 digits
    st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(date(1900, 3, 1), date(9999, 12, 31)),  # after the 29 February 1900 Excel counts
    st.datetimes(datetime(1900, 3, 1), datetime(9999, 12, 31)).map(to_the_millisecond),
    st.times().map(to_the_millisecond),
    st.timedeltas(timedelta(days=-3000), timedelta(days=3000)).map(
        lambda d: d - timedelta(microseconds=d.microseconds % 1000)
    ),
)
rows = st.one_of(st.just([]), st.lists(st.one_of(st.none(), values), min_size=1, max_size=6))
sheets = st.tuples(st.integers(0, 3), st.lists(rows, min_size=1, max_size=8))
EXAMPLES = settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@EXAMPLES
@given(sheets)
def test_any_small_sheet_reads_cell_for_cell_as_openpyxl_reads_it_by_either_reader(tmp_path, sheet) -> None:
    empty_columns, drawn = sheet
    path = save(tmp_path / "drawn.xlsx", [[None] * empty_columns + row if row else [] for row in drawn])
    expected = as_openpyxl_reads(path)
    assert typed(read(path)) == typed(expected)
    assert typed(read(path, percentages=True)) == typed(expected)
    assert typed(read(path, formula_text=True)) == typed(expected)


@EXAMPLES
@given(sheets)
def test_any_small_sheet_read_as_text_reads_each_cell_as_the_text_promised(tmp_path, sheet) -> None:
    empty_columns, drawn = sheet
    path = save(tmp_path / "drawn.xlsx", [[None] * empty_columns + row if row else [] for row in drawn])
    expected = []
    for number, cells in as_openpyxl_reads(path):
        texts = [shown_as_text(cell) for cell in cells]
        if any(texts):
            expected.append((number, tuple(texts)))
    assert read(path, as_text=True) == expected
    assert read(path, as_text=True, percentages=True) == expected


@BOTH_READERS
def test_a_sheet_starting_in_column_c_keeps_each_value_in_its_column(tmp_path, percentages) -> None:
    path = save(tmp_path / "s.xlsx", [[None, None, "Action ID", "RAG"], [], [None, None, "1.1", None, "x"]])
    assert read(path, percentages=percentages) == [
        (1, (None, None, "Action ID", "RAG")),
        (3, (None, None, "1.1", None, "x")),
    ]


def test_rows_under_blank_rows_at_the_top_keep_their_numbers(tmp_path) -> None:
    path = save(tmp_path / "s.xlsx", [[], ["Action ID", "RAG"], ["1.1", "Red"]])
    assert read(path) == [(2, ("Action ID", "RAG")), (3, ("1.1", "Red"))]


def test_a_row_holding_only_zeros_or_false_is_read_not_left_out_as_blank(tmp_path) -> None:
    path = save(tmp_path / "s.xlsx", [["Count"], [0], [None, 0.0], [False]])
    assert read(path) == [(1, ("Count",)), (2, (0,)), (3, (None, 0)), (4, (False,))]


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (b'<c r="B2" t="e"><v>#N/A</v></c>', "#N/A"),
        (b"<c r='B2' t='e'><v>#REF!</v></c>", "#REF!"),
        (b'<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', "#DIV/0!"),
    ],
    ids=["double quotes", "single quotes", "a formula's saved error"],
)
def test_an_error_value_such_as_na_is_read_as_its_text_not_as_a_blank(tmp_path, cell, shown) -> None:
    rows = b'<row r="1">' + text("A1", "Action ID") + text("B1", "RAG") + b"</row>"
    rows += b'<row r="2">' + text("A2", "1.1") + cell + text("C2", "Late") + b"</row>"
    path = with_rows(save(tmp_path / "s.xlsx", [["placeholder"]]), rows)
    calamine = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("S")
    assert calamine.to_python()[1] == ["1.1", "", "Late"]  # calamine alone reads a blank
    assert read(path) == [(1, ("Action ID", "RAG")), (2, ("1.1", shown, "Late"))]
    assert read(path, as_text=True) == [(1, ("Action ID", "RAG")), (2, ("1.1", shown, "Late"))]


def test_a_formula_without_a_saved_value_reads_as_its_text_if_asked_and_as_empty_otherwise(tmp_path) -> None:
    # openpyxl saves a formula without a value, as a workbook written by a program often is
    path = save(tmp_path / "s.xlsx", [["Action ID", "Due", "Late"], ["1.1", "=H2+5", '=IF(B2>1,"a&b","")']])
    assert read_counting(path, formula_text=True) == (
        [(1, ("Action ID", "Due", "Late")), (2, ("1.1", "=H2+5", '=IF(B2>1,"a&b","")'))],
        {"S": 0},
    )
    assert read_counting(path) == ([(1, ("Action ID", "Due", "Late")), (2, ("1.1",))], {"S": 0})


def test_a_formula_with_a_saved_value_reads_as_the_value_and_is_counted(tmp_path) -> None:
    rows = (
        b'<row r="1">'
        + text("A1", "x")
        + b'<c r="B1"><f>2+2</f><v>4</v></c>'
        + b'<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
        + b'<c r="D1"><f>H2+5</f><v></v></c>'  # an empty saved value is none, as openpyxl reads it
        + b"</row>"
    )
    path = with_rows(save(tmp_path / "s.xlsx", [["placeholder"]]), rows)
    assert read_counting(path) == ([(1, ("x", 4, "ab"))], {"S": 2})
    assert read_counting(path, formula_text=True) == ([(1, ("x", 4, "ab", "=H2+5"))], {"S": 2})


def test_a_formula_without_a_saved_value_below_every_value_is_read_as_its_text(tmp_path) -> None:
    path = save(tmp_path / "s.xlsx", [["Action ID"], ["1.1"], [None, "=H2+5"]])
    assert read(path, formula_text=True) == [(1, ("Action ID",)), (2, ("1.1",)), (3, (None, "=H2+5"))]


SHARED = (
    b'<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f></c>'
    b'<c r="C1"><f>2+2</f><v>4</v></c></row>'
    b'<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/></c></row>'
)


def test_a_shared_formulas_copy_without_a_saved_value_is_read_by_openpyxl_as_its_own_text(tmp_path) -> None:
    """The copy's XML holds no text of its own: openpyxl moves the first cell's formula to it."""
    path = with_rows(save(tmp_path / "s.xlsx", [["placeholder"]]), SHARED)
    with zipfile.ZipFile(path) as archive:
        assert scan_sheet(archive, SHEET, formula_text=True).needs_openpyxl
    assert read_counting(path, formula_text=True) == ([(1, (1, "=A1*2", 4)), (2, (2, "=A2*2"))], {"S": 1})
    assert read_counting(path) == ([(1, (1, None, 4)), (2, (2,))], {"S": 1})


def test_a_shared_formulas_copies_with_saved_values_read_as_the_values(tmp_path) -> None:
    rows = (
        b'<row r="1"><c r="A1"><v>1</v></c>'
        b'<c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>2</v></c></row>'
        b'<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>'
    )
    path = with_rows(save(tmp_path / "s.xlsx", [["placeholder"]]), rows)
    with zipfile.ZipFile(path) as archive:
        assert not scan_sheet(archive, SHEET, formula_text=True).needs_openpyxl
    assert read_counting(path, formula_text=True) == ([(1, (1, 2)), (2, (2, 4))], {"S": 2})


def test_cells_placed_by_their_order_alone_are_read_by_openpyxl_in_their_places(tmp_path) -> None:
    rows = b'<row r="1"><c t="e"><v>#N/A</v></c><c t="inlineStr"><is><t>x</t></is></c></row>'
    path = with_rows(save(tmp_path / "s.xlsx", [["placeholder"]]), rows)
    with zipfile.ZipFile(path) as archive:
        assert scan_sheet(archive, SHEET, formula_text=False).needs_openpyxl
    assert read(path) == [(1, ("#N/A", "x"))]


def test_a_sheet_whose_elements_carry_a_namespace_prefix_is_read_errors_and_formulas_included(
    tmp_path,
) -> None:
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="' + MAIN + b'">'
        b'<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Action ID</x:t></x:is></x:c>'
        b'<x:c r="B1" t="inlineStr"><x:is><x:t>RAG</x:t></x:is></x:c></x:row>'
        b'<x:row r="2"><x:c r="A2"><x:v>1.5</x:v></x:c><x:c r="B2" t="e"><x:v>#N/A</x:v></x:c>'
        b'<x:c r="C2"><x:f>H2+5</x:f></x:c><x:c r="D2"><x:f>2+2</x:f><x:v>4</x:v></x:c></x:row>'
        b"</x:sheetData></x:worksheet>"
    )
    path = rewritten(save(tmp_path / "s.xlsx", [["placeholder"]]), SHEET, lambda _: xml)
    assert read_counting(path) == ([(1, ("Action ID", "RAG")), (2, (1.5, "#N/A", None, 4))], {"S": 1})
    assert read_counting(path, formula_text=True) == (
        [(1, ("Action ID", "RAG")), (2, (1.5, "#N/A", "=H2+5", 4))],
        {"S": 1},
    )


def test_a_number_formatted_as_a_percentage_reads_as_the_percentage_shown_when_asked(tmp_path) -> None:
    path = tmp_path / "rates.xlsx"
    book = OpenpyxlWorkbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["Measure", "Rate", "Count", "Share"])
    sheet.append(["Visits", 0.865, 12, 0.5])
    sheet.append(["Reviews", 0.07, 1, 1])
    for cell, shown in (("B2", "0.0%"), ("B3", "0%"), ("D3", "0%")):
        sheet[cell].number_format = shown
    book.save(path)
    header = (1, ("Measure", "Rate", "Count", "Share"))
    assert read(path, percentages=True) == [
        header,
        (2, ("Visits", "86.5%", 12, 0.5)),
        (3, ("Reviews", "7%", 1, "100%")),
    ]
    assert read(path) == [header, (2, ("Visits", 0.865, 12, 0.5)), (3, ("Reviews", 0.07, 1, 1))]
    assert read(path, percentages=True, as_text=True)[1:] == [
        (2, ("Visits", "86.5%", "12", "0.5")),
        (3, ("Reviews", "7%", "1", "100%")),
    ]


@BOTH_READERS
def test_as_text_every_cell_is_text_a_date_as_excel_shows_it_and_a_whole_number_without_a_point(
    tmp_path, percentages
) -> None:
    path = save(
        tmp_path / "s.xlsx",
        [
            [None, "1.1", None, 5.0, 5.5, date(2022, 9, 16), datetime(2022, 9, 16, 13, 5), None, None],
            [None, None, None],
            ["", " Red ", True],
        ],
    )
    assert read(path, as_text=True, percentages=percentages) == [
        (1, ("", "1.1", "", "5", "5.5", "16/09/2022", "16/09/2022")),
        (3, ("", " Red ", "True")),
    ]


def test_a_sheet_cut_short_is_refused_as_damaged_naming_its_part(tmp_path) -> None:
    path = save(tmp_path / "s.xlsx", [["Action ID", "RAG"], *([["1.1", "Red"]] * 20)])
    rewritten(path, SHEET, lambda xml: xml[: len(xml) // 2])
    with pytest.raises(
        ValueError, match=r"its part xl/worksheets/sheet1\.xml ends part-way through the sheet"
    ):
        read(path)


def test_a_row_numbered_other_than_by_a_number_is_refused_as_damaged_naming_its_part(tmp_path) -> None:
    path = save(tmp_path / "s.xlsx", [["Action ID", "RAG"], ["1.1", "Red"]])
    rewritten(path, SHEET, lambda xml: xml.replace(b'<row r="2"', b'<row r="x1"'))
    with pytest.raises(ValueError, match=r"its part xl/worksheets/sheet1\.xml numbers a row 'x1'"):
        read(path)


def test_text_that_reads_like_a_row_number_is_read_as_text(tmp_path) -> None:
    path = save(tmp_path / "s.xlsx", [["Notes"], ['moved to row r="x1" of the plan']])
    assert read(path) == [(1, ("Notes",)), (2, ('moved to row r="x1" of the plan',))]


def test_content_types_that_are_not_xml_are_refused_as_damaged(tmp_path) -> None:
    path = save(tmp_path / "s.xlsx", [["Action ID"]])
    rewritten(path, "[Content_Types].xml", lambda _: b"<Types>not closed")
    with pytest.raises(ValueError, match=r"its part \[Content_Types\]\.xml is not XML"):
        Workbook(path)


@BOTH_READERS
def test_a_sheet_with_more_cells_than_the_limit_is_refused_as_it_is_read(tmp_path, percentages) -> None:
    rows = [["Action ID", "RAG"], *([["1.1", "Red"]] * 10)]  # 22 cells
    path = save(tmp_path / "s.xlsx", rows)
    with pytest.raises(SpreadsheetRefused, match=r"^sheet 'S' holds more than 20 cells"):
        read(path, limits=Limits(cells=20), percentages=percentages)
    within = save(tmp_path / "within.xlsx", rows[:10])
    assert len(read(within, limits=Limits(cells=20), percentages=percentages)) == 10


def test_error_values_are_found_in_a_sheet_scanned_a_chunk_at_a_time_wherever_a_chunk_ends(tmp_path) -> None:
    """The sheet's XML is scanned 4 MB at a time, each chunk cut after its last whole row: an error value
    whose t="e" straddles the first chunk's end, one whose row's closing tag straddles the second's, and
    one near the end of 10 MB are each found once, in their places."""

    def filler(number: int, pad: int = 0) -> bytes:
        return b'<row r="%d">%s<c r="B%d"><v>%d</v></c></row>' % (
            number,
            text(f"A{number}", "x" * (8 + pad)),
            number,
            number,
        )

    def error(number: int) -> bytes:
        return b'<row r="%d">%s<c r="B%d" t="e"><v>#N/A</v></c></row>' % (
            number,
            text(f"A{number}", "x" * 8),
            number,
        )

    xml = bytearray(b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="' + MAIN + b'"><sheetData>')
    number = 0
    errors = []
    for boundary, marker, into in ((CHUNK, b't="e"', 2), (2 * CHUNK, b"</row>", 3)):
        while len(xml) + 400 < boundary:
            number += 1
            xml += filler(number)
        at = error(number + 2).index(marker) + into  # where the boundary is to fall in the error row
        number += 1
        xml += filler(number, pad=boundary - at - len(xml) - len(filler(number)))
        number += 1
        errors.append(number)
        xml += error(number)
        assert xml[boundary - into : boundary - into + len(marker)] == marker
    while len(xml) < 10 * 1024 * 1024:
        number += 1
        xml += filler(number)
    for last in (True, False, False):
        number += 1
        if last:
            errors.append(number)
        xml += error(number) if last else filler(number)
    xml += b"</sheetData></worksheet>"
    path = rewritten(save(tmp_path / "big.xlsx", [["placeholder"]]), SHEET, lambda _: bytes(xml))

    with zipfile.ZipFile(path) as archive:
        assert scan_sheet(archive, SHEET, formula_text=True) == Unusual(
            cells={(row - 1, 1): "#N/A" for row in errors}
        )
    rows = read(path)
    assert len(rows) == number
    assert {n: cells for n, cells in rows if "#N/A" in cells} == {n: ("x" * 8, "#N/A") for n in errors}


def test_an_autofilters_filter_column_is_not_taken_for_a_formula(tmp_path) -> None:
    """'<f' starts <filterColumn> too: far from any cell, had it been taken for a formula's start, the
    scan would have found no cell around it and handed the sheet to openpyxl."""
    long_text = "x" * 5000
    rows = b'<row r="1">' + text("A1", "RAG") + b'</row><row r="2">' + text("A2", long_text) + b"</row>"
    path = with_rows(save(tmp_path / "s.xlsx", [["placeholder"]]), rows)
    autofilter = (
        b'<autoFilter ref="A1:A2"><filterColumn colId="0"><filters><filter val="Red"/></filters>'
        b"</filterColumn></autoFilter>"
    )
    rewritten(path, SHEET, lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + autofilter))
    with zipfile.ZipFile(path) as archive:
        assert scan_sheet(archive, SHEET, formula_text=True) == Unusual()
    assert read(path) == [(1, ("RAG",)), (2, (long_text,))]


def test_each_sheet_is_found_in_its_part_whether_named_from_the_root_or_from_the_workbooks_folder(
    tmp_path,
) -> None:
    path = save(tmp_path / "s.xlsx", [["Action ID"]])  # openpyxl names parts from the root: /xl/...
    with zipfile.ZipFile(path) as archive:
        assert b'Target="/xl/worksheets/sheet1.xml"' in archive.read("xl/_rels/workbook.xml.rels")
        assert sheet_parts(archive) == {"S": SHEET, "Rates": "xl/worksheets/sheet2.xml"}
    rewritten(path, "xl/_rels/workbook.xml.rels", lambda xml: xml.replace(b'Target="/xl/', b'Target="'))
    with zipfile.ZipFile(path) as archive:
        assert b'Target="worksheets/sheet1.xml"' in archive.read("xl/_rels/workbook.xml.rels")
        assert sheet_parts(archive) == {"S": SHEET, "Rates": "xl/worksheets/sheet2.xml"}


def test_a_column_is_numbered_from_its_letters_counting_from_0() -> None:
    assert [column_index(letters) for letters in (b"A", b"Z", b"AA", b"AZ", b"XFD")] == [0, 25, 26, 51, 16383]
