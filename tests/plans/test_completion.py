"""A Green status is complete, awaiting verification, until a board member verifies it."""

from __future__ import annotations

from datetime import date

from oversight.plans.completion import AWAITING, VERIFIED, RecordedStatus, completion

JAN, FEB, MAR = date(2017, 1, 31), date(2017, 2, 28), date(2017, 3, 31)


def test_only_a_green_action_has_a_completion() -> None:
    assert completion([RecordedStatus(1, JAN, "A")], {}, MAR) is None
    assert completion([], {}, MAR) is None


def test_green_awaits_verification_until_verified() -> None:
    statuses = [RecordedStatus(1, JAN, "A"), RecordedStatus(2, FEB, "G")]
    assert completion(statuses, {}, MAR) == AWAITING
    assert completion(statuses, {2: date(2017, 3, 5)}, MAR) == VERIFIED
    assert completion(statuses, {2: date(2017, 3, 5)}, FEB) == AWAITING  # not yet verified then


def test_a_verified_completion_stays_verified_while_it_stays_green() -> None:
    statuses = [RecordedStatus(1, JAN, "G"), RecordedStatus(2, FEB, "G"), RecordedStatus(3, MAR, "G")]
    assert completion(statuses, {1: JAN}, MAR) == VERIFIED


def test_going_back_from_green_needs_a_new_verification() -> None:
    statuses = [RecordedStatus(1, JAN, "G"), RecordedStatus(2, FEB, "A"), RecordedStatus(3, MAR, "G")]
    assert completion(statuses, {1: JAN}, MAR) == AWAITING


def test_a_verification_after_the_day_does_not_count_even_at_the_end_of_time() -> None:
    statuses = [RecordedStatus(1, JAN, "G")]
    assert completion(statuses, {}, date.max) == AWAITING
    assert completion(statuses, {1: date(2099, 1, 1)}, MAR) == AWAITING
