"""What is kept in the shared cache: made once per version, found by every worker, and never taken
from a change that was rolled back."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from oversight.plans import kept as kept_module
from oversight.plans.kept import kept, kept_at

pytestmark = pytest.mark.django_db


def never() -> str:
    raise AssertionError("made again, though it was kept")


def another_worker() -> None:
    """What this process holds in its own memory is gone, as in a worker that has not read it yet."""
    kept_module._here.clear()


def test_a_value_is_made_once_per_version_and_found_by_another_worker() -> None:
    assert kept_at("register:1", 7, lambda: "as at revision 7") == "as at revision 7"
    another_worker()
    assert kept_at("register:1", 7, never) == "as at revision 7"
    assert kept_at("register:1", 8, lambda: "as at revision 8") == "as at revision 8"
    another_worker()
    assert kept_at("register:1", 8, never) == "as at revision 8"


def test_a_worker_that_holds_the_current_value_reads_only_its_mark() -> None:
    kept_at("register:1", 7, lambda: "x" * 100_000)
    with CaptureQueriesContext(connection) as captured:
        assert kept_at("register:1", 7, never) == "x" * 100_000
    assert len(captured) == 1 and ":mark" in captured[0]["sql"]


def test_a_value_made_in_a_change_that_was_rolled_back_is_never_taken() -> None:
    kept_at("register:1", 7, lambda: "as at revision 7")
    with transaction.atomic():
        assert kept_at("register:1", 8, lambda: "a change rolled back") == "a change rolled back"
        transaction.set_rollback(True)
    # the next change moves the revision to 8 again: what this process made in the rollback is not it
    assert kept_at("register:1", 8, lambda: "the change that landed") == "the change that landed"


def test_a_value_another_worker_made_since_replaces_the_one_this_process_holds() -> None:
    kept_at("register:1", 7, lambda: "mine")
    kept_module._here["register:1"] = (7, "a token nobody keeps any more", "stale")
    assert kept_at("register:1", 7, never) == "mine"


def test_a_small_value_is_kept_under_its_own_key() -> None:
    assert kept("scorecard-months:1:v1", lambda: {"first": None}) == {"first": None}
    assert kept("scorecard-months:1:v1", never) == {"first": None}
