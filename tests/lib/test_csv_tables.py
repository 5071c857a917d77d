"""A table as a CSV file: Excel reads it as UTF-8, numbers stay numbers, and text a spreadsheet would
run as a formula is written with a leading apostrophe."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from oversight.lib.csv_tables import table_csv
from oversight.lib.tables import Percent, Table


def test_a_table_is_written_with_a_byte_order_mark_and_its_total() -> None:
    table = Table(
        "T", "Caption", ["Team", "Cases", "Share"], [["North", 3, Percent(9)]], ["Total", 3, Percent(9)]
    )
    content = table_csv(table)
    assert content.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(content.decode("utf-8-sig")))) == [
        ["Team", "Cases", "Share"],
        ["North", "3", "9%"],
        ["Total", "3", "9%"],
    ]


def test_text_that_would_be_a_formula_is_kept_as_text_and_numbers_are_not_touched() -> None:
    rows = [["=1+1", -2], ["+44 20", Decimal("-1.5")], ["@SUM(A1)", None], ["-minus", 0]]
    content = table_csv(Table("T", "C", ["A", "B"], rows)).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(content)))[1:] == [
        ["'=1+1", "-2"],
        ["'+44 20", "-1.5"],
        ["'@SUM(A1)", ""],
        ["'-minus", "0"],
    ]
