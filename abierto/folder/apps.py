from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FolderConfig(AppConfig):
    name = "abierto.folder"
    verbose_name = _("Carpeta Ciudadana")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from abierto.directory import audit_labels

        from . import (
            checks,  # noqa: F401 - registers the system checks
            keys,
            selectors,
        )
        from .models import DocumentType, Issuer, IssuerKey

        keys.connect_signals()
        audit_labels.register(
            {
                "folder.citizen.activated": _("Carpeta activada"),
                "folder.arco.filed": _("Solicitud ARCO presentada"),
                "folder.arco.resolved": _("Solicitud ARCO resuelta"),
                "folder.issuer.token_created": _("Token de la API del emisor generado"),
                "folder.issuer_key.generated": _("Clave de firma generada"),
                "folder.issuer_key.retired": _("Clave de firma retirada"),
                "folder.carnet.issued": _("Carnet expedido"),
                "folder.carnet.revoked": _("Carnet cancelado"),
                "folder.procedure.start": _("Trámite iniciado"),
                "folder.procedure.consent": _("Consentimiento para un trámite otorgado"),
                "folder.procedure.withdraw": _("Trámite retirado por la persona titular"),
                "folder.procedure.receive": _("Datos de un trámite recibidos por la dependencia"),
                "folder.procedure.check": _("Datos de un trámite revisados"),
                "folder.procedure.reject": _("Trámite rechazado"),
                "folder.procedure.resolve": _("Trámite resuelto con un documento emitido"),
            }
        )
        # What verification caches (briefly) of keys, types and issuers: forgotten at once
        # in this process when one of them changes.
        for signal in (post_save, post_delete):
            for model in (IssuerKey, DocumentType, Issuer):
                signal.connect(
                    selectors.forget_published_keys,
                    sender=model,
                    dispatch_uid=f"folder-verify-cache-{model.__name__}",
                )
