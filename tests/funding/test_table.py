"""Bromley's funding table ("Additional funding for children's social care", Care Services PDS, March
2017), reproduced from its lines: the published figures and comments, in £'000, with the totals."""

from __future__ import annotations

from datetime import date

from oversight.funding.table import FundingLine, YearFigures, financial_year, funding_table, progress

MARCH_2017 = date(2017, 3, 14)
YEARS = ("2016/17", "2017/18")
STAFFING = "Additional staffing as per Executive/Council report of the 14th/26th September 2016. Recruited."


def line(title: str, budget: int, spend: int, next_budget: int, committed: int, comment: str) -> FundingLine:
    years = {"2016/17": YearFigures(budget, spend), "2017/18": YearFigures(next_budget, committed=committed)}
    return FundingLine(title, years, comment)


BROMLEY = [
    line("Phase one", 731, 731, 1171, 1171, STAFFING),
    line("Phase two", 218, 218, 348, 348, STAFFING),
    line("Phase three", 141, 141, 795, 795,
         "Additional staffing as per Executive report of the 10th January 2017. Staff recruited to"),
    line("Full year effect of 2016/17 pressures", 0, 0, 2093, 2093,
         "Agreed as part of the 2017/18 Council Budget report."),
    line("Additional funding for social workers and caseloads", 0, 0, 750, 0,
         "£1,500k agreed by Council on the 1st March 2017. £750k for 2017/18 and 2018/19. Not yet allocated"
         " but will be in due course"),
]  # fmt: skip


def test_a_financial_year_runs_from_april() -> None:
    assert [financial_year(date(2017, 3, 31)), financial_year(date(2017, 4, 1))] == ["2016/17", "2017/18"]


def test_bromleys_table_has_its_published_figures_and_totals() -> None:
    table = funding_table(BROMLEY, YEARS, MARCH_2017, "Additional funding for children's social care")
    assert table.headers == [
        "Funding", "2016/17 budget £'000", "2016/17 spend £'000", "2017/18 budget £'000",
        "2017/18 committed £'000", "Comments",
    ]  # fmt: skip
    figures = [[str(cell) for cell in row[1:5]] for row in table.rows]
    assert figures == [
        ["731", "731", "1,171", "1,171"],
        ["218", "218", "348", "348"],
        ["141", "141", "795", "795"],
        ["0", "0", "2,093", "2,093"],
        ["0", "0", "750", "0"],
    ]
    assert [str(cell) for cell in table.total or []] == ["Total", "1,090", "1,090", "5,157", "4,407", ""]
    assert table.rows[4][5].startswith("£1,500k agreed by Council on the 1st March 2017.")


def test_the_year_to_come_has_its_variance_and_share_committed() -> None:
    coming = progress(BROMLEY, "2017/18", MARCH_2017)
    assert (coming.budget, coming.used, coming.variance, coming.share) == (5157, 4407, 750, 85)
    this = progress(BROMLEY, "2016/17", MARCH_2017)
    assert (this.variance, this.share) == (0, 100)
