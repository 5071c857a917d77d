"""The audit log: every change to the plan, newest first, filtered by person, action, field or date."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from oversight.accounts.roles import Access
from oversight.audit.log import without_worker_names
from oversight.audit.models import Change
from oversight.lib.months import parse_iso_date
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import plan_crumbs, render_plan_page

PAGE_SIZE = 100
AUDITED_FIELDS = (
    "RAG",
    "commentary",
    "evidence",
    "key_action",
    "lead",
    "agencies",
    "timescale",
    "priority",
    "role",
    "child records",  # viewings of Annex A child records, for information governance
)


@plan_page()
def audit_log(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    chosen = {
        name: request.GET.get(name, "").strip() for name in ("who", "action", "field", "since", "until")
    }
    changes = Change.objects.filter(plan=plan).select_related("action", "priority")
    if chosen["who"]:
        changes = changes.filter(actor__icontains=chosen["who"])
    if chosen["action"]:
        changes = changes.filter(action__action_id=chosen["action"])
    if chosen["field"]:
        changes = changes.filter(field=chosen["field"])
    problems = {}
    for name, lookup in (("since", "changed__date__gte"), ("until", "changed__date__lte")):
        if chosen[name]:
            day = parse_iso_date(chosen[name])
            if day is None:
                problems[name] = "Enter a date as YYYY-MM-DD, for example 2017-01-31"
            else:
                changes = changes.filter(**{lookup: day})
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
            "chosen": chosen,
            "problems": problems,
            "form_errors": list(problems.items()),
            "fields": AUDITED_FIELDS,
            "page": page,
            "changes": page.object_list,
            "query": query.urlencode(),
        },
    )
