"""Who may turn which email off: what a role needs cannot be turned off; the rest is the person's choice."""

from __future__ import annotations

from oversight.accounts.roles import Role
from oversight.notices.kinds import Kind, required, wanted


def test_a_lead_cannot_turn_off_the_monthly_return_reminders_but_a_board_member_is_not_sent_them() -> None:
    assert required(Kind.RETURN_REMINDER, [Role.LEAD])
    assert wanted(Kind.RETURN_REMINDER, [Role.LEAD], choice=False)
    assert not required(Kind.RETURN_REMINDER, [Role.BOARD])


def test_one_role_that_needs_an_email_is_enough() -> None:
    assert required(Kind.MISSING_RETURNS, [Role.VIEWER, Role.OFFICER])


def test_an_email_nobody_chose_against_is_sent_and_one_turned_off_is_not() -> None:
    assert wanted(Kind.VERIFIED, [Role.LEAD], choice=None)
    assert not wanted(Kind.VERIFIED, [Role.LEAD], choice=False)


def test_an_invitation_is_always_sent() -> None:
    assert wanted(Kind.INVITATION, [], choice=False)
