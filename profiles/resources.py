"""Import/export resources: English and Spanish columns, natural keys, `;`-separated lists."""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models as db_models
from django.utils.formats import sanitize_separators
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader, ModelInstanceLoader
from import_export.widgets import ForeignKeyWidget

from iompanama.text import translated_columns

from . import models
from .checks import validate_check_constraints
from .imports import CellDiff, record_history
from .sources import record_statement
from .spreadsheets import place, raise_problems, shown

# A column's allowed values are listed in full up to this many.
MAX_ALLOWED_SHOWN = 40

# Where a row's facts come from: the slug of its source document and a note on it.
SOURCE_COLUMNS = ["source_document", *translated_columns("source_note")]


def blank_is_none(value):
    return None if value == "" else value


def quoted(names):
    return ", ".join(f"“{name}”" for name in names)


class CellChecks:
    """What each column's widget would make of a cell, said before anything is imported.

    import-export reports a cell it cannot read as a Python exception (a traceback, or
    `[<class 'decimal.ConversionSyntax'>]`), or not at all: a related key that does not
    exist is silently dropped from a list, and anything but 1/true reads as false.
    """

    def __init__(self, field):
        self.field = field
        self.widget = field.widget
        if isinstance(self.widget, ForeignKeyWidget | widgets.ManyToManyWidget):
            opts = self.widget.model._meta
            key_field = opts.pk if self.widget.field == "pk" else opts.get_field(self.widget.field)
            self.numeric_keys = isinstance(key_field, db_models.IntegerField)
            self.keys = {
                str(key)
                for key in self.widget.model._default_manager.values_list(
                    self.widget.field, flat=True
                )
            }
            self.model_name = self.widget.model._meta.verbose_name

    def problems(self, value, row):
        """Messages for what is wrong with `value`, without the cell's place."""
        widget = self.widget
        if isinstance(widget, widgets.ManyToManyWidget):
            return self.key_problems(value, many=True)
        if isinstance(widget, ForeignKeyWidget):
            return self.key_problems(value, many=False)
        if isinstance(widget, widgets.BooleanWidget):
            known = widget.TRUE_VALUES + widget.FALSE_VALUES + widget.NULL_VALUES
            if value not in known:
                return [
                    _("“%(value)s” is neither yes nor no; write 1 for yes or 0 for no.")
                    % {"value": shown(value)}
                ]
            return []
        try:
            widget.clean(value, row=row)
        except (ValueError, ArithmeticError, TypeError) as error:
            return [self.unreadable(value, error)]
        if isinstance(widget, widgets.IntegerWidget) and not is_whole(value):
            # import-export would drop the fraction (1.5 becomes 1).
            return [_("“%(value)s” is not a whole number.") % {"value": shown(value)}]
        return []

    def unreadable(self, value, error):
        if isinstance(self.widget, widgets.NumberWidget):
            if isinstance(self.widget, widgets.IntegerWidget) and is_decimal(value):
                return _("“%(value)s” is not a whole number.") % {"value": shown(value)}
            return _("“%(value)s” is not a number.") % {"value": shown(value)}
        if isinstance(self.widget, widgets.DateWidget):
            return _("“%(value)s” is not a date; write dates as 2024-06-30.") % {
                "value": shown(value)
            }
        return _("“%(value)s” cannot be read (%(error)s).") % {
            "value": shown(value),
            "error": shown(error, 80),
        }

    def key_problems(self, value, *, many):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) or not many:
            keys = [str(value)]
        else:
            keys = [key.strip() for key in value.split(self.widget.separator) if key.strip()]
        problems = []
        for key in keys:
            if self.numeric_keys:
                if not re.fullmatch(r"[0-9]{1,18}", key):
                    problems.append(_("“%(value)s” is not a number.") % {"value": shown(key)})
                    continue
                key = str(int(key))
            if key not in self.keys:
                problems.append(
                    _("there is no %(model)s “%(value)s”. Allowed values: %(allowed)s.")
                    % {"model": self.model_name, "value": shown(key), "allowed": self.allowed()}
                )
        return problems

    def allowed(self):
        """The keys a cell of this column may hold, the first MAX_ALLOWED_SHOWN of them."""
        keys = sorted(self.keys, key=natural_order)
        listed = ", ".join(keys[:MAX_ALLOWED_SHOWN])
        if len(keys) > MAX_ALLOWED_SHOWN:
            listed += " " + str(
                _("and %(count)s more (see the list in the admin)")
                % {"count": len(keys) - MAX_ALLOWED_SHOWN}
            )
        return listed or str(_("none yet"))


def stored_values(instance):
    """{attribute: value} of a row's columns, to see which an import changes."""
    return {
        field.attname: blank_is_none(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
    }


def natural_order(key):
    """PA-2 before PA-10."""
    parts = re.split(r"(\d+)", key)
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts]


def is_decimal(value):
    try:
        return Decimal(sanitize_separators(str(value))).is_finite()
    except (InvalidOperation, ValueError):
        return False


def is_whole(value):
    number = Decimal(sanitize_separators(value)) if isinstance(value, str) else value
    return number == int(number)


