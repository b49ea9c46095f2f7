"""Import/export resources: English and Spanish columns, natural keys, `;`-separated lists."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader, ModelInstanceLoader
from import_export.widgets import ForeignKeyWidget

from . import models
from .checks import validate_check_constraints


def translated(*names):
    return [f"{name}_{language}" for name in names for language in ("en", "es")]


def blank_is_none(value):
    return None if value == "" else value


class ProfileResource(resources.ModelResource):
    """Shared options: validate every row with the model, skip unchanged rows."""

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


class RegionResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.Region
        import_id_fields = ["iso_code"]
        fields = [
            "iso_code",
            *translated("name"),
            "kind",
            "has_presence",
            "latitude",
            "longitude",
            "order",
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
            *translated("name", "description", "address", "city"),
            "latitude",
            "longitude",
            "order",
        ]


class StaffCountResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.StaffCount
        import_id_fields = ["as_of"]
        fields = ["as_of", "national", "international", "mission", *translated("source")]
        use_bulk = True


class KeyFigureResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.KeyFigure
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "category",
            *translated("label"),
            "qualifier",
            "value",
            *translated("unit"),
            "period_start",
            "period_end",
            *translated("source"),
            "order",
        ]
        use_bulk = True


class ThematicAreaResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.ThematicArea
        import_id_fields = ["slug"]
        fields = ["slug", *translated("name"), "order"]
        use_bulk = True


class DonorResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.Donor
        import_id_fields = ["slug"]
        fields = ["slug", *translated("name"), "website", "order"]
        use_bulk = True
