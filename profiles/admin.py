from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, translation
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from iompanama.text import text_in_language

from . import models, resources, snapshots
from .admin_filters import StaleFigureFilter, year_filter
from .admin_tools import AuditedAdmin, EditConflictForm, SourcedAdmin
from .diff import diff_documents
from .document import current_document
from .images import LOGO_WIDTHS, make_renditions
from .spreadsheets import SpreadsheetAdminMixin
from .templatetags import profile_tags
from .views import SnapshotPreviewView


@admin.register(models.Source)
class SourceAdmin(AuditedAdmin, TabbedTranslationAdmin):
    """The documents the profile's facts are taken from."""

    list_display = ["title", "kind", "date", "slug"]
    list_filter = ["kind"]
    search_fields = ["title_en", "title_es", "slug", "url"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title_en"]}
    fields = ["slug", "kind", "title", "date", "url"]


class SocialAccountInline(admin.TabularInline):
    model = models.SocialAccount
    # Where an account comes from is not asked here: one added is the editor's statement.
    fields = ["order", "network", "handle", "url"]
    extra = 0


@admin.register(models.CountryOffice)
class CountryOfficeAdmin(SourcedAdmin, TabbedTranslationAdmin):
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
class RegionAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.RegionResource]
    list_display = ["name", "iso_code", "kind", "has_presence", "order"]
    list_editable = ["has_presence", "order"]
    list_filter = ["kind", "has_presence"]
    search_fields = ["name_en", "name_es", "iso_code"]
    inlines = [OfficeInline]


@admin.register(models.Office)
class OfficeAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.OfficeResource]
    list_display = ["name", "kind", "city", "region", "order"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]
    search_fields = ["name_en", "name_es", "address_en", "city_en"]
    autocomplete_fields = ["region"]


@admin.register(models.StaffCount)
class StaffCountAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.StaffCountResource]
    list_display = ["as_of", "national", "international", "total", "mission", "source"]
    date_hierarchy = "as_of"
    search_fields = ["source_en", "source_es"]

    @admin.display(description=_("total"))
    def total(self, obj):
        return obj.total


@admin.register(models.ThematicArea)
class ThematicAreaAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.ThematicAreaResource]
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.AreaOfWork)
class AreaOfWorkAdmin(SourcedAdmin, TabbedTranslationAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.InstitutionalSection)
class InstitutionalSectionAdmin(SourcedAdmin, TabbedTranslationAdmin):
    list_display = ["title", "kind", "order"]
    list_editable = ["order"]
    search_fields = ["title_en", "title_es", "body_en", "body_es"]


@admin.register(models.KeyActor)
class KeyActorAdmin(SourcedAdmin, TabbedTranslationAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.KeyFigure)
class KeyFigureAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
    resource_classes = [resources.KeyFigureResource]
    list_display = ["label", "category", "figure", "period", "headline"]
    list_editable = ["headline"]
    list_filter = [
        "category",
        year_filter("period_end", _("period ending in")),
        StaleFigureFilter,
        ("headline", admin.EmptyFieldListFilter),
    ]
    search_fields = ["label_en", "label_es", "source_en", "slug"]
    prepopulated_fields = {"slug": ["label_en"]}
    fieldsets = [
        (None, {"fields": ["category", "label", "label_one", "slug", "order", "headline"]}),
        (_("Value"), {"fields": [("qualifier", "value", "unit"), "note"]}),
        (_("When and where from"), {"fields": [("period_start", "period_end"), "source"]}),
    ]

    @admin.display(description=_("figure"), ordering="value")
    def figure(self, obj):
        """As the public site writes it: "more than 157,214 people"."""
        value = obj.value.normalize() if obj.value % 1 else int(obj.value)
        return f"{profile_tags.qualified(value, obj.qualifier)} {obj.unit}".strip()

    @admin.display(description=_("period"), ordering="period_end")
    def period(self, obj):
        return profile_tags.period({"period_start": obj.period_start, "period_end": obj.period_end})


@admin.register(models.Donor)
class DonorAdmin(SpreadsheetAdminMixin, SourcedAdmin, TabbedTranslationAdmin):
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


class SnapshotForm(EditConflictForm):
    def clean_date(self):
        date = self.cleaned_data["date"]
        if self.instance.pk is None:
            try:
                snapshots.check_date_free(date)
            except ValidationError as error:
                raise ValidationError(error.messages) from None
        return date


