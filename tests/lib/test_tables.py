"""A table laid out once: its body is its rows, then its total row when it has one."""

from __future__ import annotations

from oversight.lib.tables import Table


def test_a_tables_body_ends_with_its_total() -> None:
    table = Table("Table 1", "Actions due", ["Priority", "Due"], [["1", 3], ["2", 4]], ["Total", 7])
    assert table.body == [["1", 3], ["2", 4], ["Total", 7]]


def test_a_table_without_a_total_is_its_rows() -> None:
    assert Table("Warnings", "Statuses to check", ["Action ID"], [["1.1"]]).body == [["1.1"]]


def test_figures_read_as_the_councils_write_them() -> None:
    from oversight.lib.tables import MINUS, Change, Figure, Percent, rating

    assert [str(Change(2)), str(Change(-1)), str(Change(0))] == ["+2", f"{MINUS}1", "no change"]
    assert MINUS == "\u2212"  # a true minus sign, not a hyphen
    assert str(Percent(9)) == "9%" and str(Figure("16.3")) == "16.3"
    assert (str(rating("R", "Red")), rating("R", "Red").code) == ("Red", "R")
    assert rating("X", "No data").code == "none"


def test_a_column_of_figures_is_numeric_even_with_some_missing_but_not_a_column_of_text() -> None:
    from oversight.lib.tables import Change, Percent

    table = Table(
        "Table 2",
        "Red by month",
        ["Priority", "Nov", "Dec", "Difference", "Action IDs", "Nothing"],
        [["1", 3, "no data", Change(1), "1.1", ""], ["2", 2, 4, Change(0), "2.3", None]],
        ["Total", 5, Percent(7), "-", "", ""],
    )
    assert table.numeric == {1, 2, 3}
