"""A file of improvement funding: a row a funding line's year, read with every problem named by its row
and column, and no figure guessed."""

from __future__ import annotations

import pytest

from oversight.funding.funding_file import financial_year_text, read_funding_file
from oversight.funding.table import funding_table, lines_of
from oversight.lib.problems import ImportFailed
from tests.funding.test_table import BROMLEY, MARCH_2017, YEARS


def test_a_financial_year_is_read_as_councils_write_it() -> None:
    assert [financial_year_text(t) for t in ("2016/17", "2016-17", "2016/2017", "2016/18", "FY16")] == [
        "2016/17", "2016/17", "2016/17", None, None,
    ]  # fmt: skip


def test_bromleys_table_read_from_a_funding_file(write_csv) -> None:
    header = [
        "Phase",
        "Funding line",
        "Financial year",
        "Budget £'000",
        "Spend £'000",
        "Committed £'000",
        "Comments",
    ]
    rows = [header]
    for funding in BROMLEY:
        this, coming = funding.in_year("2016/17"), funding.in_year("2017/18")
        rows.append(["", funding.title, "2016/17", this.budget, this.spend, "", funding.comment])
        rows.append(["", funding.title, "2017-18", f"{coming.budget:,}", "", f"£{coming.committed:,}", ""])
    read = lines_of(read_funding_file(write_csv("funding.csv", rows)).rows)
    table = funding_table(read, YEARS, MARCH_2017, "Additional funding for children's social care")
    assert [str(cell) for cell in table.total or []] == ["Total", "1,090", "1,090", "5,157", "4,407", ""]
    assert [row[0] for row in table.rows] == [line.title for line in BROMLEY]
    assert [row[5] for row in table.rows] == [line.comment for line in BROMLEY]


def test_every_problem_in_a_funding_file_is_named_and_no_figure_is_guessed(write_csv) -> None:
    rows = [
        ["Funding line", "Financial year", "Budget £'000", "Spend £'000", "Posts funded"],
        ["Phase one", "2016/18", "731", "", ""],
        ["Phase two", "2016/17", "about 200", "n/a", "-2"],
        ["", "2016/17", "", "", ""],
        ["Phase two", "2016/17", "218", "218", "15"],
        ["Phase two", "2016/17", "218", "218", "15"],
    ]
    with pytest.raises(ImportFailed) as failed:
        read_funding_file(write_csv("funding.csv", rows))
    assert [str(p) for p in failed.value.problems] == [
        "funding.csv, row 2, column B (Financial year): '2016/18' is not a financial year: expected one such"
        " as 2016/17",
        "funding.csv, row 3, column C (Budget £'000): 'about 200' is not a whole number of £'000: expected"
        " one such as 1,171",
        "funding.csv, row 3, column D (Spend £'000): 'n/a' is not a whole number of £'000: expected one such"
        " as 1,171",
        "funding.csv, row 3, column E (Posts funded): '-2' is not a number of posts (full-time equivalent):"
        " expected one such as 15 or 2.5",
        "funding.csv, row 4, column A (Funding line): expected the funding line's name",
        "funding.csv, row 4, column C (Budget £'000): expected the budget, in £'000 (0 when there is none)",
        "funding.csv, row 6, column B (Financial year): Phase two has 2016/17 twice (first on row 5)",
    ]
