"""The kinds of file Oversight imports, recognised by their columns: a file chosen as one kind that is
clearly another (a status file uploaded as the plan) is named for what it is, instead of failing on a
column it was never meant to have. Each app registers the kinds it imports (plans its own here;
governance and performance in their AppConfig.ready), so plans never imports them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, has_header, read_sheets
from oversight.plans.plan_file import PLAN_COLUMNS
from oversight.plans.reading_limits import reading_limits
from oversight.plans.status_file import STATUS_COLUMNS


@dataclass(frozen=True)
class FileKind:
    kind: str  # as an upload names it: "plan", "status", "recommendations", …
    label: str  # "a plan", "a status file"
    choose: str  # what to do instead: "choose 'RAG statuses' on the Import page"
    columns: Sequence[Column]

    def described(self) -> str:
        return ", ".join(c.label for c in self.columns if c.required)


_kinds: dict[str, FileKind] = {}


def register(kind: FileKind) -> None:
    _kinds[kind.kind] = kind


register(FileKind("plan", "a plan", "choose 'The plan' on the Import page", PLAN_COLUMNS))
register(
    FileKind("status", "a file of RAG statuses", "choose 'RAG statuses' on the Import page", STATUS_COLUMNS)
)


def wrong_kind(path: Path, sheet: str | None, chosen: str) -> Problem | None:
    """What the file is, if it is clearly one other kind than the one chosen (it has every column
    that kind needs, and only that kind fits); None when it is not clear."""
    try:
        sheets = read_sheets(path, reading_limits(), sheet)
    except ImportFailed:
        return None
    fits = [kind for kind in _kinds.values() if has_header(sheets, kind.columns)]
    if len(fits) != 1 or fits[0].kind == chosen or chosen not in _kinds:
        return None
    found, wanted = fits[0], _kinds[chosen]
    return Problem(
        path.name,
        f"this looks like {found.label} ({found.described()} columns), not {wanted.label}: {found.choose}",
    )
