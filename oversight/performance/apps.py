from dataclasses import replace

from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "oversight.performance"
    label = "performance"
    verbose_name = "Performance"

    def ready(self) -> None:
        # plans and governance show the indicators linked to actions and recommendations, and plans
        # imports indicator files uploaded, without importing performance (a higher layer, and a sibling)
        from oversight.performance.case_audit_values import refresh_from_case_audits
        from oversight.performance.case_lists import AnnexACases
        from oversight.performance.indicator_file import INDICATOR_COLUMNS
        from oversight.performance.indicator_import import import_uploaded_indicators, import_uploaded_values
        from oversight.performance.links import measures_by_action, measures_by_recommendation
        from oversight.performance.value_file import VALUE_COLUMNS
        from oversight.plans import case_lists, file_kinds, programme_figures, uploads
        from oversight.plans.linked_measures import RECOMMENDATION, register_reader

        case_lists.read_with(AnnexACases())
        programme_figures.when_changed(refresh_from_case_audits)
        register_reader(measures_by_action)
        register_reader(measures_by_recommendation, about=RECOMMENDATION)
        uploads.register_importer("indicators", import_uploaded_indicators)
        uploads.register_importer("indicator-values", import_uploaded_values)
        where = "on the Scorecard's 'Import indicators or values' page"
        file_kinds.register(
            file_kinds.FileKind(
                "indicators", "a file of indicators", f"choose 'Indicators' {where}", INDICATOR_COLUMNS
            )
        )
        # values are recognised by their one-row-a-value layout: Indicator, Period and Value
        one_a_row = tuple(replace(column, required=True) for column in VALUE_COLUMNS)
        file_kinds.register(
            file_kinds.FileKind(
                "indicator-values", "a file of indicator values", f"choose 'Values' {where}", one_a_row
            )
        )
