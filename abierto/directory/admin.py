from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import second_factor
from .forms import AdminLoginForm
from .models import (
    AuditEvent,
    Institution,
    MembershipApplication,
    Municipality,
    Person,
    StaffSecondFactor,
)

admin.site.site_header = _("abierto · Administración")
admin.site.site_title = _("abierto")
admin.site.index_title = _("Administración de la plataforma")
# The admin's own login page redirects to the site's two-step login (abierto/urls.py); the
# form still refuses demo logins without DEBUG should it be reached.
admin.site.login_form = AdminLoginForm


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["name", "code"]

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # the INEGI catalogue is fixed


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    autocomplete_fields = ["parent", "municipality"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "honorific", "public_role", "institution"]
    list_filter = ["institution"]
    search_fields = ["name", "public_role", "email"]
    autocomplete_fields = ["institution", "user"]


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(admin.ModelAdmin):
    list_display = ["full_name", "organisation", "email", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["full_name", "organisation", "email"]
    readonly_fields = [
        "status", "reviewed_by", "reviewed_at", "decision_reason", "person",
        "privacy_accepted_at", "created_at",
    ]  # fmt: skip
    # Decisions go through the review page, which sends the e-mails and writes the audit row.


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "target_type", "target_id"]
    list_filter = ["action", "target_type"]
    search_fields = ["action", "target_id"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(StaffSecondFactor)
class StaffSecondFactorAdmin(admin.ModelAdmin):
    """Who has a second factor; the secret is never shown. Resetting one is an action with
    an audit row (``second_factor_reset``), as is the ``second_factor_reset`` command."""

    list_display = ["user", "confirmed_at", "updated_at"]
    search_fields = ["user__username", "user__email"]
    fields = ["user", "confirmed_at", "created_at", "updated_at"]
    readonly_fields = ("user", "confirmed_at", "created_at", "updated_at")
    actions = ["reset_factors"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # through the audited reset action only

    @admin.action(
        description=_("Restablecer el segundo factor (lo activará al entrar)"),
        permissions=["change"],
    )
    def reset_factors(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        actor = request.user
        if not isinstance(actor, User):  # the admin only lets staff in
            raise PermissionDenied
        users = [factor.user for factor in queryset.select_related("user")]
        for user in users:
            second_factor.second_factor_reset(actor=actor, user=user)
        self.message_user(
            request,
            _("Segundos factores restablecidos: %(count)s.") % {"count": len(users)},
            messages.SUCCESS,
        )
