"""The workforce as an appendix of the board's papers (plans/paper_appendices.py): the latest month with
returns on or before the paper's day, in words and in the page's tables."""

from __future__ import annotations

from datetime import date

from oversight.lib.months import month_name, month_of
from oversight.plans.models import Plan
from oversight.plans.paper_appendices import Appendix
from oversight.workforce import tables
from oversight.workforce.models import TeamReturn
from oversight.workforce.reading import picture


def workforce_appendix(plan_id: int, day: date) -> Appendix | None:
    month = (
        TeamReturn.objects.filter(team__plan_id=plan_id, month__lte=month_of(day))
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )
    if month is None:
        return None
    found = picture(Plan.objects.get(pk=plan_id), month)
    said = [f"All teams in {month_name(month)}, from the teams' monthly returns and the staff records."]
    said += [f"{key}: {value}." for key, value in tables.summary_lines(found)]
    shown = [tables.team_table(found), tables.supervision_table(found)]
    if found.courses:
        shown.append(tables.courses_table(found))
    if found.caseloads:
        shown.append(tables.caseloads_table(found))
    return Appendix("Workforce", tuple(said), tuple(shown))
