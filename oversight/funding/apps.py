from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "oversight.funding"
    label = "funding"
    verbose_name = "Improvement funding"
