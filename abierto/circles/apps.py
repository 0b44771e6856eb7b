from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CirclesConfig(AppConfig):
    name = "abierto.circles"
    verbose_name = _("Círculos restaurativos")

    def ready(self) -> None:
        from abierto.directory import audit_labels, keyring

        from . import figures, sealing

        figures.register_source()
        keyring.register_resealer(self.label, sealing.reseal_all)
        audit_labels.register(
            {
                "circles.cohort.created": _("Generación creada"),
                "circles.cohort.staff_assigned": _("Personal asignado a la generación"),
                "circles.participant.selected": _("Persona seleccionada"),
                "circles.participant.accepted": _("Aceptación registrada"),
                "circles.participant.phase": _("Fase alcanzada"),
                "circles.participant.withdrawn": _("Consentimiento retirado"),
                "circles.circle.held": _("Círculo registrado"),
                "circles.application.recorded": _("Instrumento aplicado"),
                "circles.figures.published": _("Cifras de los círculos publicadas"),
                "circles.retention.applied": _("Datos de la generación suprimidos por plazo"),
            }
        )
