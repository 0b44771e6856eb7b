from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "abierto.plan"
    label = "plan"
    verbose_name = _("Plan de Acción Local")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from abierto.directory import audit_labels

        audit_labels.register(
            {
                "action_line.created": _("Línea de acción creada"),
                "milestone.created": _("Hito creado"),
                "milestone.status_changed": _("Estado del hito cambiado"),
                "progress_report.created": _("Reporte de avance registrado"),
                "evidence.added": _("Evidencia agregada"),
                "indicator_value.recorded": _("Valor de indicador registrado"),
                "indicator_value.corrected": _("Valor de indicador corregido"),
                "activity.created": _("Actividad creada"),
                "activity.status_changed": _("Estado de la actividad cambiado"),
                "citizen_contribution.recorded": _("Aportación ciudadana registrada"),
                "openness_questionnaire.recorded": _("Cuestionario de apertura registrado"),
                "upload.checked": _("Archivo de carga revisado"),
                "upload.applied": _("Archivo de carga aplicado"),
            }
        )
