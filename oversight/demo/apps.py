from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo council (`oversight seed-demo`), above every other app: nothing imports it."""

    name = "oversight.demo"
    label = "demo"
    verbose_name = "Demo council"
