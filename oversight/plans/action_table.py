"""The rows of an action table (the action list, a priority, "My actions"), made ready in Python.

A page of the action list has 50 rows; through the template language each row's link, tag,
shortened text and date cost more than all the rest of the page, so they are prepared here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator

from oversight.plans.action_rows import ActionRow
from oversight.plans.templatetags.oversight import rag_label

KEY_ACTION_WORDS = 30
# as Django's reverse() quotes a path's parts
_SAFE_IN_PATH = "!$&'()*+,;=~:@"


@dataclass(frozen=True)
class ActionTableRow:
    href: str
    action_id: str
    key_action: str
    lead: str
    timescale: str
    rag: str  # the tag's colour: R, A, G, W or none
    rag_label: str
    updated: str


def action_table_rows(plan_slug: str, actions: Iterable[ActionRow]) -> list[ActionTableRow]:
    actions_url = reverse("actions", args=[plan_slug])
    return [
        ActionTableRow(
            href=f"{actions_url}{quote(a.action_id, safe=_SAFE_IN_PATH)}/",
            action_id=a.action_id,
            key_action=Truncator(a.key_action).words(KEY_ACTION_WORDS, truncate=" …"),
            lead=a.lead,
            timescale=a.timescale,
            rag=a.rag or "none",
            rag_label=rag_label(a.rag),
            updated=date_format(a.updated, "j M Y") if a.updated else "Never",
        )
        for a in actions
    ]
