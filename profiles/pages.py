"""The base of every page rendered from a profile document, and the lookups those
pages share. The apps' views build on `DocumentView`; none imports another's views."""

from django.http import Http404
from django.views.generic import TemplateView

from .document import current_document
from .presentation import for_pages


def current_profile() -> dict:
    """The current profile document, as pages and feeds read it."""
    return for_pages(current_document())


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


class DocumentView(TemplateView):
    """A page rendered from a profile document: the current one unless told otherwise."""

    def get_document(self):
        return current_document()

    def get_context_data(self, **kwargs):
        self.document = self.get_document()
        self.doc = for_pages(self.document)
        return super().get_context_data(doc=self.doc, **kwargs)
