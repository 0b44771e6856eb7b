"""The folder's back office: agencies, their keys, document types and carnets.

A new agency or document type is added here without code changes: create the issuer (on an
institution of the directory), generate its key (action below, or ``folder_keygen``) and its
API token, then the type with its JSON Schema. Documents, shares and the access log are
read-only and never show decrypted data. Tokens, keys and carnets change only through the
folder's services, by the actions below, each with its actor and audit row: no form edits a
key's retirement or a carnet's status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from abierto.directory.decorators import acting_user
from abierto.lib import safe_time

from . import services
from .keys import SigningKeyUnavailableError
from .models import (
    AccessEvent,
    BulkIssuance,
    Carnet,
    Citizen,
    Document,
    DocumentType,
    Issuer,
    IssuerKey,
    Share,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _confirmed(
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet[Any],
    *,
    action: str,
    title: StrOrPromise,
    warning: StrOrPromise,
    confirm_label: StrOrPromise,
) -> TemplateResponse | None:
    """``None`` once the person confirmed the action; else the page that asks them to."""
    if request.POST.get("confirm") == "yes":
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "warning": warning,
        "confirm_label": confirm_label,
        "queryset": queryset,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": model_admin.media,
    }
    return TemplateResponse(request, "admin/folder/confirm_action.html", context)


class IssuerKeyInline(admin.TabularInline):
    model = IssuerKey
    fields = ("kid", "x", "created_at", "retired_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["slug", "institution", "active", "token_created_at", "next_status_index"]
    list_filter = ["active"]
    search_fields = ["slug", "institution__name", "institution__acronym"]
    autocomplete_fields = ["institution"]
    readonly_fields = ["token_created_at", "next_status_index", "status_list_updated_at"]
    inlines = [IssuerKeyInline]
    actions = ["generate_key", "generate_token"]

    @admin.action(
        description=_("Generar una nueva clave de firma (rotación)"), permissions=["change"]
    )
    def generate_key(self, request: HttpRequest, queryset: QuerySet[Issuer]) -> None:
        actor = acting_user(request)
        for issuer in queryset:
            try:
                key = services.issuer_key_generate(actor=actor, issuer=issuer)
            except (OSError, SigningKeyUnavailableError) as exc:
                self.message_user(
                    request,
                    _("No se pudo guardar la clave de %(issuer)s: %(error)s")
                    % {"issuer": issuer, "error": exc},
                    messages.ERROR,
                )
                continue
            self.message_user(
                request, _("%(issuer)s firma ahora con %(kid)s.") % {"issuer": issuer, "kid": key}
            )

    @admin.action(
        description=_("Generar un nuevo token de la API (anula el anterior)"),
        permissions=["change"],
    )
    def generate_token(self, request: HttpRequest, queryset: QuerySet[Issuer]) -> None:
        actor = acting_user(request)
        for issuer in queryset:
            token = services.issuer_token_create(actor=actor, issuer=issuer)
            self.message_user(
                request,
                _("Token de %(issuer)s (cópielo ahora, no volverá a mostrarse): %(token)s")
                % {"issuer": issuer, "token": token},
                messages.WARNING,
            )


@admin.register(IssuerKey)
class IssuerKeyAdmin(admin.ModelAdmin):
    list_display = ["kid", "issuer", "created_at", "retired_at"]
    list_filter = ["issuer"]
    fields = ["issuer", "kid", "x", "created_at", "retired_at"]
    # Retiring is the action below (service, actor, audit row), never an edited date.
    readonly_fields = ("issuer", "kid", "x", "created_at", "retired_at")
    actions = ["retire_keys"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # keys are generated (the private half goes to FOLDER_KEYS_DIR)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A key's own page only shows it (nothing there is saved, so nothing is overwritten);
        # the change permission is what the list's action asks for.
        return obj is None and super().has_change_permission(request)

    @admin.action(
        description=_("Retirar las claves (los documentos que firmaron dejan de verificarse)"),
        permissions=["change"],
    )
    def retire_keys(
        self, request: HttpRequest, queryset: QuerySet[IssuerKey]
    ) -> TemplateResponse | None:
        asking = _confirmed(
            self,
            request,
            queryset,
            action="retire_keys",
            title=_("Retirar claves de firma"),
            warning=_(
                "Al retirar una clave deja de publicarse: ningún documento firmado con ella "
                "volverá a verificarse. Hágalo solo si la clave se comprometió o ya no la usa "
                "ningún documento vigente."
            ),
            confirm_label=_("Sí, retirar"),
        )
        if asking is not None:
            return asking
        actor = acting_user(request)
        for key in queryset:
            try:
                services.issuer_key_retire(actor=actor, key=key)
            except services.FolderError as exc:
                self.message_user(request, exc.message, messages.WARNING)
                continue
            self.message_user(request, _("Clave %(kid)s retirada.") % {"kid": key.kid})
        return None


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "validity_days", "active"]
    list_filter = ["active", "issuers"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["issuers"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Citizen)
class CitizenAdmin(ReadOnlyAdmin):
    list_display = ["public_id", "activated_at", "created_at"]
    fields = ("public_id", "activated_at", "created_at", "user")
    readonly_fields = fields


@admin.register(Carnet)
class CarnetAdmin(admin.ModelAdmin):
    list_display = ["serial", "status", "issued_at", "status_changed_at"]
    list_filter = ["status"]
    search_fields = ["serial"]
    fields = ["serial", "citizen", "status", "issued_at", "status_changed_at"]
    # Cancelling is the action below (service, actor, audit row), never an edited status.
    readonly_fields = ("serial", "citizen", "status", "issued_at", "status_changed_at")
    actions = ["revoke_carnets"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a carnet is issued with its QR secret, by the enrolment process

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request)  # as for keys

    @admin.action(
        description=_("Cancelar los carnets (ya no abren la carpeta)"), permissions=["change"]
    )
    def revoke_carnets(
        self, request: HttpRequest, queryset: QuerySet[Carnet]
    ) -> TemplateResponse | None:
        asking = _confirmed(
            self,
            request,
            queryset,
            action="revoke_carnets",
            title=_("Cancelar carnets"),
            warning=_(
                "Un carnet cancelado ya no abre la carpeta y cierra las sesiones que abrió; "
                "su titular necesitará uno nuevo."
            ),
            confirm_label=_("Sí, cancelar"),
        )
        if asking is not None:
            return asking
        actor = acting_user(request)
        for carnet in queryset:
            try:
                services.carnet_revoke(actor=actor, carnet=carnet)
            except services.FolderError as exc:
                self.message_user(request, exc.message, messages.WARNING)
                continue
            self.message_user(
                request, _("Carnet %(serial)s cancelado.") % {"serial": carnet.serial}
            )
        return None


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["public_id", "document_type", "issuer", "issued", "expires", "status"]
    list_filter = ["status", "document_type", "issuer"]
    search_fields = ["public_id", "agency_reference"]
    # No date_hierarchy: a year-1 date (an issuer's .NET or Java minimum) breaks its query.
    # Never the ciphertext, never the holder's index: what the office needs to follow up.
    fields = [
        "public_id",
        "document_type",
        "issuer",
        "issuer_key",
        "agency_reference",
        "issued",
        "expires",
        "status",
        "revoked_at",
        "revocation_reason",
        "status_index",
        "master_kid",
        "bulk_issuance",
    ]
    readonly_fields = ["issued", "expires"]

    # Dates through lib/safe_time: the admin's own display fails on a year-1 or 9999 one.
    @admin.display(description=_("emitido"), ordering="issued_at")
    def issued(self, document: Document) -> str:
        return safe_time.format_moment(document.issued_at)

    @admin.display(description=_("vence"), ordering="expires_at")
    def expires(self, document: Document) -> str:
        return safe_time.format_moment(document.expires_at) or "—"


@admin.register(Share)
class ShareAdmin(ReadOnlyAdmin):
    list_display = ["public_id", "created_at", "expires_at", "views", "max_views", "revoked_at"]
    fields = ["public_id", "created_at", "expires_at", "views", "max_views", "revoked_at"]


@admin.register(AccessEvent)
class AccessEventAdmin(ReadOnlyAdmin):
    list_display = ["seq", "created_at", "action", "actor_label", "agency", "document"]
    list_filter = ["action"]
    fields = [
        "seq",
        "created_at",
        "action",
        "actor_label",
        "agency",
        "document",
        "share",
        "ip_prefix",
        "prev_hash",
        "hash",
    ]


@admin.register(BulkIssuance)
class BulkIssuanceAdmin(ReadOnlyAdmin):
    list_display = ["source_name", "issuer", "document_type", "status", "processed_rows"]
    list_filter = ["status", "issuer"]
    fields = [
        "source_name",
        "issuer",
        "document_type",
        "status",
        "total_rows",
        "processed_rows",
        "batch_size",
        "error",
        "created_at",
        "finished_at",
    ]


from . import admin_procedures  # noqa: E402, F401 -- registers the procedures' admin
