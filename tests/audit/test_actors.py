"""Who made a change is kept as they were named at the time, in 150 characters, with their account if
they have one."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from oversight.audit.actors import Actor


def test_whoever_acts_is_recorded_in_150_characters() -> None:
    assert Actor("n" * 301, 7) == Actor("n" * 150, 7)


@pytest.mark.django_db
def test_a_name_given_on_the_command_line_is_linked_to_its_account_if_there_is_one() -> None:
    olivia = get_user_model().objects.create_user("olivia")
    assert Actor.named("olivia") == Actor("olivia", olivia.pk)
    assert Actor.named("a name with no account") == Actor("a name with no account", None)
