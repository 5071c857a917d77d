from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "oversight.notices"
    label = "notices"
    verbose_name = "Emails"
