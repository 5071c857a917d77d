"""The plan's improvement funding: the funding table as the committee report sets it out, its Word and
Excel downloads, and for administrators and officers a funding line added or changed on the page, or a
funding file imported with the preview of every change before anything is saved."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.funding import render
from oversight.funding.forms import MONEY, POSTS, FundingLineForm
from oversight.funding.funding_import import lines_of_plan
from oversight.funding.lines import DETAILS, LineChanged, TitleTaken, save_line
from oversight.funding.models import FundingLine, FundingYear
from oversight.funding.table import funding_table, progress
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.forms.imports import SheetAndFile
from oversight.plans.models import Action, Plan
from oversight.plans.paper_style import look_of
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today
from oversight.plans.views.imports import ImportPages, preview_pages, to_preview

KIND = "funding"
CURRENT = "plan"
FUNDING_IMPORTS = ImportPages(
    frozenset({KIND}),
    "funding-import",
    "funding-import-preview",
    "funding-import-confirm",
    "funding-import-cancel",
    "funding",
    CURRENT,
    (("Funding", "funding"), ("Import funding", "funding-import")),
    by_action=False,
)
DOWNLOADS = {
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def _years(plan: Plan) -> list[str]:
    return sorted(set(FundingYear.objects.filter(line__plan=plan).values_list("year", flat=True)))


@plan_page()
def funding(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    lines, years, day = lines_of_plan(plan.pk), _years(plan), today()
    return render_plan_page(
        request,
        "funding/funding.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": plan_crumbs(plan),
            "table": funding_table(lines, years, day, render.TITLE) if lines else None,
            "progress": [(year, progress(lines, year, day)) for year in years],
            "downloads": DOWNLOADS,
            "lines": FundingLine.objects.filter(plan=plan) if access.can_import else [],
        },
    )


@plan_page()
def funding_download(request: HttpRequest, plan: Plan, access: Access, fmt: str) -> HttpResponse:
    if fmt not in DOWNLOADS:
        raise Http404("No such download")
    lines, years, day = lines_of_plan(plan.pk), _years(plan), today()
    made = (
        render.docx(lines, years, day, plan.council, look_of(plan))
        if fmt == "docx"
        else render.xlsx(lines, years, day)
    )
    response = HttpResponse(made, content_type=DOWNLOADS[fmt][1])
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}-funding.{fmt}"'
    return response


def _can_import(access: Access) -> bool:
    return access.can_import


@plan_page(_can_import)
def import_page(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    posted = request.method == "POST"
    form = SheetAndFile(request.POST if posted else None, request.FILES if posted else None)
    previewed = to_preview(request, plan, form, KIND, FUNDING_IMPORTS)
    if previewed is not None:
        return previewed
    return render_plan_page(
        request,
        "funding/import.html",
        plan,
        access,
        CURRENT,
        {"crumbs": plan_crumbs(plan), "form": form, "form_errors": error_summary(form)},
        status=400 if form.errors else 200,
    )


import_preview, import_confirm, import_cancel = preview_pages(_can_import, FUNDING_IMPORTS)


@plan_page(_can_import)
def new_line(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    return _line_page(request, plan, access, None)


@plan_page(_can_import)
def line(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    return _line_page(request, plan, access, get_object_or_404(FundingLine, plan=plan, pk=pk))


def _line_page(request: HttpRequest, plan: Plan, access: Access, found: FundingLine | None) -> HttpResponse:
    """Adds a funding line, or changes one's details, years and actions."""
    held = {y.year: y for y in found.years.all()} if found else {}
    initial: dict[str, object] = {}
    if found is not None:
        initial = {name: getattr(found, name) for name in DETAILS} | {"revision": found.revision}
        initial["actions"] = ", ".join(sorted(found.actions.values_list("action_id", flat=True)))
        for year, figures in held.items():
            initial |= {f"{year}-{name}": getattr(figures, name) for name in (*MONEY, *POSTS)}
    actions = set(Action.objects.filter(plan=plan, in_plan=True).values_list("action_id", flat=True))
    form = FundingLineForm(request.POST or None, initial=initial, years=sorted(held), action_ids=actions)
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = save_line(
                plan,
                found.pk if found else None,
                data["revision"],
                {name: data[name] for name in DETAILS},
                form.year_figures(),
                data["actions"],
                actor(request),
            )
        except LineChanged:
            form.add_error(
                None, "Someone changed this funding line after you opened the page. Open it again."
            )
        except TitleTaken:
            form.add_error("title", "There is already a funding line of that name in this plan")
        else:
            messages.success(request, f"{saved.title} is saved.")
            return redirect("funding", plan.slug)
    return render_plan_page(
        request,
        "funding/line.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": plan_crumbs(plan, ("Funding", reverse("funding", args=[plan.slug]))),
            "line": found,
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )
