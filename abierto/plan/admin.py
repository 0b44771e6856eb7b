"""Back office of the action plan: plans, axes, commitments, indicators and catalogues.

Milestones, progress reports, values and activities are recorded through the clerk's pages
and the uploads (services with their audit rows); here they are read-only.
"""

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import (
    ActionLine,
    ActionPlan,
    Activity,
    ActivityKind,
    ActivityService,
    CitizenContribution,
    Commitment,
    DimensionAnswer,
    Indicator,
    IndicatorValue,
    Milestone,
    OpennessDimension,
    OpennessQuestionnaire,
    OpennessStudy,
    ServiceType,
    ThematicAxis,
    Upload,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class AxisInline(admin.TabularInline):
    model = ThematicAxis
    extra = 0
    fields = ["number", "title", "description"]


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "period_start", "period_end", "launched_on"]
    search_fields = ["title"]
    inlines = [AxisInline]


@admin.register(ThematicAxis)
class ThematicAxisAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan"]
    list_filter = ["plan"]
    search_fields = ["title"]


class ActionLineInline(admin.TabularInline):
    model = ActionLine
    extra = 0
    fields = ["number", "title", "description"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["code", "name", "unit", "source", "by_municipality", "baseline", "target"]
    show_change_link = True


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "kind", "responsible", "plan"]
    list_filter = ["plan", "kind", "responsible"]
    search_fields = ["title", "public_problem", "objective"]
    autocomplete_fields = ["responsible", "supporting"]
    inlines = [ActionLineInline, IndicatorInline]
    fieldsets = [
        (None, {"fields": ["plan", "axis", "kind", "number", "title"]}),
        (_("Instituciones"), {"fields": ["responsible", "supporting"]}),
        (_("Contenido"), {"fields": ["public_problem", "objective", "start_date", "end_date"]}),
        (
            _("Valores de la Alianza para el Gobierno Abierto"),
            {
                "fields": [
                    "ogp_access_to_information",
                    "ogp_civic_participation",
                    "ogp_public_accountability",
                    "ogp_technology",
                ]
            },
        ),
    ]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["__str__", "action_line", "status", "weight", "due_date", "met_on"]
    list_filter = ["status", "action_line__commitment"]
    search_fields = ["title"]
    readonly_fields = ["status", "met_on"]  # changed on the clerk's pages, with the audit row


class ValueInline(ReadOnlyInline):
    model = IndicatorValue
    fields = ["date", "value", "municipality", "note"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "commitment", "unit", "source", "target", "target_date"]
    list_filter = ["source", "commitment"]
    search_fields = ["code", "name"]
    inlines = [ValueInline]


@admin.register(ActivityKind)
class ActivityKindAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_caravan", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ServiceType)
class ServiceTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "active", "order"]
    list_filter = ["active"]
    search_fields = ["name", "slug"]


class ActivityServiceInline(ReadOnlyInline):
    model = ActivityService
    fields = ["service_type", "count"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "municipality", "status", "people_served"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "place", "municipality__name"]
    date_hierarchy = "date"
    inlines = [ActivityServiceInline]

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # recorded through the clerk's pages and uploads, with the audit row


class DimensionInline(admin.TabularInline):
    model = OpennessDimension
    extra = 0


@admin.register(OpennessStudy)
class OpennessStudyAdmin(admin.ModelAdmin):
    list_display = ["title", "institution", "year"]
    inlines = [DimensionInline]


class AnswerInline(ReadOnlyInline):
    model = DimensionAnswer
    fields = ["dimension", "score"]


@admin.register(OpennessQuestionnaire)
class OpennessQuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["municipality", "study", "answered_on"]
    list_filter = ["study"]
    inlines = [AnswerInline]


@admin.register(CitizenContribution)
class CitizenContributionAdmin(admin.ModelAdmin):
    list_display = ["municipality", "dimension", "received_on", "study"]
    list_filter = ["study", "dimension"]


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "filename", "uploaded_by", "row_count", "status"]
    list_filter = ["kind", "status"]
    exclude = ["rows"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
