from __future__ import annotations

from oversight.plans.action_ids import leading_number, sort_key, split_action_ids


def test_action_ids_sort_naturally() -> None:
    ids = ["1.10", "1.9", "10.1.1", "2.1", "1.9.2", "1.9.10", "1.9.3a"]
    assert sorted(ids, key=sort_key) == ["1.9", "1.9.2", "1.9.3a", "1.9.10", "1.10", "2.1", "10.1.1"]


def test_the_priority_is_the_first_number_of_the_action_id() -> None:
    assert leading_number("5.8.3") == 5
    assert leading_number("P10.2") == 10
    assert leading_number("A") is None


def test_a_list_of_action_ids_is_read_however_it_is_separated() -> None:
    assert split_action_ids("5.1.1, 5.1.2;5.1.3 / 5.2\n6.1  ") == ("5.1.1", "5.1.2", "5.1.3", "5.2", "6.1")
    assert split_action_ids("  ") == ()


def test_action_ids_not_in_the_plan_are_named() -> None:
    from oversight.plans.action_ids import in_plan

    assert in_plan("4.2, 4.3", {"4.2", "4.3"}) == (("4.2", "4.3"), "")
    assert in_plan("4.2; 9.9", {"4.2"})[1] == "Not in this plan: 9.9. Enter action IDs such as 4.2, 4.3"
