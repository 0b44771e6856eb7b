from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "abierto.forum"
    verbose_name = _("Sesiones del STL")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from abierto.directory import audit_labels, idle, selectors

        from . import access

        # A municipal forum's facilitator or member has staff's idle timeout too.
        idle.register_staff_check(access.is_in_any_forum)
        # ...and, holding a role in a forum, logs in with the staff second factor.
        selectors.register_second_factor_check(access.holds_forum_role)

        from .models import ActaImportPage
        from .services.import_pages import page_image_delete

        post_delete.connect(
            page_image_delete, sender=ActaImportPage, dispatch_uid="acta_page_image"
        )

        audit_labels.register(
            {
                "session.created": _("Sesión creada"),
                "session.updated": _("Datos de la sesión modificados"),
                "session.planned_by_calendar": _("Sesión programada en el calendario anual"),
                "session.convened": _("Sesión convocada"),
                "session.recorded_held": _("Sesión anterior registrada como celebrada"),
                "session.opened": _("Sesión abierta"),
                "session.roll_call": _("Pase de lista"),
                "session.guest_added": _("Persona invitada registrada"),
                "session.closed": _("Sesión cerrada"),
                "session.cancelled": _("Sesión cancelada"),
                "session.imported": _("Sesión importada de un acta"),
                "session.minutes_approved": _("Acta de una sesión anterior aprobada"),
                "agenda.item_added": _("Punto agregado al orden del día"),
                "agenda.item_updated": _("Punto del orden del día modificado"),
                "agenda.item_moved": _("Punto del orden del día movido"),
                "agenda.item_removed": _("Punto retirado del orden del día"),
                "vote.recorded": _("Votación registrada"),
                "agreement.created": _("Acuerdo registrado"),
                "agreement.updated": _("Acuerdo modificado"),
                "agreement.followed_up": _("Seguimiento de acuerdo registrado"),
                "agreement.renumbered": _("Acuerdo renumerado según el orden del día"),
                "minutes.edited": _("Acta editada"),
                "minutes.approved": _("Acta aprobada"),
                "minutes.published": _("Acta publicada"),
                "acta.read": _("Acta leída para importar"),
                "acta.discarded": _("Lectura de acta descartada"),
            }
        )
        audit_labels.register(
            {
                "material.added": _("Material agregado a un punto"),
                "material.removed": _("Material retirado"),
                "material.draft_minutes_sent": _("Borrador del acta enviado con la convocatoria"),
                "session.recording_linked": _("Grabación de la sesión enlazada"),
                "minutes.observation_added": _("Observación al borrador del acta"),
                "minutes.observation_attended": _("Observación al acta atendida"),
                "minutes.observations_attended": _("Acta aprobada con sus observaciones atendidas"),
                "forum.created": _("Foro municipal creado"),
                "forum.role_granted": _("Papel en el foro otorgado"),
                "installation.updated": _("Avance de instalación del STL municipal registrado"),
            }
        )
        audit_labels.register(
            {
                "session.participants_imported": _(
                    "Asistencia tomada del reporte de participantes de la reunión"
                ),
                "session.transcript_imported": _("Transcripción de la reunión importada"),
                "agenda.item_started": _("Inicio de un punto del orden del día marcado"),
            }
        )
