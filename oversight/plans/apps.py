from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "oversight.plans"
    verbose_name = "Improvement plans"

    def ready(self) -> None:
        # the audit trail (a lower layer) moves the revisions plans keeps as it records changes
        from oversight.audit import trail
        from oversight.plans import revisions

        trail.keep_revisions_with(revisions)
