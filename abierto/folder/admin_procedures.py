"""Admin of procedures (trámites): registered by staff; requests only to read (they change
through the citizen's pages and the agency's API, each step audited)."""

from __future__ import annotations

from django.contrib import admin

from .admin import ReadOnlyAdmin
from .models import Procedure, ProcedureRequest


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "issuer", "produces", "active"]
    list_filter = ["active", "issuer"]
    search_fields = ["code", "name"]


@admin.register(ProcedureRequest)
class ProcedureRequestAdmin(ReadOnlyAdmin):
    list_display = ["public_id", "procedure", "status", "created_at", "consented_at", "closed_at"]
    list_filter = ["status", "procedure"]
    # No citizen: the staff sees that a request exists and where it stands, not whose it is.
    readonly_fields = (
        "public_id", "procedure", "status", "evidence", "consented_at", "received_at",
        "checked_at", "closed_at", "rejection_reason", "result",
    )  # fmt: skip
    fields = readonly_fields
