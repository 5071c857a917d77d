"""Who may do what in a plan: the roles and their rules, as pure functions over plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    OFFICER = "officer"
    LEAD = "lead"
    BOARD = "board"
    ANALYST = "analyst"
    VIEWER = "viewer"
    QA_LEAD = "qa_lead"
    AUDITOR = "auditor"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMINISTRATOR: "Administrator",
    Role.OFFICER: "Improvement officer",
    Role.LEAD: "Action lead",
    Role.BOARD: "Board member",
    Role.ANALYST: "Performance analyst",
    Role.VIEWER: "Viewer",
    Role.QA_LEAD: "Quality assurance lead",
    Role.AUDITOR: "Case auditor",
}
ROLE_DESCRIPTIONS = {
    Role.ADMINISTRATOR: "Everything in the plan, including who else is an administrator or officer",
    Role.OFFICER: "Everything in the plan: imports, updates, reports and people (but not administrators)",
    Role.LEAD: "Updates the status, commentary and evidence of the actions they lead; reads the rest",
    Role.BOARD: "Reads everything and verifies evidence",
    Role.ANALYST: (
        "Reads everything; keeps the scorecard's indicators and values; the only role that sees the"
        " child records behind Annex A figures"
    ),
    Role.VIEWER: "Reads everything, changes nothing (for example councillors)",
    Role.QA_LEAD: (
        "Reads everything; runs the case audit programme (tools, teams, cohorts, moderation) and sees"
        " every audit's case detail"
    ),
    Role.AUDITOR: (
        "Sees and completes only the case audits given to them, nothing else of the plan (for example"
        " an auditor from a partner agency, or an independent Triple Lock reviewer)"
    ),
}
MANAGERS = {Role.ADMINISTRATOR, Role.OFFICER}


def lead_parts(text: str) -> list[str]:
    """The names in a plan's Lead column: 'HOS LS, HOS S&CP / Court Manager' names three leads."""
    return [" ".join(part.split()) for part in re.split(r"[,;/\n]", text) if part.strip()]


def lead_names(text: str) -> set[str]:
    """The names in a Lead column, compared without regard to case or spacing."""
    return {name.casefold() for name in lead_parts(text)}


@dataclass(frozen=True)
class Access:
    """One person's standing in one plan. role None: no access at all."""

    role: Role | None
    leads: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, role: str | None, leads: str = "") -> Access:
        return cls(Role(role) if role else None, frozenset(lead_names(leads)))

    @property
    def can_view(self) -> bool:
        """The plan's pages: everyone with a role in it but a case auditor, who sees only their audits."""
        return self.role is not None and self.role is not Role.AUDITOR

    @property
    def home(self) -> str:
        """The page a person's link to the plan opens."""
        return "my-audits" if self.role is Role.AUDITOR else "plan"

    @property
    def runs_quality_assurance(self) -> bool:
        """The case audit programme: tools, teams, cohorts, assigning and moderating audits, and every
        audit's case detail (personal data)."""
        return self.role is Role.QA_LEAD

    @property
    def manages(self) -> bool:
        return self.role in MANAGERS

    def leads_action(self, action_lead: str) -> bool:
        return self.role is Role.LEAD and bool(self.leads & lead_names(action_lead))

    def can_update(self, action_lead: str) -> bool:
        """Status, commentary and evidence of one action."""
        return self.manages or self.leads_action(action_lead)

    @property
    def can_change_settings(self) -> bool:
        """The plan's own rules (plans/plan_settings.py): administrators only."""
        return self.role is Role.ADMINISTRATOR

    @property
    def can_import(self) -> bool:
        return self.manages

    @property
    def can_manage_people(self) -> bool:
        return self.manages

    def can_grant(self, role: Role) -> bool:
        """Administrators give or take away any role; officers any but administrator."""
        if self.role is Role.ADMINISTRATOR:
            return True
        return self.role is Role.OFFICER and role not in {Role.ADMINISTRATOR}

    @property
    def can_minute_meetings(self) -> bool:
        """Record attendance, decisions and remedial tasks at a board's meetings."""
        return self.role in {Role.ADMINISTRATOR, Role.OFFICER, Role.BOARD}

    @property
    def can_decide_timescales(self) -> bool:
        """Approve or refuse a revised timescale, or an action's withdrawal."""
        return self.role in {Role.ADMINISTRATOR, Role.OFFICER, Role.BOARD}

    @property
    def can_edit_plan_text(self) -> bool:
        """An action's key action, lead and agencies, on the website."""
        return self.manages

    @property
    def can_verify_evidence(self) -> bool:
        return self.role in {Role.ADMINISTRATOR, Role.OFFICER, Role.BOARD}

    @property
    def can_manage_indicators(self) -> bool:
        """Set up indicators, enter and import any indicator's values, refresh them from Annex A."""
        return self.manages or self.role is Role.ANALYST

    @property
    def can_see_worker_names(self) -> bool:
        """Workers' names (caseloads, figures by worker, the worker a viewing of child records was
        about) are staff personal data."""
        return self.manages or self.role is Role.ANALYST

    @property
    def keeps_workforce_records(self) -> bool:
        """The workforce's teams, returns and courses, and each worker's records (supervision, caseload,
        training: staff personal data): officers and analysts only."""
        return self.role in {Role.OFFICER, Role.ANALYST}

    def can_load_annex_a(self, officers_may: bool) -> bool:
        """Uploading the council's Annex A lists: analysts, and officers where the plan allows it."""
        return self.role is Role.ANALYST or (officers_may and self.role is Role.OFFICER)

    @property
    def can_see_child_records(self) -> bool:
        """The child-level rows behind an Annex A figure: personal data, for analysts only."""
        return self.role is Role.ANALYST

    def can_remove_evidence(self, action_lead: str, added_by_self: bool) -> bool:
        return self.manages or (self.leads_action(action_lead) and added_by_self)


NO_ACCESS = Access(None)
ADMINISTRATOR_ACCESS = Access(Role.ADMINISTRATOR)
