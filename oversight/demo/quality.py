"""The demo's case audit programme, all made up: a case file audit on Ofsted's scale with six domains,
the six months to this one of monthly cohorts drawn from the demo's synthetic Annex A extract (so no real
child is in them), graded a little better each month, with moderation, a safeguarding concern, case
actions, a deep dive on neglect whose findings are evidence on a plan action, a theme fed back into the
plan, a practice week with Bromley's mix of activities, and three scorecard indicators computed from it.
Drawn from a fixed seed: the same day gives the same programme."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from oversight.audit.actors import Actor
from oversight.lib.months import add_months, month_of
from oversight.notices.sending import held
from oversight.performance.models import Indicator
from oversight.plans import case_lists, plan_links, programme_figures
from oversight.plans.models import Plan
from oversight.quality.audits import Grading, complete, moderate
from oversight.quality.case_actions import add_case_action
from oversight.quality.cohorts import NewCohort, already_chosen, create_cohort
from oversight.quality.findings import save_findings
from oversight.quality.models import (
    AuditTool,
    CaseAudit,
    Cohort,
    PracticeActivity,
    PracticeWeek,
    Team,
    Theme,
    ToolVersion,
)
from oversight.quality.sampling import Case, share_of
from oversight.quality.scales import DEFAULT_DOMAINS, OFSTED_GRADES, Domain
from oversight.quality.themes import add_theme
from oversight.quality.tools import save_tool


def actor_of(user: Any) -> Actor:
    return Actor(user.get_full_name(), user.pk)


MONTHS = 6
PER_MONTH = 24
# how much more (or less) often each domain is good or better than the audit as a whole: management
# oversight and supervision lag, as the councils' papers say they do
DOMAIN_LEAN = (-0.12, -0.08, 0.06, 0.02, -0.04, 0.0)
INDICATORS = (
    ("audits-good", "Case audits graded good or better", Decimal(70)),
    ("audits-on-time", "Case audits completed on time", Decimal(90)),
    ("domain-good:Management oversight", "Management oversight graded good or better", Decimal(65)),
)


def seed_quality(plan: Plan, users: dict[str, int], today: date) -> int:
    """The programme, in place of any the demo had before; how many audits it has."""
    _clear(plan)
    people = {name: get_user_model().objects.get(pk=pk) for name, pk in users.items()}
    lead, auditor, qa = people["lead"], people["auditor"], people["qa"]
    qa_actor = actor_of(qa)
    rng = random.Random(today.toordinal())
    domains = tuple(Domain(name, guidance) for name, guidance in DEFAULT_DOMAINS)
    version = save_tool(plan.pk, "Case file audit", OFSTED_GRADES, 2, domains, qa_actor)
    dates = case_lists.extract_dates(plan.council)
    found = [Case(team, worker, ref) for ref, team, worker in case_lists.open_cases(plan.council, dates[0])]
    for name in sorted({case.team for case in found}):
        Team.objects.get_or_create(plan=plan, name=name)
    this = month_of(today)
    with held():
        for back in range(MONTHS - 1, -1, -1):
            month = add_months(this, -back)
            _month(plan, version, found, month, back, today, [auditor, lead], qa, rng)
        _deep_dive(plan, version, found, add_months(this, -1), today, [auditor], qa_actor, rng)
        _learning(plan, qa_actor, today, lead)
    for key, name, target in INDICATORS:
        Indicator.objects.get_or_create(
            plan=plan,
            name=name,
            defaults={
                "service_area": "Quality assurance", "polarity": "higher", "target": target,
                "tolerance": Decimal(5), "source": Indicator.Source.CASE_AUDITS, "measure": key,
                "definition": "From the case audit programme: the share of the month's audits, as moderated.",
            },
        )  # fmt: skip
    programme_figures.changed(plan.pk)
    return CaseAudit.objects.filter(cohort__plan=plan).count()


def _clear(plan: Plan) -> None:
    """The programme of an earlier seed-demo: the demo's own, made up, so gone without a trace."""
    CaseAudit.objects.filter(cohort__plan=plan).delete()
    for found in (Cohort, Theme, PracticeWeek, Team, AuditTool):
        found.objects.filter(plan=plan).delete()
    Indicator.objects.filter(plan=plan, source=Indicator.Source.CASE_AUDITS).delete()


def _grading(rng: random.Random, good_share: float, domains: int) -> Grading:
    good = rng.random() < good_share
    overall = (0 if rng.random() < 0.15 else 1) if good else (3 if rng.random() < 0.2 else 2)
    ranks = []
    for lean in DOMAIN_LEAN[:domains]:
        ranks.append(
            rng.choice((0, 1, 1, 1)) if rng.random() < good_share + lean else rng.choice((2, 2, 2, 3))
        )
    words = (
        ("The child's wishes are recorded at every visit.", "Supervision notes do not say what will change.")
        if good
        else ("The worker knows the family well.", "The plan has drifted since the last core group.")
    )
    return Grading(ranks, overall, words[0], words[1], "The child is safer at home than six months ago.")


