from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskmapConfig(AppConfig):
    name = "riskmap"
    verbose_name = _("Health risk map")
