"""Template filters for the council's words: RAG labels and months."""

from __future__ import annotations

from datetime import date

from django import template

from oversight.lib.months import month_name
from oversight.plans.models import RAG

register = template.Library()


@register.filter
def rag_label(code: str | None) -> str:
    return RAG(code).label if code in RAG.values else "No status"


@register.filter
def month(value: date | None) -> str:
    return month_name(value) if value else ""
