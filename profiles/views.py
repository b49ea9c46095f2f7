import unicodedata

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from .document import current_document
from .models import KeyFigure


def figure_groups(document):
    """Key figures grouped by category, in the categories' order."""
    groups = []
    for category, label in KeyFigure.Category.choices:
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
        self.doc = self.get_document()
        return super().get_context_data(doc=self.doc, **kwargs)


class HomeView(DocumentView):
    template_name = "profiles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figure_groups"] = figure_groups(self.doc)
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
