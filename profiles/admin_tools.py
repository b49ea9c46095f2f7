"""What every content admin shares: the audit trail and edit-conflict detection."""

import hashlib
import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import audit, sources
from .models import Source
from .translation_admin import TranslationStatusAdminMixin

TOKEN_FIELD = "_edit_token"


def stored_field_names(model):
    """Every stored column, in every language: a translated field's own name would
    read the current language only, so it is left out for its _en and _es columns."""
    names = [field.attname for field in model._meta.concrete_fields]
    return [name for name in names if f"{name}_{settings.LANGUAGE_CODE}" not in names]


def row_token(model, pk, *, lock=False):
    """A fingerprint of the row as stored now; it changes whenever anyone saves it.

    With `lock`, the row stays locked until the transaction ends, so no other
    save can slip in between this check and the write.
    """
    rows = model._default_manager.filter(pk=pk)
    if lock:
        rows = rows.select_for_update()
    row = rows.values_list(*stored_field_names(model)).first()
    encoded = json.dumps(row, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:32]


def time_zone_note(adminform):
    """One note for the whole form, naming the zone its dates and times are in, where
    Django's calendar widgets would repeat "You are N hours ahead of server time" under
    every date (hidden by admin.css). Dates are the office's: TIME_ZONE."""
    form = adminform.form
    temporal = (forms.DateField, forms.DateTimeField, forms.TimeField)
    has_dates = any(isinstance(field, temporal) for field in form.fields.values())
    model = form._meta.model
    readonly = set(adminform.readonly_fields or ())
    has_dates = has_dates or any(
        isinstance(field, models.DateField | models.DateTimeField)
        for field in model._meta.concrete_fields
        if field.name in readonly
    )
    return office_time_zone_note() if has_dates else ""


def office_time_zone_note():
    offset = timezone.localtime().strftime("%z")  # -0500
    return _("Dates and times are in the office's time zone: %(zone)s (UTC%(offset)s).") % {
        "zone": settings.TIME_ZONE.replace("_", " "),
        "offset": f"{offset[0].replace('-', '−')}{offset[1:3]}:{offset[3:]}",
    }


class EditConflictForm(forms.ModelForm):
    """Refuses a save over changes the editor never saw, keeping their input."""

    _edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[TOKEN_FIELD].initial = row_token(type(self.instance), self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        # The admin saves inside one transaction: lock the row for the check and the write.
        in_transaction = transaction.get_connection().in_atomic_block
        current = row_token(type(self.instance), self.instance.pk, lock=in_transaction)
        if self.data.get(TOKEN_FIELD) != current:
            # The form comes back with the editor's input; saving it again after
            # review is allowed, so it now carries the current fingerprint.
            self.data = self.data.copy()
            self.data[TOKEN_FIELD] = current
            raise forms.ValidationError(
                _(
                    "Someone else saved this %(object)s after you opened it. Your changes are "
                    "kept below but not saved: check the current values (open the history in "
                    "another tab), then save again."
                ),
                code="edit_conflict",
                params={"object": self.instance._meta.verbose_name},
            )
        return cleaned


class AuditedAdmin(TranslationStatusAdminMixin, admin.ModelAdmin):
    """Records every add, change and delete field by field, and refuses edit conflicts."""

    form = EditConflictForm
    object_history_template = "admin/audited_object_history.html"

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        names = [name for _title, options in fieldsets for name in options["fields"]]
        if TOKEN_FIELD in names:
            return fieldsets
        first_title, first = fieldsets[0]
        return [(first_title, {**first, "fields": [*first["fields"], TOKEN_FIELD]}), *fieldsets[1:]]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        changes = audit.form_changes(form) if change else {}
        changes.pop(TOKEN_FIELD, None)
        for formset in formsets:
            for inline_form in formset.forms:
                if inline_form.has_changed():
                    label = f"{formset.model._meta.verbose_name}: {inline_form.instance}"
                    changes[label] = [str(_("(changed)")), str(inline_form.instance)]
        action = audit.AuditEntry.Action.CHANGED if change else audit.AuditEntry.Action.ADDED
        if changes or not change:
            audit.record(obj, action, user=request.user, changes=changes)

    def delete_model(self, request, obj):
        audit.record(obj, audit.AuditEntry.Action.DELETED, user=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(obj, audit.AuditEntry.Action.DELETED, user=request.user)
        super().delete_queryset(request, queryset)

    def render_change_form(self, request, context, *args, **kwargs):
        context["time_zone_note"] = time_zone_note(context["adminform"])
        return super().render_change_form(request, context, *args, **kwargs)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        can_restore = obj is not None and self.has_change_permission(request, obj)
        extra_context = {
            **(extra_context or {}),
            "audit_entries": audit.entries_for(obj) if obj else [],
            "time_zone_note": office_time_zone_note(),
            "restorable_fields": self.restorable_fields(request, obj) if can_restore else set(),
            "edit_token": row_token(type(obj), obj.pk) if can_restore else "",
            "restore_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_restore", args=[obj.pk]
            )
            if can_restore
            else "",
        }
        return super().history_view(request, object_id, extra_context)

    def get_urls(self):
        restore = path(
            "<path:object_id>/history/restore/",
            self.admin_site.admin_view(self.restore_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_restore",
        )
        return [restore, *super().get_urls()]

    def restorable_fields(self, request, obj):
        """The fields the history can put back: those of the change form whose recorded
        value is the value itself (not the names of related items, not a file)."""
        form_class = self.get_form(request, obj, change=True)
        return {
            name
            for name, field in form_class.base_fields.items()
            if name != TOKEN_FIELD
            and not isinstance(field, forms.ModelMultipleChoiceField | forms.FileField)
        }

    @method_decorator(require_POST)
    def restore_view(self, request, object_id):
        """Put back the values a field, or every field of one change, had before that
        change: through the change form, so the conflict check and the audit apply and
        the restore is itself recorded."""
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        history = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]
        )
        entry = audit.entries_for(obj).filter(pk=request.POST.get("entry") or 0).first()
        restorable = self.restorable_fields(request, obj)
        wanted = request.POST.get("field")
        fields = {
            name: values[0]
            for name, values in (entry.changes if entry else {}).items()
            if name in restorable and (not wanted or name == wanted)
        }
        if not fields:
            self.message_user(request, _("There is no recorded value to restore."), messages.ERROR)
            return redirect(history)
        form_class = self.get_form(request, obj, change=True)
        data = form_data(form_class(instance=obj))
        for name, value in fields.items():
            data[name] = value
        data[TOKEN_FIELD] = request.POST.get(TOKEN_FIELD, "")
        with transaction.atomic():
            form = form_class(data, instance=obj)
            if form.is_valid():
                restored = form.save(commit=False)
                self.save_model(request, restored, form, change=True)
                self.save_related(request, form, [], change=True)
        if form.errors:
            errors = "; ".join(
                f"{form.fields[name].label}: {' '.join(messages_)}"
                if name in form.fields
                else " ".join(messages_)
                for name, messages_ in form.errors.items()
            )
            self.message_user(
                request, _("Nothing was restored: %(errors)s") % {"errors": errors}, messages.ERROR
            )
        else:
            labels = ", ".join(str(form.fields[name].label) for name in fields)
            self.message_user(
                request,
                _("Restored the earlier value of: %(fields)s. The history records it.")
                % {"fields": labels},
                messages.SUCCESS,
            )
        return redirect(history)


