"""The standard timeliness measures over a loaded Annex A extract, computed in DuckDB.

Each measure is about the rows of one list in its scope (the assessments authorised, the children
still looked after). A row in scope is counted — in the denominator, and in the numerator if it meets
the standard — or, when a value the measure needs is missing or could not be read, left out with the
reason; the measure reports how many it left out for each reason, so that nothing is dropped
without a word and the counts add up. Numerator, denominator, percentage, distribution, the
breakdowns by team and worker, and the drill-down an analyst sees behind a figure all come from the
same rows."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import duckdb

from oversight.annex_a.checks import BLANK, NA, UNREADABLE, Flag, one_spelling
from oversight.annex_a.engine import Engine, EngineSettings
from oversight.annex_a.lists import LISTS
from oversight.lib.numbers import exact_percent, percent

NOT_ALLOCATED = "Not allocated"  # a record's team or worker when the extract gives none


def _key(number: int, header: str) -> str:
    return LISTS[number].column(header).key


REFERRALS = _key(3, "Number of Referrals in Last 12 Months")
PREVIOUS_PLANS = _key(7, "Number of Previous Child Protection Plans")
PLACEMENTS = _key(8, "Number of Placements in the Last 12 months")
MISSING_EPISODES = _key(
    8, "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"
)
RHI_OFFERED = _key(8, "Was the child offered a Return Interview after their last missing episode (Y/N)?")


@dataclass(frozen=True)
class Need:
    """A value the measure cannot count a row without: its column, and whether a blank is itself an
    answer (no review yet, a plan that has not ended) rather than a value missing."""

    key: str
    blank_is_an_answer: bool = False


@dataclass(frozen=True)
class MeasureDefinition:
    key: str
    name: str
    table: str
    scope: str  # SQL: the rows the measure is about
    needs: tuple[Need, ...]
    met: str  # SQL: whether a row with every value it needs meets the standard (may use `days`)
    days: str = "NULL::INTEGER"  # SQL: the working days the standard is about, where it has some
    bands: tuple[tuple[str, int | None, int | None], ...] = ()  # label, lowest, highest days
    higher_is_better: bool = True

    @property
    def list_number(self) -> int:
        return int(self.table.removeprefix("list_"))


def _wd(start: str, end: str) -> str:
    """Working days from `start` to `end`, through the working-day calendar."""
    return (
        f"((SELECT number FROM working_calendar WHERE day = {end})"
        f" - (SELECT number FROM working_calendar WHERE day = {start}))"
    )


def given(key: str) -> str:
    """SQL: the file gave a value, readable or not."""
    return (
        f"({key} IS NOT NULL OR list_contains(_flags, '{key}|{UNREADABLE}')"
        f" OR list_contains(_flags, '{key}|{NA}'))"
    )


def flagged(key: str) -> str:
    """SQL: the value has a problem (its row is flagged for it)."""
    return f"(len(_flags) > 0 AND len(list_filter(_flags, lambda f: starts_with(f, '{key}|'))) > 0)"


def definitions(cp_visit_days: int) -> list[MeasureDefinition]:
    cp_end, ceased = "child_protection_plan_end_date", "date_ceased_to_be_looked_after"
    # an end date with a problem (typed a century early, before the start) cannot say the case ended:
    # the case stays in scope, and is left out with the problem
    open_cp = f"({cp_end} IS NULL OR {cp_end} > $as_at OR {flagged(cp_end)})"
    open_cla = f"({ceased} IS NULL OR {ceased} > $as_at OR {flagged(ceased)})"
    authorised, started = "continuous_assessment_date_of_authorisation", "continuous_assessment_start_date"
    icpc, strategy = (
        "date_of_initial_child_protection_conference",
        "strategy_discussion_initiating_section_47_enquiry_start_date",
    )
    cp_start, visit, cp_review = (
        "child_protection_plan_start_date",
        "date_of_the_last_statutory_visit",
        "date_of_latest_review_conference",
    )
    cla_start, cla_review = "date_started_to_be_looked_after", "date_of_latest_statutory_review"
    return [
        MeasureDefinition(
            "assessments_45",
            "Assessments authorised within 45 working days",
            "list_4",
            given(authorised),
            (Need(started), Need(authorised)),
            "days <= 45",
            _wd(started, authorised),
            (("0-10", 0, 10), ("11-20", 11, 20), ("21-45", 21, 45), ("46+", 46, None)),
        ),
        MeasureDefinition(
            "icpc_15",
            "Initial child protection conferences within 15 working days of the strategy discussion",
            "list_5",
            given(icpc),
            (Need(strategy), Need(icpc)),
            "days <= 15",
            _wd(strategy, icpc),
            (("0-10", 0, 10), ("11-15", 11, 15), ("16-20", 16, 20), ("21+", 21, None)),
        ),
        MeasureDefinition(
            "re_referrals",
            "Referrals with an earlier referral in the 12 months before (re-referrals)",
            "list_3",
            "true",
            (Need(REFERRALS),),
            f"{REFERRALS} >= 1",
            higher_is_better=False,
        ),
        MeasureDefinition(
            "repeat_cp_plans",
            "Child protection plans that are a second or later plan",
            "list_7",
            "true",
            (Need(PREVIOUS_PLANS),),
            f"{PREVIOUS_PLANS} >= 1",
            higher_is_better=False,
        ),
        MeasureDefinition(
            "cp_visits",
            f"Children on a child protection plan visited within {cp_visit_days} working days",
            "list_7",
            open_cp,
            # a child not yet visited is counted from the start of the plan
            (Need(cp_end, True), Need(cp_start), Need(visit, True)),
            f"days <= {cp_visit_days}",
            _wd(f"coalesce({visit}, {cp_start})", "$as_at"),
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
            open_cp,
            (Need(cp_end, True), Need(cp_start), Need(cp_review, True)),
            f"""CASE WHEN {cp_review} IS NULL THEN {cp_start} + INTERVAL 3 MONTH >= $as_at
              ELSE {cp_review} + INTERVAL 6 MONTH >= $as_at END""",
        ),
        MeasureDefinition(
            "cla_reviews",
            "Children looked after with their statutory review in time",
            "list_8",
            open_cla,
            (Need(ceased, True), Need(cla_start), Need(cla_review, True)),
            f"""CASE WHEN {cla_review} IS NULL THEN {_wd(cla_start, "$as_at")} <= 20
              ELSE {cla_review} + INTERVAL 6 MONTH >= $as_at END""",
        ),
        MeasureDefinition(
            "placement_moves",
            "Children looked after with 3 or more placements in 12 months",
            "list_8",
            open_cla,
            (Need(ceased, True), Need(PLACEMENTS)),
            f"{PLACEMENTS} >= 3",
            higher_is_better=False,
        ),
        MeasureDefinition(
            "return_interviews",
            "Children missing from care offered a return interview",
            "list_8",
            f"({MISSING_EPISODES} > 0 OR list_contains(_flags, '{MISSING_EPISODES}|{UNREADABLE}'))",
            (Need(MISSING_EPISODES), Need(RHI_OFFERED)),
            RHI_OFFERED,
        ),
        MeasureDefinition(
            "care_leavers_accommodation",
            "Care leavers in suitable accommodation",
            "list_9",
            "true",
            (Need("suitability_of_accommodation"),),
            "lower(suitability_of_accommodation) = 'suitable'",
        ),
        MeasureDefinition(
            "care_leavers_eet",
            "Care leavers in education, employment or training",
            "list_9",
            "true",
            (Need("activity_status"),),
            # in education, employment or training by what the status says; not known is not EET
            "regexp_matches(lower(activity_status), 'education|employment|training|apprentice')"
            " AND NOT regexp_matches(lower(activity_status), 'not in education|neet')",
        ),
    ]


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
    left_out: list[tuple[str, int]] = field(default_factory=list)  # (why, how many rows), most first

    @property
    def percent(self) -> int | None:
        return percent(self.numerator, self.denominator) if self.denominator else None

    @property
    def exact_percent(self) -> Decimal | None:
        return exact_percent(self.numerator, self.denominator)

    @property
    def in_scope(self) -> int:
        return self.denominator + self.left_out_count

    @property
    def left_out_count(self) -> int:
        return sum(count for _, count in self.left_out)

    def left_out_sentence(self) -> str:
        """'2 records left out: 1 with Number of Referrals in Last 12 Months that could not be read …'"""
        if not self.left_out:
            return ""
        total = self.left_out_count
        reasons = "; ".join(f"{why} ({count:,})" for why, count in self.left_out)
        return f"{total:,} record{'s' if total != 1 else ''} left out: {reasons}."


def _connect(engine: Engine) -> duckdb.DuckDBPyConnection:
    """A connection to read, with the engine's working-day calendar as a table."""
    return with_calendar(engine.connect_to_read(), engine.settings)


