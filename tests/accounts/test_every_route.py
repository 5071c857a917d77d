"""Every route of oversight.urls, for every kind of visitor: signed out (sent to sign in), signed in with
no role in the plan (told it does not exist), in each role (let in or refused as the role rules say),
by GET and by POST, and with another plan's objects in the address (not found). The table below must
name every route: a new route fails this test until its rule is written here."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from oversight.accounts.models import Membership
from oversight.annex_a.engine import Engine
from oversight.annex_a.export import export_extracts
from oversight.audit.actors import Actor
from oversight.funding.models import FundingLine
from oversight.governance.models import (
    Board,
    Inspection,
    Meeting,
    MonitoringVisit,
    Recommendation,
    RemedialTask,
)
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.models import ExtractUpload, Indicator, Region, ServiceAreaManager
from oversight.plans.models import Action, Evidence, Plan, TimescaleChange
from oversight.plans.plan_import import import_plan
from oversight.plans.status_import import import_statuses
from oversight.quality.case_actions import add_case_action
from oversight.quality.cohorts import NewCohort, create_cohort
from oversight.quality.sampling import Case
from oversight.quality.scales import OFSTED_GRADES, Domain
from oversight.quality.tools import save_tool
from oversight.workforce.models import StaffRecord, Team, TeamReturn
from tests.annex_a.conftest import AS_AT, load_small_extract
from tests.conftest import CAST, PASSWORD, Rows

pytestmark = pytest.mark.django_db

Who = frozenset[str]
# a role each: alice administrator ... vic viewer, and quinn the quality assurance lead (audrey, a case
# auditor, sees only her audits: the plan's other pages are as if it did not exist)
EVERYONE: Who = frozenset(CAST) | {"quinn"}
ADMINISTRATORS: Who = frozenset({"alice"})
MANAGERS: Who = frozenset({"alice", "olivia"})
MINUTES: Who = MANAGERS | {"bob"}  # verify, minute meetings
INDICATORS: Who = MANAGERS | {"ana"}
LEAD_OF_1_1: Who = MANAGERS | {"lee"}  # 1.1 is led by HOS LS
ANALYSTS: Who = frozenset({"ana"})
WORKFORCE_RECORDS: Who = frozenset({"olivia", "ana"})  # officers and analysts
QUALITY: Who = frozenset({"quinn"})
AUDITS: Who = QUALITY | {"audrey"}  # the audit is audrey's
SIGNED_IN: Who = EVERYONE | {"nora", "audrey"}
REGIONAL: Who = frozenset({"ana"})  # a member of the region London, beside her role in the plan
NOT_ALLOWED = "405"  # the route does not take the method
# root: a site administrator, administering every plan
VISITORS = ("signed out", "nora", *CAST, "quinn", "audrey", "root")


@dataclass(frozen=True)
class Route:
    """Who may GET and POST a route (anyone else is refused), and what its address names."""

    get: Who | str
    post: Who | str
    args: dict[str, str] = field(default_factory=dict)  # a parameter: the object it names, or a value
    query: str = ""
    data: dict[str, str] = field(default_factory=dict)  # what a POST sends
    refused: int = 403
    where: str = "plan"  # "plan": under /plans/<slug>/; "site": signed in; "public": open to all


def read(who: Who = EVERYONE) -> Route:
    return Route(who, who)


def post_only(who: Who, **more) -> Route:
    return Route(NOT_ALLOWED, who, **more)


def reads_and_posts(post: Who, **more) -> Route:
    return Route(EVERYONE, post, **more)


ROUTES: dict[str, Route] = {
    # a plan's pages
    "plan": read(),
    "priority": Route(EVERYONE, EVERYONE, {"number": "priority"}),
    "actions": read(),
    "action": Route(EVERYONE, EVERYONE, {"action_id": "action"}),
    "update-status": Route(LEAD_OF_1_1, LEAD_OF_1_1, {"action_id": "action"}),
    "add-evidence": Route(LEAD_OF_1_1, LEAD_OF_1_1, {"action_id": "action"}),
    "evidence": Route(EVERYONE, EVERYONE, {"action_id": "action", "pk": "evidence"}),
    # the evidence was added by olivia: a lead removes only their own
    "remove-evidence": post_only(MANAGERS, args={"action_id": "action", "pk": "evidence"}),
    "verify-evidence": post_only(MINUTES, args={"action_id": "action", "pk": "evidence"}),
    "verify": Route(MINUTES, MINUTES, {"action_id": "green action"}),  # GET: the confirmation page
    "verify-completions": Route(MINUTES, MINUTES, query="?action=1.2"),  # those ticked in a pack
    "plan-settings": Route(ADMINISTRATORS, ADMINISTRATORS),
    "paper-style": Route(ADMINISTRATORS, ADMINISTRATORS, data={"font": "Verdana", "revision": "0"}),
    "send-back": Route(MINUTES, MINUTES, {"action_id": "green action"}),
    # 1.1 is led by HOS LS: lee asks for its revised timescale or withdrawal, officers and the board decide
    "ask-retime": Route(LEAD_OF_1_1, LEAD_OF_1_1, {"action_id": "action"}, data={"timescale": "Jun 17"}),
    "ask-withdrawal": Route(LEAD_OF_1_1, LEAD_OF_1_1, {"action_id": "action"}),
    "timescale-changes": read(),
    "actions-download": Route(EVERYONE, EVERYONE, {"fmt": "csv"}, query="?agency=Police"),
    "edit-action": Route(MANAGERS, MANAGERS, {"action_id": "action"}),
    "left-plan": Route(MANAGERS, MANAGERS),
    "decide-change": post_only(MINUTES, args={"pk": "timescale change"}),
    "my-actions": read(),
    "report": read(),
    "report-download": Route(EVERYONE, EVERYONE, {"month": "2017-01", "fmt": "docx"}),
    "import": Route(MANAGERS, MANAGERS),
    "import-preview": Route(MANAGERS, MANAGERS, {"token": "0" * 32}),
    "import-confirm": post_only(MANAGERS, args={"token": "0" * 32}),
    "import-cancel": post_only(MANAGERS, args={"token": "0" * 32}),
    "people": Route(MANAGERS, MANAGERS),
    "change-role": post_only(MANAGERS, args={"pk": "membership"}, data={"role": "lead", "leads": "HOS LS"}),
    "audit": read(),
    "scorecard": read(),
    "indicator": reads_and_posts(INDICATORS, args={"pk": "indicator"}),  # values: owner, managers, analysts
    "new-indicator": Route(INDICATORS, INDICATORS),
    "scorecard-import": Route(INDICATORS, INDICATORS),
    "scorecard-import-preview": Route(INDICATORS, INDICATORS, {"token": "0" * 32}),
    "scorecard-import-confirm": post_only(INDICATORS, args={"token": "0" * 32}),
    "scorecard-import-cancel": post_only(INDICATORS, args={"token": "0" * 32}),
    "edit-indicator": Route(INDICATORS, INDICATORS, {"pk": "indicator"}),
    "scorecard-download": Route(EVERYONE, EVERYONE, {"month": "2023-05", "fmt": "xlsx"}),
    "service-areas": reads_and_posts(MANAGERS),
    "remove-service-area-manager": post_only(MANAGERS, args={"pk": "service area manager"}),
    "refresh-annex-a": post_only(INDICATORS),
    # analysts, and officers where the plan allows (not this one)
    "annex-a-extracts": Route(ANALYSTS, ANALYSTS),
    "annex-a-upload": Route(ANALYSTS, ANALYSTS, {"pk": "extract upload"}),
    "annex-a-upload-confirm": post_only(ANALYSTS, args={"pk": "extract upload"}),
    "annex-a-upload-cancel": post_only(ANALYSTS, args={"pk": "extract upload"}),
    "child-records": Route(
        ANALYSTS, ANALYSTS, {"pk": "annex a indicator"}, query=f"?as_at={AS_AT.isoformat()}&team=Team+1"
    ),
    "caseloads": read(),
    "caseload-policy": reads_and_posts(MANAGERS),
    "caseload-band": post_only(MANAGERS),
    "caseload-team": post_only(MANAGERS),
    # governance: a form's post by someone the form is not for is answered as if it were not there
    "governance": reads_and_posts(MANAGERS, refused=404),
    "board": Route(EVERYONE, EVERYONE, {"pk": "board"}),
    "add-meeting": post_only(MINUTES, args={"pk": "board"}),
    "board-settings": post_only(MANAGERS, args={"pk": "board"}),
    "meeting": Route(EVERYONE, EVERYONE, {"pk": "meeting"}),
    "meeting-pack": Route(EVERYONE, EVERYONE, {"pk": "meeting", "fmt": "pdf"}),
    "add-decision": post_only(MINUTES, args={"pk": "meeting"}),
    "add-task": post_only(MINUTES, args={"pk": "meeting"}),
    "task-done": post_only(MINUTES, args={"pk": "task"}),
    "visits": reads_and_posts(MANAGERS, refused=404),
    "visit": Route(EVERYONE, EVERYONE, {"pk": "visit"}),
    "recommendations": read(),
    "recommendation": reads_and_posts(MANAGERS, args={"pk": "recommendation"}, refused=404),
    "committee-report": Route(EVERYONE, EVERYONE, {"grouping": "theme", "fmt": "html"}),
    # quality assurance: the figures for everyone, the cases for its lead, an audit for its people
    "quality": read(),
    "audit-tools": Route(QUALITY, QUALITY),
    "audit-tool": Route(QUALITY, QUALITY, {"pk": "audit tool"}),
    "qa-teams": Route(QUALITY, QUALITY),
    "cohorts": Route(QUALITY, QUALITY),
    "cohort": Route(QUALITY, QUALITY, {"pk": "cohort"}),
    "moderation-sample": post_only(QUALITY, args={"pk": "cohort"}),
    "my-audits": Route(EVERYONE | {"audrey"}, EVERYONE | {"audrey"}),
    "case-audit": Route(AUDITS, AUDITS, {"pk": "case audit"}, refused=404),
    "grade-audit": post_only(frozenset({"audrey"}), args={"pk": "case audit"}, refused=404),
    "moderate-audit": post_only(QUALITY, args={"pk": "case audit"}, refused=404),
    "new-case-action": post_only(AUDITS, args={"pk": "case audit"}, refused=404),
    "case-action-done": post_only(AUDITS, args={"pk": "case action"}, refused=404),
    "case-actions": Route(QUALITY, QUALITY),
    "quality-report": Route(EVERYONE, EVERYONE, {"fmt": "docx"}, query="?month=2026-11"),
    "deep-dive": Route(EVERYONE, QUALITY, {"pk": "cohort"}),
    "qa-themes": Route(EVERYONE, QUALITY),
    "qa-import": Route(QUALITY, QUALITY),
    "qa-import-preview": Route(QUALITY, QUALITY, {"token": "0" * 32}),
    "qa-import-confirm": post_only(QUALITY, args={"token": "0" * 32}),
    "qa-import-cancel": post_only(QUALITY, args={"token": "0" * 32}),
    "practice-weeks": Route(EVERYONE, QUALITY),
    # the workforce: its figures for everyone; its teams, returns, courses and staff records for
    # officers and analysts (staff personal data)
    "workforce": read(),
    "workforce-download": Route(EVERYONE, EVERYONE),
    "workforce-teams": Route(WORKFORCE_RECORDS, WORKFORCE_RECORDS),
    "workforce-team": Route(WORKFORCE_RECORDS, WORKFORCE_RECORDS, {"pk": "workforce team"}),
    "workforce-staff": Route(WORKFORCE_RECORDS, WORKFORCE_RECORDS, {"pk": "workforce team"}),
    "workforce-return": Route(WORKFORCE_RECORDS, WORKFORCE_RECORDS),
    "workforce-courses": Route(WORKFORCE_RECORDS, WORKFORCE_RECORDS),
    "workforce-import": Route(WORKFORCE_RECORDS, WORKFORCE_RECORDS),
    "workforce-import-preview": Route(WORKFORCE_RECORDS, WORKFORCE_RECORDS, {"token": "0" * 32}),
    "workforce-import-confirm": post_only(WORKFORCE_RECORDS, args={"token": "0" * 32}),
    "workforce-import-cancel": post_only(WORKFORCE_RECORDS, args={"token": "0" * 32}),
    # improvement funding: the table for everyone, imports for administrators and officers
    "funding": read(),
    "funding-download": Route(EVERYONE, EVERYONE, {"fmt": "xlsx"}),
    "funding-line-new": Route(MANAGERS, MANAGERS),
    "funding-line": Route(MANAGERS, MANAGERS, {"pk": "funding line"}),
    "funding-import": Route(MANAGERS, MANAGERS),
    "funding-import-preview": Route(MANAGERS, MANAGERS, {"token": "0" * 32}),
    "funding-import-confirm": post_only(MANAGERS, args={"token": "0" * 32}),
    "funding-import-cancel": post_only(MANAGERS, args={"token": "0" * 32}),
    # the site's own pages
    "plans": Route(SIGNED_IN | {"root"}, SIGNED_IN | {"root"}, where="site"),
    "new-plan": Route(frozenset({"root"}), frozenset({"root"}), where="site"),
    # a region's figures: its members only (ana, of London); for anyone else it does not exist
    "regions": Route(SIGNED_IN | {"root"}, NOT_ALLOWED, where="site"),
    "region": Route(REGIONAL, NOT_ALLOWED, {"slug": "london"}, where="site", refused=404),
    "region-download": Route(
        REGIONAL,
        NOT_ALLOWED,
        {"slug": "london", "as_at": AS_AT.isoformat(), "fmt": "xlsx"},
        where="site",
        refused=404,
    ),  # fmt: skip
    # everyone's own choice of emails: nothing of any plan's on it
    "your-emails": Route(
        SIGNED_IN | {"root"}, SIGNED_IN | {"root"}, where="site", data={"kinds": "verified"}
    ),
    "sign-in": Route(SIGNED_IN | {"root", "signed out"}, SIGNED_IN | {"root", "signed out"}, where="public"),
    "sign-out": Route(NOT_ALLOWED, SIGNED_IN | {"root"}, where="site"),
    "password_reset": Route(
        SIGNED_IN | {"root", "signed out"}, SIGNED_IN | {"root", "signed out"}, where="public"
    ),
    "password_reset_done": Route(SIGNED_IN | {"root", "signed out"}, NOT_ALLOWED, where="public"),
    "password_reset_confirm": Route(
        SIGNED_IN | {"root", "signed out"},
        SIGNED_IN | {"root", "signed out"},
        {"uidb64": "MQ", "token": "not-a-token"},
        where="public",
    ),
    "password_reset_complete": Route(SIGNED_IN | {"root", "signed out"}, NOT_ALLOWED, where="public"),
}


def route_names() -> list[str | None]:
    """The name of every route oversight.urls has, however deeply included."""
    names: list[str | None] = []

    def walk(patterns: list[URLPattern | URLResolver]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            else:
                names.append(pattern.name)

    walk(get_resolver("oversight.urls").url_patterns)
    return names


def test_every_route_has_a_name_and_its_rule_in_the_table() -> None:
    names = route_names()
    assert None not in names, "a route without a name cannot be checked"
    assert len(names) == len(set(names)), "two routes share a name"
    assert set(names) - set(ROUTES) == set(), "write each new route's rule in ROUTES"
    assert set(ROUTES) - set(names) == set(), "ROUTES names a route oversight.urls no longer has"


OTHER_PLAN = [
    ["Priority", "Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"],
    ["Priority 7 - Partnerships", "7.1", "Agree the partnership protocol.", "HOS LS", "", "Nov 16"],
    ["Priority 7 - Partnerships", "7.2", "Review the partnership board.", "HOS LS", "", "Dec 16"],
]


def objects_of(plan: Plan, action: str, green: str, priority: str, member: str) -> dict[str, str]:
    """One object of each kind a route names, in the plan, by the parameter value that names it."""
    officer = get_user_model().objects.get(username="olivia")
    evidence = Evidence.objects.create(
        action=Action.objects.get(plan=plan, action_id=action),
        kind=Evidence.Kind.LINK,
        title="Minutes",
        url="https://council.example/minutes",
        actor="Olivia",
        user=officer,
    )
    indicator = Indicator.objects.create(
        plan=plan, name="Visits in time", service_area="Safeguarding", polarity="higher"
    )
    annex_a = Indicator.objects.create(
        plan=plan, name="ICPCs in time", service_area="Safeguarding", polarity="higher",
        source=Indicator.Source.ANNEX_A, measure="icpc_15",
    )  # fmt: skip
    inspection = Inspection.objects.create(plan=plan, published=date(2016, 8, 1))
    board = Board.objects.create(plan=plan, name="Improvement Team Board")
    meeting = Meeting.objects.create(board=board, held=date(2017, 2, 1))
    membership = Membership.objects.get(plan=plan, user__username=member)
    version = save_tool(plan.pk, "Case file audit", OFSTED_GRADES, 2, (Domain("Planning"),), Actor("Quinn"))
    new = NewCohort("monthly", date(2026, 11, 1), "November", "", version, date(2026, 11, 20))
    audrey = get_user_model().objects.get(username="audrey")
    cohort = create_cohort(plan.pk, new, [Case("Team 1", "", "C1")], [audrey], Actor("Quinn"))
    team = Team.objects.create(plan=plan, name="Assessment 1", service="Assessment")
    TeamReturn.objects.create(
        team=team, month=date(2026, 11, 1), funded=10, permanent=8, agency=1, vacancies=2, starters=0,
        leavers=0, sickness_days=4, offers_made=0, offers_accepted=0,
    )  # fmt: skip
    StaffRecord.objects.create(plan=plan, team=team, month=date(2026, 11, 1), staff_id="E1")
    return {
        "funding line": str(FundingLine.objects.create(plan=plan, title="Phase one").pk),
        "extract upload": str(
            ExtractUpload.objects.create(
                plan=plan,
                council=plan.council or "Anytown",
                as_at=AS_AT,
                file_name="annex-a.xlsx",
                folder="0" * 32,
                status=ExtractUpload.Status.CHECKED,
            ).pk
        ),  # fmt: skip
        "workforce team": str(team.pk),
        "audit tool": str(version.tool_id),
        "cohort": str(cohort.pk),
        "case audit": str(cohort.audits.get().pk),
        "case action": str(
            add_case_action(
                cohort.audits.get(), "Hold a strategy discussion.", audrey, date(2026, 11, 27), Actor("Q")
            ).pk
        ),
        "action": action,
        "green action": green,
        "priority": priority,
        "evidence": str(evidence.pk),
        "indicator": str(indicator.pk),
        "annex a indicator": str(annex_a.pk),
        "membership": str(membership.pk),
        "board": str(board.pk),
        "meeting": str(meeting.pk),
        "task": str(
            RemedialTask.objects.create(
                meeting=meeting, description="Audit", owner="HOS", due=date(2017, 3, 1)
            ).pk
        ),
        "visit": str(
            MonitoringVisit.objects.create(plan=plan, visited=date(2017, 3, 1), inspectors="A", focus="B").pk
        ),
        "recommendation": str(
            Recommendation.objects.create(inspection=inspection, number=1, text="Agree.").pk
        ),
        "timescale change": str(
            TimescaleChange.objects.create(
                action=Action.objects.get(plan=plan, action_id=action),
                kind="withdraw",
                reason="Not needed.",
                old_timescale="Nov 16",
                old_first_month=date(2016, 11, 1),
                old_last_month=date(2016, 11, 1),
                requested_by="Lee",
            ).pk
        ),
        "service area manager": str(
            ServiceAreaManager.objects.create(plan=plan, service_area="Safeguarding", user=officer).pk
        ),
    }


@pytest.fixture(scope="session")
def small_extract(tmp_path_factory) -> Path:
    """Anytown's small Annex A extract, loaded once for every route's test (it is only read)."""
    folder = tmp_path_factory.mktemp("routes")

    def write_csv(name: str, rows: Rows) -> Path:
        path = folder / name
        with path.open("w", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return path

    return load_small_extract(write_csv, folder / "annex_a.duckdb")


@pytest.fixture
def site(plan, write_csv, settings, small_extract) -> dict[str, dict[str, str]]:
    """The demo plan (Anytown's, with its extract) and another plan, each with one object of every
    kind; in the other plan only otto has a role."""
    settings.ANNEX_A_DATABASE = small_extract
    settings.ANNEX_A_REGIONS_DIR = small_extract.parent / "regions"
    engine = Engine(small_extract, replace(annex_a_engine().settings, pseudonym_key="a key"))
    export_extracts(engine, settings.ANNEX_A_REGIONS_DIR / "london")
    Plan.objects.filter(pk=plan.pk).update(council="Anytown")
    users = get_user_model()
    users.objects.create_superuser("root", "root@council.example", PASSWORD)
    for username, role in (("quinn", "qa_lead"), ("audrey", "auditor")):
        Membership.objects.create(plan=plan, user=users.objects.create_user(username), role=role)
    import_plan(write_csv("other.csv", OTHER_PLAN), "other", Actor("setup"), title="Another plan")
    statuses = [["Action ID", "RAG", "Commentary"], ["7.2", "G", "Done."]]
    import_statuses(write_csv("other-status.csv", statuses), "other", date(2017, 1, 31), Actor("setup"))
    other = Plan.objects.get(slug="other")
    Membership.objects.create(plan=other, user=users.objects.create_user("otto"), role="officer")
    Region.objects.create(slug="london", name="London").members.add(users.objects.get(username="ana"))
    Region.objects.create(slug="kent", name="Kent")
    return {
        "demo": objects_of(plan, "1.1", "1.2", "1", member="lee"),
        "other": objects_of(other, "7.1", "7.2", "7", member="otto"),
    }


def address(name: str, route: Route, objects: dict[str, str]) -> str:
    kwargs = {param: objects.get(value, value) for param, value in route.args.items()}
    if route.where == "plan":
        kwargs["slug"] = "demo"
    return reverse(name, kwargs=kwargs) + route.query


def expected(route: Route, method: str, visitor: str) -> int | str:
    """The status a visitor gets, or 'let in': any answer but a refusal, a sign-in or an error."""
    who = route.get if method == "GET" else route.post
    if who == NOT_ALLOWED and (visitor != "signed out" or route.where == "public"):
        return 405
    if route.where != "public" and visitor == "signed out":
        return 302  # to the sign-in page
    if who == NOT_ALLOWED:
        return 405
    if route.where == "plan" and (visitor == "nora" or (visitor == "audrey" and visitor not in who)):
        return 404
    as_visitor = "alice" if visitor == "root" and route.where == "plan" else visitor
    return "let in" if as_visitor in who else route.refused


def answer(client: Client, method: str, url: str, data: dict[str, str]) -> tuple[int, str]:
    """The status and Location of one request, with everything it changed undone after it."""
    with transaction.atomic():
        response = client.post(url, data) if method == "POST" else client.get(url)
        transaction.set_rollback(True)  # what the request kept in the cache is undone with it
    return response.status_code, response.get("Location", "")


def check(status: int, location: str, expectation: int | str) -> bool:
    if expectation == "let in":
        return status < 500 and status not in {403, 404, 405} and not location.startswith("/sign-in/?next=")
    if expectation == 302:
        return status == 302 and location.startswith("/sign-in/?next=")
    return status == expectation


@pytest.fixture
def clients(site) -> dict[str, Client]:
    found = {"signed out": Client()}
    for username in VISITORS[1:]:
        found[username] = Client()
        found[username].force_login(get_user_model().objects.get(username=username))
    return found


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_every_visitor_gets_what_the_route_allows(name: str, site, clients) -> None:
    route = ROUTES[name]
    url = address(name, route, site["demo"])
    wrong = []
    for visitor in VISITORS:
        for method in ("GET", "POST"):
            want = expected(route, method, visitor)
            status, location = answer(clients[visitor], method, url, route.data)
            if not check(status, location, want):
                wrong.append(f"{visitor} {method} {url}: {status} {location}, expected {want}")
    assert wrong == []


OBJECT_KINDS = frozenset(
    {
        "action", "green action", "priority", "evidence", "indicator", "annex a indicator", "membership",
        "board", "meeting", "task", "visit", "recommendation", "service area manager", "timescale change",
        "audit tool", "cohort", "case audit", "case action", "extract upload",
    }
)  # fmt: skip
CROSS_PLAN = sorted(name for name, route in ROUTES.items() if OBJECT_KINDS & set(route.args.values()))


@pytest.mark.parametrize("name", CROSS_PLAN)
def test_another_plans_objects_are_not_found_at_this_plans_addresses(name: str, site, clients) -> None:
    """Each object the address names swapped for the other plan's, alone and all together, for
    everyone the route lets in: only the plan in the address is searched."""
    route = ROUTES[name]
    params = [param for param, value in route.args.items() if value in OBJECT_KINDS]
    swaps = [[param] for param in params] + ([params] if len(params) > 1 else [])
    wrong = []
    for method in ("GET", "POST"):
        who = route.get if method == "GET" else route.post
        if who == NOT_ALLOWED:
            continue
        for swapped in swaps:
            objects = dict(site["demo"])
            objects |= {route.args[param]: site["other"][route.args[param]] for param in swapped}
            url = address(name, route, objects)
            for visitor in sorted(who | ({"root"} if "alice" in who else set())):
                status, location = answer(clients[visitor], method, url, route.data)
                if status != 404:
                    wrong.append(f"{visitor} {method} {url}: {status} {location}, expected 404")
    assert wrong == []
