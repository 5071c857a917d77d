"""The Annex A measures written plainly in pandas, as an analyst would, to check DuckDB's against: for
each measure, the rows in its scope, and of those the rows counted (the denominator, and the numerator
among them) and the rows left out, with the reason, in the same words as the app.

The rules, from ANNEX_A.md and the README: a value that is missing or cannot be read is never taken as
0, blank or "no". A row in a measure's scope is left out when a value the measure needs has a problem
(the first problem found, column by column in the list's order, then end dates before their start,
then a statutory visit after its plan ended), or else is blank where a blank is not an answer. Dates
are dd/mm/yyyy (or with dots or dashes), yyyy-mm-dd, or Excel's day number (5 digits, 18264 to
73050); counts are whole numbers, written '2' or '2.0'. Working days are counted with
numpy.busday_count and the app's bank holidays (oversight.lib.working_days.england).

Nothing else of the app is used: none of its reading, loading or measuring code. pandas and numpy come
from the optional `bench` extra: pip install -e '.[bench]'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from oversight.lib.working_days import england

DATE, NUMBER, YES_NO, TEXT = "date", "number", "yes/no", "text"
EARLIEST = pd.Timestamp(1990, 1, 1)  # a date any working days are counted from is no earlier
EXCEL_EPOCH = pd.Timestamp(1899, 12, 30)
FIRST_DAY_NUMBER, LAST_DAY_NUMBER = 18264, 73050  # Excel's day numbers of 1950 to 2099
YES, NO = {"yes", "y", "true"}, {"no", "n", "false"}
CODE_PREFIX = r"^[a-zA-Z]\)\s*"  # 'b) Female' and 'Female' are the same answer


@dataclass(frozen=True)
class Column:
    header: str
    kind: str
    required: bool = False  # the list cannot be loaded without the column, nor a row counted without it


# The columns the measures need, in each list's order (the order a row's problems are found in)
START = "Continuous Assessment Start Date"
AUTHORISED = "Continuous Assessment Date of Authorisation"
STRATEGY = "Strategy discussion initiating Section 47 Enquiry Start Date"
ICPC = "Date of Initial Child Protection Conference"
REFERRALS = "Number of Referrals in Last 12 Months"
PLAN_START = "Child Protection Plan Start Date"
VISIT = "Date of the Last Statutory Visit"
PLAN_REVIEW = "Date of latest review conference"
PLAN_END = "Child Protection Plan End Date"
PREVIOUS_PLANS = "Number of Previous Child Protection Plans"
LOOKED_AFTER = "Date Started to be Looked After"
CLA_REVIEW = "Date of Latest Statutory Review"
PLACEMENTS = "Number of Placements in the Last 12 months"
CEASED = "Date Ceased to be Looked After"
MISSING = "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"
OFFERED = "Was the child offered a Return Interview after their last missing episode (Y/N)?"
SUITABILITY = "Suitability of Accommodation"
ACTIVITY = "Activity Status"

COLUMNS = {
    3: [Column(REFERRALS, NUMBER)],
    4: [Column(START, DATE, required=True), Column(AUTHORISED, DATE)],
    5: [Column(STRATEGY, DATE, required=True), Column(ICPC, DATE)],
    7: [
        Column(PLAN_START, DATE, required=True),
        Column(VISIT, DATE),
        Column(PLAN_REVIEW, DATE),
        Column(PLAN_END, DATE),
        Column(PREVIOUS_PLANS, NUMBER),
    ],
    8: [
        Column(LOOKED_AFTER, DATE, required=True),
        Column(CLA_REVIEW, DATE),
        Column(PLACEMENTS, NUMBER),
        Column(CEASED, DATE),
        Column(MISSING, NUMBER),
        Column(OFFERED, YES_NO),
    ],
    9: [Column(SUITABILITY, TEXT), Column(ACTIVITY, TEXT)],
}
PERIODS = {
    4: [(START, AUTHORISED)],
    5: [(STRATEGY, ICPC)],
    7: [(PLAN_START, PLAN_END)],
    8: [(LOOKED_AFTER, CEASED)],
}
NOT_AFTER = {7: [(VISIT, PLAN_END)]}  # a statutory visit cannot be after the plan ended


@dataclass
class Counted:
    """A measure's rows: in scope = denominator + left out."""

    in_scope: int
    numerator: int
    denominator: int
    left_out: dict[str, int] = field(default_factory=dict)  # why: how many rows


@dataclass
class Table:
    """One list: each needed column's value (missing when blank or unreadable), its text as given
    (missing when blank), and each problem found, in order, as a reason on the rows it is on."""

    values: pd.DataFrame
    given: pd.DataFrame
    problems: list[tuple[str, pd.Series]]  # (column, the reason on each row with the problem)


