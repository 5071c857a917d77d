"""`oversight annex-a`: the command loads, measures and counts caseloads through the engine the site's
settings shape, and says what went wrong in the words of every import."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from oversight.annex_a.load import load_extract
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.models import CaseloadBand, CaseloadTeam
from tests.annex_a.conftest import AS_AT, COMMON
from tests.annex_a.test_load import LIST5
from tests.annex_a.test_reload import LIST3, three_lists
from tests.annex_a.test_sources import ASSESSMENT, LIST4
from tests.papers import check_paper
from tests.pdfs import read_pdf


@pytest.fixture
def workbook(write_xlsx):
    return three_lists(write_xlsx)


@pytest.mark.django_db  # it then records the indicators of the council's plans
def test_the_command_loads_and_prints_the_data_quality_report(write_csv, settings, tmp_path) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "cmd.duckdb"
    path = write_csv("list5.csv", [LIST5, ["C1", "F", "W", "", "", "16/09/2022", "#N/A", "", ""]])
    out = io.StringIO()
    call_command("annex_a", "load", str(path), "--council", "Anytown", "--as-at", "2023-03-31", stdout=out)
    text = out.getvalue()
    assert "List 5 (Section 47 enquiries and ICPCs) from list5.csv: 1 rows" in text
    assert "row 2, Date of Initial Child Protection Conference: '#N/A' is not a date" in text
    bad = write_csv("other.csv", [["Name", "Thing"], ["a", "b"]])
    with pytest.raises(CommandError, match="cannot tell which Annex A list this is"):
        call_command("annex_a", "load", str(bad), "--council", "Anytown", "--as-at", "2023-03-31")


@pytest.mark.django_db
def test_the_command_says_what_it_replaces_and_keeps(workbook, write_csv, settings, tmp_path) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "cmd.duckdb"
    call_command(
        "annex_a",
        "load",
        str(workbook),
        "--council",
        "Anytown",
        "--as-at",
        "2023-05-31",
        stdout=io.StringIO(),
    )
    list3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
    out = io.StringIO()
    call_command("annex_a", "load", str(list3), "--council", "Anytown", "--as-at", "2023-05-31", stdout=out)
    text = out.getvalue()
    assert text.index("replaces List 3 from extract.xlsx") < text.index(
        "List 3 (Referrals) from list3.csv: 1 rows"
    )
    assert "Kept as loaded before: List 4 from extract.xlsx, sheet List 4" in text


@pytest.mark.django_db
def test_the_command_refuses_a_file_it_cannot_place_with_a_failing_exit(
    write_csv, settings, tmp_path
) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "cmd.duckdb"
    header = [c for c in LIST4 if c != "Continuous Assessment Start Date"]
    path = write_csv(
        "assessments.csv", [header, ["A1", "F", "W", "", "", "No", "Yes", "10/05/2023", "T", "Ann"]]
    )
    with pytest.raises(CommandError, match="look like List 4"):
        call_command("annex_a", "load", str(path), "--council", "Anytown", "--as-at", "2023-05-31")


@pytest.mark.django_db
def test_a_truncated_workbook_gets_a_clear_error_from_the_command(write_xlsx, settings, tmp_path) -> None:
    whole = write_xlsx("whole.xlsx", {"List 4": [LIST4, ASSESSMENT]}).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    settings.ANNEX_A_DATABASE = tmp_path / "cmd.duckdb"
    with pytest.raises(CommandError, match="cut.xlsx: the workbook is damaged or incomplete"):
        call_command("annex_a", "load", str(cut), "--council", "Anytown", "--as-at", "2023-05-31")


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "xlsx", "docx", "pdf"])
def test_the_measures_command_writes_every_format(extract, settings, tmp_path, fmt) -> None:
    settings.ANNEX_A_DATABASE = extract
    output = tmp_path / f"measures.{fmt}"
    args = ["annex_a", "measures", "--council", "Anytown", "--as-at", "2023-05-31", "--format", fmt]
    call_command(*args, "--output", str(output), stdout=io.StringIO())
    if fmt == "json":
        icpc = next(m for m in json.loads(output.read_text()) if m["key"] == "icpc_15")
        assert (icpc["numerator"], icpc["denominator"], icpc["percent"]) == (2, 3, 67)
    elif fmt == "xlsx":
        book = load_workbook(output)
        assert book.sheetnames == ["Measures", "By team"]
        values = [cell.value for row in book["Measures"].iter_rows() for cell in row]
        assert (
            "Initial child protection conferences within 15 working days of the strategy discussion" in values
        )
        icpc = next(
            row for row in book["Measures"].iter_rows(min_row=3) if row[0].value.startswith("Initial")
        )
        assert (icpc[3].value, icpc[3].number_format) == (0.67, "0%")
    elif fmt == "docx":
        paper = check_paper(output.read_bytes())
        assert paper.header.splitlines() == ["Anytown", "Annex A measures, 31 May 2023"]
        rows = [[c.text for c in row.cells] for row in paper.doc.tables[0].rows]
        icpc = next(row for row in rows if row[0].startswith("Initial child protection conferences"))
        assert icpc[1:4] == ["2", "3", "67%"]
    elif fmt == "pdf":
        pdf = read_pdf(output.read_bytes())
        assert pdf.info["Tagged"] == "yes" and all(o == "landscape" for o in pdf.orientations)
        assert re.search(r"Initial child protection[^\n]*\s2\s+3\s+67%", pdf.text)
        assert "Anytown" in pdf.pages[0] and f"Page 1 of {len(pdf.pages)}" in pdf.pages[0]
    else:
        text = output.read_text(encoding="utf-8-sig")
        assert "Initial child protection conferences within 15 working days" in text and "67%" in text


def test_measures_for_an_extract_not_loaded_is_a_clear_error(extract, settings) -> None:
    settings.ANNEX_A_DATABASE = extract
    with pytest.raises(CommandError, match="no Annex A extract for Nowhere as at 2023-05-31 is loaded"):
        call_command("annex_a", "measures", "--council", "Nowhere", "--as-at", "2023-05-31")


def test_the_measures_report_says_what_each_measure_left_out(extract, settings, tmp_path) -> None:
    settings.ANNEX_A_DATABASE = extract
    out = io.StringIO()
    call_command("annex_a", "measures", "--council", "Anytown", "--as-at", "2023-05-31", stdout=out)
    line = next(row for row in out.getvalue().splitlines() if row.startswith("| Referrals"))
    assert "| 1 | Number of Referrals in Last 12 Months could not be read (1) |" in line


def test_the_caseloads_command_lists_teams_and_workers_above_their_band(
    write_csv, tmp_path, settings
) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "d.duckdb"
    rows = [[*COMMON, "CIN Start Date", "CIN Closure Date", "Allocated Team", "Allocated Worker"]]
    rows += [[f"N{i}", "", "", "", "", "01/01/2023", "", "Safeguarding 1", "Ann"] for i in range(16)]
    load_extract(annex_a_engine(), [write_csv("list6.csv", rows)], "Anytown", AS_AT)
    out = io.StringIO()
    call_command("annex_a", "caseloads", "--council", "Anytown", "--as-at", "2023-05-31", stdout=out)
    text = out.getvalue()
    assert "| Safeguarding 1 | Safeguarding 12–15 | 1 | 16 | 16.0 | 1 |" in text
    assert "- Ann (Safeguarding 1): 16 cases, band 12–15" in text


@pytest.mark.django_db
def test_the_caseloads_command_uses_a_plans_policy_and_team_types(
    write_csv, tmp_path, settings, plan
) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "d.duckdb"
    rows = [[*COMMON, "CIN Start Date", "CIN Closure Date", "Allocated Team", "Allocated Worker"]]
    rows += [[f"N{i}", "", "", "", "", "01/01/2023", "", "Safeguarding 1", "Ann"] for i in range(16)]
    rows += [[f"P{i}", "", "", "", "", "01/01/2023", "", "Pod 4", "Cy"] for i in range(11)]
    load_extract(annex_a_engine(), [write_csv("list6.csv", rows)], "Anytown", AS_AT)
    plan.council = "Anytown"
    plan.save()
    CaseloadBand.objects.create(plan=plan, team_type="Safeguarding", low=12, high=18)
    CaseloadBand.objects.create(plan=plan, team_type="Court", low=8, high=10)
    CaseloadTeam.objects.create(plan=plan, team="Pod 4", team_type="Court")
    out = io.StringIO()
    call_command("annex_a", "caseloads", "--plan", "demo", "--as-at", "2023-05-31", stdout=out)
    text = out.getvalue()
    assert "| Safeguarding 1 | Safeguarding 12–18 | 1 | 16 | 16.0 | 0 |" in text
    assert "| Pod 4 | Court 8–10 | 1 | 11 | 11.0 | 1 |" in text
    assert "Workers above their band: 1" in text and "- Cy (Pod 4): 11 cases, band 8–10" in text
    with pytest.raises(CommandError, match="there is no plan 'elsewhere'"):
        call_command("annex_a", "caseloads", "--plan", "elsewhere", "--as-at", "2023-05-31")
    with pytest.raises(CommandError, match="name the council with --council"):
        call_command("annex_a", "caseloads", "--as-at", "2023-05-31")


def test_the_export_command_writes_the_extract_with_pseudonyms_and_refuses_without_the_key(
    write_csv, settings, tmp_path
) -> None:
    from tests.annex_a.conftest import load_small_extract

    settings.ANNEX_A_DATABASE = load_small_extract(write_csv, tmp_path / "annex_a.duckdb")
    with pytest.raises(CommandError, match="an export carries pseudonyms, not IDs"):
        call_command("annex_a", "export", "--out", str(tmp_path / "out"), stdout=io.StringIO())
    settings.ANNEX_A_PSEUDONYM_KEY = "the region's key"
    out = io.StringIO()
    call_command("annex_a", "export", "--out", str(tmp_path / "out"), "--council", "Anytown", stdout=out)
    assert f"Anytown as at {AS_AT:%d/%m/%Y}" in out.getvalue()
    assert "Child Unique IDs as pseudonyms: List 3 4, List 4 4, List 5 3 rows" in out.getvalue()
    assert (tmp_path / "out" / "list_4" / "council=Anytown" / f"as_at={AS_AT}").is_dir()


def test_the_region_command_puts_the_councils_side_by_side_with_the_region_in_csv_and_excel(
    write_csv, settings, tmp_path
) -> None:
    from tests.annex_a.conftest import load_small_extract

    settings.ANNEX_A_PSEUDONYM_KEY = "a key"
    for council in ("Anytown", "Bexbury"):
        settings.ANNEX_A_DATABASE = tmp_path / f"{council}.duckdb"
        load_small_extract(write_csv, settings.ANNEX_A_DATABASE)
        if council == "Bexbury":  # the same lists under another name: the same figures, a shared rank
            engine = annex_a_engine()
            with engine.writing() as con:
                for table in ("list_3", "list_4", "list_5"):
                    con.execute(f"UPDATE {table} SET council = 'Bexbury'")
                con.execute("UPDATE extract_lists SET council = 'Bexbury'")
        call_command("annex_a", "export", "--out", str(tmp_path / "shared"), stdout=io.StringIO())
    out = io.StringIO()
    shown = ["annex_a", "region", "--from", str(tmp_path / "shared"), "--as-at", AS_AT.isoformat()]
    call_command(*shown, stdout=out)
    assert "| 1 | Anytown | 2 | 3 | 66.7% | 0 |" in out.getvalue()  # ICPCs in time: 2 of 3 each
    assert "| 1 | Bexbury | 2 | 3 | 66.7% | 0 |" in out.getvalue()
    assert "|  | The region | 4 | 6 | 66.7% | 0 |" in out.getvalue()
    call_command(*shown, "--format", "csv", "--output", str(tmp_path / "region.csv"), stdout=io.StringIO())
    text = (tmp_path / "region.csv").read_text(encoding="utf-8-sig")
    assert (
        "icpc_15,Initial child protection conferences within 15 working days"
        " of the strategy discussion,The region,,4,6,66.7%,0" in text
    )
    call_command(*shown, "--format", "xlsx", "--output", str(tmp_path / "region.xlsx"), stdout=io.StringIO())
    book = load_workbook(tmp_path / "region.xlsx")
    sheet = book[book.sheetnames[0]]
    assert [cell.value for cell in sheet[2]] == ["Rank", "Council", "Met", "Counted", "%", "Left out"]
    with pytest.raises(CommandError, match="no council's extract as at 01/01/2020 is in it"):
        call_command("annex_a", "region", "--from", str(tmp_path / "shared"), "--as-at", "2020-01-01")
