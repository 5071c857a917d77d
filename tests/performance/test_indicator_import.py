"""Importing the scorecard from the files councils keep it in: indicators, then their values, long or
wide, CSV or Excel; all or nothing, every problem named by row and column, every change kept."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.governance.models import Inspection, Recommendation
from oversight.lib.problems import ImportFailed
from oversight.performance.indicator_file import cell_number
from oversight.performance.indicator_import import import_indicator_values, import_indicators
from oversight.performance.models import Indicator, IndicatorValue
from oversight.plans.cell_dates import cell_day

pytestmark = pytest.mark.django_db
ANA = Actor("Ana", None)

HEADER = [
    "Indicator", "Service area", "Definition", "Unit", "Polarity", "Target", "Amber tolerance",
    "Frequency", "Owner", "Source", "England", "Statistical neighbours", "Region", "Comparators year",
    "Actions",
]  # fmt: skip
ICPCS = [
    "ICPCs within 15 working days", "Child protection", "Initial conferences in time.", "%",
    "Higher is better", "90", "5", "Monthly", "lee", "Imported", "78.1", "80.4", "79.2", "2022-23",
    "1.1, 2.1",
]  # fmt: skip
CANCELLED = [
    "Contact sessions cancelled for service reasons", "Children in care", "", "percentage",
    "Lower is better", "0", "2", "monthly", "ana@council.example", "entered", "", "", "", "", "",
]  # fmt: skip


def row(header: list[str], **cells: str) -> list[str]:
    """A row under the header, blank but for the columns named (spaces written as underscores)."""
    return [cells.get(column.replace(" ", "_"), "") for column in header]


def values(indicator: Indicator) -> dict[date, D]:
    return dict(IndicatorValue.objects.filter(indicator=indicator).values_list("period", "value"))


@pytest.fixture
def indicators(plan, write_csv) -> tuple[Indicator, Indicator]:
    import_indicators(write_csv("indicators.csv", [HEADER, ICPCS, CANCELLED]), "demo", ANA)
    return (
        Indicator.objects.get(name="ICPCs within 15 working days"),
        Indicator.objects.get(name="Contact sessions cancelled for service reasons"),
    )


# --- indicators -------------------------------------------------------------------------------- #


def test_new_indicators_are_added_with_every_detail_the_file_gives(indicators) -> None:
    icpcs, cancelled = indicators
    assert (icpcs.service_area, icpcs.definition, icpcs.unit, icpcs.polarity) == (
        "Child protection",
        "Initial conferences in time.",
        "percentage",
        "higher",
    )
    assert (icpcs.target, icpcs.tolerance, icpcs.frequency, icpcs.owner.username) == (
        D(90),
        D(5),
        "monthly",
        "lee",
    )
    assert (icpcs.england, icpcs.statistical_neighbours, icpcs.region, icpcs.comparators_year) == (
        D("78.1"),
        D("80.4"),
        D("79.2"),
        "2022-23",
    )
    assert icpcs.source == "imported"
    assert sorted(icpcs.actions.values_list("action_id", flat=True)) == ["1.1", "2.1"]
    assert (cancelled.polarity, cancelled.target, cancelled.owner.username) == ("lower", D(0), "ana")


def test_adding_an_indicator_is_audited_detail_by_detail(indicators) -> None:
    records = Change.objects.filter(source="indicators import: indicators.csv")
    assert records.filter(kind="added", field="indicator").count() == 2
    target = records.get(field="indicator: ICPCs within 15 working days, target")
    assert (target.kind, target.old_value, target.new_value, target.actor) == ("added", "", "90", "Ana")
    owner = records.get(field="indicator: ICPCs within 15 working days, owner")
    assert owner.new_value == "Lee"


def test_an_indicator_the_plan_has_is_updated_by_name_whatever_the_case_and_spacing(
    indicators, write_csv
) -> None:
    icpcs, _ = indicators
    changed = write_csv(
        "again.csv",
        [
            ["indicator", "  SERVICE   area ", "Target"],
            ["icpcs within  15 working days", "Child protection", "92%"],
        ],
    )
    summary = import_indicators(changed, "demo", Actor("Olivia"))
    assert summary.changed == {"icpcs within  15 working days": ["name", "target"]}
    icpcs.refresh_from_db()
    assert icpcs.target == D(92) and icpcs.name == "icpcs within  15 working days"
    assert (icpcs.tolerance, icpcs.owner.username, icpcs.england) == (
        D(5),
        "lee",
        D("78.1"),
    )  # not in the file
    target = Change.objects.get(field="indicator: ICPCs within 15 working days, target", kind="changed")
    assert (target.old_value, target.new_value, target.actor) == ("90", "92", "Olivia")
    assert Indicator.objects.count() == 2


def test_importing_the_same_file_again_changes_nothing(indicators, write_csv) -> None:
    before = Change.objects.count()
    summary = import_indicators(write_csv("same.csv", [HEADER, ICPCS, CANCELLED]), "demo", ANA)
    assert (summary.added, summary.changed, summary.unchanged) == ([], {}, 2)
    assert Change.objects.count() == before


def test_a_blank_cell_clears_a_detail_but_keeps_unit_polarity_tolerance_frequency_and_source(
    indicators, write_csv
) -> None:
    blanked = [*ICPCS[:3], "", "", "", "", "", "", "", "", "", "", "", ""]
    import_indicators(write_csv("blank.csv", [HEADER, blanked]), "demo", ANA)
    icpcs = Indicator.objects.get(name="ICPCs within 15 working days")
    assert (icpcs.unit, icpcs.polarity, icpcs.tolerance, icpcs.frequency, icpcs.source) == (
        "percentage",
        "higher",
        D(5),
        "monthly",
        "imported",
    )
    assert (icpcs.target, icpcs.owner, icpcs.england, icpcs.comparators_year) == (None, None, None, "")
    assert not icpcs.actions.exists()


def test_an_owner_who_has_left_the_plan_stays_the_owner_until_a_file_names_another(
    indicators, write_csv, plan
) -> None:
    plan.memberships.filter(user__username="lee").delete()
    rows = [["Indicator", "Service area", "Target"], [ICPCS[0], ICPCS[1], "91"]]
    import_indicators(write_csv("no-owner.csv", rows), "demo", ANA)
    icpcs = Indicator.objects.get(name=ICPCS[0])
    assert (icpcs.target, icpcs.owner.username) == (D(91), "lee")
    with pytest.raises(ImportFailed, match="'lee' has no role in this plan"):
        import_indicators(write_csv("lee.csv", [HEADER, ICPCS]), "demo", ANA)


def test_an_indicator_and_its_service_area_are_enough(plan, write_csv) -> None:
    path = write_csv("two.csv", [["Indicator", "Service area"], ["Re-referrals", "Front door"]])
    assert import_indicators(path, "demo", ANA).added == ["Re-referrals"]
    added = Indicator.objects.get(name="Re-referrals")
    assert (added.unit, added.polarity, added.target, added.frequency) == (
        "percentage",
        "higher",
        None,
        "monthly",
    )


def test_a_new_indicator_with_a_target_must_say_which_way_is_better(plan, write_csv) -> None:
    path = write_csv("t.csv", [["Indicator", "Service area", "Target"], ["Re-referrals", "Front door", "20"]])
    with pytest.raises(ImportFailed) as failed:
        import_indicators(path, "demo", ANA)
    [problem] = failed.value.problems
    assert (problem.row, problem.column) == (2, "Polarity (not in the file)")
    assert "expected Higher is better or Lower is better" in problem.message


def test_links_name_actions_and_recommendations_of_the_plan(plan, write_csv) -> None:
    inspection = Inspection.objects.create(plan=plan, published=date(2016, 8, 26))
    for number in (1, 2, 3):
        Recommendation.objects.create(inspection=inspection, number=number, text=f"Recommendation {number}")
    path = write_csv(
        "links.csv",
        [
            ["Indicator", "Service area", "Actions", "Recommendations"],
            ["Return interviews within 72 hours", "Children in care", "2.1; 2.2", "3, 1"],
        ],
    )
    import_indicators(path, "demo", ANA)
    indicator = Indicator.objects.get()
    assert sorted(indicator.actions.values_list("action_id", flat=True)) == ["2.1", "2.2"]
    assert sorted(indicator.recommendations.values_list("number", flat=True)) == [1, 3]


def test_an_annex_a_indicator_names_its_measure(plan, write_csv) -> None:
    path = write_csv(
        "annex.csv",
        [
            ["Indicator", "Service area", "Polarity", "Target", "Source", "Annex A measure"],
            ["Assessments in 45 days", "Front door", "Higher is better", "90", "Annex A", "ASSESSMENTS_45"],
            ["ICPCs in time", "Child protection", "higher", "90", "", "icpc_15"],
        ],
    )
    import_indicators(path, "demo", ANA)
    assert sorted(Indicator.objects.values_list("source", "measure")) == [
        ("annex_a", "assessments_45"),
        ("annex_a", "icpc_15"),
    ]


def test_every_problem_in_an_indicators_file_is_named_by_row_and_column_and_nothing_is_saved(
    plan, write_csv
) -> None:
    header = [*HEADER, "Annex A measure"]
    rows = [
        header,
        [*ICPCS[:3], "furlongs", *ICPCS[4:], ""],
        [*CANCELLED[:5], "none", *CANCELLED[6:], ""],
        ["Supervision in time", *CANCELLED[1:8], "nora", *CANCELLED[9:], ""],
        row(header, Indicator="Visits in time", Service_area="CP", Amber_tolerance="-1", Actions="9.9"),
        row(header, Indicator="Re-referrals", Source="Annex A"),
        row(header, Indicator="Re-referrals 2", Service_area="Front door", Annex_A_measure="no_such"),
        row(header, Indicator="ICPCs WITHIN 15 working days", Service_area="Child protection"),
        row(header, Service_area="Child protection"),
    ]
    with pytest.raises(ImportFailed) as failed:
        import_indicators(write_csv("bad.csv", rows), "demo", ANA)
    found = {(p.row, p.column): p.message for p in failed.value.problems}
    assert found[(2, "D (Unit)")].startswith("'furlongs' is not a unit Oversight knows: expected percentage")
    assert found[(3, "F (Target)")] == "'none' is not a number: expected a number such as 90 or 90%"
    assert found[(4, "I (Owner)")].startswith("'nora' has no role in this plan")
    assert found[(5, "G (Amber tolerance)")] == "expected an amber tolerance of 0 or more"
    assert found[(5, "O (Actions)")].startswith("Not in this plan: 9.9; expected action IDs")
    assert found[(6, "B (Service area)")] == "expected the service area, for example Safeguarding"
    assert found[(6, "P (Annex A measure)")].startswith(
        "an indicator computed from Annex A needs its measure"
    )
    assert found[(7, "P (Annex A measure)")].startswith(
        "'no_such' is not an Annex A measure: expected one of"
    )
    assert found[(8, "A (Indicator)")] == "'ICPCs WITHIN 15 working days' appears twice (first on row 2)"
    assert found[(9, "A (Indicator)")] == "expected the indicator's name"
    assert len(found) == 10
    assert not Indicator.objects.exists()
    assert not Change.objects.filter(source__startswith="indicators import").exists()


def test_a_file_without_the_required_columns_says_which(plan, write_csv) -> None:
    with pytest.raises(ImportFailed, match=r"missing required column\(s\): Service area"):
        import_indicators(write_csv("x.csv", [["Indicator", "Target"], ["A", "1"]]), "demo", ANA)


def test_an_excel_workbook_is_read_with_its_percentages_as_shown(plan, tmp_path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "KPIs"
    sheet.append(["Performance scorecard 2026-27"])
    sheet.append(["Indicator", "Service area", "Polarity", "Target", "England", "Comparators year"])
    sheet.append(
        ["ICPCs within 15 working days", "Child protection", "Higher is better", 0.9, 0.781, "2022-23"]
    )
    sheet["D3"].number_format = sheet["E3"].number_format = "0.0%"
    book.save(tmp_path / "kpis.xlsx")
    import_indicators(tmp_path / "kpis.xlsx", "demo", ANA, sheet="KPIs")
    icpcs = Indicator.objects.get()
    assert (icpcs.target, icpcs.england) == (D(90), D("78.1"))


def test_text_that_looks_like_a_formula_stays_text(plan, write_csv, tmp_path) -> None:
    csv_file = write_csv(
        "f.csv", [["Indicator", "Service area", "Definition"], ["=1+1", "@SUM(A1)", "-5 on last year"]]
    )
    import_indicators(csv_file, "demo", ANA)
    book = Workbook()
    book.active.append(["Indicator", "Service area"])
    book.active.append(["placeholder", "+44 team"])
    book.active["A2"].value = '=HYPERLINK("http://x")'
    book.active["A2"].data_type = "s"  # text, as Excel keeps a cell typed with a leading apostrophe
    book.save(tmp_path / "f.xlsx")
    import_indicators(tmp_path / "f.xlsx", "demo", ANA)
    assert sorted(Indicator.objects.values_list("name", "service_area", "definition")) == [
        ("=1+1", "@SUM(A1)", "-5 on last year"),
        ('=HYPERLINK("http://x")', "+44 team", ""),
    ]


# --- values ------------------------------------------------------------------------------------ #


def test_long_values_are_recorded_each_with_its_history(indicators, write_csv) -> None:
    icpcs, cancelled = indicators
    rows = [
        ["Indicator", "Month", "Value"],
        ["ICPCs within 15 working days", "2026-09", "84%"],
        ["ICPCs within 15 working days", "Oct 2026", "86"],
        ["Contact sessions cancelled for service reasons", "October 2026", "9.25"],
        ["Contact sessions cancelled for service reasons", "November 2026", ""],
    ]
    summary = import_indicator_values(write_csv("values.csv", rows), "demo", ANA)
    assert (summary.added, summary.changed, summary.unchanged, summary.blank) == (3, 0, 0, 1)
    assert values(icpcs) == {date(2026, 9, 1): D(84), date(2026, 10, 1): D(86)}
    assert values(cancelled) == {date(2026, 10, 1): D("9.25")}
    rows[2][2] = "87.5"
    again = import_indicator_values(write_csv("corrected.csv", rows), "demo", Actor("Olivia"))
    assert (again.added, again.changed, again.unchanged) == (0, 1, 2)
    history = Change.objects.filter(field="indicator value: ICPCs within 15 working days, October 2026")
    assert sorted(history.values_list("old_value", "new_value", "actor", "source")) == [
        ("", "86", "Ana", "import: values.csv"),
        ("86", "87.5", "Olivia", "import: corrected.csv"),
    ]


def test_wide_values_take_months_headed_in_any_of_the_ways_councils_write_them(indicators, write_csv) -> None:
    icpcs, cancelled = indicators
    rows = [
        ["Indicator", "Service area", "2026-07", "Aug 2026", "September 2026", "Target"],
        ["ICPCs within 15 working days", "Child protection", "80", "", "84.5", "90"],
        ["Children in care", "", "", "", "", ""],
        ["contact sessions cancelled for service reasons", "Children in care", "12", "11", "", "0"],
    ]
    summary = import_indicator_values(write_csv("wide.csv", rows), "demo", ANA)
    assert summary.layout == "wide"
    assert (summary.added, summary.blank) == (4, 5)
    assert summary.columns_not_read == ["B (Service area)", "F (Target)"]
    assert values(icpcs) == {date(2026, 7, 1): D(80), date(2026, 9, 1): D("84.5")}
    assert values(cancelled) == {date(2026, 7, 1): D(12), date(2026, 8, 1): D(11)}


def test_an_excel_workbook_of_values_with_real_dates_and_percentages(indicators, tmp_path) -> None:
    icpcs, _ = indicators
    book = Workbook()
    book.active.append(["Indicator", datetime(2026, 9, 1), datetime(2026, 10, 31)])
    book.active.append(["ICPCs within 15 working days", 0.84, 86])
    book.active["B2"].number_format = "0%"
    book.save(tmp_path / "values.xlsx")
    import_indicator_values(tmp_path / "values.xlsx", "demo", ANA)
    assert values(icpcs) == {date(2026, 9, 1): D(84), date(2026, 10, 1): D(86)}


def test_every_problem_in_a_values_file_is_named_by_row_and_column_and_nothing_is_saved(
    indicators, write_csv
) -> None:
    rows = [
        ["Indicator", "Period", "Value"],
        ["ICPCs within 15 working days", "2026-09", "84"],
        ["ICPC within 15 working days", "2026-10", "86"],
        ["ICPCs within 15 working days", "Autumn", "86"],
        ["ICPCs within 15 working days", "2026-10", "#N/A"],
        ["ICPCs within 15 working days", "", "85"],
        ["ICPCs within 15 working days", "Sep 26", "83"],
    ]
    with pytest.raises(ImportFailed) as failed:
        import_indicator_values(write_csv("bad.csv", rows), "demo", ANA)
    found = {(p.file, p.row, p.column): p.message for p in failed.value.problems}
    assert found[("bad.csv", 3, "A (Indicator)")] == (
        "there is no indicator 'ICPC within 15 working days' in this plan (did you mean"
        " 'ICPCs within 15 working days'?): expected the name of one of its indicators; import new"
        " indicators first"
    )
    assert found[("bad.csv", 4, "B (Period)")].startswith(
        "'Autumn' is not a period: expected a month such as 2018-01, Jan 2018 or January 2018"
    )
    assert found[("bad.csv", 5, "C (Value)")].startswith(
        "'#N/A' is not a number: expected a number such as 86"
    )
    assert found[("bad.csv", 6, "B (Period)")].startswith("the period is missing")
    assert found[("bad.csv", 7, "C (Value)")] == (
        "a second value for 'ICPCs within 15 working days', September 2026 (the first is on row 2,"
        " column C (Value)): keep one"
    )
    assert len(found) == 5
    assert not IndicatorValue.objects.exists()


def test_a_wide_file_without_months_says_what_it_expected(indicators, write_csv) -> None:
    rows = [["Indicator", "Target"], ["ICPCs within 15 working days", "90"]]
    with pytest.raises(ImportFailed, match="expected Period and Value columns, or one column for each month"):
        import_indicator_values(write_csv("nomonths.csv", rows), "demo", ANA)


def test_a_quarterly_indicators_values_are_for_the_quarter(indicators, write_csv) -> None:
    icpcs, _ = indicators
    Indicator.objects.filter(pk=icpcs.pk).update(frequency="quarterly")
    rows = [
        ["Indicator", "Q3 2026/27", "Jan 2027", "Mar 2027"],
        ["ICPCs within 15 working days", "85", "88", ""],
    ]
    import_indicator_values(write_csv("q.csv", rows), "demo", ANA)
    assert values(icpcs) == {date(2026, 10, 1): D(85), date(2027, 1, 1): D(88)}
    rows[1][3] = "89"  # January and March are the same quarter
    with pytest.raises(ImportFailed, match="a second value for 'ICPCs within 15 working days', quarter from"):
        import_indicator_values(write_csv("q.csv", rows), "demo", ANA)


def test_a_weekly_indicators_value_is_for_the_week_its_date_falls_in(indicators, write_csv) -> None:
    _, cancelled = indicators
    Indicator.objects.filter(pk=cancelled.pk).update(frequency="weekly")
    rows = [
        ["Indicator", "Week", "Value"],
        [cancelled.name, "18/11/2026", "7"],
        [cancelled.name, "2026-11-23", "6"],
    ]
    import_indicator_values(write_csv("weeks.csv", rows), "demo", ANA)
    assert values(cancelled) == {date(2026, 11, 16): D(7), date(2026, 11, 23): D(6)}  # Mondays


def test_values_for_a_plan_that_does_not_exist_are_refused(db, write_csv) -> None:
    with pytest.raises(ImportFailed, match="there is no plan 'nowhere'"):
        import_indicator_values(write_csv("v.csv", [["Indicator", "2026-01"], ["A", "1"]]), "nowhere", ANA)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (86, D(86)),
        (86.456, D("86.46")),
        ("86%", D(86)),
        (" 1,234.5 ", D("1234.50")),
        ("", None),
        (None, None),
    ],
)
def test_a_cells_number_is_kept_to_the_hundredth(cell: object, expected: D | None) -> None:
    assert cell_number(cell) == expected


@pytest.mark.parametrize("cell", ["#N/A", "n/a", "-", "=1+1", "NaN", "1e20", True])
def test_anything_else_is_not_a_number(cell: object) -> None:
    with pytest.raises(ValueError):
        cell_number(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2018-01", date(2018, 1, 1)),
        ("Jan 2018", date(2018, 1, 1)),
        ("January 2018", date(2018, 1, 1)),
        ("Jan-18", date(2018, 1, 1)),
        ("2018-01-15", date(2018, 1, 15)),
        ("15/01/2018", date(2018, 1, 15)),
        (datetime(2018, 1, 31, 0, 0), date(2018, 1, 31)),
        ("Q3 2017/18", date(2017, 10, 1)),
        ("Jan - Feb 18", None),
        ("2017/18", None),
        ("Target", None),
        ("31/02/2018", None),
        ("0218-01", None),
        (datetime(1900, 1, 1), None),
    ],
)
def test_a_period_is_a_month_a_quarter_or_a_day(cell: object, expected: date | None) -> None:
    assert cell_day(cell) == expected


# --- commands ---------------------------------------------------------------------------------- #


def test_the_commands_import_indicators_then_values(plan, write_csv, capsys) -> None:
    call_command("import_indicators", str(write_csv("i.csv", [HEADER, ICPCS])), plan="demo", by="ana")
    rows = [["Indicator", "2026-09", "2026-10"], ["ICPCs within 15 working days", "84", "86"]]
    call_command("import_indicator_values", str(write_csv("v.csv", rows)), plan="demo", by="ana")
    out = capsys.readouterr().out
    assert "Imported indicators into 'Improvement plan' from i.csv:\n  indicators added: 1" in out
    assert "Imported indicator values into 'Improvement plan' from v.csv:\n  values added: 2" in out
    assert Change.objects.filter(source="import: v.csv", user__username="ana").count() == 2


def test_a_command_lists_every_problem_and_imports_nothing(indicators, write_csv) -> None:
    rows = [
        ["Indicator", "2026-09", "2026-10"],
        ["ICPCs within 15 working days", "84", "lots"],
        ["Nope", "1", ""],
    ]
    with pytest.raises(CommandError) as error:
        call_command("import_indicator_values", str(write_csv("v.csv", rows)), plan="demo")
    message = str(error.value)
    assert message.startswith("Nothing was imported: 2 problems found.")
    assert "v.csv, row 2, column C (2026-10): 'lots' is not a number" in message
    assert "v.csv, row 3, column A (Indicator): there is no indicator 'Nope'" in message
    assert not IndicatorValue.objects.exists()