def _clean(text: pd.Series) -> pd.Series:
    """Spacing tidied (non-breaking spaces, runs of spaces); a blank cell is missing."""
    tidied = text.str.replace("\u00a0", " ").str.replace("\u202f", " ").str.replace(r"\s+", " ", regex=True)
    tidied = tidied.str.strip()
    return tidied.where(tidied != "")


def _dates(text: pd.Series) -> pd.Series:
    """A date in any form the rules allow; missing when blank or not a date."""
    uk = text.str.extract(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
    iso = text.str.extract(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")
    parts = pd.DataFrame(
        {
            "year": pd.to_numeric(uk[3].fillna(iso[0])),
            "month": pd.to_numeric(uk[2].fillna(iso[1])),
            "day": pd.to_numeric(uk[0].fillna(iso[2])),
        }
    )
    written = pd.to_datetime(parts, errors="coerce")  # 31/02/2023 is no date
    day_number = pd.to_numeric(text.where(text.str.fullmatch(r"\d{5}(?:\.\d+)?")), errors="coerce") // 1
    day_number = day_number.where(day_number.between(FIRST_DAY_NUMBER, LAST_DAY_NUMBER))
    from_excel = EXCEL_EPOCH + pd.to_timedelta(day_number, unit="D")
    return written.fillna(from_excel)


def _numbers(text: pd.Series) -> pd.Series:
    whole = text.where(text.str.fullmatch(r"\d{1,9}(?:\.0+)?"))  # '2', or '2.0' as pandas writes it
    return pd.to_numeric(whole).astype("Int64")


def _answers(text: pd.Series) -> pd.Series:
    answer = text.str.replace(CODE_PREFIX, "", regex=True).str.lower()
    return answer.map(lambda a: True if a in YES else False if a in NO else pd.NA).astype("boolean")


def _is_na(text: pd.Series) -> pd.Series:
    """A spreadsheet's '#N/A' in a text column: no value, and a problem."""
    return text.str.upper().isin(["#N/A", "N/A"])


def _reason(header: str, wrong: pd.Series, why: str) -> tuple[str, pd.Series]:
    """The reason on the rows where the column's value is wrong, missing elsewhere."""
    return header, pd.Series(why, index=wrong.index).where(wrong.fillna(False).astype(bool))


def read(folder: Path, number: int, as_at: date) -> Table:
    """The list's columns the measures need, read by the rules, with every problem on them."""
    columns = COLUMNS[number]
    raw = pd.read_csv(
        folder / f"list{number}.csv",
        dtype=str,
        keep_default_na=False,  # '#N/A' and 'NA' are values to report, not blanks
        usecols=[c.header for c in columns],
    )
    when = pd.Timestamp(as_at)
    given = pd.DataFrame({c.header: _clean(raw[c.header]) for c in columns})
    values = pd.DataFrame(index=given.index)
    problems = []
    for column in columns:
        text, header = given[column.header], column.header
        if column.kind == DATE:
            values[header] = _dates(text)
        elif column.kind == NUMBER:
            values[header] = _numbers(text)
        elif column.kind == YES_NO:
            values[header] = _answers(text)
        else:
            values[header] = text.str.replace(CODE_PREFIX, "", regex=True).where(~_is_na(text))
        if column.kind == TEXT:
            problems.append(_reason(header, _is_na(text), f"{header} is #N/A"))
        else:
            problems.append(
                _reason(header, text.notna() & values[header].isna(), f"{header} could not be read")
            )
        if column.required:
            problems.append(_reason(header, text.isna(), f"no {header}"))
        if column.kind == DATE:
            problems.append(_reason(header, values[header] > when, f"{header} is after the extract's date"))
            problems.append(_reason(header, values[header] < EARLIEST, f"{header} is before {EARLIEST.year}"))
    for start, end in PERIODS.get(number, []):
        problems.append(_reason(end, values[end] < values[start], f"{end} is before the {start}"))
    for later, bound in NOT_AFTER.get(number, []):
        problems.append(_reason(later, values[later] > values[bound], f"{later} is after the {bound}"))
    return Table(values, given, problems)


def count(
    table: Table,
    scope: pd.Series,
    needs: dict[str, bool],  # column: whether a blank is itself an answer
    met: Callable[[pd.DataFrame], pd.Series],
) -> Counted:
    """The rows in scope counted, or left out for the first problem with a value the measure needs,
    else for a needed value that is blank."""
    rows = table.values[scope]
    why = pd.Series(pd.NA, index=rows.index, dtype=object)
    for header, reasons in table.problems:
        if header in needs:
            why = why.fillna(reasons[scope])
    for header, blank_is_an_answer in needs.items():
        if not blank_is_an_answer:
            why = why.fillna(pd.Series(f"no {header}", index=rows.index).where(rows[header].isna()))
    counted = rows[why.isna()]
    return Counted(
        in_scope=len(rows),
        numerator=int(met(counted).astype(bool).sum()),
        denominator=len(counted),
        left_out={str(reason): int(n) for reason, n in why.dropna().value_counts().items()},
    )


class Calendar:
    def __init__(self) -> None:
        holidays = np.array(sorted(england().bank_holidays), dtype="datetime64[D]")
        self.calendar = np.busdaycalendar(holidays=holidays)

    def between(self, start: pd.Series, end: pd.Series | pd.Timestamp) -> pd.Series:
        """Working days after `start` up to and including `end` (busday_count counts [start, end))."""
        if isinstance(end, pd.Timestamp):
            end = pd.Series(end, index=start.index)
        first = start.to_numpy().astype("datetime64[D]") + np.timedelta64(1, "D")
        last = end.to_numpy().astype("datetime64[D]") + np.timedelta64(1, "D")
        return pd.Series(np.busday_count(first, last, busdaycal=self.calendar), index=start.index)


def compute(folder: Path, as_at: date, cp_visit_days: int) -> dict[str, Counted]:
    """Each measure's rows in scope, counted and left out, by the keys measures.py uses."""
    calendar = Calendar()
    when = pd.Timestamp(as_at)
    six_months, three_months = pd.DateOffset(months=6), pd.DateOffset(months=3)
    results: dict[str, Counted] = {}

    assessments = read(folder, 4, as_at)
    results["assessments_45"] = count(
        assessments,
        assessments.given[AUTHORISED].notna(),  # authorised, whether or not the date can be read
        {START: False, AUTHORISED: False},
        lambda rows: calendar.between(rows[START], rows[AUTHORISED]) <= 45,
    )

    enquiries = read(folder, 5, as_at)
    results["icpc_15"] = count(
        enquiries,
        enquiries.given[ICPC].notna(),
        {STRATEGY: False, ICPC: False},
        lambda rows: calendar.between(rows[STRATEGY], rows[ICPC]) <= 15,
    )

    referrals = read(folder, 3, as_at)
    every = pd.Series(True, index=referrals.values.index)
    results["re_referrals"] = count(referrals, every, {REFERRALS: False}, lambda rows: rows[REFERRALS] >= 1)

    plans = read(folder, 7, as_at)
    every = pd.Series(True, index=plans.values.index)
    results["repeat_cp_plans"] = count(
        plans, every, {PREVIOUS_PLANS: False}, lambda rows: rows[PREVIOUS_PLANS] >= 1
    )
    open_plan = plans.values[PLAN_END].isna() | (plans.values[PLAN_END] > when)  # no end, or not yet
    results["cp_visits"] = count(
        plans,
        open_plan,
        {PLAN_END: True, PLAN_START: False, VISIT: True},  # not yet visited: since the plan started
        lambda rows: calendar.between(rows[VISIT].fillna(rows[PLAN_START]), when) <= cp_visit_days,
    )
    results["cp_reviews"] = count(
        plans,
        open_plan,
        {PLAN_END: True, PLAN_START: False, PLAN_REVIEW: True},  # no review yet: 3 months from the start
        lambda rows: (rows[PLAN_REVIEW] + six_months >= when).where(
            rows[PLAN_REVIEW].notna(), rows[PLAN_START] + three_months >= when
        ),
    )

    looked_after = read(folder, 8, as_at)
    still = looked_after.values[CEASED].isna() | (looked_after.values[CEASED] > when)
    results["cla_reviews"] = count(
        looked_after,
        still,
        {
            CEASED: True,
            LOOKED_AFTER: False,
            CLA_REVIEW: True,
        },  # no review yet: 20 working days from the start
        lambda rows: (rows[CLA_REVIEW] + six_months >= when).where(
            rows[CLA_REVIEW].notna(), calendar.between(rows[LOOKED_AFTER], when) <= 20
        ),
    )
    results["placement_moves"] = count(
        looked_after, still, {CEASED: True, PLACEMENTS: False}, lambda rows: rows[PLACEMENTS] >= 3
    )
    missing = looked_after.values[MISSING]
    went_missing = (missing > 0).fillna(False) | (looked_after.given[MISSING].notna() & missing.isna())
    results["return_interviews"] = count(
        looked_after, went_missing, {MISSING: False, OFFERED: False}, lambda rows: rows[OFFERED]
    )

    leavers = read(folder, 9, as_at)
    every = pd.Series(True, index=leavers.values.index)
    results["care_leavers_accommodation"] = count(
        leavers, every, {SUITABILITY: False}, lambda rows: rows[SUITABILITY].str.lower() == "suitable"
    )
    results["care_leavers_eet"] = count(
        leavers,
        every,
        {ACTIVITY: False},
        lambda rows: (
            rows[ACTIVITY].str.lower().str.contains("education|employment|training|apprentice")
            & ~rows[ACTIVITY].str.lower().str.contains("not in education|neet")
        ),
    )
    return results
