from profiles.views import DocumentView, find

from .models import Publication


class PublicationListView(DocumentView):
    template_name = "publications/publication_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publications = self.doc["publications"]
        kind = self.request.GET.get("kind", "")
        year = self.request.GET.get("year", "")
        shown = [
            publication
            for publication in publications
            if (not kind or publication["kind"] == kind)
            and (not year or str(publication["year"]) == year)
        ]
        context.update(
            publications=shown,
            chosen={"kind": kind, "year": year},
            kind_choices=Publication.Kind.choices,
            years=sorted({p["year"] for p in publications if p["year"]}, reverse=True),
            filtered=bool(kind or year),
        )
        return context


class PublicationDetailView(DocumentView):
    template_name = "publications/publication_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["publication"] = find(self.doc["publications"], kwargs["slug"])
        return context


class StoryListView(DocumentView):
    template_name = "publications/story_list.html"


class StoryDetailView(DocumentView):
    template_name = "publications/story_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["story"] = find(self.doc["stories"], kwargs["slug"])
        return context
