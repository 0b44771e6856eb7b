from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "abierto.plan"
    label = "plan"
    verbose_name = _("Plan de Acción Local")
    default_auto_field = "django.db.models.BigAutoField"