def with_calendar(con: duckdb.DuckDBPyConnection, settings: EngineSettings) -> duckdb.DuckDBPyConnection:
    """The connection, with the settings' working-day calendar as the table the measures count with."""
    first, counts = settings.calendar.running_counts
    con.execute(
        "CREATE TEMP TABLE working_calendar AS"
        " SELECT (?::DATE + (generate_subscripts(?, 1) - 1)::INTEGER)::DATE AS day, unnest(?) AS number",
        [first, counts, counts],
    )
    return con


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
    ).fetchall():
        found.setdefault(table, set()).add(column)
    return found


def _left_out(definition: MeasureDefinition) -> str:
    """SQL: why a row in scope is left out (a flag 'column|kind'), or NULL when it is counted."""
    keys = ", ".join(f"'{need.key}'" for need in definition.needs)
    blanks = " ".join(
        f"WHEN {need.key} IS NULL THEN '{need.key}|{BLANK}'"
        for need in definition.needs
        if not need.blank_is_an_answer
    )
    # most rows have no flag: the list is searched only on those that have one
    needed = f"list_filter(_flags, lambda f: split_part(f, '|', 1) IN ({keys}))[1]"
    first = f"CASE WHEN len(_flags) > 0 THEN {needed} END"
    return f"coalesce({first}" + (f", CASE {blanks} END)" if blanks else ")")


