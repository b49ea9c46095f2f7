from import_export import fields
from import_export.widgets import ManyToManyWidget

from iompanama.text import translated_columns
from profiles.models import Donor, Region, ThematicArea
from profiles.resources import SOURCE_COLUMNS, ProfileResource

from . import models


def many(model, key):
    return ManyToManyWidget(model, field=key, separator=";")


class ProjectResource(ProfileResource):
    donors = fields.Field(attribute="donors", column_name="donors", widget=many(Donor, "slug"))
    regions = fields.Field(
        attribute="regions", column_name="regions", widget=many(Region, "iso_code")
    )
    thematic_areas = fields.Field(
        attribute="thematic_areas",
        column_name="thematic_areas",
        widget=many(ThematicArea, "slug"),
    )
    sdg_goals = fields.Field(
        attribute="sdg_goals",
        column_name="sdg_goals",
        widget=many(models.SustainableDevelopmentGoal, "number"),
    )
    compact_objectives = fields.Field(
        attribute="compact_objectives",
        column_name="compact_objectives",
        widget=many(models.GlobalCompactObjective, "number"),
    )

    class Meta(ProfileResource.Meta):
        model = models.Project
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *translated_columns("title"),
            "acronym",
            *translated_columns("summary"),
            "status",
            "start_date",
            "end_date",
            "donors",
            "regions",
            "thematic_areas",
            "sdg_goals",
            "compact_objectives",
            "order",
            *SOURCE_COLUMNS,
        ]
