"""The `oversight` console command, as an improvement officer runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from oversight.audit.actors import Actor
from oversight.plans.models import StatusRecord
from oversight.plans.plan_import import import_plan
from oversight.plans.report_data import exception_report
from oversight.plans.status_import import import_statuses
from tests.conftest import BROMLEY, accepting_statuses_without_commentary

pytestmark = pytest.mark.django_db


def test_import_plan_prints_a_summary(capsys) -> None:
    call_command("import_plan", str(BROMLEY / "plan.csv"), plan="bromley", title="Plan", by="alice")
    out = capsys.readouterr().out
    assert "actions added: 256" in out and "actions no longer in the file: 0" in out


def test_import_status_prints_a_summary(capsys) -> None:
    call_command("import_plan", str(BROMLEY / "plan.csv"), plan="bromley")
    accepting_statuses_without_commentary("bromley")
    call_command(
        "import_status", str(BROMLEY / "status-2017-01-31.csv"), plan="bromley", as_at=date(2017, 1, 31)
    )
    out = capsys.readouterr().out
    assert "statuses recorded: 256 (Red 20, Amber 65, Green 142, White 29)" in out


def test_a_bad_file_lists_every_problem_and_imports_nothing(write_csv) -> None:
    path = write_csv(
        "plan.csv", [["Action ID", "Key Action", "Timescale"], ["1.1", "A", "Soon"], ["1.2", "B", "Later"]]
    )
    with pytest.raises(CommandError) as error:
        call_command("import_plan", str(path), plan="p")
    message = str(error.value)
    assert message.startswith("Nothing was imported: 2 problems found.")
    assert "plan.csv, row 2, column C (Timescale): 'Soon'" in message
    assert "plan.csv, row 3, column C (Timescale): 'Later'" in message


def test_the_report_is_written_to_the_file_asked_for(tmp_path) -> None:
    call_command("import_plan", str(BROMLEY / "plan.csv"), plan="bromley")
    accepting_statuses_without_commentary("bromley")
    call_command(
        "import_status", str(BROMLEY / "status-2017-01-31.csv"), plan="bromley", as_at=date(2017, 1, 31)
    )
    for name in ("json", "docx"):
        call_command(
            "exception_report",
            plan="bromley",
            as_at=date(2017, 1, 31),
            format=name,
            output=tmp_path / f"report.{name}",
        )
    assert json.loads((tmp_path / "report.json").read_text())["totals"]["red"] == 20
    assert Document(tmp_path / "report.docx").tables


def test_an_unknown_plan_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="there is no plan 'nope': import it first"):
        call_command("exception_report", plan="nope", as_at=date(2017, 1, 31))


def test_word_and_excel_need_an_output_file() -> None:
    call_command("import_plan", str(BROMLEY / "plan.csv"), plan="bromley")
    with pytest.raises(CommandError, match="--output is needed for docx"):
        call_command("exception_report", plan="bromley", as_at=date(2017, 1, 31), format="docx")


def test_the_console_command_takes_hyphenated_names(tmp_path) -> None:
    env_db = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "oversight.cli", "import-plan", "--help"],
        capture_output=True,
        text=True,
        env={"OVERSIGHT_DATA_DIR": str(env_db), "PATH": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "--plan" in result.stdout and "--sheet" in result.stdout


def queries_for_report(actions: int, write_csv) -> int:
    rows = [["Action ID", "Key Action", "Timescale"]]
    rows += [[f"{1 + i % 10}.{i}", f"Action {i}", "Dec-16"] for i in range(actions)]
    import_plan(write_csv(f"plan{actions}.csv", rows), f"p{actions}", Actor("t"))
    statuses = [["Action ID", "RAG", "Commentary"]] + [[r[0], "R", "Late."] for r in rows[1:]]
    for month_end in (date(2017, 1, 31), date(2017, 2, 28), date(2017, 3, 31)):
        import_statuses(write_csv(f"s{actions}.csv", statuses), f"p{actions}", month_end, Actor("t"))
    with CaptureQueriesContext(connection) as queries:
        report = exception_report(f"p{actions}", date(2017, 3, 31))
    assert report.red == actions
    return len(queries)


def test_the_reports_queries_do_not_grow_with_the_plan(write_csv) -> None:
    assert queries_for_report(10, write_csv) == queries_for_report(300, write_csv) <= 6
    assert StatusRecord.objects.count() == 3 * 310
