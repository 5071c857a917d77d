# The audit trail's Change model moves to the audit app (oversight/audit), keeping its table
# (plans_change) and every record in it: only Django's idea of which app holds the model changes.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0008_plan_settings"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Change")],
            database_operations=[],
        ),
    ]
