"""The programme's figures offered to the scorecard (plans/programme_figures.py): case audits graded good
or better, completed on time, each domain graded good or better, and moderated grades changed, month by
month, each a part of a whole."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from oversight.plans.programme_figures import Figure, Monthly
from oversight.quality.figures import by, completion, good_or_better, moderation
from oversight.quality.models import ToolVersion
from oversight.quality.reading import audit_counts, grade_counts

GOOD, ON_TIME, CHANGED = "audits-good", "audits-on-time", "moderation-changed"
DOMAIN = "domain-good:"  # and the domain's name
FIXED = (
    Figure(GOOD, "Case audits graded good or better"),
    Figure(ON_TIME, "Case audits completed on time"),
    Figure(CHANGED, "Moderated case audits whose grade changed", polarity="lower"),
)
EVERY_MONTH = (date.min, date.max)


class CaseAuditFigures:
    def offered(self, plan_id: int) -> list[Figure]:
        domains: dict[str, None] = {}
        for listed in (
            ToolVersion.objects.filter(tool__plan_id=plan_id)
            .order_by("tool__name", "-number")
            .values_list("domains", flat=True)
        ):
            domains |= dict.fromkeys(d["name"] for d in listed)
        return [*FIXED, *(Figure(DOMAIN + name, f"{name} graded good or better") for name in domains)]

    def monthly(self, plan_id: int, keys: Collection[str], day: date) -> dict[str, dict[date, Monthly]]:
        wanted = set(keys)
        found: dict[str, dict[date, Monthly]] = {}
        if wanted & {GOOD, ON_TIME, CHANGED}:
            by_month = by(audit_counts(plan_id, *EVERY_MONTH, day), lambda count: count.month)
            for key, share in (
                (GOOD, lambda rows: good_or_better(rows)),
                (ON_TIME, lambda rows: completion(rows).on_time_share),
                (CHANGED, lambda rows: moderation(rows).change_rate),
            ):
                if key in wanted:
                    found[key] = {
                        month: Monthly(s.part, s.whole)
                        for month, rows in by_month.items()
                        if (s := share(rows)).whole
                    }
        domains = {key.removeprefix(DOMAIN) for key in wanted if key.startswith(DOMAIN)}
        if domains:
            sums: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
            for count in grade_counts(plan_id, *EVERY_MONTH):
                if count.domain in domains:
                    month = sums[count.domain][count.month]
                    month[0] += count.good
                    month[1] += count.graded
            for name, months in sums.items():
                found[DOMAIN + name] = {m: Monthly(part, whole) for m, (part, whole) in months.items()}
        return found
