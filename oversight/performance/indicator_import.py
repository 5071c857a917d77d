"""Imports a file of indicators (their definitions) or of their values: all or nothing, every problem
reported by file, sheet, row and column, every change in the plan's audit log."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from oversight.accounts.models import Membership
from oversight.accounts.people import name_of
from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.problems import ImportFailed, Problem
from oversight.performance import indicator_form
from oversight.performance.annex_a_engine import annex_a_measures
from oversight.performance.indicator_file import IndicatorFile, name_key, read_indicator_file
from oversight.performance.indicator_form import DEFAULTS, FIELDS, Choices, Details, form_values, read
from oversight.performance.links import details_of, link, recommendation_choices
from oversight.performance.models import Indicator
from oversight.performance.value_file import KnownIndicator, read_value_file
from oversight.performance.values import record_values
from oversight.performance.versions import indicators_changed
from oversight.plans.models import Action, Plan
from oversight.plans.uploads import PendingImport


def _plan(slug: str, file: str) -> Plan:
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise ImportFailed([Problem(file, f"there is no plan '{slug}': import the plan first")])
    return plan


def _where(file: str, sheet: str) -> str:
    return file + (f", sheet '{sheet}'" if sheet else "")


@dataclass
class IndicatorImportSummary:
    plan: str
    file: str
    sheet: str
    added: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # name: what changed
    unchanged: int = 0
    title: str = ""  # the plan's title, to name it by

    def lines(self, done: bool = True) -> list[str]:
        """What the import did, or (not `done`: its preview) what it will do."""
        plan, where = f"'{self.title or self.plan}'", _where(self.file, self.sheet)
        lines = [
            f"Imported indicators into {plan} from {where}:"
            if done
            else f"Will import indicators into {plan} from {where}:",
            f"  indicators {'added' if done else 'to add'}: {len(self.added)}",
            f"  indicators {'changed' if done else 'to change'}: {len(self.changed)}",
            f"  indicators unchanged: {self.unchanged}",
        ]
        changed = "changed" if done else "to change"
        lines += [f"    {name}: {', '.join(what)} {changed}" for name, what in self.changed.items()]
        return lines


@dataclass(frozen=True)
class _Planned:
    """An indicator as it is (None: new) and as the file will leave it."""

    indicator: Indicator | None
    before: Details
    after: Details


def import_indicators(
    path: Path, slug: str, actor: Actor, *, sheet: str | None = None
) -> IndicatorImportSummary:
    """Adds the file's new indicators and brings those the plan has (matched by name, whatever the
    case or spacing) in line with it, links to actions and recommendations included. The columns a
    file leaves out are left as they are. ImportFailed (nothing changed) or what changed."""
    plan = _plan(slug, path.name)
    people: dict[str, str] = {}
    names: dict[int, str] = {}
    for user in (m.user for m in Membership.objects.filter(plan=plan).select_related("user")):
        people |= {key.casefold(): str(user.pk) for key in (user.username, user.email) if key}
        names[user.pk] = name_of(user)
    measures = {key: d.name for key, d in annex_a_measures().items()}
    parsed = read_indicator_file(path, people, measures, sheet)
    existing = {name_key(i.name): i for i in Indicator.objects.filter(plan=plan).select_related("owner")}
    for indicator in existing.values():  # an owner who has since left the plan stays until a file says
        if indicator.owner is not None:
            names.setdefault(indicator.owner.pk, name_of(indicator.owner))
    choices = Choices(
        owners={str(pk): name for pk, name in names.items()},
        measures=measures,
        action_ids=frozenset(Action.objects.filter(plan=plan).values_list("action_id", flat=True)),
        recommendations=frozenset(recommendation_choices(plan)),
    )
    planned = _check(plan, parsed, existing, choices)
    summary = IndicatorImportSummary(slug, parsed.file, parsed.sheet, title=plan.title)
    source = f"indicators import: {parsed.file}"
    with transaction.atomic():
        records = []
        for row in planned:
            found = indicator_form.changes(row.before, row.after, names)
            kind = Change.Kind.ADDED if row.indicator is None else Change.Kind.CHANGED
            if row.indicator is None:
                indicator = Indicator.objects.create(plan=plan, **row.after.model_fields())
                summary.added.append(row.after.name)
                records.append(
                    trail.change(
                        plan.pk,
                        actor,
                        source,
                        kind,
                        "indicator",
                        new=row.after.name,
                        indicator_id=indicator.pk,
                    )
                )
            elif found:
                indicator = row.indicator
                Indicator.objects.filter(pk=indicator.pk).update(**row.after.model_fields())
                summary.changed[row.after.name] = [what for what, _, _ in found]
            else:
                summary.unchanged += 1
                continue
            link(plan, indicator, row.after.actions, row.after.recommendations)
            field = f"indicator: {row.before.name[:250]}"
            records += [
                trail.change(
                    plan.pk, actor, source, kind, f"{field}, {what}", old, new, indicator_id=indicator.pk
                )
                for what, old, new in found
            ]
        Change.objects.bulk_create(records)
        indicators_changed(plan.pk)
    return summary


def _check(
    plan: Plan, parsed: IndicatorFile, existing: dict[str, Indicator], choices: Choices
) -> list[_Planned]:
    """Each row's indicator before and after, once every row is known to be right."""
    problems = list(parsed.problems)
    planned = []
    for row in parsed.indicators:
        indicator = existing.get(name_key(row.name))
        before = (
            details_of(plan, indicator) if indicator else read(dict.fromkeys(FIELDS, "") | {"name": row.name})
        )
        values = (form_values(before) if indicator else dict(DEFAULTS)) | row.given | {"name": row.name}
        if indicator is None and "polarity" not in row.given and not values["target"]:
            values["polarity"] = "higher"  # no target to miss: the trend reads higher as better
        found = indicator_form.problems(values, choices)
        problems += [
            Problem(
                parsed.file,
                _in_file_words(key, message, choices.measures),
                parsed.sheet,
                row.row,
                parsed.column(key),
            )
            for key, message in found.items()
        ]
        if not found:
            planned.append(_Planned(indicator, before, read(values)))
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: p.row or 0))
    return planned


