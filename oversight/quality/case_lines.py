"""Cases typed into a cohort, one a line: the child's ID (or Annex A pseudonym), the team and, if known,
the worker, separated by commas. Every problem is named with its line. Pure."""

from __future__ import annotations

import re

from oversight.quality.sampling import Case

MAX_CASES = 2000
ID_LIMIT, NAME_LIMIT = 50, 200
# an ID, never a name: letters, digits and - _ / . without spaces
CHILD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/.]*")


def parse_cases(text: str) -> tuple[list[Case], list[str]]:
    cases: list[Case] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        return [], ["Enter at least one case: the child's ID, then the team, then the worker"]
    if len(lines) > MAX_CASES:
        return [], [f"Enter no more than {MAX_CASES:,} cases in one cohort"]
    for number, line in lines:
        parts = [" ".join(part.split()) for part in line.split(",")]
        ref, team, worker = (parts + ["", ""])[:3]
        where = f"Line {number}"
        if len(parts) > 3:
            problems.append(
                f"{where}: expected the child's ID, the team and the worker, found {len(parts)} parts"
            )
            continue
        if not CHILD_ID.fullmatch(ref):
            problems.append(
                f"{where}: '{ref[:60]}' is not a child's ID: letters, digits and - _ / . only, with no spaces"
                " (a case is named by its ID, never by the child's name)"
            )
        elif len(ref) > ID_LIMIT:
            problems.append(f"{where}: the child's ID must be {ID_LIMIT} characters or less")
        elif ref.casefold() in seen:
            problems.append(f"{where}: {ref} is already on line {seen[ref.casefold()]}")
        if not team:
            problems.append(f"{where}: enter the team after the child's ID")
        if len(team) > NAME_LIMIT or len(worker) > NAME_LIMIT:
            problems.append(f"{where}: a team's or worker's name must be {NAME_LIMIT} characters or less")
        seen.setdefault(ref.casefold(), number)
        cases.append(Case(team, worker, ref))
    return ([] if problems else cases), problems
