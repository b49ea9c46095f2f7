"""What every content admin shares: the audit trail and edit-conflict detection."""

import hashlib
import json

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import audit
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
                    changes[label] = [_("(changed)"), str(inline_form.instance)]
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

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "audit_entries": audit.entries_for(obj) if obj else [],
        }
        return super().history_view(request, object_id, extra_context)