def _in_file_words(key: str, message: str, measures: dict[str, str]) -> str:
    """The indicator form's messages, said of a file's cell: what the cell was expected to hold."""
    if key == "polarity":
        return "expected Higher is better or Lower is better: an indicator with a target needs one"
    if key == "measure":
        return f"an indicator computed from Annex A needs its measure: expected one of {', '.join(measures)}"
    return re.sub(r"(^|\. )Enter ", lambda m: "; expected " if m[1] else "expected ", message)


@dataclass
class ValueImportSummary:
    plan: str
    file: str
    sheet: str
    layout: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    blank: int = 0
    indicators: set[str] = field(default_factory=set)
    columns_not_read: list[str] = field(default_factory=list)
    title: str = ""  # the plan's title, to name it by

    def lines(self, done: bool = True) -> list[str]:
        """What the import did, or (not `done`: its preview) what it will do."""
        plan, where = f"'{self.title or self.plan}'", _where(self.file, self.sheet)
        lines = [
            f"Imported indicator values into {plan} from {where}:"
            if done
            else f"Will import indicator values into {plan} from {where}:",
            f"  values {'added' if done else 'to add'}: {self.added}",
            f"  values {'changed' if done else 'to change'}: {self.changed}",
            f"  values unchanged: {self.unchanged}",
            f"  indicators with values in the file: {len(self.indicators)}",
        ]
        if self.blank:
            lines.append(f"  blank cells {'skipped' if done else 'to skip'}: {self.blank}")
        if self.columns_not_read:
            lines.append(f"  columns not read: {', '.join(self.columns_not_read)}")
        return lines


def import_indicator_values(
    path: Path, slug: str, actor: Actor, *, sheet: str | None = None
) -> ValueImportSummary:
    """Records each value in the file through record_values (source 'import: FILE'), so each keeps its
    history; values the plan already has are left alone. ImportFailed (nothing changed) or what
    changed."""
    plan = _plan(slug, path.name)
    known = [
        KnownIndicator(pk, name, frequency)
        for pk, name, frequency in Indicator.objects.filter(plan=plan).values_list("pk", "name", "frequency")
    ]
    parsed = read_value_file(path, known, sheet)
    summary = ValueImportSummary(
        slug,
        parsed.file,
        parsed.sheet,
        parsed.layout,
        blank=parsed.blank,
        columns_not_read=parsed.columns_not_read,
        title=plan.title,
    )
    wanted = {cell.indicator.pk for cell in parsed.values}
    source = f"import: {parsed.file}"
    indicators = Indicator.objects.in_bulk(wanted)
    for cell in parsed.values:
        summary.indicators.add(cell.indicator.name)
    recorded = record_values(
        [(indicators[cell.indicator.pk], cell.period, cell.value) for cell in parsed.values],
        actor,
        source,
        {(c.indicator.pk, c.period): c.commentary for c in parsed.values if c.commentary is not None},
    )
    summary.added, summary.changed, summary.unchanged = recorded.added, recorded.changed, recorded.unchanged
    return summary


def import_uploaded_indicators(pending: PendingImport, slug: str, actor: Actor) -> IndicatorImportSummary:
    """A file of indicators uploaded on the scorecard's import page (plans/uploads.py)."""
    return import_indicators(pending.path, slug, actor, sheet=pending.sheet)


def import_uploaded_values(pending: PendingImport, slug: str, actor: Actor) -> ValueImportSummary:
    """A file of indicator values uploaded on the scorecard's import page (plans/uploads.py)."""
    return import_indicator_values(pending.path, slug, actor, sheet=pending.sheet)
