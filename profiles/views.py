from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from iompanama.middleware import has_session
from iompanama.text import current_language, text_in_language

from . import artefacts
from .diff import diff_documents
from .headlines import as_of, headline_figures, previous_published
from .models import Snapshot
from .pages import DocumentView, index_by
from .search import search
from .snapshots import VersionError, compared_versions, stored_document
from .timeseries import charts_of, figures_over_time, published_followed_versions, time_chart


def figure_groups(document, leaving_out=()):
    """Key figures grouped by category, in the categories' order, with the labels the
    document carries; the figures whose slugs are in `leaving_out` left out."""
    groups = []
    for category, label in document["choices"]["key_figures.category"].items():
        figures = [
            f
            for f in document["key_figures"]
            if f["category"] == category and f["slug"] not in leaving_out
        ]
        if figures:
            groups.append({"category": category, "label": label, "figures": figures})
    return groups


class HomeView(DocumentView):
    """The profile as a factsheet: its date, the headline figures with their change
    since the previous published version, every other figure, the figures over time."""

    template_name = "profiles/home.html"
    with_figures_over_time = True

    def version_date(self):
        """The day this version's figures were true (ISO)."""
        return as_of(self.document)

    def previous_version(self):
        """(ISO date, document) of the previous published version, or None."""
        return previous_published(published_followed_versions(), self.version_date())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        previous = self.previous_version()
        headlines = headline_figures(self.document, previous[1] if previous else None)
        context.update(
            version_date=self.version_date(),
            previous_version_date=previous[0] if previous else None,
            headline_figures=headlines,
            figure_groups=figure_groups(self.doc, {figure["slug"] for figure in headlines}),
            more_figure_count=len(self.doc["key_figures"]) - len(headlines),
            download_formats=[("csv", "CSV"), ("json", "JSON"), ("xlsx", "XLSX")],
        )
        if self.with_figures_over_time:
            context["charts"] = [
                chart | {"geometry": time_chart(chart["series"], chart["total"])}
                for chart in charts_of(figures_over_time())
            ]
        return context


class ContactView(DocumentView):
    template_name = "profiles/contact.html"


class MapView(DocumentView):
    template_name = "profiles/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        regions = index_by(self.doc["regions"], "iso_code")
        context["map_places"] = [
            {
                "kind": "office",
                "name": text_in_language(office["name"]),
                "detail": text_in_language(office["address"]) or text_in_language(office["city"]),
                "lat": office["latitude"] or regions.get(office["region"], {}).get("latitude"),
                "lng": office["longitude"] or regions.get(office["region"], {}).get("longitude"),
            }
            for office in self.doc["offices"]
        ] + [
            {
                "kind": "region",
                "name": text_in_language(region["name"]),
                "detail": "",
                "lat": region["latitude"],
                "lng": region["longitude"],
            }
            for region in self.doc["regions"]
        ]
        context["offices"] = [
            office | {"region_item": regions.get(office["region"])}
            for office in self.doc["offices"]
        ]
        return context


class SearchView(DocumentView):
    template_name = "profiles/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:200]
        groups = search(self.doc, query)
        context.update(
            query=query,
            groups=groups,
            result_count=sum(len(group["results"]) for group in groups),
        )
        return context


class SnapshotArchiveView(ListView):
    """The public versions, newest first, a page at a time: the same few queries
    whatever the number of versions."""

    template_name = "profiles/snapshot_archive.html"
    context_object_name = "snapshots"
    paginate_by = 20

    def get_queryset(self):
        # Each summary was stored when the version was frozen or its baseline changed.
        return (
            Snapshot.objects.public()
            .with_correction_flag()
            .order_by("-date", "-published_at")
            .defer("document")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        # The number of the page's first version in the reversed list (the oldest is 1).
        context["first_number"] = page.paginator.count - page.start_index() + 1
        return context


class SnapshotDetailView(HomeView):
    """A published snapshot, rendered by the live profile's templates.

    Anonymous visitors get the page as stored when it was published
    (`profiles.artefacts`); editors, who carry a session, the live render, which
    is also what is stored (`as_view(serve_stored=False)`).
    """

    with_figures_over_time = False
    serve_stored = True

    def get(self, request, *args, **kwargs):
        if self.serve_stored and not has_session(request):
            name = artefacts.page_name(current_language())
            return artefacts.stored_response(kwargs["date"], name)
        return super().get(request, *args, **kwargs)

    def get_snapshot(self):
        snapshot = Snapshot.objects.on_date(self.kwargs["date"])
        if snapshot is None:
            raise Http404(_("There is no published snapshot of this date."))
        return snapshot

    def get_document(self):
        self.snapshot = self.get_snapshot()
        # The previous one's document gives the headline figures' changes.
        self.previous_snapshot = (
            Snapshot.objects.published()
            .filter(date__lt=self.snapshot.date)
            .order_by("-date")
            .first()
        )
        return stored_document(self.snapshot)

    def version_date(self):
        return self.snapshot.date.isoformat()

    def previous_version(self):
        if self.previous_snapshot is None:
            return None
        return self.previous_snapshot.date.isoformat(), stored_document(self.previous_snapshot)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Snapshot.objects.published().defer("document")  # only their dates
        language = current_language()
        context.update(
            snapshot=self.snapshot,
            previous_snapshot=self.previous_snapshot,
            next_snapshot=published.filter(date__gt=self.snapshot.date).order_by("date").first(),
            missing_language=language not in self.doc["languages"],
            withdrawn_versions=Snapshot.objects.filter(
                date=self.snapshot.date, status=Snapshot.Status.WITHDRAWN
            )
            .exclude(pk=self.snapshot.pk)
            .defer("document")
            .order_by("withdrawn_at"),
        )
        return context


class CorrectedSnapshotView(SnapshotDetailView):
    """A withdrawn version whose date now shows its correction: still online, as
    every published version stays, at an address of its own. Rendered live: the
    stored pages of a date are its correction's."""

    serve_stored = False

    def get_snapshot(self):
        return get_object_or_404(
            Snapshot.objects.corrected(), date=self.kwargs["date"], pk=self.kwargs["pk"]
        )


class CompareView(TemplateView):
    template_name = "profiles/compare.html"

    @staticmethod
    def side_label(version):
        if version.snapshot is None:
            return _("the current profile")
        return formats.date_format(version.snapshot.date, "DATE_FORMAT")

    def get(self, request, *args, **kwargs):
        snapshots = Snapshot.objects.published().order_by("-date")
        dates = snapshots.values_list("date", flat=True)
        context = {"choices": [date.isoformat() for date in dates]}
        try:
            old, new = compared_versions(request.GET.get("a"), request.GET.get("b"))
        except VersionError as error:
            context["error"] = str(error)
            return self.render_to_response(self.get_context_data(**context), status=error.status)
        context.update(
            a=old.name,
            b=new.name,
            a_label=self.side_label(old),
            b_label=self.side_label(new),
            old_snapshot=old.snapshot,
            new_snapshot=new.snapshot,
            diff=diff_documents(old.document, new.document, language=current_language()),
        )
        return self.render_to_response(self.get_context_data(**context))


class SnapshotPreviewView(SnapshotDetailView):
    """A draft exactly as the public will see it (the admin serves this to staff only)."""

    snapshot = None
    serve_stored = False

    def get_snapshot(self):
        return self.snapshot

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"preview": True}
