"""A table laid out once: its body is its rows, then its total row when it has one."""

from __future__ import annotations

from oversight.lib.tables import Table


def test_a_tables_body_ends_with_its_total() -> None:
    table = Table("Table 1", "Actions due", ["Priority", "Due"], [["1", 3], ["2", 4]], ["Total", 7])
    assert table.body == [["1", 3], ["2", 4], ["Total", 7]]


def test_a_table_without_a_total_is_its_rows() -> None:
    assert Table("Warnings", "Statuses to check", ["Action ID"], [["1.1"]]).body == [["1.1"]]
