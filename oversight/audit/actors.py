"""Who made a change: a signed-in person, or a name given on the command line."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

ACTOR_LENGTH = 150


@dataclass(frozen=True)
class Actor:
    """Who is making a change: a signed-in user, or a name given on the command line."""

    name: str
    user_id: int | None = None

    def __post_init__(self) -> None:
        # records keep who acted as at the time, in 150 characters (a full name can be 301)
        object.__setattr__(self, "name", self.name[:ACTOR_LENGTH])

    @classmethod
    def named(cls, name: str) -> Actor:
        user = get_user_model().objects.filter(username=name).only("pk").first()
        return cls(name, user.pk if user else None)
