"""The sentences of the exception report's analysis, written from its figures."""

from __future__ import annotations

from oversight.lib.months import month_name
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.paper_appendices import Appendix, numbered


def actions(count: int) -> str:
    return f"{count} action{'' if count == 1 else 's'}"


def sentence(text: str) -> str:
    """The text with its first letter in capitals (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def background(report: ExceptionReport) -> list[str]:
    return [
        "The improvement plan is RAG rated to record progress against timescales. Green shows "
        "that the action is completed, Amber that it is in progress, Red that an action has not "
        "progressed within its published timescale and White that the work is not planned to "
        "start yet.",
        f"This report focuses on actions that have been RAG rated Red up to "
        f"{report.as_at:%-d %B %Y}. An action is due when the last month of its timescale is "
        f"{month_name(report.month)} or earlier.",
    ]


def summary(report: ExceptionReport) -> list[str]:
    """The opening paragraph: what was due, what is Red, and what was left out."""
    sentences = [
        f"For the period {month_name(report.period_start)} to {month_name(report.month)} there "
        f"have been a total of {actions(report.due)} that needed to be started or completed.",
    ]
    if report.in_progress_not_yet_due:
        sentences.append(
            f"A further {actions(report.in_progress_not_yet_due)} are in progress but not due "
            "to be completed until after the reporting period; they are not included in this "
            "analysis."
        )
    sentences.append(
        f"{sentence(actions(report.red))} ({report.red_percent}%) "
        f"{'has' if report.red == 1 else 'have'} not progressed within the published timescale "
        "and are RAG rated Red."
        if report.red
        else "No due action is RAG rated Red."
    )
    if report.red:
        sentences.append(safeguarding(report))
    paragraphs = [" ".join(sentences)]
    if report.complete_verified or report.complete_awaiting:
        verified, awaiting = report.complete_verified, report.complete_awaiting
        counted = "Green" if report.unverified_count_as_green else "Amber"
        paragraphs.append(
            f"Of the actions rated Green, {verified} {'has' if verified == 1 else 'have'} had "
            f"{'its' if verified == 1 else 'their'} completion verified by the board and {awaiting} "
            f"{'is' if awaiting == 1 else 'are'} complete, awaiting verification (counted as {counted} "
            "in this report)."
        )
    if report.complete_but_red:
        ids = [c.action_id for c in report.complete_but_red]
        one = len(ids) == 1
        paragraphs.append(
            f"{sentence(actions(len(ids)))} rated Green {'is' if one else 'are'} complete, but the measure "
            f"{'it was' if one else 'each was'} meant to move is Red: {join(ids)}."
        )
    return paragraphs


def safeguarding(report: ExceptionReport) -> str:
    """Whether the Red actions' delays pose an immediate safeguarding risk, as the councils report it."""
    at_risk, not_said = report.red_at_risk, report.red_risk_not_said
    if not at_risk and not not_said:
        return "None of them poses an immediate safeguarding risk."
    said = []
    if at_risk:
        said.append(
            f"{at_risk} of them {'poses' if at_risk == 1 else 'pose'} an immediate safeguarding risk (listed "
            "first in Appendix 1, with what is being done about it)"
        )
    if not_said:
        said.append(
            f"{'the statuses of ' if at_risk else ''}{not_said} {'does' if not_said == 1 else 'do'} not say "
            "whether the delay poses an immediate safeguarding risk"
        )
    return sentence("; ".join(said)) + "."


def by_priority(report: ExceptionReport) -> list[str]:
    """Which priorities are slowest (by share of due actions Red) and which have most Red."""
    red_rows = [r for r in report.by_priority if r.red]
    if not red_rows:
        return []
    slowest = sorted(red_rows, key=lambda r: (-r.red / r.due, -r.red, r.priority))
    top = [r for r in slowest if r.red * slowest[0].due == slowest[0].red * r.due]
    if len(top) < 2 and len(slowest) > 1:
        top = slowest[:2]
    slow_text = join(
        [
            f"{report.priority_name(r.priority)}, where {r.red} of the {actions(r.due)} due "
            f"({r.red_percent}%) {'is' if r.red == 1 else 'are'} Red"
            for r in top
        ]
    )
    most = sorted(red_rows, key=lambda r: (-r.red, r.priority))
    leaders = [r for r in most if r.red == most[0].red]
    rest = [r for r in most if r.red < most[0].red][:3]
    most_text = (
        f"{join([report.priority_name(r.priority) for r in leaders])} "
        f"{'has' if len(leaders) == 1 else 'have'} the most Red actions ({most[0].red}"
        f"{'' if len(leaders) == 1 else ' each'})"
    )
    if rest:
        most_text += ", followed by " + join([f"{report.priority_name(r.priority)} ({r.red})" for r in rest])
    return [
        f"The {'priority' if len(top) == 1 else 'priorities'} with the slowest progress, by "
        f"share of due actions rated Red, {'is' if len(top) == 1 else 'are'} {slow_text}.",
        f"{most_text}.",
    ]


