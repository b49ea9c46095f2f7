from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from iompanama.text import current_language, folded, text_in_language

from .diff import diff_documents
from .models import Snapshot
from .pages import DocumentView, index_by
from .snapshots import VersionError, compared_versions, stored_document
from .timeseries import bar_chart, figures_over_time


def figure_groups(document):
    """Key figures grouped by category, in the categories' order, with the labels the
    document carries."""
    groups = []
    for category, label in document["choices"]["key_figures.category"].items():
        figures = [f for f in document["key_figures"] if f["category"] == category]
        if figures:
            groups.append({"category": category, "label": label, "figures": figures})
    return groups


class HomeView(DocumentView):
    template_name = "profiles/home.html"
    with_figures_over_time = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figure_groups"] = figure_groups(self.doc)
        context["download_formats"] = [("csv", "CSV"), ("json", "JSON"), ("xlsx", "XLSX")]
        if self.with_figures_over_time:
            context["figures_over_time"] = [
                series | {"chart": bar_chart(series["points"])} for series in figures_over_time()
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
    fields = {
        "projects": ("title", "acronym", "summary"),
        "publications": ("title", "summary"),
        "stories": ("title", "summary", "body"),
    }

    def matches(self, item, fields, terms):
        haystack = folded(" ".join(text_in_language(item.get(field)) for field in fields))
        return all(term in haystack for term in terms)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:200]
        terms = folded(query).split()
        results = {
            section: [item for item in self.doc[section] if self.matches(item, fields, terms)]
            if terms
            else []
            for section, fields in self.fields.items()
        }
        context.update(
            query=query,
            results=results,
            result_count=sum(len(items) for items in results.values()),
        )
        return context


class SnapshotArchiveView(TemplateView):
    template_name = "profiles/snapshot_archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Each summary was stored when the version was frozen or its baseline changed.
        context["snapshots"] = (
            Snapshot.objects.public()
            .with_correction_flag()
            .order_by("-date", "-published_at")
            .defer("document")
        )
        return context


class SnapshotDetailView(HomeView):
    """A published snapshot, rendered by the live profile's templates."""

    with_figures_over_time = False

    def get_snapshot(self):
        snapshot = Snapshot.objects.on_date(self.kwargs["date"])
        if snapshot is None:
            raise Http404(_("There is no published snapshot of this date."))
        return snapshot

    def get_document(self):
        self.snapshot = self.get_snapshot()
        return stored_document(self.snapshot)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Snapshot.objects.published().defer("document")  # only their dates
        language = current_language()
        context.update(
            snapshot=self.snapshot,
            previous_snapshot=published.filter(date__lt=self.snapshot.date)
            .order_by("-date")
            .first(),
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
    every published version stays, at an address of its own."""

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

    def get_snapshot(self):
        return self.snapshot

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"preview": True}
