"""A funding file imported into a plan: all or nothing, every change in the audit trail with its old and
new figures; Bromley's table made from what was imported."""

from __future__ import annotations

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.funding.funding_import import import_funding, lines_of_plan
from oversight.funding.models import FundingLine, FundingYear
from oversight.funding.table import funding_table
from oversight.lib.problems import ImportFailed
from tests.funding.test_table import BROMLEY, MARCH_2017, YEARS

pytestmark = pytest.mark.django_db
OFFICER = Actor("Olivia")


def bromley_rows() -> list[list[object]]:
    header = ["Funding line", "Financial year", "Budget £'000", "Spend £'000", "Committed £'000", "Comments"]
    rows: list[list[object]] = [header]
    for funding in BROMLEY:
        this, coming = funding.in_year("2016/17"), funding.in_year("2017/18")
        rows.append([funding.title, "2016/17", this.budget, this.spend, "", funding.comment])
        rows.append([funding.title, "2017/18", coming.budget, "", coming.committed, ""])
    return rows


def test_bromleys_table_is_reproduced_from_what_was_imported(plan, write_csv) -> None:
    summary = import_funding(write_csv("funding.csv", bromley_rows()), "demo", OFFICER)
    assert (len(summary.added), summary.changed, summary.unchanged) == (5, [], 0)
    table = funding_table(lines_of_plan(plan.pk), YEARS, MARCH_2017, "Additional funding")
    assert [str(cell) for cell in table.total or []] == ["Total", "1,090", "1,090", "5,157", "4,407", ""]
    assert [[str(c) for c in row[:5]] for row in table.rows][-1] == [
        "Additional funding for social workers and caseloads", "0", "0", "750", "0",
    ]  # fmt: skip


def test_a_changed_figure_is_in_the_audit_trail_with_old_and_new(plan, write_csv) -> None:
    import_funding(write_csv("funding.csv", bromley_rows()), "demo", OFFICER)
    rows = bromley_rows()
    rows[10][4] = 500  # 500 of the social workers' 750 now committed
    again = import_funding(write_csv("funding-april.csv", rows), "demo", OFFICER)
    assert (again.changed, again.unchanged) == (["Additional funding for social workers and caseloads"], 4)
    change = Change.objects.get(
        field="funding line Additional funding for social workers and caseloads: 2017/18 committed"
    )
    assert (change.old_value, change.new_value, change.actor) == ("0", "500", "Olivia")
    assert FundingLine.objects.get(title__startswith="Additional").revision == 1


def test_a_file_with_a_problem_changes_nothing(plan, write_csv) -> None:
    rows = bromley_rows()
    rows[3][2] = "lots"
    with pytest.raises(ImportFailed):
        import_funding(write_csv("funding.csv", rows), "demo", OFFICER)
    assert not FundingLine.objects.exists() and not FundingYear.objects.exists()


def test_a_line_names_the_actions_it_pays_for_and_their_pages_show_it(plan, write_csv, signed_in) -> None:
    rows = bromley_rows()
    for row in rows:
        row.append("Actions" if row is rows[0] else "")
    rows[5][-1] = "2.1, 9.9"  # phase three, 2016/17
    with pytest.raises(ImportFailed) as failed:
        import_funding(write_csv("funding.csv", rows), "demo", OFFICER)
    assert [str(p) for p in failed.value.problems] == [
        "funding.csv, row 6, column G (Actions): not in this plan: 9.9"
    ]
    rows[5][-1] = "2.1"
    import_funding(write_csv("funding.csv", rows), "demo", OFFICER)
    assert list(FundingLine.objects.get(title="Phase three").actions.values_list("action_id", flat=True)) == [
        "2.1"
    ]
    page = signed_in("vic").get("/plans/demo/actions/2.1/").content.decode()
    assert "Paid for by" in page and "Phase three" in page and "£795k budgeted for 2017/18" in page
    assert "Paid for by" not in signed_in("vic").get("/plans/demo/actions/1.1/").content.decode()
