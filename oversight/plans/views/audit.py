"""The audit log: every change to the plan, newest first, filtered by person, action, field or date."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from oversight.accounts.roles import Access
from oversight.audit.log import without_worker_names
from oversight.audit.models import Change
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.forms.audit import AuditFilterForm
from oversight.plans.models import Plan
from oversight.plans.views.common import plan_crumbs, render_plan_page

PAGE_SIZE = 100


@plan_page()
def audit_log(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    # a filter that cannot be read is said so, and the others still apply
    form = AuditFilterForm(request.GET)
    form.is_valid()
    chosen = form.cleaned_data
    changes = Change.objects.filter(plan=plan).select_related("action", "priority")
    if chosen.get("who"):
        changes = changes.filter(actor__icontains=chosen["who"])
    if chosen.get("action"):
        changes = changes.filter(action__action_id=chosen["action"])
    if chosen.get("field"):
        changes = changes.filter(field=chosen["field"])
    for name, lookup in (("since", "changed__date__gte"), ("until", "changed__date__lte")):
        if chosen.get(name):
            changes = changes.filter(**{lookup: chosen[name]})
    page = Paginator(changes.order_by("-changed", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    if not access.can_see_worker_names:
        for shown in page.object_list:
            shown.new_value = without_worker_names(shown)
    query = request.GET.copy()
    query.pop("page", None)
    return render_plan_page(
        request,
        "plans/audit.html",
        plan,
        access,
        "audit",
        {
            "crumbs": plan_crumbs(plan),
            "form": form,
            "form_errors": error_summary(form),
            "page": page,
            "changes": page.object_list,
            "query": query.urlencode(),
        },
    )
