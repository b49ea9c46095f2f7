from iompanama.text import translated_columns
from profiles.resources import SOURCE_COLUMNS, ProfileResource

from . import models


class PublicationResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.Publication
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *translated_columns("title"),
            "kind",
            *translated_columns("summary"),
            "published_on",
            "period_start",
            "period_end",
            "language",
            "url",
            *SOURCE_COLUMNS,
        ]
        use_bulk = True


class StoryResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.Story
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *translated_columns("title"),
            "published_on",
            *translated_columns("summary", "body"),
            *SOURCE_COLUMNS,
        ]
        use_bulk = True