def measure_rows_sql(
    definition: MeasureDefinition,
    flags_kept: bool = True,
    source: str | None = None,
    chosen: str = "council = $council AND as_at = $as_at",
) -> str:
    """The CTE `measured`: every row in the measure's scope with `left_out`, `days` and `met`; from the
    list's table, or from `source` (the region's Parquet files), the rows `chosen`."""
    flags = "coalesce(_flags, [])" if flags_kept else "[]::VARCHAR[]"
    base = (
        f"base AS (SELECT * EXCLUDE (_flags), {flags} AS _flags FROM {source or definition.table}"
        if flags_kept
        else f"base AS (SELECT *, {flags} AS _flags FROM {source or definition.table}"
    ) + f" WHERE {chosen})"
    return (
        f"WITH {base}, scoped AS (SELECT *, {_left_out(definition)} AS left_out FROM base"
        f" WHERE {definition.scope}),"
        f" timed AS (SELECT *, CASE WHEN left_out IS NULL THEN {definition.days} END AS days FROM scoped),"
        f" measured AS (SELECT *, CASE WHEN left_out IS NULL THEN ({definition.met}) END AS met FROM timed) "
    )


def _reason(definition: MeasureDefinition, code: str) -> str:
    return Flag.parse(LISTS[definition.list_number], code).reason


