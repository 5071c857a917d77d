"""The Annex A measures written plainly in pandas, as an analyst would: read each list's CSV, parse dates
with pd.to_datetime(format="%d/%m/%Y", errors="coerce"), count working days with numpy.busday_count
and the same bank holidays as the app (oversight.performance.working_days.bank_holidays).

Written from ANNEX_A.md and the definitions in oversight/performance/annex_a/measures.py, without
using any of the app's loading code, so that the two can be checked against each other. pandas and
numpy come from the optional `bench` extra: pip install -e '.[bench]'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from oversight.performance.working_days import bank_holidays

_CODE_PREFIX = r"^[a-zA-Z]\)\s*"
_YES, _NO = {"yes", "y", "true"}, {"no", "n", "false"}


def _dates(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, format="%d/%m/%Y", errors="coerce")


def _number(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column, errors="coerce")


def _code(column: pd.Series) -> pd.Series:
    """'b) Female' and 'Female' are the same answer."""
    return column.str.replace(_CODE_PREFIX, "", regex=True)


def _yes(column: pd.Series) -> pd.Series:
    """True for a yes, False for a no, missing otherwise."""
    answer = _code(column).str.lower()
    return answer.map(lambda a: True if a in _YES else False if a in _NO else None)


class Calendar:
    def __init__(self) -> None:
        self.holidays = np.array(sorted(bank_holidays()), dtype="datetime64[D]")
        self.calendar = np.busdaycalendar(holidays=self.holidays)

    def between(self, start: pd.Series, end: pd.Series) -> pd.Series:
        """Working days after `start` up to and including `end` (busday_count counts [start, end));
        missing where either date is."""
        known = start.notna() & end.notna()
        first = start[known].to_numpy().astype("datetime64[D]") + np.timedelta64(1, "D")
        last = end[known].to_numpy().astype("datetime64[D]") + np.timedelta64(1, "D")
        days = pd.Series(np.nan, index=start.index)
        days[known] = np.busday_count(first, last, busdaycal=self.calendar)
        return days


def _read(folder: Path, number: int) -> pd.DataFrame:
    return pd.read_csv(folder / f"list{number}.csv", dtype=str)


def compute(folder: Path, as_at: date, cp_visit_days: int) -> dict[str, tuple[int, int]]:
    """(numerator, denominator) of each measure, by the keys measures.py uses."""
    calendar = Calendar()
    when = pd.Timestamp(as_at)
    results: dict[str, tuple[int, int]] = {}

    def record(key: str, met: pd.Series) -> None:
        results[key] = (int(met.fillna(False).astype(bool).sum()), len(met))

    assessments = _read(folder, 4)
    start = _dates(assessments["Continuous Assessment Start Date"])
    done = _dates(assessments["Continuous Assessment Date of Authorisation"])
    scope = start.notna() & done.notna()
    record("assessments_45", calendar.between(start[scope], done[scope]) <= 45)

    enquiries = _read(folder, 5)
    start = _dates(enquiries["Strategy discussion initiating Section 47 Enquiry Start Date"])
    icpc = _dates(enquiries["Date of Initial Child Protection Conference"])
    scope = start.notna() & icpc.notna()
    record("icpc_15", calendar.between(start[scope], icpc[scope]) <= 15)

    referrals = _read(folder, 3)
    scope = _dates(referrals["Date of referral"]).notna()
    earlier = _number(referrals["Number of Referrals in Last 12 Months"]).fillna(0)
    record("re_referrals", earlier[scope] >= 1)

    plans = _read(folder, 7)
    plan_start = _dates(plans["Child Protection Plan Start Date"])
    previous = _number(plans["Number of Previous Child Protection Plans"]).fillna(0)
    record("repeat_cp_plans", previous[plan_start.notna()] >= 1)
    plan_end = _dates(plans["Child Protection Plan End Date"])
    open_plan = plan_end.isna() | (plan_end > when)
    visit = _dates(plans["Date of the Last Statutory Visit"])[open_plan]
    record("cp_visits", calendar.between(visit, pd.Series(when, index=visit.index)) <= cp_visit_days)
    review = _dates(plans["Date of latest review conference"])
    scope = open_plan & plan_start.notna()
    due = (review + pd.DateOffset(months=6)).fillna(plan_start + pd.DateOffset(months=3))
    record("cp_reviews", due[scope] >= when)

    looked_after = _read(folder, 8)
    ceased = _dates(looked_after["Date Ceased to be Looked After"])
    open_cla = ceased.isna() | (ceased > when)
    started = _dates(looked_after["Date Started to be Looked After"])
    cla_review = _dates(looked_after["Date of Latest Statutory Review"])
    scope = open_cla & started.notna()
    first_due = calendar.between(started, pd.Series(when, index=started.index)) <= 20
    in_time = (cla_review + pd.DateOffset(months=6) >= when).where(cla_review.notna(), first_due)
    record("cla_reviews", in_time[scope])
    placements = _number(looked_after["Number of Placements in the Last 12 months"]).fillna(0)
    record("placement_moves", placements[open_cla] >= 3)
    missing = _number(
        looked_after[
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"
        ]
    )
    offered = _yes(
        looked_after["Was the child offered a Return Interview after their last missing episode (Y/N)?"]
    )
    record("return_interviews", offered[missing > 0])  # no answer is not offered

    leavers = _read(folder, 9)
    suitability = _code(leavers["Suitability of Accommodation"]).dropna()
    record("care_leavers_accommodation", suitability.str.lower() == "suitable")
    activity = leavers["Activity Status"].dropna().str.lower()
    neet = activity.str.contains("not in education", regex=False) | activity.str.contains("neet", regex=False)
    eet = activity.str.contains("education|employment|training|apprentice", regex=True)
    record("care_leavers_eet", eet & ~neet)
    return results
