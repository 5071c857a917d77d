"""What the site keeps in the cache that every worker shares (settings.CACHES): each thing under a key
that names the version of the data it was made from, so that a change never has to find and delete
what was kept before it; what is no longer asked for ages out (CACHE_SECONDS, an hour by default)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import cache

T = TypeVar("T")


def kept(key: str, make: Callable[[], T]) -> T:
    """What `make` returns: from the shared cache when it is there, else made and kept there."""
    found = cache.get(key)
    if found is None:
        found = make()
        cache.set(key, found)
    return cast(T, found)


def kept_at(key: str, version: object, make: Callable[[], T]) -> T:
    """What `make` returns for this version of the data under `key`: one entry per key, holding the
    version it was made from, so that something large made again at every change (the plan's register,
    at every save) takes one entry, not one per version."""
    found = cache.get(key)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == version:
        return cast(T, found[1])
    made = make()
    cache.set(key, (version, made))
    return made
