import re

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from profiles.pages import DocumentView, find

from .feeds import LatestFeed, feed_date
from .models import Publication

YEAR = re.compile(r"[0-9]{4}")


class PublicationListView(DocumentView):
    """Publications by kind and year. A kind the form does not offer, or a year
    that is not four digits, matches nothing and answers 400; a well-formed year
    without publications is an empty list."""

    template_name = "publications/publication_list.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.unknown_filter:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publications = self.doc["publications"]
        kind = self.request.GET.get("kind", "")
        year = self.request.GET.get("year", "")
        self.unknown_filter = bool(
            (kind and kind not in Publication.Kind.values) or (year and not YEAR.fullmatch(year))
        )
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


@require_safe
def publication_file(request, slug):
    """A publication's PDF, served inline with its type and a readable file name; HEAD
    answers its headers (the server sends no body)."""
    publication = get_object_or_404(Publication.objects.exclude(file=""), slug=slug)
    response = FileResponse(
        publication.file.open("rb"),
        content_type="application/pdf",
        filename=f"{publication.slug}.pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{publication.slug}.pdf"'
    response["Cache-Control"] = "public, max-age=3600"
    return response


class FeedPageView(TemplateView):
    """The feed as a page: what a feed is, its address, and what it holds now. The
    footer links here, since browsers show the Atom file as raw XML."""

    template_name = "publications/feed_page.html"

    def get_context_data(self, **kwargs):
        feed = LatestFeed()
        return super().get_context_data(
            feed_url=self.request.build_absolute_uri(reverse("publications:feed")),
            entries=[
                {
                    "title": feed.item_title(item),
                    "link": feed.item_link(item),
                    "date": feed_date(item),
                    "description": feed.item_description(item),
                }
                for item in feed.items()
            ],
            **kwargs,
        )
