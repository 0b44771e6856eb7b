"""The back office keeps only what holds no personal data: instruments with their items, the
organisations and the assistance catalogue. Cohorts and participants are managed by the
mediation centre's assigned staff on their own pages, never in the admin."""

from django.contrib import admin

from .models import AssistanceItem, Instrument, InstrumentItem, Organisation


class InstrumentItemInline(admin.TabularInline):
    model = InstrumentItem
    extra = 3


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["name", "scale_min", "scale_max"]
    inlines = [InstrumentItemInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(AssistanceItem)
class AssistanceItemAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    search_fields = ["name"]
