"""The governance pages: boards with their rotation, and meetings with their pack, decisions and tasks."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.models import Membership
from oversight.accounts.people import name_of
from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.governance.audit import record
from oversight.governance.forms.boards import BoardForm, RotationForm
from oversight.governance.forms.meetings import ChosenCompletionsForm, DecisionForm, MeetingForm, TaskForm
from oversight.governance.models import Board, Decision, Meeting, RemedialTask
from oversight.governance.pack_data import meeting_pack
from oversight.governance.render import pack as pack_render
from oversight.governance.rotation import default_max_gap
from oversight.governance.schedule import rotation
from oversight.governance.task_emails import tell_owner
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.paper_style import look_of
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today


def _minutes(access: Access) -> bool:
    return access.can_minute_meetings


def governance_crumbs(plan: Plan, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return plan_crumbs(plan, ("Governance", reverse("governance", args=[plan.slug])), *more)


@plan_page()
def governance(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    form = BoardForm(request.POST if request.method == "POST" else None)
    if form.is_bound and not access.manages:
        raise Http404  # only the form's own users see it
    if form.is_valid():
        board = Board.objects.create(plan=plan, **form.cleaned_data)
        record(plan, actor(request), Change.Kind.ADDED, "board", board.name)
        messages.success(request, f"{board.name} has been set up.")
        return redirect("board", plan.slug, board.pk)
    return render_plan_page(
        request,
        "governance/governance.html",
        plan,
        access,
        "governance",
        {
            "crumbs": plan_crumbs(plan),
            "boards": plan.boards.all(),
            "inspections": plan.inspections.all(),
            "visits": plan.monitoring_visits.all()[:5],
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


@plan_page()
def board_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    return _board_page(request, plan, access, get_object_or_404(Board, plan=plan, pk=pk))


def _meeting_form(
    plan: Plan, board: Board, data: Any = None, first_week: set[int] | None = None
) -> MeetingForm:
    people = Membership.objects.filter(plan=plan).select_related("user")
    members = set(board.members.values_list("pk", flat=True))
    return MeetingForm(
        data,
        priorities=list(plan.priorities.values_list("number", "title")),
        people=[(m.user.pk, name_of(m.user)) for m in people],
        initial={
            "held": today(),
            "priority": [str(n) for n in sorted(first_week or ())],
            "attended": [str(m.user.pk) for m in people if m.user.pk in members],
        },
    )


def _board_page(
    request: HttpRequest,
    plan: Plan,
    access: Access,
    board: Board,
    meeting_form: MeetingForm | None = None,
    rotation_form: RotationForm | None = None,
) -> HttpResponse:
    """The board's page; after a refused meeting or change to the rotation, with what was typed."""
    try:
        start, weeks = rotation(board, today())
        rotation_problem = ""
    except ValueError as error:
        start, weeks, rotation_problem = today(), [], str(error)
    titles = dict(plan.priorities.values_list("number", "title"))
    first_week = set(weeks[0].priorities) if weeks else set()
    refused = meeting_form is not None or rotation_form is not None
    return render_plan_page(
        request,
        "governance/board.html",
        plan,
        access,
        "governance",
        {
            "crumbs": governance_crumbs(plan),
            "board": board,
            "members": board.members.all(),
            "meetings": board.meetings.prefetch_related("priorities")[:20],
            "schedule": [
                (start.toordinal() + 7 * week.week, [(p, titles.get(p.priority, "")) for p in week.picks])
                for week in weeks
            ],
            "start": start,
            "rotation_problem": rotation_problem,
            "gap": board.max_gap_weeks
            or default_max_gap(plan.priorities.count(), board.priorities_per_meeting),
            "meeting_form": meeting_form or _meeting_form(plan, board, first_week=first_week),
            "rotation_form": rotation_form
            or RotationForm(
                initial={"per_meeting": board.priorities_per_meeting, "max_gap": board.max_gap_weeks}
            ),
            "form_errors": error_summary(rotation_form, meeting_form),
        },
        status=400 if refused else 200,
    )


