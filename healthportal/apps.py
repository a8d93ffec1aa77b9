from django.apps import AppConfig


class HealthportalConfig(AppConfig):
    """The project package is an app only for its management commands (seed_demo, demo_logins)."""

    name = "healthportal"
