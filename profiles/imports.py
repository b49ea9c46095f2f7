"""What a spreadsheet import shows and leaves behind, beyond import-export's own.

The preview: each changed cell as old → new, and warnings for texts written in one
language only. The record: who imported which file when, and what it did, plus a
field-by-field history entry on every object it added or changed. Example files.
"""

import dataclasses
import hashlib

import tablib
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export.resources import Diff
from import_export.results import RowResult

from . import audit
from .models import ImportRecord
from .translation_status import note_changes, text_values, translated_fields

# A confirmed import saves this many rows at a time, and says so after each batch.
BATCH_ROWS = 500
EXAMPLE_ROWS = 3
# The preview lists this many added or changed rows, then says how many more there are.
PREVIEW_ROWS = 200


class CellDiff(Diff):
    """Each import column's value before and after, as the preview shows them
    (import-export's own diff is HTML with struck-through and underlined fragments)."""

    def as_html(self):
        return [
            ("" if self.new else str(old), str(new))
            for old, new in zip(self.left, self.right, strict=False)
        ]


def changed_cells(headers, row_result):
    """[(column, old, new)] for the cells a row changes; every filled one for a new row."""
    if not row_result.diff:
        return []
    return [
        (column, old, new)
        for column, (old, new) in zip(headers, row_result.diff, strict=False)
        if old != new
    ]


def translation_warnings(resource, dataset):
    """One message per cell left blank while the same text is written in the other
    language: that row's page would show the other language instead."""
    headers = set(dataset.headers or [])
    columns = {field.column_name for field in resource.get_import_fields()}
    pairs = [
        (f"{field}_en", f"{field}_es")
        for field in translated_fields(resource._meta.model)
        if {f"{field}_en", f"{field}_es"} <= headers & columns
    ]
    warnings = []
    for number, row in enumerate(dataset.dict, start=1):
        for english, spanish in pairs:
            blank = [c for c in (english, spanish) if not str(row.get(c) or "").strip()]
            if len(blank) != 1:
                continue
            (missing,) = blank
            other = spanish if missing == english else english
            message = (
                _(
                    "Row %(row)s: “%(column)s” is empty, so the Spanish page will show the "
                    "English text of “%(other)s”."
                )
                if missing == spanish
                else _(
                    "Row %(row)s: “%(column)s” is empty, so the English page will show the "
                    "Spanish text of “%(other)s”."
                )
            )
            warnings.append(message % {"row": number, "column": missing, "other": other})
    return warnings


def start_record(*, user, model, file_name, data):
    return ImportRecord.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        file_name=file_name[:255],
        checksum=hashlib.sha256(data).hexdigest(),
    )


def count_rows(record, result):
    record.rows_new += result.totals[RowResult.IMPORT_TYPE_NEW]
    record.rows_updated += result.totals[RowResult.IMPORT_TYPE_UPDATE]
    record.rows_skipped += result.totals[RowResult.IMPORT_TYPE_SKIP]


def record_history(resource, result, *, user, import_record, note_translations):
    """An audit entry per object the import added or changed, field by field, like an
    admin save; with `note_translations` (bulk saves skip model signals), their
    translation status too."""
    headers = [field.column_name for field in resource.get_import_fields()]
    model = resource._meta.model
    fields = translated_fields(model)
    for row_result in result.rows:
        instance = getattr(row_result, "instance", None)
        if instance is None or instance.pk is None:
            continue
        if row_result.import_type == RowResult.IMPORT_TYPE_NEW:
            action, before = audit.AuditEntry.Action.ADDED, {}
        elif row_result.import_type == RowResult.IMPORT_TYPE_UPDATE:
            action = audit.AuditEntry.Action.CHANGED
            before = text_values(row_result.original, fields) if row_result.original else {}
        else:
            continue
        changes = {column: [old, new] for column, old, new in changed_cells(headers, row_result)}
        audit.record(instance, action, user=user, changes=changes, import_record=import_record)
        if note_translations:
            note_changes(instance, before, created=action == audit.AuditEntry.Action.ADDED)


def example_dataset(resource):
    """The list's columns and its first few rows, as a file to start from."""
    headers = [field.column_name for field in resource.get_import_fields()]
    queryset = resource._meta.model._default_manager.all()[:EXAMPLE_ROWS]
    exported = resource.export(queryset=queryset)
    dataset = tablib.Dataset(headers=headers)
    for row in exported.dict:
        dataset.append([row.get(header, "") for header in headers])
    dataset.title = str(resource._meta.model._meta.verbose_name_plural)
    return dataset


