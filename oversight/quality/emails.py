"""The quality assurance programme's emails: cases given to an auditor to audit, and a safeguarding
concern an audit raises, to the manager of the case's team at once. Neither names the child: the email
links to the audit, which only those whose role allows it can open."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from oversight.lib.numbers import counted
from oversight.notices.kinds import Kind
from oversight.notices.sending import Letter, one_line, post, site_address
from oversight.quality.models import CaseAudit, Cohort, Team


def _audits_letter(
    key: str, kind: Kind, cohort: Cohort, user: Any, count: int, subject: str, summary: str, **more: object
) -> Letter:
    """An email about `count` of a cohort's audits: given to audit or to moderate, or overdue (`more`
    says which, for the template)."""
    plan = cohort.plan
    title = one_line(plan.title)
    context = {
        "title": title,
        "cohort": cohort.title,
        "kind": cohort.get_kind_display(),
        "count": count,
        "my_audits_url": site_address("my-audits", plan.slug),
        **more,
    }
    audits = f"{count} case audits of '{cohort.title}'"
    return Letter(
        key, kind, plan.pk, user, f"{title}: {subject}", "audit_assigned", context, f"{audits} {summary}"
    )


def tell_auditors(cohort: Cohort) -> None:
    """One email to each auditor of the cohort: how many cases, by when. Posted with the cohort."""
    audits = list(cohort.audits.select_related("auditor"))
    counts = Counter(a.auditor_id for a in audits if a.auditor_id)
    people = {a.auditor_id: a.auditor for a in audits if a.auditor_id}
    due = audits[0].due if audits else None
    post(
        _audits_letter(
            f"{Kind.AUDIT_ASSIGNED}:{cohort.pk}:{user_id}",
            Kind.AUDIT_ASSIGNED,
            cohort,
            people[user_id],
            count,
            f"{counted(count, 'case audit')} for you, due {due:%-d %B %Y}",
            "given to them",
            due=due,
        )
        for user_id, count in sorted(counts.items())
    )


def tell_moderators(cohort: Cohort, given: list[tuple[CaseAudit, Any]]) -> None:
    """One email to each moderator: how many of the cohort's audits to moderate."""
    counts = Counter(m.pk for _, m in given)
    people = {m.pk: m for _, m in given}
    first = {m.pk: a.pk for a, m in reversed(given)}  # names the round of moderation in the email's key
    post(
        _audits_letter(
            f"{Kind.AUDIT_ASSIGNED}:{cohort.pk}:{user_id}:moderate:{first[user_id]}",
            Kind.AUDIT_ASSIGNED,
            cohort,
            people[user_id],
            count,
            f"{counted(count, 'case audit')} to moderate",
            "given to them to moderate",
            moderate=True,
        )
        for user_id, count in sorted(counts.items())
    )


def manager_of(audit: CaseAudit) -> Any:
    team = Team.objects.filter(plan_id=audit.cohort.plan_id, name__iexact=audit.team).select_related(
        "manager"
    )
    found = team.first()
    return found.manager if found else None


def tell_team_manager(audit: CaseAudit, raised_by: str) -> bool:
    """The concern's email to the manager of the case's team, in the transaction that records it; False
    when the team has no manager with a role in the plan to tell."""
    manager = manager_of(audit)
    if manager is None:
        return False
    plan = audit.cohort.plan
    title = one_line(plan.title)
    return bool(
        post(
            [
                Letter(
                    f"{Kind.AUDIT_CONCERN}:{audit.pk}",
                    Kind.AUDIT_CONCERN,
                    plan.pk,
                    manager,
                    f"{title}: an immediate safeguarding concern from case audit {audit.pk}",
                    "audit_concern",
                    {
                        "title": title,
                        "team": audit.team,
                        "raised_by": raised_by,
                        "audit_id": audit.pk,
                        "audit_url": site_address("case-audit", plan.slug, audit.pk),
                    },
                    f"the safeguarding concern raised by case audit {audit.pk} ({audit.team})",
                )
            ]
        )
    )


def overdue_audits(plan_id: int, today: date) -> list[Letter]:
    """One letter to each auditor for each cohort whose audits given to them are past their due date and
    not done: sent once (its key names the cohort and the auditor)."""
    audits = CaseAudit.objects.filter(
        cohort__plan_id=plan_id, state=CaseAudit.State.ASSIGNED, due__lt=today, auditor__isnull=False
    ).select_related("cohort__plan", "auditor")
    grouped: dict[tuple[int, int], list[CaseAudit]] = {}
    for audit in audits:
        grouped.setdefault((audit.cohort_id, audit.auditor_id), []).append(audit)  # type: ignore[arg-type]
    return [
        _audits_letter(
            f"{Kind.AUDIT_OVERDUE}:{cohort_id}:{user_id}",
            Kind.AUDIT_OVERDUE,
            found[0].cohort,
            found[0].auditor,
            len(found),
            f"{counted(len(found), 'case audit')} overdue since {found[0].due:%-d %B %Y}",
            "overdue",
            due=found[0].due,
            overdue=True,
        )
        for (cohort_id, user_id), found in sorted(grouped.items())
    ]
