from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from profiles.admin_tools import AuditedAdmin, SourcedAdmin
from profiles.spreadsheets import SpreadsheetAdminMixin

from . import models
from .resources import ProjectResource


@admin.register(models.SustainableDevelopmentGoal, models.GlobalCompactObjective)
class GoalAdmin(AuditedAdmin, TabbedTranslationAdmin):
    list_display = ["number", "name"]
    search_fields = ["name_en", "name_es"]


@admin.register(models.Project)
class ProjectAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
    resource_classes = [ProjectResource]
    list_display = ["title", "acronym", "status", "start_date", "end_date", "order"]
    list_filter = ["status", "regions", "thematic_areas", "donors"]
    search_fields = ["title_en", "title_es", "acronym", "summary_en", "summary_es"]
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["donors", "regions", "thematic_areas", "sdg_goals", "compact_objectives"]
    date_hierarchy = "start_date"