class ProfileResource(resources.ModelResource):
    """Shared options: validate every row with the model, skip unchanged rows.

    Before any row is imported, the file's columns and every cell are checked;
    a file with a problem raises SpreadsheetError, which says where each is.

    A row of a Sourced model names its source document by slug; a row added or
    changed without one is the importing user's statement (record_statement).
    """

    source_document = fields.Field(
        attribute="source_document",
        column_name="source_document",
        widget=ForeignKeyWidget(models.Source, "slug"),
    )

    def import_data(self, dataset, *args, checked=False, **kwargs):
        """`checked`: the caller checked the whole file already (imports in batches)."""
        if not checked:
            self.check_dataset(dataset)
        return super().import_data(dataset, *args, **kwargs)

    @classmethod
    def get_diff_class(cls):
        return CellDiff

    def is_sourced(self):
        return issubclass(self._meta.model, models.Sourced)

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        if self.is_sourced():
            instance._stored_values = stored_values(instance)

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if self.is_sourced():
            before = getattr(instance, "_stored_values", {})
            after = stored_values(instance)
            changed = [name for name, value in after.items() if before.get(name) != value]
            record_statement(instance, kwargs.get("user"), changed)

    def get_bulk_update_fields(self):
        names = super().get_bulk_update_fields()
        if self.is_sourced():
            names += [name for name in ("stated_by", "stated_on") if name not in names]
        return names

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run") and kwargs.get("import_record") is not None:
            record_history(
                self,
                result,
                user=kwargs.get("user"),
                import_record=kwargs["import_record"],
                note_translations=self._meta.use_bulk,
            )

    def check_dataset(self, dataset):
        raise_problems(self.column_problems(dataset.headers or []) or self.cell_problems(dataset))

    def column_problems(self, headers):
        expected = [field.column_name for field in self.get_import_fields()]
        problems = []
        duplicated = sorted({name for name in headers if headers.count(name) > 1})
        if duplicated:
            problems.append(
                _("These columns appear more than once in the header row: %(columns)s.")
                % {"columns": quoted(duplicated)}
            )
        unknown = [name for name in headers if name not in expected]
        if unknown:
            problems.append(
                _("Unknown columns: %(unknown)s. The columns of this list are: %(expected)s.")
                % {"unknown": quoted(unknown), "expected": ", ".join(expected)}
            )
        keys = [self.fields[name].column_name for name in self.get_import_id_fields()]
        missing = [name for name in keys if name not in headers]
        if missing:
            problems.append(
                _(
                    "Missing columns: %(missing)s. They say which row is which, so every "
                    "file needs them. The columns of this list are: %(expected)s."
                )
                % {"missing": quoted(missing), "expected": ", ".join(expected)}
            )
        return problems

    def cell_problems(self, dataset):
        checks = [
            CellChecks(field)
            for field in self.get_import_fields()
            if field.column_name in dataset.headers
            and not isinstance(field.widget, widgets.CharWidget)
            and type(field.widget) is not widgets.Widget
        ]
        problems = []
        for number, row in enumerate(dataset.dict, start=1):
            for check in checks:
                value = row[check.field.column_name]
                if value is None or value == "":
                    continue
                problems += [
                    _("%(place)s: %(problem)s")
                    % {"place": place(number, check.field.column_name), "problem": problem}
                    for problem in check.problems(value, row)
                ]
        return problems

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # full_clean() without its one-query-per-constraint check; the same check
        # constraints are evaluated in Python (and enforced by the database on write).
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(
                exclude=errors.keys(), validate_unique=validate_unique, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            validate_check_constraints(instance)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # Like import-export's own, but an empty cell equals a text stored as NULL
        # (translation fields keep a missing text as NULL), so re-importing an
        # unchanged export changes nothing.
        if import_validation_errors or not self._meta.skip_unchanged:
            return False
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget):
                if field.column_name not in row:
                    continue
                new = {obj.pk for obj in field.clean(row)}
                old = (
                    set()
                    if original.pk is None
                    else {o.pk for o in field.get_value(original).all()}
                )
                if new != old:
                    return False
            elif blank_is_none(field.get_value(instance)) != blank_is_none(
                field.get_value(original)
            ):
                return False
        return True

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        # One query loads every row's existing instance (single-column keys only).
        instance_loader_class = CachedInstanceLoader
        # Each row's object stays in the result, for its history entry.
        store_instance = True


class RegionResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.Region
        import_id_fields = ["iso_code"]
        fields = [
            "iso_code",
            *translated_columns("name"),
            "kind",
            "has_presence",
            "latitude",
            "longitude",
            "order",
            *SOURCE_COLUMNS,
        ]
        use_bulk = True


class OfficeResource(ProfileResource):
    region = fields.Field(
        attribute="region", column_name="region", widget=ForeignKeyWidget(models.Region, "iso_code")
    )

    class Meta(ProfileResource.Meta):
        model = models.Office
        import_id_fields = ["kind", "region"]
        instance_loader_class = ModelInstanceLoader
        fields = [
            "kind",
            "region",
            *translated_columns("name", "description", "address", "city"),
            "latitude",
            "longitude",
            "order",
            *SOURCE_COLUMNS,
        ]


class StaffCountResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.StaffCount
        import_id_fields = ["as_of"]
        fields = [
            "as_of",
            "national",
            "international",
            "mission",
            *translated_columns("source"),
            *SOURCE_COLUMNS,
        ]
        use_bulk = True


class KeyFigureResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.KeyFigure
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "category",
            *translated_columns("label"),
            *translated_columns("label_one"),
            "qualifier",
            "value",
            *translated_columns("unit"),
            "period_start",
            "period_end",
            *translated_columns("source"),
            *translated_columns("note"),
            "order",
            "headline",
            *SOURCE_COLUMNS,
        ]
        use_bulk = True


class ThematicAreaResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.ThematicArea
        import_id_fields = ["slug"]
        fields = ["slug", *translated_columns("name"), "order", *SOURCE_COLUMNS]
        use_bulk = True


class DonorResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.Donor
        import_id_fields = ["slug"]
        fields = ["slug", *translated_columns("name"), "website", "order", *SOURCE_COLUMNS]
        use_bulk = True
