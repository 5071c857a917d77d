"""What the site keeps in the cache that every worker shares (settings.CACHES): each thing under a key
that names the version of the data it was made from, so that a change never has to find and delete
what was kept before it; what is no longer asked for ages out (CACHE_SECONDS, an hour by default)."""

from __future__ import annotations

import pickle
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar, cast
from uuid import uuid4

from django.core.cache import cache

T = TypeVar("T")


def kept(key: str, make: Callable[[], T]) -> T:
    """What `make` returns: from the shared cache when it is there, else made and kept there."""
    found = cache.get(key)
    if found is None:
        found = make()
        cache.set(key, found)
    return cast(T, found)


# The last value of each key this process fetched or made, with the version and token it was kept
# under: used only while the shared cache still names that token (a small read on every request), so
# a large value crosses from the database once per process and change, and a change that was rolled
# back, or a value another worker made since, is never taken for the current one.
_here: OrderedDict[str, tuple[object, str, Any]] = OrderedDict()
HERE_ENTRIES = 16
MAKING_SECONDS = 5  # the longest a worker waits for another to make what it needs
WAIT_SECONDS = 0.02


def kept_at(key: str, version: object, make: Callable[[], T], update: Callable[[T], T] | None = None) -> T:
    """What `make` returns for this version of the data under `key`, for something large made again
    at every change (the plan's register, at every save): the shared cache holds one value per key,
    with a mark naming its version and a token, so the value takes one entry, not one per version.
    With `update`, the value this process holds of an earlier version is brought up to date by it
    instead of made anew."""
    mark = cache.get(f"{key}:mark")
    kept_value = _kept_value(key, mark)
    if kept_value is not None and mark[0] == version:
        return cast(T, kept_value)
    if not cache.add(f"{key}:making:{version}", True, MAKING_SECONDS):
        # another worker is making this version (as every worker is asked for it right after a
        # change): wait for it rather than make it too, unless it takes too long or fails
        found = _made_elsewhere(key, version, mark)
        if found is not None:
            return cast(T, found)
    # brought up to date from the value kept for an earlier version (never from this process's own
    # copy alone: it may come from a change that was rolled back)
    made = update(cast(T, kept_value)) if update is not None and kept_value is not None else make()
    token = uuid4().hex
    # the value before the mark: whoever reads the new mark finds its value
    cache.set(f"{key}:value", (token, _packed(made)))
    cache.set(f"{key}:mark", (version, token))
    cache.delete(f"{key}:making:{version}")
    _keep_here(key, (version, token), made)
    return made


def _kept_value(key: str, mark: object) -> object | None:
    """The value the shared cache's mark names: this process's copy when it has the mark's token,
    else read from the shared cache (and kept here); None when there is none."""
    if not (isinstance(mark, tuple) and len(mark) == 2):
        return None
    here = _here.get(key)
    if here is not None and here[:2] == mark:
        _here.move_to_end(key)
        return here[2]
    value = cache.get(f"{key}:value")
    if isinstance(value, tuple) and len(value) == 2 and value[0] == mark[1]:
        found = _unpacked(value[1])
        _keep_here(key, mark, found)
        return found
    return None


def _made_elsewhere(key: str, version: object, before: object) -> object | None:
    """The value another worker is making for this version, once its mark appears; None as soon as
    the mark names something else (a newer version: this request makes its own), or after a while."""
    deadline = time.monotonic() + MAKING_SECONDS
    while time.monotonic() < deadline:
        time.sleep(WAIT_SECONDS)
        mark = cache.get(f"{key}:mark")
        if mark == before:
            continue
        if isinstance(mark, tuple) and len(mark) == 2 and mark[0] == version:
            return _kept_value(key, mark)
        return None
    return None


def _packed(value: object) -> bytes:
    # compressed: the plan as read is about 1 MB pickled, and writing that to the database after
    # every change took longer than reading the summary it was made from
    return zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)


def _unpacked(packed: bytes) -> object:
    return pickle.loads(zlib.decompress(packed))  # noqa: S301 - made by this code, in our own database


def _keep_here(key: str, mark: tuple[object, str], value: object) -> None:
    _here[key] = (*mark, value)
    _here.move_to_end(key)
    while len(_here) > HERE_ENTRIES:
        _here.popitem(last=False)
