from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from profiles.admin_filters import year_filter
from profiles.admin_tools import SourcedAdmin
from profiles.images import COVER_WIDTHS, make_renditions
from profiles.spreadsheets import SpreadsheetAdminMixin

from . import models
from .resources import PublicationResource, StoryResource


@admin.register(models.Publication)
class PublicationAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
    resource_classes = [PublicationResource]
    list_display = ["title", "kind", "published_on", "language"]
    list_filter = ["kind", "language", year_filter("published_on", _("published in"))]
    search_fields = ["title_en", "title_es", "summary_en", "summary_es"]
    prepopulated_fields = {"slug": ["title_en"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "cover" in form.changed_data and obj.cover:
            make_renditions(obj.cover, COVER_WIDTHS)


@admin.register(models.Story)
class StoryAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
    resource_classes = [StoryResource]
    list_display = ["title", "published_on"]
    date_hierarchy = "published_on"
    search_fields = ["title_en", "title_es", "body_en", "body_es"]
    prepopulated_fields = {"slug": ["title_en"]}