def movement(report: ExceptionReport) -> list[str]:
    """What changed since last month's report."""
    previous, current = month_name(report.previous_month), month_name(report.month)
    paragraphs = [
        f"From the period ending {previous} to the period ending {current} there "
        f"{'was' if report.new_due == 1 else 'were'} {report.new_due} new "
        f"{'action' if report.new_due == 1 else 'actions'} that needed to be completed. Of "
        f"those, {report.new_due_red} {'is' if report.new_due_red == 1 else 'are'} RAG rated Red."
    ]
    if not report.previous_recorded:
        paragraphs.append(
            f"No statuses were recorded for {previous}, so there is no earlier month to compare with."
        )
        return paragraphs
    remaining = report.previously_red - len(report.no_longer_red)
    text = (
        f"Of the {actions(report.previously_red)} Red in {previous}, {remaining} "
        f"{'remains' if remaining == 1 else 'remain'} Red."
    )
    if report.no_longer_red:
        moved = join([f"{a} (now {now})" for a, now in report.no_longer_red])
        text += (
            f" {sentence(actions(len(report.no_longer_red)))} "
            f"{'is' if len(report.no_longer_red) == 1 else 'are'} no longer Red: {moved}."
        )
    if report.newly_red:
        text += (
            f" {sentence(actions(len(report.newly_red)))} "
            f"{'has' if len(report.newly_red) == 1 else 'have'} become Red: "
            f"{join(report.newly_red)}."
        )
    paragraphs.append(text)
    return paragraphs


def by_deadline(report: ExceptionReport) -> list[str]:
    """How many Red actions were due in which month, and the oldest."""
    if not report.red:
        return []
    largest = max(report.by_deadline, key=lambda r: (r.count, r.last_month))
    text = (
        f"Of the {actions(report.red)} that have not been completed within the published "
        f"timescale, the most ({largest.percent}%, {actions(largest.count)}) were due to be "
        f"completed in {largest.deadline}."
    )
    others = [r for r in report.by_deadline if r is not largest][:3]
    if others:
        text += (
            " "
            + sentence(
                join(
                    [
                        f"{actions(r.count)} {'was' if r.count == 1 else 'were'} due in {r.deadline}"
                        for r in others
                    ]
                )
            )
            + "."
        )
    if report.oldest_deadline is not None:
        oldest = [a for a in report.red_actions if a.action_id in report.oldest_red]
        priorities = sorted({a.priority for a in oldest})
        text += (
            f" The oldest {'is' if len(oldest) == 1 else 'are'} from "
            f"{month_name(report.oldest_deadline)} ({join(report.oldest_red)}, "
            f"{join([report.priority_name(p) for p in priorities])})."
        )
    return [text]


def analysis(report: ExceptionReport) -> dict[str, list[str]]:
    """Paragraphs keyed by the table they follow."""
    return {
        "summary": summary(report),
        "table1": by_priority(report),
        "table2": movement(report),
        "table3": by_deadline(report),
    }


CURRENT_STATUS = "Current status on Red actions (see Appendix 1)"
NO_RED = "No due action is RAG rated Red."
MEASURE_RED_MEANS = (
    "Actions rated Green whose linked performance indicator is rated Red: the work is done, but the change it"
    " was meant to bring is not yet seen."
)


def statuses_to_check(report: ExceptionReport) -> str:
    return f"{len(report.warnings)} statuses contradict the dates or are missing."


def appendix_heading(report: ExceptionReport) -> str:
    return f"Appendix 1: actions not progressed up to {report.as_at:%-d %B %Y}"


def more_appendices(report: ExceptionReport) -> list[tuple[str, Appendix]]:
    """The appendices the plan's papers carry after the Red actions: ("Appendix 2: Improvement funding",
    …)."""
    return numbered(report.appendices, 2)


def appendices_said(report: ExceptionReport) -> str:
    """'Appendix 1 lists every action RAG rated Red with its commentary; Appendix 2 sets out the
    improvement funding and Appendix 3 the workforce.'"""
    said = "Appendix 1 lists every action RAG rated Red with its commentary"
    more = [f"Appendix {n} {'sets out ' if n == 2 else ''}the {a.title[:1].lower() + a.title[1:]}"
            for n, a in enumerate(report.appendices, start=2)]  # fmt: skip
    if more:
        said += "; " + (", ".join(more[:-1]) + " and " + more[-1] if len(more) > 1 else more[0])
    return said + "."


NO_COMMENTARY = "No commentary was given with its Red status."


def current_status(report: ExceptionReport) -> list[tuple[str, list[str]]]:
    """Each priority with Red actions and, for each, its number and its latest commentary ("1.7.2 – The
    service is …"), as the councils write section 5 of the report."""
    groups: dict[int, list[str]] = {}
    for a in report.red_actions:
        groups.setdefault(a.priority, []).append(f"{a.action_id} – {a.commentary or NO_COMMENTARY}")
    return [(report.priority_name(number), lines) for number, lines in groups.items()]


def slippage(report: ExceptionReport) -> str:
    """The slippage section's sentence: re-timed this month, in all, and by how many months."""
    total = report.slippage_total
    this_month = (
        f"In {month_name(report.month)} the timescales of {actions(total.retimed_this_month)} were revised"
        if total.retimed_this_month
        else f"No timescale was revised in {month_name(report.month)}"
    )
    return (
        f"{this_month}. {sentence(actions(total.retimed))} in the plan now "
        f"{'has' if total.retimed == 1 else 'have'} a revised timescale, "
        f"{total.months} month{'' if total.months == 1 else 's'} later than first planned in all. Each month "
        "counts an action against the timescale in force in it; the original timescales are kept."
    )


def withdrawn(report: ExceptionReport) -> str:
    count = len(report.withdrawn)
    return (
        f"{sentence(actions(count))} {'has' if count == 1 else 'have'} been withdrawn as no longer "
        "applicable: from the month of its withdrawal, an action is not counted as due or Red."
    )
