"""Template filters for the council's words: RAG labels and months."""

from __future__ import annotations

from datetime import date

from django import template

from oversight.lib.months import month_name
from oversight.lib.tables import Table
from oversight.lib.word import column_shares
from oversight.plans.models import RAG

register = template.Library()
RAG_LABELS = dict(RAG.choices)  # RAG.values builds a new list on every call


@register.filter
def rag_label(code: str | None) -> str:
    return RAG_LABELS.get(code, "No status") if isinstance(code, str) else "No status"


@register.filter
def month(value: date | None) -> str:
    return month_name(value) if value else ""


@register.filter
def column_widths(table: Table) -> list[float]:
    """A paper's table columns as shares of its width, laid out as in the Word paper."""
    return column_shares(table, landscape=True)


@register.filter
def thousands(value: int | None) -> str:
    """1234567 as 1,234,567."""
    return "" if value is None else f"{value:,}"
