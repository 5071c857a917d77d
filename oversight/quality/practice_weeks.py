"""Practice weeks: the activities of a week given over to practice (Bromley's "33 activities": 5 review
conferences, 20 team-based discussions, 3 live audits …), typed a kind a line with its count. Pure."""

from __future__ import annotations

import re

LINE = re.compile(r"\s*(\d{1,6})\s+(.+?)\s*")
MAX_KINDS = 50
KIND_LIMIT = 200


def parse_activities(text: str) -> tuple[list[tuple[str, int]], list[str]]:
    """'20 team-based discussions' a line: each kind with its count; and every problem, by its line."""
    found: list[tuple[str, int]] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        return [], [
            "Enter at least one activity: its number, then what it was, for example 20 team-based discussions"
        ]
    if len(lines) > MAX_KINDS:
        return [], [f"Enter no more than {MAX_KINDS} kinds of activity"]
    for number, line in lines:
        match = LINE.fullmatch(line)
        if match is None:
            problems.append(
                f"Line {number}: start with how many, then what they were, for example 5 review conferences"
            )
            continue
        kind = " ".join(match.group(2).split())
        if len(kind) > KIND_LIMIT:
            problems.append(f"Line {number}: what they were must be {KIND_LIMIT} characters or less")
        elif kind.casefold() in seen:
            problems.append(f"Line {number}: {kind} is already on line {seen[kind.casefold()]}")
        seen.setdefault(kind.casefold(), number)
        found.append((kind, int(match.group(1))))
    return ([] if problems else found), problems
