"""The plan's workforce: its figures for a month with their trend (everyone in the plan), the Excel
download, and for officers and analysts the teams, a team's return entered on the site, the courses
actions require, the import of returns and staff records, and each team's staff records (personal data:
every viewing is in the audit log)."""

from __future__ import annotations

import io
import zlib
from datetime import date

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from openpyxl import Workbook

from oversight.accounts.roles import Access
from oversight.audit import trail
from oversight.audit.models import Change
from oversight.govuk.forms import error_summary
from oversight.lib.excel import add_sheet
from oversight.lib.months import iso_month, month_name, months_between, parse_iso_month
from oversight.plans import case_lists
from oversight.plans.access import plan_page
from oversight.plans.kept import kept
from oversight.plans.models import Action, Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page
from oversight.plans.views.imports import ImportPages, preview_pages, to_preview
from oversight.workforce import tables
from oversight.workforce.charts import Series, rates_chart
from oversight.workforce.forms import CourseForm, TeamForm, TeamReturnForm, WorkforceImportForm
from oversight.workforce.models import Course, StaffRecord, Team, TeamReturn
from oversight.workforce.reading import Picture, every_trend, picture, return_months, trend_groups
from oversight.workforce.return_files import TeamReturnRow
from oversight.workforce.returns_import import FIGURES, STAFF_RECORDS, TEAM_RETURNS, save_team_returns

CURRENT = "plan"
SOURCE = "workforce"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORKFORCE_IMPORTS = ImportPages(
    frozenset({TEAM_RETURNS, STAFF_RECORDS}),
    "workforce-import",
    "workforce-import-preview",
    "workforce-import-confirm",
    "workforce-import-cancel",
    "workforce",
    CURRENT,
    (("Workforce", "workforce"), ("Import workforce returns", "workforce-import")),
    by_action=False,
)


def _keeps_records(access: Access) -> bool:
    return access.keeps_workforce_records


