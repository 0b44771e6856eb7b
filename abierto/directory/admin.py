from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .forms import AdminLoginForm
from .models import AuditEvent, Institution, MembershipApplication, Municipality, Person

admin.site.site_header = _("abierto · Administración")
admin.site.site_title = _("abierto")
admin.site.index_title = _("Administración de la plataforma")
admin.site.login_form = AdminLoginForm  # says why a demo login is refused without DEBUG


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["name", "code"]

    def has_delete_permission(self, request, obj=None):
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
