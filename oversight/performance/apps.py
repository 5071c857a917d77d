from dataclasses import replace

from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "oversight.performance"
    label = "performance"
    verbose_name = "Performance"

    def ready(self) -> None:
        # plans shows an action's linked indicators without importing performance (a higher layer)
        from oversight.performance.indicator_file import INDICATOR_COLUMNS
        from oversight.performance.links import measures_by_action
        from oversight.performance.value_file import VALUE_COLUMNS
        from oversight.plans import file_kinds
        from oversight.plans.linked_measures import register_reader

        register_reader(measures_by_action)
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
