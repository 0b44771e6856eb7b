from django.contrib import admin

from .models import AccessPlatform


@admin.register(AccessPlatform)
class AccessPlatformAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "scope", "operator"]
    list_filter = ["kind", "scope"]
    search_fields = ["name", "acronym"]
