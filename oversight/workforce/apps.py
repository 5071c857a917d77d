from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "oversight.workforce"
    label = "workforce"
    verbose_name = "Workforce"

    def ready(self) -> None:
        # plans imports the returns uploaded on the workforce page, and the scorecard (performance, a
        # sibling) records the workforce's figures as indicators' values, without importing this app
        from oversight.plans import action_training, file_kinds, paper_appendices, programme_figures, uploads
        from oversight.workforce.appendix import workforce_appendix
        from oversight.workforce.reading import training_for_action
        from oversight.workforce.return_files import STAFF_COLUMNS, TEAM_RETURN_COLUMNS
        from oversight.workforce.returns_import import (
            STAFF_RECORDS,
            TEAM_RETURNS,
            import_uploaded_returns,
            import_uploaded_staff,
        )
        from oversight.workforce.scorecard_figures import WorkforceFigures

        programme_figures.offer(WorkforceFigures())
        action_training.register(training_for_action)
        paper_appendices.offer(
            paper_appendices.Offer(
                "workforce",
                "The workforce",
                "The latest month's vacancy, agency, turnover and sickness by team, supervision, training "
                "and caseloads",
                workforce_appendix,
            )
        )
        uploads.register_importer(TEAM_RETURNS, import_uploaded_returns)
        uploads.register_importer(STAFF_RECORDS, import_uploaded_staff)
        for kind, label, columns in (
            (TEAM_RETURNS, "the teams' workforce returns", TEAM_RETURN_COLUMNS),
            (STAFF_RECORDS, "a file of staff records", STAFF_COLUMNS),
        ):
            file_kinds.register(
                file_kinds.FileKind(kind, label, "use 'Import returns' on the Workforce page", columns)
            )