def column_descriptions(resource):
    """[(column, what it holds)] for the import page, from the model's own fields."""
    model = resource._meta.model
    described = []
    for field in resource.get_import_fields():
        name = field.attribute or field.column_name
        base, _sep, language = name.rpartition("_")
        try:
            model_field = model._meta.get_field(name)
        except Exception:
            described.append((field.column_name, ""))
            continue
        label = str(model_field.verbose_name)
        if language in ("en", "es") and base in translated_fields(model):
            label = _("%(field)s (English)") if language == "en" else _("%(field)s (Spanish)")
            label = str(label) % {"field": model._meta.get_field(base).verbose_name}
        details = []
        if model_field.choices:
            details.append(
                str(_("one of: %(values)s"))
                % {"values": ", ".join(str(value) for value, _label in model_field.choices)}
            )
        elif model_field.is_relation:
            key = getattr(field.widget, "field", "pk")
            details.append(
                str(_("%(key)s of %(model)s, separated by “;”"))
                % {"key": key, "model": model_field.related_model._meta.verbose_name_plural}
                if model_field.many_to_many
                else str(_("%(key)s of a %(model)s"))
                % {"key": key, "model": model_field.related_model._meta.verbose_name}
            )
        elif model_field.get_internal_type() == "DateField":
            details.append(str(_("a date such as 2024-06-30")))
        if name in resource.get_import_id_fields() or field.column_name in (
            resource.get_import_id_fields()
        ):
            details.append(str(_("required: says which row is which")))
        described.append((field.column_name, "; ".join([capfirst(label), *details])))
    return described


@dataclasses.dataclass
class ImportStep:
    """Where a confirmed import stands after a batch: `done_rows` of `total` saved;
    `done` once committed; `failed` (with the failing batch's rows) if nothing was."""

    done_rows: int = 0
    total: int = 0
    done: bool = False
    failed: bool = False
    record: ImportRecord | None = None
    rows: list = dataclasses.field(default_factory=list)


def import_in_batches(resource, dataset, *, user, file_name, data):
    """Import `dataset` BATCH_ROWS rows at a time in one transaction, yielding an
    ImportStep after each batch; a batch that fails rolls the whole import back."""
    total = len(dataset)
    with transaction.atomic():
        record = start_record(user=user, model=resource._meta.model, file_name=file_name, data=data)
        for start in range(0, total, BATCH_ROWS):
            batch = tablib.Dataset(*dataset[start : start + BATCH_ROWS], headers=dataset.headers)
            result = resource.import_data(
                batch,
                dry_run=False,
                raise_errors=False,
                use_transactions=True,
                rollback_on_validation_errors=True,
                checked=True,
                user=user,
                import_record=record,
                retain_instance_in_row_result=True,
            )
            if result.has_errors() or result.has_validation_errors():
                transaction.set_rollback(True)
                rows = preview_rows(resource, result, batch, offset=start)
                yield ImportStep(total=total, failed=True, rows=rows)
                return
            count_rows(record, result)
            record.save()
            yield ImportStep(done_rows=min(start + BATCH_ROWS, total), total=total, record=record)
    yield ImportStep(done_rows=total, total=total, done=True, record=record)


def error_messages(row_result):
    """[(column or "", message)] of a row that failed."""
    error = row_result.validation_error
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return [
                ("" if name == "__all__" else name, message)
                for name, messages in error.message_dict.items()
                for message in messages
            ]
        return [("", message) for message in error.messages]
    return [("", str(problem.error)) for problem in row_result.errors]


def preview_rows(resource, result, dataset, *, offset=0):
    """The rows an import adds, changes or refuses, for the preview:
    {number, kind, object, cells [(column, old, new)], errors [(column, value, message)]}.
    Unchanged rows are only counted (result.totals)."""
    headers = [field.column_name for field in resource.get_import_fields()]
    values = dataset.dict
    rows = []
    for index, row_result in enumerate(result.rows):
        kind = row_result.import_type
        if kind == RowResult.IMPORT_TYPE_SKIP:
            continue
        if len(rows) >= PREVIEW_ROWS and kind in (
            RowResult.IMPORT_TYPE_NEW,
            RowResult.IMPORT_TYPE_UPDATE,
        ):
            continue
        errors = []
        if kind in (RowResult.IMPORT_TYPE_INVALID, RowResult.IMPORT_TYPE_ERROR):
            row = values[index] if index < len(values) else {}
            errors = [
                (column, row.get(column, "") if column else "", message)
                for column, message in error_messages(row_result)
            ]
        rows.append(
            {
                "number": offset + index + 1,
                "kind": kind,
                "object": row_result.object_repr or "",
                "cells": changed_cells(headers, row_result),
                "errors": errors,
            }
        )
    return rows
