"""The demo's region: the demo council and four made-up neighbours pooling their Annex A figures, as a
regional improvement alliance does. Each neighbour's made-up extracts are loaded into a database of its
own and exported into the region's folder, as each council would export its own; the demo council's
are exported from the demo's database. No real council's figures and no real child."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from oversight.annex_a.engine import Engine
from oversight.annex_a.export import export_extracts
from oversight.annex_a.load import load_extract
from oversight.demo import synthetic
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.models import Region
from oversight.performance.regions import folder

SLUG = "demo-alliance"
NAME = "Demo regional improvement alliance"
# made-up neighbours, each a little larger or smaller than the demo council
NEIGHBOURS = {"Ashworth": 0.8, "Brackley Vale": 1.3, "Coldwater": 1.0, "Dunhill": 0.6}
MEMBER = ("regional", "Rhea Regional")


def seed_region(
    scratch: Path, demo_council: str, dates: list[date], password: str, analyst_id: int
) -> Region:
    """The region, its folder of exports as at each date, and its members: a regional lead with no role
    in any plan, and the demo's analyst."""
    region, _ = Region.objects.update_or_create(slug=SLUG, defaults={"name": NAME})
    shared = folder(region)
    key = settings.ANNEX_A_PSEUDONYM_KEY or secrets.token_hex(16)  # the demo's rows are made up
    own = annex_a_engine()
    export_extracts(Engine(own.database, replace(own.settings, pseudonym_key=key)), shared, demo_council)
    for seed, (council, scale) in enumerate(NEIGHBOURS.items(), start=101):
        engine = Engine(
            scratch / f"{council}.duckdb", replace(own.settings, pseudonym_key=f"{key}:{council}")
        )
        sizes = {number: round(rows * scale) for number, rows in synthetic.COUNCIL_SIZES.items()}
        for as_at in dates:
            paths = synthetic.generate(
                scratch / council / str(as_at),
                as_at,
                synthetic.small_council(as_at, sizes),
                seed * 1000 + as_at.toordinal(),
            )
            load_extract(engine, list(paths.values()), council, as_at)
        export_extracts(engine, shared)
    username, name = MEMBER
    first, _, last = name.rpartition(" ")
    member, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demo-region.example"},
    )
    member.set_password(password)
    member.save()
    region.members.add(member, analyst_id)
    return region
