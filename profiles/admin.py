from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from iompanama.text import text_in_language

from . import models, resources, snapshots
from .admin_tools import AuditedAdmin
from .images import LOGO_WIDTHS, make_renditions
from .spreadsheets import SpreadsheetAdminMixin
from .views import SnapshotPreviewView


class SocialAccountInline(admin.TabularInline):
    model = models.SocialAccount
    extra = 0


@admin.register(models.CountryOffice)
class CountryOfficeAdmin(AuditedAdmin, TabbedTranslationAdmin):
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
class RegionAdmin(SpreadsheetAdminMixin, AuditedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.RegionResource]
    list_display = ["name", "iso_code", "kind", "has_presence", "order"]
    list_editable = ["has_presence", "order"]
    list_filter = ["kind", "has_presence"]
    search_fields = ["name_en", "name_es", "iso_code"]
    inlines = [OfficeInline]


@admin.register(models.Office)
class OfficeAdmin(SpreadsheetAdminMixin, AuditedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.OfficeResource]
    list_display = ["name", "kind", "city", "region", "order"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]
    search_fields = ["name_en", "name_es", "address_en", "city_en"]
    autocomplete_fields = ["region"]


@admin.register(models.StaffCount)
class StaffCountAdmin(SpreadsheetAdminMixin, AuditedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.StaffCountResource]
    list_display = ["as_of", "national", "international", "total", "mission", "source"]
    date_hierarchy = "as_of"
    search_fields = ["source_en", "source_es"]

    @admin.display(description=_("total"))
    def total(self, obj):
        return obj.total


@admin.register(models.ThematicArea)
class ThematicAreaAdmin(SpreadsheetAdminMixin, AuditedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.ThematicAreaResource]
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.AreaOfWork)
class AreaOfWorkAdmin(AuditedAdmin, TabbedTranslationAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.InstitutionalSection)
class InstitutionalSectionAdmin(AuditedAdmin, TabbedTranslationAdmin):
    list_display = ["title", "kind", "order"]
    list_editable = ["order"]
    search_fields = ["title_en", "title_es", "body_en", "body_es"]


