# The audit trail's Change model, moved here from the plans app (plans 0009): its table, plans_change,
# and every record in it stay as they are; only Django's idea of which app holds the model changes, and
# its content type follows it (so permissions given on it are kept).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_to(app_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        other = "plans" if app_label == "audit" else "audit"
        # a migrate run that stopped before this one may already have made the new app's
        if not ContentType.objects.filter(app_label=app_label, model="change").exists():
            ContentType.objects.filter(app_label=other, model="change").update(app_label=app_label)

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("performance", "0002_caseloadband_caseloadteam_serviceareamanager"),
        ("plans", "0009_change_moves_to_audit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Change",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("added", "Added"), ("changed", "Changed"), ("left", "No longer in the plan"), ("returned", "Back in the plan"), ("removed", "Removed"), ("viewed", "Viewed")], max_length=10)),
                        ("field", models.CharField(blank=True, max_length=300)),
                        ("old_value", models.TextField(blank=True)),
                        ("new_value", models.TextField(blank=True)),
                        ("actor", models.CharField(max_length=150)),
                        ("changed", models.DateTimeField(auto_now_add=True)),
                        ("source", models.CharField(max_length=500)),
                        ("action", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="changes", to="plans.action")),
                        ("import_run", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to="plans.importrun")),
                        ("indicator", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="changes", to="performance.indicator")),
                        ("plan", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="changes", to="plans.plan")),
                        ("priority", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="changes", to="plans.priority")),
                        ("user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "plans_change",
                        "ordering": ["-changed", "-id"],
                        "indexes": [models.Index(fields=["plan", "changed"], name="plans_chang_plan_id_8e3749_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to("audit"), content_type_to("plans")),
    ]
