"""Deterministic benchmark data: a plan (CSV, XLSX, and a re-issue with ~2% changed) and monthly statuses."""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from timescale_text import Written, write_timescale
from wording import LEADS, agencies, commentary, key_action, priority_name

from oversight.lib.months import add_months, last_day, months_between

SEED = 20161
START = date(2016, 5, 1)
PRIORITIES = 10
PLAN_HEADER = ("Priority", "Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale")
STATUS_HEADER = ("Action ID", "RAG", "Commentary")
RAG_WORDS = {"G": "Green", "A": "Amber", "R": "Red", "W": "White"}


@dataclass(frozen=True)
class PlanAction:
    priority: int
    action_id: str
    key_action: str
    lead: str
    agencies: str
    timescale: Written
    done: int | None  # months after its deadline the action is completed; None if it never is

    def cells(self, as_dates: bool = False) -> tuple[object, ...]:
        when: object = self.timescale.text
        if as_dates and self.timescale.as_date is not None:
            when = datetime.combine(self.timescale.as_date, datetime.min.time())
        return (priority_name(self.priority), self.action_id, self.key_action, self.lead, self.agencies, when)


@dataclass(frozen=True)
class Dataset:
    """The files written, and what they hold."""

    directory: Path
    plan_csv: Path
    plan_xlsx: Path
    changed_csv: Path
    changed: int
    statuses: list[tuple[date, Path]]  # (as-at date, file), oldest first


def plan_actions(rng: random.Random, count: int, months: int, start: date = START) -> list[PlanAction]:
    """`count` actions numbered '3.12.4' (priority.objective.action) across ten priorities, with
    timescales ending in one of the `months` months from `start`."""
    actions = []
    for priority in range(1, PRIORITIES + 1):
        wanted = count // PRIORITIES + (1 if priority <= count % PRIORITIES else 0)
        objective = 0
        while wanted > 0:
            objective += 1
            size = min(wanted, rng.randint(8, 30))
            wanted -= size
            for number in range(1, size + 1):
                delay = rng.random()
                actions.append(
                    PlanAction(
                        priority=priority,
                        action_id=f"{priority}.{objective}.{number}",
                        key_action=key_action(rng),
                        lead=rng.choice(LEADS),
                        agencies=agencies(rng),
                        timescale=write_timescale(rng, start, months),
                        done=0 if delay < 0.7 else (None if delay > 0.95 else rng.randint(1, 8)),
                    )
                )
    return actions


def changed_plan(rng: random.Random, actions: list[PlanAction], share: float) -> list[PlanAction]:
    """The plan re-issued with `share` of its actions reworded, re-led or rescheduled."""
    chosen = set(rng.sample(range(len(actions)), round(len(actions) * share)))
    result = []
    for index, action in enumerate(actions):
        if index in chosen:
            kind = index % 3
            if kind == 0:
                action = replace(action, key_action=action.key_action[:-1] + ", and report to Cabinet.")
            elif kind == 1:
                action = replace(action, lead=rng.choice([lead for lead in LEADS if lead != action.lead]))
            else:
                last = add_months(action.timescale.last, rng.randint(1, 3))
                action = replace(action, timescale=Written(f"{last:%b-%y}", last, last))
        result.append(action)
    return result


def rag_for(rng: random.Random, action: PlanAction, month: date) -> str:
    """A status consistent with the action's dates: White before it starts, Red when overdue."""
    first, last = action.timescale.first, action.timescale.last
    if month < first:
        return "W" if rng.random() < 0.97 else "G"
    late = months_between(last, month)
    if action.done is not None and late >= action.done:
        return "G"
    if late >= 0:
        return "R" if rng.random() < 0.8 else "A"
    roll = rng.random()
    return "G" if roll < 0.75 else ("A" if roll < 0.95 else "R")


def status_rows(rng: random.Random, actions: list[PlanAction], as_at: date) -> list[tuple[str, str, str]]:
    month = as_at.replace(day=1)
    share = {"R": 0.9, "A": 0.85, "G": 0.15, "W": 0.01}
    rows = []
    for action in actions:
        rag = rag_for(rng, action, month)
        text = commentary(rng) if rng.random() < share[rag] else ""
        rows.append((action.action_id, RAG_WORDS[rag], text))
    return rows


def write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, actions: list[PlanAction]) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Improvement Plan")
    sheet.append(["Children's Services Improvement Plan 2016-2019"])
    sheet.append([])
    sheet.append(list(PLAN_HEADER))
    for action in actions:
        sheet.append(list(action.cells(as_dates=True)))
    book.save(path)
    return path


def generate(
    directory: Path, count: int = 5000, months: int = 36, seed: int = SEED, start: date = START
) -> Dataset:
    """Writes every benchmark file into `directory`; the same arguments always give the same files.
    The plan and its monthly statuses begin in the month of `start` (a first day of a month)."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    actions = plan_actions(rng, count, months, start)
    changed = changed_plan(random.Random(seed + 1), actions, 0.02)
    plan_csv = write_csv(directory / "plan.csv", PLAN_HEADER, [a.cells() for a in actions])
    changed_csv = write_csv(directory / "plan_changed.csv", PLAN_HEADER, [a.cells() for a in changed])
    statuses = []
    status_rng = random.Random(seed + 2)
    for index in range(months):
        as_at = last_day(add_months(start, index))
        path = directory / f"status_{as_at:%Y-%m-%d}.csv"
        statuses.append((as_at, write_csv(path, STATUS_HEADER, status_rows(status_rng, actions, as_at))))
    return Dataset(
        directory=directory,
        plan_csv=plan_csv,
        plan_xlsx=write_xlsx(directory / "plan.xlsx", actions),
        changed_csv=changed_csv,
        changed=sum(1 for a, b in zip(actions, changed, strict=True) if a != b),
        statuses=statuses,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path, nargs="?", default=Path(__file__).parent / "out")
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--months", type=int, default=36)
    args = parser.parse_args()
    data = generate(args.directory, args.actions, args.months)
    print(
        f"wrote {data.plan_csv}, {data.plan_xlsx}, {data.changed_csv} and {len(data.statuses)} status files"
    )


if __name__ == "__main__":
    main()
