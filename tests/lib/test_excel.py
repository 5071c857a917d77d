"""A table as an Excel sheet: text is always text, never a formula Excel would run; sheet names are ones
Excel accepts."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook, load_workbook

from oversight.lib.excel import add_sheet, sheet_name
from oversight.lib.tables import Table

INJECTIONS = ['=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "=1+1\x07"]


def saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_text_that_looks_like_a_formula_is_written_as_text() -> None:
    book = Workbook()
    add_sheet(
        book,
        Table("Red actions", "Red actions", ["Action ID", "Commentary"], [["1.1", t] for t in INJECTIONS]),
    )
    data = saved(book)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not any(
            b"<f>" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")
        )
    sheet = load_workbook(io.BytesIO(data))["Red actions"]
    cells = [row[1] for row in sheet.iter_rows(min_row=3)]
    assert [c.value for c in cells] == [
        *INJECTIONS[:4],
        "=1+1",
    ]  # a control character Excel refuses is left out
    assert {c.data_type for c in cells} == {"s"}


def test_a_sheet_has_its_caption_headers_rows_and_total_in_bold() -> None:
    book = Workbook()
    table = Table(
        "Table 1", "Table 1: due and Red", ["Priority", "Due", "Red"], [["1", 3, 1]], ["Total", 3, 1]
    )
    sheet = add_sheet(book, table)
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values == [
        ["Table 1: due and Red", None, None],
        ["Priority", "Due", "Red"],
        ["1", 3, 1],
        ["Total", 3, 1],
    ]
    assert sheet["A1"].font.bold and sheet["B2"].font.bold and sheet["A4"].font.bold
    assert not sheet["A3"].font.bold
    assert sheet.freeze_panes == "A3"


def test_long_text_columns_wrap_and_others_fit_their_longest_value() -> None:
    book = Workbook()
    table = Table(
        "Red", "Red actions", ["Action ID", "Commentary"], [["1.1", "a long commentary " * 10]], wide={1}
    )
    sheet = add_sheet(book, table)
    assert sheet.column_dimensions["B"].width == 60 and sheet["B3"].alignment.wrap_text
    assert sheet.column_dimensions["A"].width == 11  # "Action ID" and two more


def test_sheet_names_are_ones_excel_accepts() -> None:
    taken = {"scorecard"}
    assert sheet_name("Children in care", taken) == "Children in care"
    assert sheet_name("children IN care", taken) == "children IN care (2)"
    assert sheet_name("Front door: MASH / EDT [out of hours]?", taken) == "Front door  MASH   EDT  out of"
    assert len(sheet_name("x" * 40, taken)) == 31 and sheet_name("x" * 40, taken) == "x" * 27 + " (2)"
    assert sheet_name("'History'", taken) == "History (2)"
    assert sheet_name("Scorecard", taken) == "Scorecard (2)"
    assert sheet_name("???", taken, blank="Service area") == "Service area"
    assert sheet_name("???", taken) == "Sheet"


def test_percentages_and_changes_are_numbers_in_their_format_and_the_header_filters() -> None:
    from decimal import Decimal

    from oversight.lib.tables import MINUS, Change, Percent, rating

    book = Workbook()
    add_sheet(
        book,
        Table(
            "Table 1",
            "Table 1: due and Red",
            ["Priority", "Red as % of due", "Difference", "Status"],
            [
                ["1", Percent(9), Change(-1), rating("R", "Red")],
                ["2", Percent(Decimal("12.5")), Change(0), "-"],
            ],
            ["Total", Percent(10), Change(2), ""],
        ),
    )
    sheet = load_workbook(io.BytesIO(saved(book)))["Table 1"]
    assert [sheet["B3"].value, sheet["B4"].value, sheet["B5"].value] == [0.09, 0.125, 0.1]
    assert [sheet["B3"].number_format, sheet["B4"].number_format] == ["0%", "0.0%"]
    assert [sheet["C3"].value, sheet["C4"].value, sheet["C5"].value] == [-1, 0, 2]
    assert sheet["C3"].number_format == f'+0;"{MINUS}"0;"no change"'
    assert sheet["D3"].value == "Red" and sheet["D3"].fill.fgColor.rgb.endswith("F4CDC6")
    assert sheet.auto_filter.ref == "A2:D4"  # the header and the rows, not the total
    assert sheet.freeze_panes == "A3"