@require_POST
@plan_page(lambda access: access.manages)
def board_settings(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    board = get_object_or_404(Board, plan=plan, pk=pk)
    form = RotationForm(request.POST)
    if not form.is_valid():
        return _board_page(request, plan, access, board, rotation_form=form)
    old = f"{board.priorities_per_meeting} a meeting, gap {board.max_gap_weeks or 'default'}"
    board.priorities_per_meeting, board.max_gap_weeks = (
        form.cleaned_data["per_meeting"],
        form.cleaned_data["max_gap"],
    )
    board.save(update_fields=["priorities_per_meeting", "max_gap_weeks"])
    new = f"{board.priorities_per_meeting} a meeting, gap {board.max_gap_weeks or 'default'}"
    record(plan, actor(request), Change.Kind.CHANGED, f"rotation of {board.name}", new, old)
    messages.success(request, "The rotation's settings are saved.")
    return redirect("board", plan.slug, board.pk)


@require_POST
@plan_page(_minutes)
def add_meeting(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    board = get_object_or_404(Board, plan=plan, pk=pk)
    form = _meeting_form(plan, board, request.POST)
    if not form.is_valid():
        return _board_page(request, plan, access, board, meeting_form=form)
    data = form.cleaned_data
    held = data["held"]
    meeting = Meeting.objects.create(board=board, held=held, apologies=data["apologies"])
    meeting.priorities.set(plan.priorities.filter(number__in=[int(n) for n in data["priority"]]))
    users = get_user_model().objects.filter(pk__in=data["attended"], memberships__plan=plan)
    meeting.attended.set(users)
    board.members.add(*users)
    record(plan, actor(request), Change.Kind.ADDED, "meeting", f"{board.name}, {held:%d %B %Y}")
    messages.success(request, f"The meeting on {held:%d %B %Y} is recorded.")
    return redirect("meeting", plan.slug, meeting.pk)


def meeting_of(plan: Plan, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("board"), board__plan=plan, pk=pk)


@plan_page()
def meeting_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    return _meeting_page(request, plan, access, meeting_of(plan, pk))


def _meeting_page(
    request: HttpRequest,
    plan: Plan,
    access: Access,
    meeting: Meeting,
    decision_form: DecisionForm | None = None,
    task_form: TaskForm | None = None,
) -> HttpResponse:
    """The meeting's page; after a refused decision or task, with what was typed."""
    pack = meeting_pack(meeting)
    return render_plan_page(
        request,
        "governance/meeting.html",
        plan,
        access,
        "governance",
        {
            "crumbs": governance_crumbs(
                plan, (meeting.board.name, reverse("board", args=[plan.slug, meeting.board.pk]))
            ),
            "meeting": meeting,
            "pack": pack,
            **_completions(pack),
            "live": pack.as_it_stood is None,
            "red_amber": pack_render.red_amber(pack),
            "tasks_due": pack_render.tasks_due(pack),
            "standing": pack_render.standing(pack),
            "focus": pack_render.focus(pack),
            "decisions": meeting.decisions.all(),
            "tasks": meeting.tasks.select_related("action"),
            "attended": meeting.attended.all(),
            "today": today(),
            "decision_form": decision_form or DecisionForm(),
            "task_form": task_form or TaskForm(plan=plan),
            "form_errors": error_summary(decision_form, task_form),
        },
        status=400 if decision_form or task_form else 200,
    )


def _completions(pack: Any) -> dict[str, Any]:
    """Each completion awaiting verification in the pack, with its box to tick."""
    awaiting = list(pack.awaiting_verification)
    choose = ChosenCompletionsForm([a.action_id for a in awaiting])
    items = choose["action"].items  # type: ignore[attr-defined]
    return {"choose": choose, "completions": list(zip(awaiting, items, strict=True))}


PACK_DOWNLOADS = {
    "docx": (
        pack_render.render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (pack_render.render_pdf, "application/pdf"),
}


@plan_page()
def pack_download(request: HttpRequest, plan: Plan, access: Access, pk: int, fmt: str) -> HttpResponse:
    meeting = meeting_of(plan, pk)
    if fmt not in PACK_DOWNLOADS:
        raise Http404("No such download")

    def href(action_id: str, evidence_id: int) -> str:
        return request.build_absolute_uri(reverse("evidence", args=[plan.slug, action_id, evidence_id]))

    render, content_type = PACK_DOWNLOADS[fmt]
    response = HttpResponse(
        render(meeting_pack(meeting), plan.council, href, look_of(plan)), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-pack-{meeting.held}.{fmt}"'
    return response


@require_POST
@plan_page(_minutes)
def add_decision(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    meeting = meeting_of(plan, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _meeting_page(request, plan, access, meeting, decision_form=form)
    text = form.cleaned_data["text"]
    Decision.objects.create(meeting=meeting, text=text, actor=actor(request).name)
    record(plan, actor(request), Change.Kind.ADDED, "decision", f"{meeting}: {text}")
    messages.success(request, "The decision is recorded.")
    return redirect("meeting", plan.slug, meeting.pk)


@require_POST
@plan_page(_minutes)
def add_task(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    meeting = meeting_of(plan, pk)
    form = TaskForm(request.POST, plan=plan)
    if not form.is_valid():
        return _meeting_page(request, plan, access, meeting, task_form=form)
    data = form.cleaned_data
    action, due = data["action"], data["due"]
    owner_user, owner = form.owner_chosen()
    with transaction.atomic():
        task = RemedialTask.objects.create(
            meeting=meeting,
            action=action,
            description=data["description"],
            owner=owner,
            owner_user=owner_user,
            due=due,
        )
        record(
            plan,
            actor(request),
            Change.Kind.ADDED,
            "remedial task",
            f"{task.description} ({owner}, due {due:%d %B %Y})",
            action=action,
        )
        tell_owner(task)
    messages.success(request, "The remedial task is recorded.")
    return redirect("meeting", plan.slug, meeting.pk)


@require_POST
@plan_page(_minutes)
def task_done(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    task = get_object_or_404(RemedialTask.objects.select_related("meeting"), meeting__board__plan=plan, pk=pk)
    if task.status == RemedialTask.Status.OPEN:
        task.status, task.done = RemedialTask.Status.DONE, today()
        task.save(update_fields=["status", "done"])
        record(plan, actor(request), Change.Kind.CHANGED, "remedial task", "Done", "Open", action=task.action)
        messages.success(request, f"“{task.description}” is done.")
    return redirect("meeting", plan.slug, task.meeting_id)
