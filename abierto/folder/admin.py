"""The folder's back office: agencies, their keys, document types and carnets.

A new agency or document type is added here without code changes: create the issuer (on an
institution of the directory), generate its key (action below, or ``folder_keygen``) and its
API token, then the type with its JSON Schema. Documents, shares and the access log are
read-only and never show decrypted data.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

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


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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

    @admin.action(description=_("Generar una nueva clave de firma (rotación)"))
    def generate_key(self, request: HttpRequest, queryset: QuerySet[Issuer]) -> None:
        for issuer in queryset:
            try:
                key = services.issuer_key_generate(issuer=issuer)
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

    @admin.action(description=_("Generar un nuevo token de la API (anula el anterior)"))
    def generate_token(self, request: HttpRequest, queryset: QuerySet[Issuer]) -> None:
        for issuer in queryset:
            token = services.issuer_token_create(issuer=issuer)
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
    readonly_fields = ["issuer", "kid", "x", "created_at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # keys are generated (the private half goes to FOLDER_KEYS_DIR)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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
    readonly_fields = ["serial", "citizen", "issued_at", "status_changed_at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a carnet is issued with its QR secret, by the enrolment process


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["public_id", "document_type", "issuer", "issued_at", "expires_at", "status"]
    list_filter = ["status", "document_type", "issuer"]
    search_fields = ["public_id", "agency_reference"]
    date_hierarchy = "issued_at"
    # Never the ciphertext, never the holder's index: what the office needs to follow up.
    fields = [
        "public_id",
        "document_type",
        "issuer",
        "issuer_key",
        "agency_reference",
        "issued_at",
        "expires_at",
        "status",
        "revoked_at",
        "revocation_reason",
        "status_index",
        "master_kid",
        "bulk_issuance",
    ]


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
