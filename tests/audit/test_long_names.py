"""A change about a record with a long name (a funding line's 300 characters) is kept, its description
shortened in the middle so that what changed still reads at its end: PostgreSQL would refuse the whole
save otherwise."""

from __future__ import annotations

import pytest

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change

pytestmark = pytest.mark.django_db


def test_a_change_to_a_record_with_a_long_name_is_kept(plan) -> None:
    about = f"funding line {'A' * 300}: 2017/18 committed"
    trail.record(plan.pk, Actor("Olivia"), "funding, on the website", Change.Kind.CHANGED, about, "0", "500")
    kept = Change.objects.get(actor="Olivia")
    assert len(kept.field) == 300 and kept.field.endswith(": 2017/18 committed")
    assert (kept.old_value, kept.new_value) == ("0", "500")
