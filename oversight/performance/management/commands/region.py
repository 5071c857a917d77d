"""oversight region add SLUG --name NAME: a region whose councils pool their Annex A figures; `member SLUG
USERNAME...` (or `--remove`) gives people the regional view of it; `list` shows every region, its
members and the folder its councils' exports go in (ANNEX_A_REGIONS_DIR/SLUG)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_slug
from django.db import transaction

from oversight.performance import regions
from oversight.performance.models import Region
from oversight.plans.management.commands._common import require_migrated

NAME_LENGTH = 200  # Region.name's
SLUG_LENGTH = 50  # Region.slug's


class Command(BaseCommand):
    help = "Regions: 'add' one, give people its regional view ('member'), or 'list' them."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        add = commands.add_parser("add", help="a region (or a new name for one)")
        add.add_argument("slug", help="its short name, in its address and its folder of exports")
        add.add_argument("--name", required=True, help="its name as people read it")
        member = commands.add_parser("member", help="give people the region's view (or take it away)")
        member.add_argument("slug")
        member.add_argument("usernames", nargs="+")
        member.add_argument("--remove", action="store_true", help="take the view away from them")
        commands.add_parser("list", help="every region, its members and its folder")

    def handle(self, *args, **options):
        require_migrated()
        if options["command"] == "add":
            return self._add(options["slug"], options["name"])
        if options["command"] == "member":
            return self._member(options["slug"], options["usernames"], options["remove"])
        for region in Region.objects.prefetch_related("members"):
            members = ", ".join(sorted(user.username for user in region.members.all())) or "no members"
            where = regions.folder(region)
            self.stdout.write(f"{region.slug}: {region.name} ({members}); exports in {where}")

    def _add(self, slug: str, name: str) -> None:
        problems = []
        try:
            validate_slug(slug)
        except ValidationError:
            problems.append(f"'{slug[:60]}' is not a short name (letters, digits, - and _)")
        if len(slug) > SLUG_LENGTH:
            problems.append(f"the short name must be {SLUG_LENGTH} characters or less")
        if not name.strip() or len(name) > NAME_LENGTH:
            problems.append(f"the name must be given, in {NAME_LENGTH} characters or less")
        if problems:
            raise CommandError("; ".join(problems))
        region, created = Region.objects.update_or_create(slug=slug, defaults={"name": name.strip()})
        regions.folder(region).mkdir(parents=True, exist_ok=True)
        self.stdout.write(
            f"{'Added' if created else 'Renamed'} {region.name} ({slug}); its councils' exports go in "
            f"{regions.folder(region)}"
        )

    def _member(self, slug: str, usernames: list[str], remove: bool) -> None:
        region = Region.objects.filter(slug=slug).first()
        if region is None:
            raise CommandError(f"there is no region '{slug[:60]}' (see `oversight region list`)")
        users = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
        unknown = [name for name in usernames if name not in users]
        if unknown:
            raise CommandError("no such user: " + ", ".join(name[:150] for name in unknown))
        with transaction.atomic():
            if remove:
                region.members.remove(*users.values())
            else:
                region.members.add(*users.values())
        done = "no longer see" if remove else "now see"
        self.stdout.write(f"{', '.join(usernames)} {done} {region.name}'s figures")
