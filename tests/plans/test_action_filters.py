"""The action list's filters and search."""

from __future__ import annotations

from datetime import date

from oversight.plans.action_filters import ActionFilter, lead_choices
from oversight.plans.action_rows import ActionRow

JANUARY = date(2017, 1, 1)


def row(action_id: str, lead: str, rag: str | None, last: date, updated: date | None = None) -> ActionRow:
    priority = int(action_id.split(".")[0])
    return ActionRow(
        1,
        action_id,
        action_id,
        priority,
        f"Key action {action_id}",
        lead,
        "",
        "",
        last,
        last,
        rag,
        "",
        updated,
    )


ACTIONS = [
    row("1.1", "HOS LS", "R", date(2016, 11, 1), date(2017, 1, 20)),
    row("1.2", "DCS", "G", date(2016, 10, 1), date(2016, 12, 20)),
    row("2.1", "HOS CLA", None, date(2017, 3, 1)),
    row("2.2", "HOS LS, HOS CLA", "A", date(2016, 12, 1), date(2017, 1, 5)),
]


def ids(chosen: ActionFilter) -> list[str]:
    return [a.action_id for a in chosen.apply(ACTIONS, JANUARY)]


def test_no_filter_keeps_everything() -> None:
    assert ids(ActionFilter()) == ["1.1", "1.2", "2.1", "2.2"]
    assert not ActionFilter().active


def test_filters_by_priority_rag_and_no_status() -> None:
    assert ids(ActionFilter(priority=2)) == ["2.1", "2.2"]
    assert ids(ActionFilter(rags=("R", "A"))) == ["1.1", "2.2"]
    assert ids(ActionFilter(rags=("none",))) == ["2.1"]


def test_a_lead_filter_finds_actions_shared_with_other_leads() -> None:
    assert ids(ActionFilter(lead="hos cla")) == ["2.1", "2.2"]


def test_overdue_means_past_its_timescale_and_not_green() -> None:
    assert ids(ActionFilter(overdue=True)) == ["1.1", "2.2"]


def test_no_update_this_month() -> None:
    assert ids(ActionFilter(stale=True)) == ["1.2", "2.1"]


def test_search_needs_every_word_anywhere_in_the_action() -> None:
    assert ids(ActionFilter(search="key 2.2")) == ["2.2"]
    assert ids(ActionFilter(search="HOS key")) == ["1.1", "2.1", "2.2"]


def test_filters_combine() -> None:
    assert ids(ActionFilter(lead="HOS LS", overdue=True, rags=("A",))) == ["2.2"]


def test_the_query_string_is_read_leniently() -> None:
    chosen = ActionFilter.from_query({"priority": "x", "overdue": "1", "q": "  audit "}, ["R", "bogus"])
    assert chosen == ActionFilter(priority=None, rags=("R",), overdue=True, search="audit")


def test_the_lead_choices_are_each_name_once() -> None:
    assert lead_choices(ACTIONS) == ["DCS", "HOS CLA", "HOS LS"]
