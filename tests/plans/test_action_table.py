"""The rows of the action tables, made ready in Python: the same links, words and dates as the
template language gave them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from oversight.plans.action_rows import ActionRow
from oversight.plans.action_table import action_table_rows


def action(
    action_id: str, *, key_action: str = "Audit the cases", rag: str | None = "A", updated: date | None = None
):
    return ActionRow(
        1,
        action_id,
        action_id,
        1,
        key_action,
        "HOS LS",
        "",
        "March 2017",
        date(2017, 3, 1),
        date(2017, 3, 1),
        rag,
        "",
        updated,
    )


@pytest.mark.parametrize("action_id", ["1.1", "2.3a", "4 (b)", "5&6", "7:8@9", "é.1", "10%", "11?x=1#y"])
def test_each_action_links_to_its_page_as_reverse_would(action_id):
    (row,) = action_table_rows("bromley-2017", [action(action_id)])
    assert row.href == reverse("action", args=["bromley-2017", action_id])


def test_a_long_key_action_is_cut_after_thirty_words():
    thirty = " ".join(f"word{n}" for n in range(30))
    rows = action_table_rows(
        "p", [action("1.1", key_action=thirty), action("1.2", key_action=f"{thirty} more words")]
    )
    assert rows[0].key_action == thirty
    assert rows[1].key_action == f"{thirty} …"


def test_status_and_last_update_read_as_the_council_writes_them():
    red, unknown = action_table_rows(
        "p", [action("1.1", rag="R", updated=date(2017, 1, 5)), action("1.2", rag=None, updated=None)]
    )
    assert (red.rag, red.rag_label, red.updated) == ("R", "Red", "5 Jan 2017")
    assert (unknown.rag, unknown.rag_label, unknown.updated) == ("none", "No status", "Never")