def compute_measures(
    engine: Engine, council: str, as_at: date, only: Collection[str] | None = None
) -> list[Measure]:
    """Every measure with records in scope, or just those whose keys are in `only`."""
    con = _connect(engine)
    try:
        columns = _columns(con)
        results = []
        for definition in definitions(engine.settings.cp_visit_working_days):
            if definition.table not in columns or (only is not None and definition.key not in only):
                continue
            measure = _measure(con, definition, "_flags" in columns[definition.table], council, as_at)
            if measure is not None:
                results.append(measure)
        return results
    finally:
        con.close()


def _measure(
    con: duckdb.DuckDBPyConnection, definition: MeasureDefinition, flags_kept: bool, council: str, as_at: date
) -> Measure | None:
    parameters = {"council": council, "as_at": as_at}
    head = measure_rows_sql(definition, flags_kept)
    bands = "".join(
        f", count(*) FILTER (WHERE days >= {low}" + (f" AND days <= {high})" if high is not None else ")")
        for _, low, high in definition.bands
    )
    # in one pass: the rows counted (left_out NULL), with their distribution, and those left out by reason
    groups = con.execute(
        head
        + f"SELECT left_out, count(*), count(*) FILTER (WHERE met){bands} FROM measured GROUP BY left_out",
        parameters,
    ).fetchall()
    if not groups:
        return None
    counted: tuple[int, ...] = next(
        (tuple(g[1:]) for g in groups if g[0] is None), (0, 0, *(0 for _ in definition.bands))
    )
    measure = Measure(definition.key, definition.name, counted[1], counted[0], definition.higher_is_better)
    left_out = sorted(
        ((int(g[1]), str(g[0])) for g in groups if g[0] is not None), key=lambda g: (-g[0], g[1])
    )
    measure.left_out = [(_reason(definition, code), count) for count, code in left_out]
    measure.distribution = [(label, counted[2 + i]) for i, (label, _, _) in enumerate(definition.bands)]
    for column, target in (("allocated_team", measure.by_team), ("allocated_worker", measure.by_worker)):
        # a name is one team or person whatever its capitals ('Jo Smith', 'jo smith'): counted by each
        # spelling first, so that only the spellings, not the rows, are compared
        for name, numerator, denominator in con.execute(
            head + f"SELECT coalesce({one_spelling('name')}, '{NOT_ALLOCATED}'), sum(met)::INTEGER,"
            f" sum(rows)::INTEGER FROM (SELECT {column} AS name, count(*) FILTER (WHERE met) AS met,"
            f" count(*) AS rows FROM measured WHERE left_out IS NULL GROUP BY {column})"
            " GROUP BY lower(name) ORDER BY 1",
            parameters,
        ).fetchall():
            target.append(Breakdown(name, numerator, denominator))
    return measure


def _named(column: str) -> str:
    return f"lower(coalesce({column}, '{NOT_ALLOCATED}'))"


def drill_down(
    engine: Engine,
    council: str,
    as_at: date,
    key: str,
    team: str | None = None,
    worker: str | None = None,
) -> list[dict[str, object]]:
    """The child records behind a measure (for analysts only: they hold identifiers): those counted,
    and those left out with the reason."""
    definition = next(d for d in definitions(engine.settings.cp_visit_working_days) if d.key == key)
    con = _connect(engine)
    try:
        columns = _columns(con).get(definition.table, set())
        sql = measure_rows_sql(definition, "_flags" in columns) + (
            "SELECT row_number, child_unique_id, allocated_team, allocated_worker, days, met, left_out"
            " FROM measured WHERE true"
            + (f" AND {_named('allocated_team')} = lower($team)" if team else "")
            + (f" AND {_named('allocated_worker')} = lower($worker)" if worker else "")
            + " ORDER BY row_number"
        )
        parameters: dict[str, object] = {"council": council, "as_at": as_at}
        if team:
            parameters["team"] = team
        if worker:
            parameters["worker"] = worker
        cursor = con.execute(sql, parameters)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()
    for row in rows:
        if row["left_out"] is not None:
            row["left_out"] = _reason(definition, str(row["left_out"]))
    return rows