def _month(
    plan: Plan,
    version: ToolVersion,
    found: list[Case],
    month: date,
    back: int,
    today: date,
    auditors: list[Any],
    qa: Any,
    rng: random.Random,
) -> None:
    due = month.replace(day=20)
    cases = share_of(
        found, Decimal(PER_MONTH) / len(found), seed=month.toordinal(), already=already_chosen(plan.pk, month)
    )
    new = NewCohort(
        "monthly", month, f"{month:%B} case audits", "", version, due, "drawn from Annex A", month.toordinal()
    )
    cohort = create_cohort(plan.pk, new, cases[:PER_MONTH], auditors, actor_of(qa))
    good_share = 0.42 + 0.05 * (MONTHS - 1 - back)  # a little better each month
    audits = list(cohort.audits.select_related("cohort__tool_version", "cohort__plan").order_by("pk"))
    for n, audit in enumerate(audits):
        day = month + timedelta(days=rng.randint(4, 24))
        if back == 1 and n == len(audits) - 1 or day > today:
            continue  # one of last month's overdue; this month's after today not done yet
        grading = _grading(rng, good_share, len(version.domains))
        if back == 0 and n == 0:  # a concern, told at once to the team's manager: the demo's lead
            Team.objects.filter(plan=plan, name=audit.team).update(manager=auditors[1])
            concern = "No visit for seven weeks while the child is on a protection plan."
            grading = replace(grading, overall=2, concern=concern)
        done = complete(audit, grading, Actor(audit.auditor_name, audit.auditor_id), audit.revision, day)
        if back > 0 and n % 12 == 3:  # two moderated a month; the older months' first is graded down
            agreed = grading.overall if n > 12 or back < 3 else min(3, grading.overall + 1)
            on = min(today, due + timedelta(days=5))
            moderate(done, agreed, "Checked against the case record.", actor_of(qa), qa, done.revision, on)
        if n in (1, 5) and back <= 1:
            by = min(today + timedelta(days=7), day + timedelta(days=14))
            add_case_action(
                done, "Hold a strategy discussion and update the child's plan.", auditors[1], by, actor_of(qa)
            )


def _deep_dive(
    plan: Plan, version: ToolVersion, found: list[Case], month: date, today: date, auditors: list[Any],
    qa: Actor, rng: random.Random,
) -> None:  # fmt: skip
    question = "Do we recognise neglect early, and act on it before it harms the child?"
    new = NewCohort("deep_dive", month, "Deep dive: neglect", question, version, month.replace(day=28))
    cases = share_of(found, Decimal(6) / len(found), seed=7, already=already_chosen(plan.pk, month))
    cohort = create_cohort(plan.pk, new, cases[:6], auditors, qa)
    for audit in cohort.audits.select_related("cohort__tool_version", "cohort__plan"):
        day = min(today, month + timedelta(days=rng.randint(10, 25)))
        complete(audit, _grading(rng, 0.4, len(version.domains)), Actor(audit.auditor_name, audit.auditor_id),
                 audit.revision, day)  # fmt: skip
    action = plan.actions.filter(key_action__icontains="neglect").order_by("sort_key").first()
    action = action or plan.actions.order_by("sort_key").first()
    findings = (
        "Neglect was recognised in four of the six cases, but late: in three it was first named after a"
        " second referral.\nChronologies were missing or out of date in half the cases, so drift was not"
        " seen.\nWhere the Graded Care Profile was used, plans were sharper and the child's lived experience"
        " clearer."
    )
    cohort.refresh_from_db()
    save_findings(cohort, findings, [action.action_id] if action else [], qa, cohort.revision)
    latest = plan_links.latest_recommendations(plan)
    first = min(latest) if latest else None
    add_theme(
        plan,
        "Chronologies are missing or out of date, so drift and cumulative harm are not seen.",
        cohort,
        [action.action_id] if action else [],
        {first: latest[first]} if first is not None else {},
        qa,
    )


def _learning(plan: Plan, qa: Actor, today: date, lead: Any) -> None:
    starts = add_months(month_of(today), -2).replace(day=7)
    week = PracticeWeek.objects.create(plan=plan, title="Practice development week", starts=starts,
                                       ends=starts + timedelta(days=4))  # fmt: skip
    for kind, count in (("review conferences", 5), ("team-based discussions", 20), ("live audits", 3),
                        ("observations of practice", 5)):  # fmt: skip
        PracticeActivity.objects.create(week=week, kind=kind, count=count)
