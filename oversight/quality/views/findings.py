"""A cohort's findings page (a deep dive's above all): its question, what it found and its figures, for
everyone who can see the plan; the quality assurance lead writes the findings and adds them as evidence
to plan actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.action_ids import split_action_ids
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, render_plan_page
from oversight.quality.figures import Share
from oversight.quality.findings import FindingsRefused, save_findings
from oversight.quality.forms import FindingsForm
from oversight.quality.models import CaseAudit, Cohort, DomainGrade
from oversight.quality.views.common import CURRENT, quality_crumbs, rebased


def _figures(cohort: Cohort) -> dict[str, object]:
    audits = CaseAudit.objects.filter(cohort=cohort)
    graded = [good for good in audits.values_list("overall_good", flat=True) if good is not None]
    domains = (
        DomainGrade.objects.filter(audit__cohort=cohort)
        .values_list("position", "domain")
        .annotate(good=Count("id", filter=Q(good=True)), graded=Count("id"))
        .order_by("position")
    )
    return {
        "planned": audits.count(),
        "done": audits.filter(state=CaseAudit.State.COMPLETED).count(),
        "good": Share(sum(graded), len(graded)),
        "domains": [(domain, Share(good, whole)) for _, domain, good, whole in domains],
    }


@plan_page()
def deep_dive(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort, plan=plan, pk=pk)
    posted = request.method == "POST"
    if posted and not access.runs_quality_assurance:
        raise PermissionDenied("Only the quality assurance lead writes a cohort's findings")
    form = FindingsForm(
        request.POST if posted else None, initial={"report": cohort.report, "revision": cohort.revision}
    )
    status = 400 if posted else 200
    if form.is_valid():
        data = form.cleaned_data
        try:
            added = save_findings(
                cohort, data["report"], split_action_ids(data["actions"]), actor(request), data["revision"]
            )
        except FindingsRefused as refused:
            form.add_error("actions" if "Not in this plan" in str(refused) else None, str(refused))
            cohort.refresh_from_db()
            rebased(form, "revision", cohort.revision)
            status = 409 if "Someone changed" in str(refused) else 400
        else:
            messages.success(
                request,
                "The findings are saved"
                + (f", and added as evidence to {', '.join(added)}." if added else "."),
            )
            return redirect("deep-dive", plan.slug, cohort.pk)
    return render_plan_page(
        request,
        "quality/deep_dive.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": quality_crumbs(plan),
            "cohort": cohort,
            "form": form if access.runs_quality_assurance else None,
            "form_errors": error_summary(form),
            "evidence_for": cohort.plan.actions.filter(
                evidence__url__endswith=f"/quality/cohorts/{cohort.pk}/findings/"
            )
            .values_list("action_id", flat=True)
            .distinct(),
            **_figures(cohort),
        },
        status=status if form.errors else 200,
    )
