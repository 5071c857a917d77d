from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "oversight.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        # plans links actions to recommendations, and imports their files, without importing governance
        # (a higher layer)
        from oversight.governance.mapping import PlanFileLinks
        from oversight.governance.recommendation_file import RECOMMENDATION_COLUMNS
        from oversight.governance.recommendation_import import import_uploaded
        from oversight.governance.task_emails import overdue_tasks
        from oversight.governance.tasks_owned import remedial_tasks_of
        from oversight.plans import file_kinds, my_work, plan_links, reminders, uploads

        plan_links.register(PlanFileLinks())
        reminders.send_daily_with(overdue_tasks)
        my_work.register(remedial_tasks_of)
        uploads.register_importer("recommendations", import_uploaded)
        file_kinds.register(
            file_kinds.FileKind(
                "recommendations",
                "a file of Ofsted's recommendations",
                "choose 'Ofsted's recommendations' on the Import page",
                RECOMMENDATION_COLUMNS,
            )
        )