@admin.register(models.Snapshot)
class SnapshotAdmin(AuditedAdmin, TabbedTranslationAdmin):
    """Freeze, preview, refreeze, publish and withdraw dated snapshots.

    Every write goes through `profiles.snapshots`, which checks permissions.
    """

    form = SnapshotForm
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

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {
            "title": _("Freeze a new version"),
            "show_save_and_add_another": False,
            "show_save_and_continue": False,
            **(extra_context or {}),
        }
        return super().add_view(request, form_url, extra_context)

    def response_add(self, request, obj, post_url_continue=None):
        # The next steps (preview, publish) are on the draft's own page.
        self.message_user(
            request,
            _(
                "The current profile is frozen into the draft of %(date)s. "
                "Preview it, then publish it."
            )
            % {"date": obj.date},
            messages.SUCCESS,
        )
        return self._back(obj)

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
                "<int:pk>/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="profiles_snapshot_compare",
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
                correction=snapshot.correction(),
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

    def _preview_tools(self, request, snapshot):
        """The links a preview page adds for staff; the pages stay in the current language."""
        pk = snapshot.pk
        compare = reverse("admin:profiles_snapshot_compare", args=[pk])
        can_publish = snapshot.status == models.Snapshot.Status.DRAFT and request.user.has_perm(
            snapshots.PUBLISH_PERMISSION
        )
        language = translation.get_language()
        return {
            "back_url": reverse("admin:profiles_snapshot_change", args=[pk]),
            "preview_url": reverse("admin:profiles_snapshot_preview", args=[pk])
            + f"?language={language}",
            "publish_url": reverse("admin:profiles_snapshot_publish", args=[pk])
            if can_publish
            else "",
            "compare_current_url": f"{compare}?with=current&language={language}",
            "compare_previous_url": f"{compare}?with=previous&language={language}"
            if snapshots.previous_published(snapshot)
            else "",
        }

    def _in_language(self, request, view):
        """Render `view()` in the language the preview's switch asks for (?language=es):
        admin URLs carry no language prefix."""
        language = request.GET.get("language")
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        alternates = []
        for code, name in settings.LANGUAGES:
            query = request.GET.copy()
            query["language"] = code
            alternates.append(
                {"code": code, "name": name, "url": f"{request.path}?{query.urlencode()}"}
            )
        with translation.override(language):
            response = view(alternates)
            response.render()
        response.headers.setdefault("Content-Language", language)
        return response

    def preview_view(self, request, pk):
        snapshot = self._snapshot_or_404(request, pk)
        return self._in_language(
            request,
            lambda alternates: SnapshotPreviewView.as_view(
                snapshot=snapshot,
                extra_context={
                    "preview_tools": self._preview_tools(request, snapshot),
                    "language_alternates": alternates,
                },
            )(request, date=snapshot.date),
        )

    def compare_view(self, request, pk):
        """What a snapshot, draft or public, changes against the previous published
        version or the current profile, on the public site's comparison page."""
        snapshot = self._snapshot_or_404(request, pk)
        against = request.GET.get("with")

        def render(alternates):
            tools = self._preview_tools(request, snapshot)
            previous = snapshots.previous_published(snapshot)
            if against != "current" and previous is not None:
                old, new = snapshots.stored_document(previous), snapshots.stored_document(snapshot)
                old_label, new_label = (
                    formats.date_format(previous.date),
                    formats.date_format(snapshot.date),
                )
            else:
                old, new = snapshots.stored_document(snapshot), current_document()
                old_label = formats.date_format(snapshot.date)
                new_label = _("the current profile")
            context = {
                "snapshot": snapshot,
                "preview_tools": tools,
                "language_alternates": alternates,
                "against": "previous" if against != "current" and previous else "current",
                "a_label": old_label,
                "b_label": new_label,
                "diff": diff_documents(old, new, language=translation.get_language()),
            }
            return TemplateResponse(request, "profiles/snapshot_draft_compare.html", context)

        return self._in_language(request, render)

    @method_decorator(require_POST)
    def refreeze_view(self, request, pk):
        snapshot = self._snapshot_or_404(request, pk)
        return self._run(
            request,
            snapshot,
            lambda: snapshots.refreeze_snapshot(snapshot, by=request.user),
            _("The draft now holds the current profile."),
        )

    def publish_view(self, request, pk):
        """GET: what publishing the draft will show visitors, to confirm; POST: publish."""
        snapshot = self._snapshot_or_404(request, pk)
        if not request.user.has_perm(snapshots.PUBLISH_PERMISSION):
            raise PermissionDenied
        if request.method == "POST":
            try:
                snapshots.publish_snapshot(
                    snapshot, by=request.user, reviewed_checksum=request.POST.get("checksum", "")
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return redirect("admin:profiles_snapshot_publish", snapshot.pk)
            self.message_user(
                request,
                _("The version of %(date)s is published: visitors see it in the archive.")
                % {"date": snapshot.date},
                messages.SUCCESS,
            )
            return self._back(snapshot)
        review = snapshots.review_publication(snapshot, language=translation.get_language())
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": snapshot,
            "snapshot": snapshot,
            "review": review,
            "preview_tools": self._preview_tools(request, snapshot),
            "title": _("Publish the version of %(date)s?")
            % {"date": formats.date_format(snapshot.date)},
        }
        return TemplateResponse(request, "admin/profiles/snapshot/publish_confirm.html", context)

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