def form_data(form):
    """The data a browser would post for `form` unchanged: what a restore changes
    one field of."""
    data = QueryDict(mutable=True)
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data.setlist(name, [str(item) for item in value])
        elif value is not None and not isinstance(field, forms.FileField):
            data[name] = str(value)
    return data


def _without(fields, names):
    """`fields` of a fieldset (names, or tuples of names on one line) without `names`."""
    kept = []
    for field in fields:
        if isinstance(field, list | tuple):
            line = tuple(name for name in field if name not in names)
            if len(line) > 1:
                kept.append(line)
            elif line:
                kept.append(line[0])
        elif field not in names:
            kept.append(field)
    return kept


class SourcedAdmin(AuditedAdmin):
    """An audited admin of a Sourced model: its form ends with where the row's facts
    come from (a source document and a note on it, in every language) and, read only,
    who stated them and when when they are the office's own. Saving records that
    statement (profiles.sources.record_statement), for inline rows too."""

    STATEMENT_FIELDS = ("stated_by", "stated_on")

    def source_fields(self):
        """The row's source documents (the office also has one per figure) and the note."""
        documents = [
            field.name
            for field in self.model._meta.concrete_fields
            if field.is_relation and field.related_model is Source
        ]
        note = ["source_note"]
        if hasattr(self, "replace_orig_field"):
            note = self.replace_orig_field(note)  # source_note_en, source_note_es
        return [*documents, *note]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, *(name for name in self.STATEMENT_FIELDS if name not in readonly)]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        source = [*self.source_fields(), self.STATEMENT_FIELDS]
        names = {*self.source_fields(), *self.STATEMENT_FIELDS}
        kept = [
            (title, {**options, "fields": _without(options["fields"], names)})
            for title, options in fieldsets
        ]
        kept = [(title, options) for title, options in kept if options["fields"]]
        return [
            *kept,
            (
                _("Source"),
                {
                    "fields": source,
                    "description": _(
                        "Where this comes from. Without a source document it is the "
                        "office's own statement, recorded with the editor who made it "
                        "and the day."
                    ),
                },
            ),
        ]

    def save_model(self, request, obj, form, change):
        sources.record_statement(obj, request.user, form.changed_data)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if inline_form.has_changed() and not formset._should_delete_form(inline_form):
                sources.record_statement(
                    inline_form.instance, request.user, inline_form.changed_data
                )
        super().save_formset(request, form, formset, change)
