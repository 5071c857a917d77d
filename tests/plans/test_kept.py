"""What is kept in the shared cache: made once per version, found by every worker, and never taken
from a change that was rolled back."""

from __future__ import annotations

import threading
import time

import pytest
from django.core.cache import cache
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


def made_by_another_worker_after(seconds: float, key: str, version: int, value: str) -> threading.Thread:
    """Another worker that began making `version` before us and keeps it after `seconds`."""
    cache.add(f"{key}:making:{version}", True, 5)

    def finish() -> None:
        try:
            time.sleep(seconds)
            token = "their token"
            cache.set(f"{key}:value", (token, kept_module._packed(value)))
            cache.set(f"{key}:mark", (version, token))
        finally:
            connection.close()

    thread = threading.Thread(target=finish)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_right_after_a_change_a_worker_waits_for_the_one_making_it_rather_than_make_it_too() -> None:
    worker = made_by_another_worker_after(0.3, "register:2", 8, "made by the other worker")
    assert kept_at("register:2", 8, never) == "made by the other worker"
    worker.join()
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_a_worker_stops_waiting_when_a_newer_version_is_kept_and_makes_its_own() -> None:
    worker = made_by_another_worker_after(0.3, "register:3", 9, "revision 9")
    cache.add("register:3:making:8", True, 5)  # a worker that will never finish revision 8
    began = time.monotonic()
    assert kept_at("register:3", 8, lambda: "revision 8, made here") == "revision 8, made here"
    assert time.monotonic() - began < kept_module.MAKING_SECONDS
    worker.join()
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_never_finishes_is_waited_for_a_few_seconds_at_most(monkeypatch) -> None:
    monkeypatch.setattr(kept_module, "MAKING_SECONDS", 0.3)
    cache.add("register:4:making:8", True, 5)
    assert kept_at("register:4", 8, lambda: "made here") == "made here"
    cache.clear()
