"""The record of spreadsheet imports in the admin: read-only, for everyone who may view it."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import ImportRecord


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    list_display = [
        "at",
        "user",
        "content_type",
        "file_name",
        "rows_new",
        "rows_updated",
        "rows_skipped",
    ]
    list_filter = ["content_type", "at"]
    list_select_related = ["user", "content_type"]
    search_fields = ["file_name", "checksum", "user__username"]
    date_hierarchy = "at"
    readonly_fields = [*list_display, "checksum", "changed_objects"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("objects added or changed"))
    def changed_objects(self, obj):
        entries = obj.entries.select_related("content_type")[:200]
        links = format_html_join(
            "",
            '<li><a href="{}">{}</a> ({})</li>',
            (
                (
                    reverse(
                        f"admin:{entry.content_type.app_label}_{entry.content_type.model}_history",
                        args=[entry.object_id],
                    ),
                    entry.object_repr,
                    entry.get_action_display(),
                )
                for entry in entries
            ),
        )
        return format_html("<ul>{}</ul>", links)
