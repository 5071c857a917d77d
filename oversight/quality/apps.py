from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "oversight.quality"
    label = "quality"
    verbose_name = "Quality assurance"

    def ready(self) -> None:
        # the scorecard (performance, a sibling) records the programme's figures as indicators' values
        # without either importing the other
        from oversight.plans import file_kinds, linked_findings, programme_figures, reminders, uploads
        from oversight.quality.audit_log_file import AUDIT_LOG_COLUMNS
        from oversight.quality.audit_log_import import import_uploaded
        from oversight.quality.each_day import each_day
        from oversight.quality.scorecard_figures import CaseAuditFigures
        from oversight.quality.themes import findings_of_action, findings_of_recommendation

        programme_figures.offer(CaseAuditFigures())
        reminders.send_daily_with(each_day)
        linked_findings.register(findings_of_action)
        linked_findings.register(findings_of_recommendation, about=linked_findings.RECOMMENDATION)
        uploads.register_importer("case-audits", import_uploaded)
        file_kinds.register(
            file_kinds.FileKind(
                "case-audits",
                "a case audit log",
                "use 'Import an audit log' on the Quality assurance page",
                AUDIT_LOG_COLUMNS,
            )
        )
