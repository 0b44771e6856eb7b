from django.contrib import admin
from django.http import HttpRequest

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["label", "status", "progress", "attempts", "created_by", "created_at"]
    list_filter = ["status", "task_name"]
    search_fields = ["label", "public_id", "task_result_id"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in Job._meta.fields]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # jobs are started by the platform, never typed in
