"""What the programme does each morning, run by `oversight send-reminders` for every plan: its figures
recorded on the scorecard as at the day (an audit not done passes its due date without any change to
tell of it), and each auditor told once of a cohort's audits now overdue."""

from __future__ import annotations

from datetime import date

from oversight.notices.sending import Letter
from oversight.plans import programme_figures
from oversight.plans.models import Plan
from oversight.quality.emails import overdue_audits
from oversight.quality.models import Cohort


def each_day(plan: Plan, today: date) -> list[Letter]:
    if not Cohort.objects.filter(plan=plan).exists():
        return []
    programme_figures.changed(plan.pk)
    return overdue_audits(plan.pk, today)
