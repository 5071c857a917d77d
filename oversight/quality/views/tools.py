"""Audit tools: the quality assurance lead makes them and changes them; a change is a new version."""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, render_plan_page
from oversight.quality.forms import ToolForm
from oversight.quality.models import AuditTool
from oversight.quality.scales import domains_text
from oversight.quality.tools import ToolChanged, save_tool
from oversight.quality.views.common import CURRENT, quality_crumbs, rebased, runs_programme


def _saved(request: HttpRequest, plan: Plan, form: ToolForm, tool: AuditTool | None) -> AuditTool | None:
    data = form.cleaned_data
    seen = data["version"] if tool is not None else None
    try:
        with transaction.atomic():
            version = save_tool(
                plan.pk,
                data["name"],
                data["grades"],
                data["good_or_better"],
                data["domains"],
                actor(request),
                tool,
                -1 if tool is not None and seen is None else seen,
            )
    except IntegrityError:
        form.add_error("name", "There is already an audit tool with that name")
        return None
    except ToolChanged as changed:
        form.add_error(
            None,
            f"Someone saved version {changed.latest} of the tool after you opened it. It is shown above: make"
            " your change again on it.",
        )
        rebased(form, "version", changed.latest)
        return None
    return version.tool


@plan_page(runs_programme)
def audit_tools(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    form = ToolForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        tool = _saved(request, plan, form, None)
        if tool is not None:
            messages.success(request, f"The audit tool {tool.name} is made.")
            return redirect("audit-tool", plan.slug, tool.pk)
    return render_plan_page(
        request,
        "quality/tools.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": quality_crumbs(plan),
            "tools": AuditTool.objects.filter(plan=plan).prefetch_related("versions"),
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


@plan_page(runs_programme)
def audit_tool(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    tool = get_object_or_404(AuditTool, plan=plan, pk=pk)
    latest = tool.latest
    initial = {
        "name": tool.name,
        "grades": "\n".join(latest.grades),
        "good_or_better": latest.good_or_better,
        "domains": domains_text(latest.domain_list),
        "version": latest.number,
    }
    form = ToolForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        saved = _saved(request, plan, form, tool)
        if saved is not None:
            now = saved.latest
            changed = now.number != latest.number
            messages.success(
                request,
                f"Version {now.number} of {saved.name} is made: audits done on earlier versions keep theirs."
                if changed
                else "Nothing changed in the tool's grades or domains.",
            )
            return redirect("audit-tool", plan.slug, tool.pk)
    return render_plan_page(
        request,
        "quality/tool.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": quality_crumbs(plan, ("Audit tools", reverse("audit-tools", args=[plan.slug]))),
            "tool": tool,
            "latest": latest,
            "versions": tool.versions.order_by("-number"),
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )
