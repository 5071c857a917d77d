"""The governance pages: boards with their rotation, and meetings with their pack, decisions and tasks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.models import Membership
from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.governance.audit import record
from oversight.governance.models import Board, Decision, Meeting, RemedialTask
from oversight.governance.pack_data import meeting_pack
from oversight.governance.render import pack as pack_render
from oversight.governance.rotation import default_max_gap
from oversight.governance.schedule import rotation
from oversight.lib.lengths import LONG_TEXT, limit_of, too_long
from oversight.lib.months import parse_iso_date
from oversight.plans.access import plan_page
from oversight.plans.models import Action, Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today


def _minutes(access: Access) -> bool:
    return access.can_minute_meetings


def governance_crumbs(plan: Plan, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return plan_crumbs(plan, ("Governance", reverse("governance", args=[plan.slug])), *more)


@plan_page()
def governance(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    values = {"name": "", "kind": Board.Kind.TEAM}
    problems: dict[str, str] = {}
    if request.method == "POST":
        if not access.manages:
            raise Http404  # only the form's own users see it
        values = {name: request.POST.get(name, "").strip() for name in values}
        if not values["name"]:
            problems["name"] = "Enter the board's name, for example Improvement Team Board"
        elif len(values["name"]) > limit_of(Board, "name"):
            problems["name"] = too_long("The board's name", limit_of(Board, "name"))
        if values["kind"] not in Board.Kind.values:
            problems["kind"] = "Select what kind of board it is"
        if not problems:
            board = Board.objects.create(plan=plan, name=values["name"], kind=values["kind"])
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
            "kinds": Board.Kind.choices,
            "values": values,
            "problems": problems,
            "form_errors": list(problems.items()),
        },
        status=400 if problems else 200,
    )


@plan_page()
def board_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    board = get_object_or_404(Board, plan=plan, pk=pk)
    try:
        start, weeks = rotation(board, today())
        rotation_problem = ""
    except ValueError as error:
        start, weeks, rotation_problem = today(), [], str(error)
    titles = dict(plan.priorities.values_list("number", "title"))
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
            "first_week": set(weeks[0].priorities) if weeks else set(),
            "gap": board.max_gap_weeks
            or default_max_gap(plan.priorities.count(), board.priorities_per_meeting),
            "priorities": plan.priorities.all(),
            "people": Membership.objects.filter(plan=plan).select_related("user"),
            "today": today(),
        },
    )


@require_POST
@plan_page(lambda access: access.manages)
def board_settings(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    board = get_object_or_404(Board, plan=plan, pk=pk)
    per_meeting, gap = request.POST.get("per_meeting", "").strip(), request.POST.get("max_gap", "").strip()
    if not per_meeting.isdigit() or not 1 <= int(per_meeting) <= 10 or (gap and not gap.isdigit()):
        messages.error(
            request, "Enter the priorities a meeting takes (1 to 10) and the most weeks one may wait."
        )
        return redirect("board", plan.slug, board.pk)
    old = f"{board.priorities_per_meeting} a meeting, gap {board.max_gap_weeks or 'default'}"
    board.priorities_per_meeting, board.max_gap_weeks = int(per_meeting), int(gap) if gap else None
    board.save(update_fields=["priorities_per_meeting", "max_gap_weeks"])
    new = f"{board.priorities_per_meeting} a meeting, gap {board.max_gap_weeks or 'default'}"
    record(plan, actor(request), Change.Kind.CHANGED, f"rotation of {board.name}", new, old)
    messages.success(request, "The rotation's settings are saved.")
    return redirect("board", plan.slug, board.pk)


@require_POST
@plan_page(_minutes)
def add_meeting(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    board = get_object_or_404(Board, plan=plan, pk=pk)
    held = parse_iso_date(request.POST.get("held", ""))
    apologies = request.POST.get("apologies", "").strip()
    if held is None or len(apologies) > LONG_TEXT:
        wrong = "Enter the meeting's date as YYYY-MM-DD" if held is None else too_long("Apologies", LONG_TEXT)
        messages.error(request, f"{wrong}.")
        return redirect("board", plan.slug, board.pk)
    meeting = Meeting.objects.create(board=board, held=held, apologies=apologies)
    numbers = [int(n) for n in request.POST.getlist("priority") if n.isdigit()]
    meeting.priorities.set(plan.priorities.filter(number__in=numbers))
    users = get_user_model().objects.filter(pk__in=request.POST.getlist("attended"), memberships__plan=plan)
    meeting.attended.set(users)
    board.members.add(*users)
    record(plan, actor(request), Change.Kind.ADDED, "meeting", f"{board.name}, {held:%d %B %Y}")
    messages.success(request, f"The meeting on {held:%d %B %Y} is recorded.")
    return redirect("meeting", plan.slug, meeting.pk)


def meeting_of(plan: Plan, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("board"), board__plan=plan, pk=pk)


@plan_page()
def meeting_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    meeting = meeting_of(plan, pk)
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
            "live": pack.as_it_stood is None,
            "red_amber": pack_render.red_amber(pack),
            "tasks_due": pack_render.tasks_due(pack),
            "standing": pack_render.standing(pack),
            "focus": pack_render.focus(pack),
            "decisions": meeting.decisions.all(),
            "tasks": meeting.tasks.select_related("action"),
            "attended": meeting.attended.all(),
            "today": today(),
        },
    )


@plan_page()
def pack_download(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    meeting = meeting_of(plan, pk)

    def href(action_id: str, evidence_id: int) -> str:
        return request.build_absolute_uri(reverse("evidence", args=[plan.slug, action_id, evidence_id]))

    response = HttpResponse(
        pack_render.render_docx(meeting_pack(meeting), href),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-pack-{meeting.held}.docx"'
    return response


@require_POST
@plan_page(_minutes)
def add_decision(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    meeting = meeting_of(plan, pk)
    text = request.POST.get("text", "").strip()
    if not text or len(text) > LONG_TEXT:
        messages.error(
            request, "Enter the decision." if not text else too_long("The decision", LONG_TEXT) + "."
        )
    else:
        Decision.objects.create(meeting=meeting, text=text, actor=actor(request).name)
        record(plan, actor(request), Change.Kind.ADDED, "decision", f"{meeting}: {text}")
        messages.success(request, "The decision is recorded.")
    return redirect("meeting", plan.slug, meeting.pk)


@require_POST
@plan_page(_minutes)
def add_task(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    meeting = meeting_of(plan, pk)
    description = request.POST.get("description", "").strip()
    owner = request.POST.get("owner", "").strip()
    due = parse_iso_date(request.POST.get("due", ""))
    action_id = request.POST.get("action", "").strip()
    action = Action.objects.filter(plan=plan, action_id=action_id).first() if action_id else None
    wrong = [
        message
        for failed, message in (
            (not description, "Enter what is to be done"),
            (len(description) > LONG_TEXT, too_long("What is to be done", LONG_TEXT)),
            (not owner, "Enter who will do it"),
            (
                len(owner) > limit_of(RemedialTask, "owner"),
                too_long("Who will do it", limit_of(RemedialTask, "owner")),
            ),
            (due is None, "Enter the date it is due, as YYYY-MM-DD"),
            (bool(action_id) and action is None, f"There is no action {action_id} in this plan"),
        )
        if failed
    ]
    if wrong:
        messages.error(request, "; ".join(wrong) + ".")
        return redirect("meeting", plan.slug, meeting.pk)
    assert due is not None
    task = RemedialTask.objects.create(
        meeting=meeting, action=action, description=description, owner=owner, due=due
    )
    record(
        plan,
        actor(request),
        Change.Kind.ADDED,
        "remedial task",
        f"{task.description} ({owner}, due {due:%d %B %Y})",
        action=action,
    )
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
