"""Action IDs such as '5.8.3': natural ordering (1.9 before 1.10), the priority they start with, and
whether one can be part of an action's web address."""

from __future__ import annotations

import re
from collections.abc import Collection

_CHUNK = re.compile(r"\d+|[^\d]+")


def sort_key(action_id: str) -> str:
    """A string that sorts like the Action ID reads: numbers by value, so '1.9' < '1.10'."""
    parts = []
    for chunk in _CHUNK.findall(action_id.strip().lower()):
        parts.append(chunk.zfill(8) if chunk.isdigit() else chunk)
    return "".join(parts)


def split_action_ids(text: str) -> tuple[str, ...]:
    """The Action IDs in a list as people write one: '5.1.1, 5.1.2', '5.1.1 5.1.2', '5.1.1; 5.1.2'."""
    return tuple(part for part in re.split(r"[\s,;/]+", text) if part)


def leading_number(action_id: str) -> int | None:
    """The priority number an Action ID starts with ('5.8.3' -> 5), or None."""
    m = re.match(r"\s*[a-z]*\s*(\d+)", action_id, re.IGNORECASE)
    return int(m.group(1)) if m else None


def looks_like_action_id(text: str) -> bool:
    """'5.8.3', '10.2', 'P5.1a': what a plan's Action ID column holds, unlike a heading."""
    return re.fullmatch(r"[a-z]{0,3}\s?\d+(?:[.\-]\d+)*[a-z]?", text.strip(), re.IGNORECASE) is not None


def address_problem(action_id: str) -> str | None:
    """Why an Action ID cannot be part of its action's web address (/plans/demo/actions/5.8.3/), or None.
    '/' separates the parts of an address, and browsers read '.' and '..' as 'this' and 'the parent'."""
    if "/" in action_id:
        return f"Action ID {action_id} holds '/', which cannot be part of a web address: write it as 5.8.3"
    if not action_id.strip("."):
        return f"Action ID {action_id} is only dots: write it as 5.8.3"
    if not action_id.isprintable():
        return "an Action ID cannot hold a line break, a tab or another invisible character"
    return None


def in_plan(text: str, known: Collection[str]) -> tuple[tuple[str, ...], str]:
    """The action IDs typed ('4.2, 4.3'), and what is wrong with them ('' when each is in the plan)."""
    found = split_action_ids(text)
    missing = [a for a in found if a not in known]
    if missing:
        return found, f"Not in this plan: {', '.join(missing)}. Enter action IDs such as 4.2, 4.3"
    return found, ""
