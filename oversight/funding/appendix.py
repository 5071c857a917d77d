"""The funding table as an appendix of the board's papers (plans/paper_appendices.py): the committee
report's table, and each year's money in a sentence."""

from __future__ import annotations

from datetime import date

from oversight.funding.funding_import import lines_of_plan
from oversight.funding.models import FundingYear
from oversight.funding.render import TITLE
from oversight.funding.table import funding_table, progress, second_column
from oversight.plans.paper_appendices import Appendix


def funding_appendix(plan_id: int, day: date) -> Appendix | None:
    lines = lines_of_plan(plan_id)
    if not lines:
        return None
    years = sorted(set(FundingYear.objects.filter(line__plan_id=plan_id).values_list("year", flat=True)))
    said = []
    for year in years:
        found = progress(lines, year, day)
        used = "spent" if second_column(year, day) == "spend" else "committed"
        said.append(
            f"{year}: £{found.used:,}k of the £{found.budget:,}k budget {used} ({found.share}%); "
            f"£{found.variance:,}k left."
        )
    return Appendix("Improvement funding", tuple(said), (funding_table(lines, years, day, TITLE),))
