"""The cast and the files the tests share."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

DATA = Path(__file__).parent / "data"
BROMLEY = DATA / "bromley-2017-01"

Rows = Sequence[Sequence[object]]


def accepting_statuses_without_commentary(slug: str) -> None:
    """Bromley's status file carries no commentary for its Red and Amber actions (the council wrote it
    in the report): its plan accepts them with a warning, as an administrator can choose."""
    from oversight.plans.models import Plan

    Plan.objects.filter(slug=slug).update(accept_red_without_commentary=True)


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, rows: Rows, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        with path.open("w", newline="", encoding=encoding) as f:
            csv.writer(f).writerows(rows)
        return path

    return write


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, sheets: dict[str, Rows]) -> Path:
        book = Workbook()
        book.remove(book.active)
        for title, rows in sheets.items():
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(list(row))
        path = tmp_path / name
        book.save(path)
        return path

    return write


PLAN_ROWS = [
    ["Priority", "Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"],
    [
        "Priority 1 - Leadership and Governance",
        "1.1",
        "Publish the governance protocol.",
        "HOS LS",
        "Health",
        "Nov 16",
    ],
    [
        "Priority 1 - Leadership and Governance",
        "1.2",
        "Review the board's terms of reference.",
        "DCS",
        "",
        "Aug - Oct 16",
    ],
    [
        "Priority 2 - Practice",
        "2.1",
        "Audit strategy discussions monthly.",
        "HOS CLA",
        "Police",
        "Dec 16 - Mar 17",
    ],
    ["Priority 2 - Practice", "2.2", "Train managers in supervision.", "HOS LS, HOS CLA", "", "Jan 17"],
    ["Priority 2 - Practice", "2.3", "Launch the practice framework.", "PSW", "", "Apr 17"],
]
CAST = {
    # username: (role in the plan, lead names)
    "alice": ("administrator", ""),
    "olivia": ("officer", ""),
    "lee": ("lead", "HOS LS"),
    "lara": ("lead", "HOS CLA"),
    "bob": ("board", ""),
    "ana": ("analyst", ""),
    "vic": ("viewer", ""),
}
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def hostile_workbook(tmp_path_factory) -> Path:
    """A 1.3 MB workbook of an Action ID and a RAG column whose shared strings unpack to 490 MB."""
    from tests.hostile_files import shared_strings_bomb

    return shared_strings_bomb(tmp_path_factory.mktemp("hostile") / "statuses.xlsx")


@pytest.fixture(scope="session", autouse=True)
def files_kept_apart(tmp_path_factory) -> None:
    """Files the site keeps (stored downloads, uploads) go in a folder of the test run's own, not in
    the checkout's var/; a test that looks at them takes `private_files`, a folder of its own."""
    from django.conf import settings

    settings.PRIVATE_FILES_DIR = tmp_path_factory.mktemp("files")
    settings.ANNEX_A_REGIONS_DIR = tmp_path_factory.mktemp("regions")


@pytest.fixture
def worker_queue(settings) -> None:
    """Work for the worker is queued in the database, as a deployment has it, not done at once."""
    from oversight.settings import TASKS

    settings.TASKS = TASKS


@pytest.fixture
def private_files(tmp_path: Path, settings) -> Path:
    settings.PRIVATE_FILES_DIR = tmp_path / "private"
    return settings.PRIVATE_FILES_DIR


def build_plan(write_csv: Callable[..., Path]):
    """A small plan of five actions in two priorities, with a cast of one person per role and
    nora, who has no role in it. Statuses as at 31 January 2017: 1.1 Red, 1.2 Green, 2.1 Amber."""
    from django.contrib.auth import get_user_model

    from oversight.accounts.models import Membership
    from oversight.audit.actors import Actor
    from oversight.plans.models import Plan
    from oversight.plans.plan_import import import_plan
    from oversight.plans.status_import import import_statuses

    import_plan(write_csv("plan.csv", PLAN_ROWS), "demo", Actor("setup"), title="Improvement plan")
    statuses = [
        ["Action ID", "RAG", "Commentary"],
        ["1.1", "R", "Protocol drafted, not yet agreed."],
        ["1.2", "G", "Done."],
        ["2.1", "A", "Two audits so far."],
    ]
    import_statuses(write_csv("status.csv", statuses), "demo", date(2017, 1, 31), Actor("setup"))
    found = Plan.objects.get(slug="demo")
    users = get_user_model()
    for username, (role, leads) in CAST.items():
        user = users.objects.create_user(
            username, f"{username}@council.example", PASSWORD, first_name=username.title()
        )
        Membership.objects.create(plan=found, user=user, role=role, leads=leads)
    users.objects.create_user("nora", "nora@council.example", PASSWORD)
    return found


@pytest.fixture
def plan(db, write_csv, private_files):
    """The small plan and its cast (build_plan), in a test that runs inside a transaction."""
    return build_plan(write_csv)


@pytest.fixture
def signed_in(client, plan):
    """A test client signed in as someone in the cast: signed_in("lee")."""
    from django.contrib.auth import get_user_model

    def sign_in(username: str):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return sign_in


@pytest.fixture
def mail_server(settings):
    """A real SMTP server on loopback that the site sends its email to; yields its Inbox."""
    from tests.mail_server import Inbox, start

    inbox = Inbox()
    controller = start(inbox)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()
