from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "oversight.performance"
    label = "performance"
    verbose_name = "Performance"

    def ready(self) -> None:
        # plans shows an action's linked indicators without importing performance (a higher layer)
        from oversight.performance.links import measures_by_action
        from oversight.plans.linked_measures import register_reader

        register_reader(measures_by_action)