@admin.register(models.KeyActor)
class KeyActorAdmin(AuditedAdmin, TabbedTranslationAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.KeyFigure)
class KeyFigureAdmin(SpreadsheetAdminMixin, AuditedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.KeyFigureResource]
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
class DonorAdmin(SpreadsheetAdminMixin, AuditedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.DonorResource]
    list_display = ["name", "website", "has_logo", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    @admin.display(description=_("logo"), boolean=True)
    def has_logo(self, obj):
        return bool(obj.logo)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "logo" in form.changed_data and obj.logo:
            make_renditions(obj.logo, LOGO_WIDTHS)


@admin.register(models.Snapshot)
class SnapshotAdmin(AuditedAdmin, TabbedTranslationAdmin):
    """Freeze, preview, refreeze, publish and withdraw dated snapshots.

    Every write goes through `profiles.snapshots`, which checks permissions.
    """

    list_display = ["date", "title", "status", "changes", "short_checksum", "published_at"]
    list_filter = ["status"]
    search_fields = ["title_en", "title_es", "note_en", "note_es"]
    date_hierarchy = "date"
    fields = ["date", "title", "note"]
    change_form_template = "admin/profiles/snapshot/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("document")

    INFO_FIELDS = [
        "status",
        "schema_version",
        "checksum",
        "created_at",
        "created_by",
        "published_at",
        "published_by",
        "withdrawn_at",
        "withdrawal_reason_en",
        "withdrawal_reason_es",
    ]
    TEXT_FIELDS = ["title_en", "title_es", "note_en", "note_es"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        if obj.is_public:
            return ["date", *self.TEXT_FIELDS, *self.INFO_FIELDS]
        return ["date", *self.INFO_FIELDS]

    def get_fields(self, request, obj=None):
        if obj is not None and obj.is_public:
            return ["date", *self.TEXT_FIELDS, *self.INFO_FIELDS]
        return [*self.fields, *self.get_readonly_fields(request, obj)[1:]]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_public:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        # Bulk deletion would reach published snapshots; drafts are deleted one by one.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Django runs the add view in a transaction (READ COMMITTED on PostgreSQL),
        # where the freeze could only lock editors out. Read the profile first,
        # outermost, in one REPEATABLE READ transaction; save_model stores it.
        adding = object_id is None or "_saveasnew" in request.POST
        if request.method == "POST" and adding and self.has_add_permission(request):
            request.frozen_snapshot_document = snapshots.frozen_document()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
        else:
            document = getattr(request, "frozen_snapshot_document", None)
            snapshots.freeze(obj, by=request.user, document=document)

    @admin.display(description=_("changes since the previous version"))
    def changes(self, obj):
        return text_in_language(obj.change_summary)

    @admin.display(description=_("checksum"))
    def short_checksum(self, obj):
        return format_html('<code title="{}">{}…</code>', obj.checksum, obj.checksum[:12])

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="profiles_snapshot_preview",
            ),
            path(
                "<int:pk>/refreeze/",
                self.admin_site.admin_view(self.refreeze_view),
                name="profiles_snapshot_refreeze",
            ),
            path(
                "<int:pk>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="profiles_snapshot_publish",
            ),
            path(
                "<int:pk>/withdraw/",
                self.admin_site.admin_view(self.withdraw_view),
                name="profiles_snapshot_withdraw",
            ),
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        snapshot = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if snapshot is not None:
            extra_context.update(
                can_publish=request.user.has_perm(snapshots.PUBLISH_PERMISSION),
                can_edit=request.user.has_perm("profiles.add_snapshot"),
                change_summary=text_in_language(snapshot.change_summary),
                previous_date=previous_public_date(snapshot),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def _snapshot_or_404(self, request, pk):
        snapshot = self.get_object(request, str(pk))
        if snapshot is None or not self.has_view_permission(request, snapshot):
            raise Http404
        return snapshot

    def _back(self, snapshot):
        return redirect("admin:profiles_snapshot_change", snapshot.pk)

    def _run(self, request, snapshot, action, success):
        try:
            action()
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, success, messages.SUCCESS)
        return self._back(snapshot)

    def preview_view(self, request, pk):
        snapshot = self._snapshot_or_404(request, pk)
        return SnapshotPreviewView.as_view(snapshot=snapshot)(request, date=snapshot.date)

    @method_decorator(require_POST)
    def refreeze_view(self, request, pk):
        snapshot = self._snapshot_or_404(request, pk)
        return self._run(
            request,
            snapshot,
            lambda: snapshots.refreeze_snapshot(snapshot, by=request.user),
            _("The draft now holds the current profile."),
        )

    @method_decorator(require_POST)
    def publish_view(self, request, pk):
        snapshot = self._snapshot_or_404(request, pk)
        return self._run(
            request,
            snapshot,
            lambda: snapshots.publish_snapshot(
                snapshot, by=request.user, reviewed_checksum=request.POST.get("checksum", "")
            ),
            _("The snapshot is published."),
        )

    def withdraw_view(self, request, pk):
        snapshot = self._snapshot_or_404(request, pk)
        if request.method != "POST":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "snapshot": snapshot,
                "title": _("Withdraw the snapshot of %(date)s") % {"date": snapshot.date},
            }
            return TemplateResponse(request, "admin/profiles/snapshot/withdraw.html", context)
        return self._run(
            request,
            snapshot,
            lambda: snapshots.withdraw_snapshot(
                snapshot, reason=request.POST.get("reason", ""), by=request.user
            ),
            _("The snapshot is withdrawn; its page says so."),
        )


def previous_public_date(snapshot):
    earlier = models.Snapshot.objects.public().filter(date__lt=snapshot.date).order_by("-date")
    return earlier.values_list("date", flat=True).first()


@admin.register(models.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit trail, read only: written by the system, never edited."""

    list_display = ["at", "user", "action", "content_type", "object_repr"]
    list_filter = ["action", "content_type", "at"]
    search_fields = ["object_repr", "user__username"]
    date_hierarchy = "at"
    list_select_related = ["user", "content_type"]
    readonly_fields = [
        "at",
        "user",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "changes",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


from . import import_admin  # noqa: E402, F401  the record of spreadsheet imports