def _crumbs(plan: Plan, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return plan_crumbs(plan, ("Workforce", reverse("workforce", args=[plan.slug])), *more)


def _month_asked(request: HttpRequest, months: list[date]) -> date | None:
    """The month in ?month=2026-11 if it has returns, else the latest; None when there are none."""
    asked = parse_iso_month(request.GET.get("month", ""))
    return asked if asked in months else (months[0] if months else None)


def charted(found: Picture) -> dict[str, object]:
    """The page's two charts: all teams' rates, and the share supervised within four weeks."""
    rates = rates_chart(
        found.months,
        [
            Series("Vacancy rate", tuple(f.vacancy.value for f in found.history)),
            Series("Agency rate", tuple(f.agency_share.value for f in found.history)),
            Series("Turnover, 12 months", tuple(f.turnover.value for f in found.history)),
        ],
    )
    supervised = rates_chart(
        found.months,
        [
            Series(
                "Supervised within 4 weeks",
                tuple(s.share("within_4_weeks").value for _, s in found.supervision_history),
            ),
            Series(
                "Supervision overdue", tuple(s.share("overdue").value for _, s in found.supervision_history)
            ),
        ],
    )
    return {"rates_chart": rates, "supervision_chart": supervised}


def _figures(plan: Plan, month: date, trend: str) -> dict[str, object]:
    """The page's figures for a month, with the trend of all teams or of a service or team, rendered once
    and kept in the shared cache (_key): they are the same for everyone who may see the page."""

    def make() -> str:
        found = picture(plan, month, trend=trend)
        shown = {"picture": found, "summary": tables.summary_lines(found), "tables": tables.all_tables(found)}
        return render_to_string("workforce/_figures.html", shown | charted(found))

    # the page's own template's output, escaped when it was rendered
    kept_page = kept(_key(plan, month, f"page:{zlib.crc32(trend.encode())}"), make)
    return {"figures": mark_safe(kept_page), "chosen": iso_month(month)}  # noqa: S308


def _key(plan: Plan, month: date, what: str) -> str:
    """What is kept of the workforce for a month: named by the plan's revision, which every change to the
    workforce moves on, and the council's loaded Annex A extracts, which the caseloads come from."""
    extracts = ",".join(d.isoformat() for d in case_lists.extract_dates(plan.council))
    return f"workforce:{what}:{plan.pk}:{plan.revision}:{iso_month(month)}:{zlib.crc32(extracts.encode())}"


@plan_page()
def workforce(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    months = return_months(plan.pk)
    month = _month_asked(request, months)
    context: dict[str, object] = {
        "crumbs": plan_crumbs(plan),
        "months": [(iso_month(m), month_name(m)) for m in months],
    }
    if month is not None:
        groups = trend_groups(list(Team.objects.filter(plan=plan)))
        trend = request.GET.get("trend", "")
        trend = trend if trend in groups else ""
        context |= _figures(plan, month, trend)
        context |= {"trends": [(key, label) for key, (label, _) in groups.items()], "trend": trend}
    return render_plan_page(request, "workforce/workforce.html", plan, access, CURRENT, context)


@plan_page()
def download(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    """Every month's figures: the month's tables, and the trend over every month with returns."""
    months = return_months(plan.pk)
    month = _month_asked(request, months)
    if month is None:
        raise Http404("No workforce returns yet")

    def make() -> bytes:
        book = Workbook()
        book.remove(book.active)
        history = months_between(months[-1], month) + 1
        found = picture(plan, month, history=history)
        for table in [*tables.all_tables(found), tables.every_trend_table(every_trend(plan, found.months))]:
            add_sheet(book, table)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    response = HttpResponse(kept(_key(plan, month, "xlsx"), make), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}-workforce-{iso_month(month)}.xlsx"'
    return response


@plan_page(_keeps_records)
def teams(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if form.is_valid() and _save_team(request, plan, form, None):
        return redirect("workforce-teams", plan.slug)
    return render_plan_page(
        request,
        "workforce/teams.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": _crumbs(plan),
            "teams": Team.objects.filter(plan=plan),
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


@plan_page(_keeps_records)
def team(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    found = get_object_or_404(Team, plan=plan, pk=pk)
    initial = {
        "name": found.name, "service": found.service, "kind": found.kind,
        "caseload_policy": found.caseload_policy, "revision": found.revision,
    }  # fmt: skip
    form = TeamForm(request.POST or None, initial=initial)
    if form.is_valid() and _save_team(request, plan, form, found):
        return redirect("workforce-teams", plan.slug)
    return render_plan_page(
        request,
        "workforce/team.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": _crumbs(plan, ("Teams", _url("workforce-teams", plan))),
            "team": found,
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


def _url(name: str, plan: Plan) -> str:
    return reverse(name, args=[plan.slug])


TEAM_FIELDS = {"name": "name", "service": "service", "kind": "kind", "caseload_policy": "caseload policy"}


def _save_team(request: HttpRequest, plan: Plan, form: TeamForm, found: Team | None) -> bool:
    """Adds a team or changes one; False (with the form's error) when the name is taken, or the team
    changed after the page was opened."""
    data = form.cleaned_data
    with transaction.atomic():
        clash = Team.objects.filter(plan=plan, name__iexact=data["name"])
        if found is not None:
            clash = clash.exclude(pk=found.pk)
        if clash.exists():
            form.add_error("name", "There is already a team of that name in this plan")
            return False
        if found is None:
            made = Team.objects.create(plan=plan, **{k: data[k] for k in TEAM_FIELDS})
            trail.record(
                plan.pk,
                actor(request),
                SOURCE,
                Change.Kind.ADDED,
                f"workforce team {made.name}",
                "",
                made.service,
            )
            messages.success(request, f"{made.name} is added.")
            return True
        locked = Team.objects.select_for_update().get(pk=found.pk)
        if data["revision"] != locked.revision:
            form.add_error(
                None, "Someone changed this team after you opened the page. Check it and save again."
            )
            return False
        said = [
            (label, getattr(locked, k), data[k])
            for k, label in TEAM_FIELDS.items()
            if getattr(locked, k) != data[k]
        ]
        for key in TEAM_FIELDS:
            setattr(locked, key, data[key])
        locked.revision += 1
        locked.save()
        for label, old, new in said:
            trail.record(
                plan.pk, actor(request), SOURCE, Change.Kind.CHANGED,
                f"workforce team {locked.name}: {label}", "" if old is None else str(old),
                "" if new is None else str(new),
            )  # fmt: skip
    messages.success(request, f"{locked.name} is saved.")
    return True


@plan_page(_keeps_records)
def enter_return(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    """A team's return for a month, entered on the site: opened for a team and month (?team=&month=) it
    shows the return already held, and a save refuses to overwrite one saved since."""
    names = list(Team.objects.filter(plan=plan).values_list("name", flat=True))
    held = None
    if request.method != "POST" and request.GET.get("team") in names:
        month = parse_iso_month(request.GET.get("month", ""))
        if month is not None:
            held = TeamReturn.objects.filter(
                team__plan=plan, team__name=request.GET["team"], month=month
            ).first()
    initial = (
        {
            "team": request.GET["team"],
            "month": held.month,
            "revision": held.revision,
            **{f: getattr(held, f) for f in FIGURES},
        }
        if held
        else {"team": request.GET.get("team", "")}
    )
    form = TeamReturnForm(request.POST or None, initial=initial, teams=names)
    if form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            teams_by_name = {t.name: t for t in Team.objects.filter(plan=plan)}
            current = (
                TeamReturn.objects.select_for_update()
                .filter(team=teams_by_name[data["team"]], month=data["month"])
                .first()
            )
            if (current.revision if current else None) != data["revision"]:
                form.add_error(
                    None,
                    f"{data['team']}'s return for {month_name(data['month'])} was saved by someone else "
                    "after you opened this page. Open it again to see it before you change it.",
                )
            else:
                row = TeamReturnRow(0, **{k: v for k, v in data.items() if k != "revision"})
                save_team_returns(plan, teams_by_name, [row], actor(request), "entered on the website")
                messages.success(
                    request, f"{data['team']}'s return for {month_name(data['month'])} is saved."
                )
                return redirect(f"{_url('workforce', plan)}?month={iso_month(data['month'])}")
    return render_plan_page(
        request,
        "workforce/enter_return.html",
        plan,
        access,
        CURRENT,
        {"crumbs": _crumbs(plan), "form": form, "form_errors": error_summary(form), "held": held},
        status=400 if form.errors else 200,
    )


@plan_page(_keeps_records)
def courses(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    actions = dict(Action.objects.filter(plan=plan, in_plan=True).values_list("action_id", "pk"))
    form = CourseForm(request.POST or None, action_ids=set(actions))
    if form.is_valid():
        name, wanted = form.cleaned_data["name"], sorted(form.cleaned_data["actions"])
        with transaction.atomic():
            course = Course.objects.select_for_update().filter(plan=plan, name__iexact=name).first()
            if course is None:
                course = Course.objects.create(plan=plan, name=name)
                trail.record(
                    plan.pk,
                    actor(request),
                    SOURCE,
                    Change.Kind.ADDED,
                    f"course {name}",
                    "",
                    ", ".join(wanted),
                )
            else:
                before = sorted(course.actions.values_list("action_id", flat=True))
                course.revision += 1
                course.save()
                trail.record(
                    plan.pk, actor(request), SOURCE, Change.Kind.CHANGED, f"course {course.name}: actions",
                    ", ".join(before), ", ".join(wanted),
                )  # fmt: skip
            course.actions.set([actions[a] for a in wanted])
        messages.success(request, f"{course.name} is saved.")
        return redirect("workforce-courses", plan.slug)
    return render_plan_page(
        request,
        "workforce/courses.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": _crumbs(plan),
            "courses": Course.objects.filter(plan=plan).prefetch_related("actions"),
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


@plan_page(_keeps_records)
def staff(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    """One team's staff records for a month (?month=2026-11, else the latest): each worker by staff ID.
    Personal data: the viewing is in the audit log."""
    found = get_object_or_404(Team, plan=plan, pk=pk)
    months = list(
        StaffRecord.objects.filter(team=found).order_by("-month").values_list("month", flat=True).distinct()
    )
    month = _month_asked(request, months)
    records = list(StaffRecord.objects.filter(team=found, month=month)) if month else []
    if month is not None:
        trail.record(
            plan.pk, actor(request), SOURCE, Change.Kind.VIEWED, "staff records",
            "", f"{found.name}, {month_name(month)} ({len(records)} workers)",
        )  # fmt: skip
    return render_plan_page(
        request,
        "workforce/staff.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": _crumbs(plan, ("Teams", _url("workforce-teams", plan))),
            "team": found,
            "month": month,
            "months": [(iso_month(m), month_name(m)) for m in months],
            "chosen": iso_month(month) if month else "",
            "records": records,
        },
    )


@plan_page(_keeps_records)
def import_page(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    posted = request.method == "POST"
    form = WorkforceImportForm(request.POST if posted else None, request.FILES if posted else None)
    previewed = to_preview(request, plan, form, lambda data: data["kind"], WORKFORCE_IMPORTS)
    if previewed is not None:
        return previewed
    return render_plan_page(
        request,
        "workforce/import.html",
        plan,
        access,
        CURRENT,
        {"crumbs": _crumbs(plan), "form": form, "form_errors": error_summary(form)},
        status=400 if form.errors else 200,
    )


import_preview, import_confirm, import_cancel = preview_pages(_keeps_records, WORKFORCE_IMPORTS)
