"""The cache table that every worker shares (settings.CACHES): made here so that `migrate` is the one
step a deployment runs, and made again harmlessly by `createcachetable`."""

from django.core.management import call_command
from django.db import migrations


def make_cache_table(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("plans", "0010_status_summary")]

    operations = [migrations.RunPython(make_cache_table, migrations.RunPython.noop, elidable=False)]
