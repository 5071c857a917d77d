"""The standard timeliness measures over a loaded Annex A extract, computed in DuckDB.

Each measure is a query giving one row per child record in its scope: the record's row, child, team
and worker, a number of days where the measure has one, and whether the record meets the standard.
Numerator, denominator, percentage, distribution and the breakdowns by team and worker all come from
those rows, which are also the drill-down an analyst sees behind a figure."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
from django.conf import settings

from oversight.performance.annex_a.lists import LISTS
from oversight.performance.annex_a.load import database_path
from oversight.performance.working_days import FIRST_YEAR, LAST_YEAR, bank_holidays
from oversight.plans.exception_report import percent

RHI_OFFERED = (
    LISTS[8].column("Was the child offered a Return Interview after their last missing episode (Y/N)?").key
)
NOT_ALLOCATED = "Not allocated"  # a record's team or worker when the extract gives none
MISSING_EPISODES = (
    LISTS[8]
    .column("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months")
    .key
)


@dataclass(frozen=True)
class MeasureDefinition:
    key: str
    name: str
    table: str
    scope: str  # SQL: the rows the measure is about, and what it measures (days, met)
    bands: tuple[tuple[str, int | None, int | None], ...] = ()  # label, lowest, highest days
    higher_is_better: bool = True


def _wd(start: str, end: str) -> str:
    """Working days from `start` to `end`, through the working-day calendar."""
    return (
        f"((SELECT number FROM working_calendar WHERE day = {end})"
        f" - (SELECT number FROM working_calendar WHERE day = {start}))"
    )


def definitions(cp_visit_days: int) -> list[MeasureDefinition]:
    open_cp = "(child_protection_plan_end_date IS NULL OR child_protection_plan_end_date > $as_at)"
    open_cla = "(date_ceased_to_be_looked_after IS NULL OR date_ceased_to_be_looked_after > $as_at)"
    return [
        MeasureDefinition(
            "assessments_45",
            "Assessments authorised within 45 working days",
            "list_4",
            f"""SELECT *, days <= 45 AS met FROM (SELECT *, {
                _wd("continuous_assessment_start_date", "continuous_assessment_date_of_authorisation")
            } AS days FROM base
            WHERE continuous_assessment_date_of_authorisation IS NOT NULL
              AND continuous_assessment_start_date IS NOT NULL)""",
            (("0-10", 0, 10), ("11-20", 11, 20), ("21-45", 21, 45), ("46+", 46, None)),
        ),
        MeasureDefinition(
            "icpc_15",
            "Initial child protection conferences within 15 working days of the strategy discussion",
            "list_5",
            f"""SELECT *, days <= 15 AS met FROM (SELECT *, {
                _wd(
                    "strategy_discussion_initiating_section_47_enquiry_start_date",
                    "date_of_initial_child_protection_conference",
                )
            } AS days FROM base
            WHERE date_of_initial_child_protection_conference IS NOT NULL
              AND strategy_discussion_initiating_section_47_enquiry_start_date IS NOT NULL)""",
            (("0-10", 0, 10), ("11-15", 11, 15), ("16-20", 16, 20), ("21+", 21, None)),
        ),
        MeasureDefinition(
            "re_referrals",
            "Referrals with an earlier referral in the 12 months before (re-referrals)",
            "list_3",
            "SELECT *, NULL::INTEGER AS days, coalesce(number_of_referrals_in_last_12_months, 0) >= 1 AS met"
            " FROM base WHERE date_of_referral IS NOT NULL",
            higher_is_better=False,
        ),
        MeasureDefinition(
            "repeat_cp_plans",
            "Child protection plans that are a second or later plan",
            "list_7",
            "SELECT *, NULL::INTEGER AS days,"
            " coalesce(number_of_previous_child_protection_plans, 0) >= 1 AS met"
            " FROM base WHERE child_protection_plan_start_date IS NOT NULL",
            higher_is_better=False,
        ),
        MeasureDefinition(
            "cp_visits",
            f"Children on a child protection plan visited within {cp_visit_days} working days",
            "list_7",
            f"""SELECT *, coalesce(days <= {cp_visit_days}, false) AS met FROM (SELECT *,
            {_wd("date_of_the_last_statutory_visit", "$as_at")} AS days FROM base WHERE {open_cp})""",
            (
                ("0-5", 0, 5),
                (f"6-{cp_visit_days}", 6, cp_visit_days),
                (f"{cp_visit_days + 1}+", cp_visit_days + 1, None),
            ),
        ),
        MeasureDefinition(
            "cp_reviews",
            "Child protection plans reviewed in time (first within 3 months, then every 6 months)",
            "list_7",
            f"""SELECT *, NULL::INTEGER AS days, CASE WHEN date_of_latest_review_conference IS NULL
              THEN child_protection_plan_start_date + INTERVAL 3 MONTH >= $as_at
              ELSE date_of_latest_review_conference + INTERVAL 6 MONTH >= $as_at END AS met
            FROM base WHERE {open_cp} AND child_protection_plan_start_date IS NOT NULL""",
        ),
        MeasureDefinition(
            "cla_reviews",
            "Children looked after with their statutory review in time",
            "list_8",
            f"""SELECT *, NULL::INTEGER AS days, CASE WHEN date_of_latest_statutory_review IS NULL
              THEN {_wd("date_started_to_be_looked_after", "$as_at")} <= 20
              ELSE date_of_latest_statutory_review + INTERVAL 6 MONTH >= $as_at END AS met
            FROM base WHERE {open_cla} AND date_started_to_be_looked_after IS NOT NULL""",
        ),
        MeasureDefinition(
            "placement_moves",
            "Children looked after with 3 or more placements in 12 months",
            "list_8",
            "SELECT *, NULL::INTEGER AS days, coalesce(number_of_placements_in_the_last_12_months, 0) >= 3"
            f" AS met FROM base WHERE {open_cla}",
            higher_is_better=False,
        ),
        MeasureDefinition(
            "return_interviews",
            "Children missing from care offered a return interview",
            "list_8",
            f"SELECT *, NULL::INTEGER AS days, coalesce({RHI_OFFERED}, false) AS met"
            f" FROM base WHERE {MISSING_EPISODES} > 0",
        ),
        MeasureDefinition(
            "care_leavers_accommodation",
            "Care leavers in suitable accommodation",
            "list_9",
            "SELECT *, NULL::INTEGER AS days, lower(suitability_of_accommodation) = 'suitable' AS met"
            " FROM base WHERE suitability_of_accommodation IS NOT NULL",
        ),
        MeasureDefinition(
            "care_leavers_eet",
            "Care leavers in education, employment or training",
            "list_9",
            # in education, employment or training by what the status says; not known is not EET
            "SELECT *, NULL::INTEGER AS days, regexp_matches(lower(activity_status),"
            " 'education|employment|training|apprentice')"
            " AND NOT regexp_matches(lower(activity_status), 'not in education|neet') AS met"
            " FROM base WHERE activity_status IS NOT NULL",
        ),
    ]


def exact_percent(numerator: int, denominator: int) -> Decimal | None:
    """To one decimal place, for rating against a target (89.6% misses a target of 90%): 88.9, 100."""
    if not denominator:
        return None
    share = (Decimal(numerator) * 100 / denominator).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return share if share != share.to_integral() else share.to_integral()


@dataclass
class Breakdown:
    name: str
    numerator: int
    denominator: int

    @property
    def percent(self) -> int | None:
        return percent(self.numerator, self.denominator) if self.denominator else None

    @property
    def exact_percent(self) -> Decimal | None:
        return exact_percent(self.numerator, self.denominator)


@dataclass
class Measure:
    key: str
    name: str
    numerator: int
    denominator: int
    higher_is_better: bool
    distribution: list[tuple[str, int]] = field(default_factory=list)
    by_team: list[Breakdown] = field(default_factory=list)
    by_worker: list[Breakdown] = field(default_factory=list)

    @property
    def percent(self) -> int | None:
        return percent(self.numerator, self.denominator) if self.denominator else None

    @property
    def exact_percent(self) -> Decimal | None:
        return exact_percent(self.numerator, self.denominator)


def _connect(database: Path | None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(database or database_path()), read_only=True)
    holidays = ", ".join(f"DATE '{day.isoformat()}'" for day in bank_holidays())
    con.execute(
        f"""CREATE TEMP TABLE working_calendar AS
        SELECT day::DATE AS day, sum(CASE WHEN isodow(day) <= 5 AND day::DATE NOT IN ({holidays})
            THEN 1 ELSE 0 END) OVER (ORDER BY day) AS number
        FROM range(DATE '{FIRST_YEAR}-01-01', DATE '{LAST_YEAR + 1}-01-01', INTERVAL 1 DAY) t(day)"""
    )
    return con


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def measure_rows_sql(definition: MeasureDefinition) -> str:
    base = f"base AS (SELECT * FROM {definition.table} WHERE council = $council AND as_at = $as_at)"
    return f"WITH {base}, measured AS ({definition.scope}) "


def compute_measures(
    council: str, as_at: date, database: Path | None = None, only: Collection[str] | None = None
) -> list[Measure]:
    """Every measure with records in scope, or just those whose keys are in `only`."""
    con = _connect(database)
    try:
        present = _tables(con)
        results = []
        for definition in definitions(settings.CP_VISIT_WORKING_DAYS):
            if definition.table not in present or (only is not None and definition.key not in only):
                continue
            parameters = {"council": council, "as_at": as_at}
            head = measure_rows_sql(definition)
            total, met = con.execute(
                head + "SELECT count(*), count(*) FILTER (WHERE met) FROM measured", parameters
            ).fetchone()  # type: ignore[misc]
            if not total:
                continue
            measure = Measure(definition.key, definition.name, met, total, definition.higher_is_better)
            for label, low, high in definition.bands:
                condition = f"days >= {low}" + (f" AND days <= {high}" if high is not None else "")
                (count,) = con.execute(
                    head + f"SELECT count(*) FROM measured WHERE {condition}", parameters
                ).fetchone()  # type: ignore[misc]
                measure.distribution.append((label, count))
            for column, target in (
                ("allocated_team", measure.by_team),
                ("allocated_worker", measure.by_worker),
            ):
                for name, numerator, denominator in con.execute(
                    head
                    + f"SELECT coalesce({column}, '{NOT_ALLOCATED}'), count(*) FILTER (WHERE met), count(*)"
                    " FROM measured GROUP BY ALL ORDER BY 1",
                    parameters,
                ).fetchall():
                    target.append(Breakdown(name, numerator, denominator))
            results.append(measure)
        return results
    finally:
        con.close()


def drill_down(
    council: str,
    as_at: date,
    key: str,
    team: str | None = None,
    database: Path | None = None,
    worker: str | None = None,
) -> list[dict[str, object]]:
    """The child records behind a measure (for analysts only: they hold identifiers)."""
    definition = next(d for d in definitions(settings.CP_VISIT_WORKING_DAYS) if d.key == key)
    con = _connect(database)
    try:
        sql = measure_rows_sql(definition) + (
            "SELECT row_number, child_unique_id, allocated_team, allocated_worker, days, met FROM measured"
            + " WHERE true"
            + (f" AND coalesce(allocated_team, '{NOT_ALLOCATED}') = $team" if team else "")
            + (f" AND coalesce(allocated_worker, '{NOT_ALLOCATED}') = $worker" if worker else "")
            + " ORDER BY row_number"
        )
        parameters: dict[str, object] = {"council": council, "as_at": as_at}
        if team:
            parameters["team"] = team
        if worker:
            parameters["worker"] = worker
        cursor = con.execute(sql, parameters)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()
