"""A caseload policy: the band of open cases per worker for each type of team."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    team_type: str
    low: int | None
    high: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}" if self.low else f"up to {self.high}"


# the bands the seed councils publish; a council sets its own
DEFAULT_POLICY = (
    Band("Safeguarding", 12, 15),
    Band("Court", 8, 10),
    Band("Children looked after", 10, 12),
    Band("Care leavers", None, 20),
    Band("Independent reviewing officers", None, 60),
)
