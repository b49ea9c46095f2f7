import datetime as dt
import re
import unicodedata

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from .diff import diff_documents
from .document import current_document
from .models import Snapshot
from .presentation import for_pages
from .snapshots import change_summaries, stored_document
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


def index_by(items, key):
    return {item[key]: item for item in items}


def with_relations(document, project):
    """A project with its regions, thematic areas and donors resolved from the document."""
    regions = index_by(document["regions"], "iso_code")
    areas = index_by(document["thematic_areas"], "slug")
    donors = index_by(document["donors"], "slug")
    return project | {
        "region_items": [regions[code] for code in project["regions"] if code in regions],
        "area_items": [areas[slug] for slug in project["thematic_areas"] if slug in areas],
        "donor_items": [donors[slug] for slug in project["donors"] if slug in donors],
    }


def find(items, slug):
    for item in items:
        if item["slug"] == slug:
            return item
    raise Http404


def folded(text):
    """Lower case without accents, so "darien" finds "Darién"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def text_in_language(value):
    """A {"en", "es"} text in the current language, else the other one."""
    if not isinstance(value, dict):
        return value or ""
    language = (get_language() or "en")[:2]
    return value.get(language) or next((text for text in value.values() if text), "")


class DocumentView(TemplateView):
    """A page rendered from a profile document: the current one unless told otherwise."""

    def get_document(self):
        return current_document()

    def get_context_data(self, **kwargs):
        self.doc = for_pages(self.get_document())
        return super().get_context_data(doc=self.doc, **kwargs)


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


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class SnapshotArchiveView(TemplateView):
    template_name = "profiles/snapshot_archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        snapshots = list(Snapshot.objects.public().order_by("date"))
        summaries = change_summaries(
            snapshots, is_baseline=lambda snapshot: snapshot.status == Snapshot.Status.PUBLISHED
        )
        for snapshot in snapshots:
            snapshot.summary = summaries[snapshot.pk]
        context["snapshots"] = list(reversed(snapshots))
        return context


class SnapshotDetailView(HomeView):
    """A published snapshot, rendered by the live profile's templates."""

    with_figures_over_time = False

    def get_snapshot(self):
        return get_object_or_404(Snapshot.objects.public(), date=self.kwargs["date"])

    def get_document(self):
        self.snapshot = self.get_snapshot()
        return stored_document(self.snapshot)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Snapshot.objects.published()
        language = (get_language() or "en")[:2]
        context.update(
            snapshot=self.snapshot,
            previous_snapshot=published.filter(date__lt=self.snapshot.date)
            .order_by("-date")
            .first(),
            next_snapshot=published.filter(date__gt=self.snapshot.date).order_by("date").first(),
            missing_language=language not in self.doc["languages"],
        )
        return context


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_version(value):
    """A compare side as given in the query string: "current" or a date written
    YYYY-MM-DD (a real date). CompareError, in the visitor's language, otherwise."""
    if value == "current":
        return value
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CompareError(
            _("“%(value)s” is not a date; use the form YYYY-MM-DD.") % {"value": value}
        ) from None


class CompareView(TemplateView):
    template_name = "profiles/compare.html"

    def parse_side(self, name, default):
        value = self.request.GET.get(name, default)
        date = parse_version(value)
        if date == "current":
            return value, current_document(), None
        snapshot = Snapshot.objects.public().filter(date=date).first()
        if snapshot is None:
            raise CompareError(
                _("There is no published snapshot of %(date)s.") % {"date": date.isoformat()}
            )
        return value, stored_document(snapshot), snapshot

    @staticmethod
    def side_label(value):
        if value == "current":
            return _("the current profile")
        return formats.date_format(dt.date.fromisoformat(value), "DATE_FORMAT")

    def get(self, request, *args, **kwargs):
        snapshots = list(
            Snapshot.objects.published().order_by("-date").values_list("date", flat=True)
        )
        context = {"choices": [d.isoformat() for d in snapshots]}
        default_a = context["choices"][0] if context["choices"] else "current"
        try:
            a, old, old_snapshot = self.parse_side("a", default_a)
            b, new, new_snapshot = self.parse_side("b", "current")
        except CompareError as error:
            context["error"] = str(error)
            return self.render_to_response(self.get_context_data(**context), status=400)
        language = (get_language() or "en")[:2]
        context.update(
            a=a,
            b=b,
            a_label=self.side_label(a),
            b_label=self.side_label(b),
            old_snapshot=old_snapshot,
            new_snapshot=new_snapshot,
            diff=diff_documents(old, new, language=language),
        )
        return self.render_to_response(self.get_context_data(**context))


class CompareError(ValueError):
    pass


class SnapshotPreviewView(SnapshotDetailView):
    """A draft exactly as the public will see it (the admin serves this to staff only)."""

    snapshot = None

    def get_snapshot(self):
        return self.snapshot

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"preview": True}


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def _cache_ok():
    try:
        cache.set("healthz", "ok", timeout=10)
        return cache.get("healthz") == "ok"
    except Exception:  # any cache backend's connection error
        return False


@require_GET
def healthz(request):
    """Database and cache status, for a load balancer: 200 when both answer, else 503."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    response = JsonResponse(body, status=200 if all(checks.values()) else 503)
    response["Cache-Control"] = "no-store"
    return response
