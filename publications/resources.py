from profiles.resources import ProfileResource, translated

from . import models


class PublicationResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.Publication
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *translated("title"),
            "kind",
            *translated("summary"),
            "published_on",
            "period_start",
            "period_end",
            "language",
            "url",
        ]
        use_bulk = True


class StoryResource(ProfileResource):
    class Meta(ProfileResource.Meta):
        model = models.Story
        import_id_fields = ["slug"]
        fields = ["slug", *translated("title"), "published_on", *translated("summary", "body")]
        use_bulk = True
