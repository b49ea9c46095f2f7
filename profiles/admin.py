from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from . import models


class SocialAccountInline(admin.TabularInline):
    model = models.SocialAccount
    extra = 0


@admin.register(models.CountryOffice)
class CountryOfficeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "presence_since", "email", "phone", "updated_at"]
    inlines = [SocialAccountInline]
    fieldsets = [
        (
            None,
            {"fields": ["name", "tagline", "presence_since", ("sites_qualifier", "sites_count")]},
        ),
        (_("About"), {"fields": ["about_organization", "about_office", "closing_message"]}),
        (
            _("Contact"),
            {"fields": ["street_address", "city", "country", "email", "phone", "website"]},
        ),
    ]

    def has_add_permission(self, request):
        # The profile describes one country office.
        return super().has_add_permission(request) and not models.CountryOffice.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class OfficeInline(TranslationTabularInline):
    model = models.Office
    fields = ["name", "kind", "city", "latitude", "longitude", "order"]
    extra = 0
    show_change_link = True


@admin.register(models.Region)
class RegionAdmin(TabbedTranslationAdmin):
    list_display = ["name", "iso_code", "kind", "has_presence", "order"]
    list_editable = ["has_presence", "order"]
    list_filter = ["kind", "has_presence"]
    search_fields = ["name_en", "name_es", "iso_code"]
    inlines = [OfficeInline]


@admin.register(models.Office)
class OfficeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "city", "region", "order"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]
    search_fields = ["name_en", "name_es", "address_en", "city_en"]
    autocomplete_fields = ["region"]


@admin.register(models.StaffCount)
class StaffCountAdmin(TabbedTranslationAdmin):
    list_display = ["as_of", "national", "international", "total", "mission", "source"]
    date_hierarchy = "as_of"
    search_fields = ["source_en", "source_es"]

    @admin.display(description=_("total"))
    def total(self, obj):
        return obj.total


@admin.register(models.ThematicArea)
class ThematicAreaAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.AreaOfWork)
class AreaOfWorkAdmin(TabbedTranslationAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.InstitutionalSection)
class InstitutionalSectionAdmin(TabbedTranslationAdmin):
    list_display = ["title", "kind", "order"]
    list_editable = ["order"]
    search_fields = ["title_en", "title_es", "body_en", "body_es"]


@admin.register(models.KeyActor)
class KeyActorAdmin(TabbedTranslationAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es"]


@admin.register(models.KeyFigure)
class KeyFigureAdmin(TabbedTranslationAdmin):
    list_display = ["label", "category", "qualifier", "value", "unit", "period_start", "period_end"]
    list_filter = ["category", "period_end"]
    search_fields = ["label_en", "label_es", "source_en", "slug"]
    prepopulated_fields = {"slug": ["label_en"]}
    fieldsets = [
        (None, {"fields": ["category", "label", "slug", "order"]}),
        (_("Value"), {"fields": [("qualifier", "value", "unit")]}),
        (_("When and where from"), {"fields": [("period_start", "period_end"), "source"]}),
    ]


@admin.register(models.Donor)
class DonorAdmin(TabbedTranslationAdmin):
    list_display = ["name", "website", "has_logo", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    @admin.display(description=_("logo"), boolean=True)
    def has_logo(self, obj):
        return bool(obj.logo)
