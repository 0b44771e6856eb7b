"""The back office for the forum's reference data.

Seats and forums are edited here. Sessions, agreements and minutes are shown read-only:
their changes go through the facilitator's pages, which apply the rules (quorum, codes,
frozen minutes) and write the audit trail.
"""

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from .models import (
    AgendaItem,
    Agreement,
    AgreementFollowUp,
    Attendance,
    Convocation,
    Forum,
    Minutes,
    Seat,
    Session,
    Vote,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["acronym", "name", "quorum_rule"]


@admin.register(Seat)
class SeatAdmin(admin.ModelAdmin):
    list_display = ["label", "sector", "holder", "alternate", "has_vote", "starts_on", "ends_on"]
    list_filter = ["forum", "sector", "has_vote"]
    search_fields = ["label", "holder__name", "alternate__name"]
    autocomplete_fields = ["holder", "alternate", "institution"]


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    fields = ("number", "title", "kind", "presenter")
    extra = 0
    can_delete = False
    readonly_fields = fields
    show_change_link = False


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "number", "date", "status"]
    list_filter = ["forum", "kind", "status"]
    date_hierarchy = "date"
    inlines = [AgendaInline]


@admin.register(Convocation)
class ConvocationAdmin(ReadOnlyAdmin):
    list_display = ["reference", "session", "date", "sent_at", "recipients"]


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ["name", "session", "seat", "capacity"]
    list_filter = ["capacity"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["motion", "result", "votes_for", "votes_against", "abstentions"]


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyAdmin):
    list_display = ["code", "status", "responsible", "due_date"]
    list_filter = ["status", "requires_follow_up"]
    search_fields = ["code", "text"]


@admin.register(AgreementFollowUp)
class AgreementFollowUpAdmin(ReadOnlyAdmin):
    list_display = ["agreement", "reported_on", "status", "session"]


@admin.register(Minutes)
class MinutesAdmin(ReadOnlyAdmin):
    list_display = ["session", "status", "approved_at", "published_at"]
    list_filter = ["status"]
