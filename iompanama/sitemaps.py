from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from profiles.document import current_document
from profiles.models import Snapshot
from profiles.presentation import url_maker


class I18nSitemap(Sitemap):
    """Every URL in both languages, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    # On SITE_URL, like the pages' own hreflang links, whatever host was asked.
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class StaticPagesSitemap(I18nSitemap):
    priority = 0.8

    def items(self):
        return [
            "profiles:home",
            "profiles:contact",
            "profiles:map",
            "projects:project-list",
            "publications:publication-list",
            "publications:story-list",
            "profiles:snapshot-list",
            "publications:feed-page",
        ]

    def location(self, item):
        return reverse(item)


class DocumentItemsSitemap(I18nSitemap):
    """Projects, publications and stories of the current profile."""

    routes = {
        "projects": "projects:project-detail",
        "publications": "publications:publication-detail",
        "stories": "publications:story-detail",
    }

    def items(self):
        document = current_document()
        return [
            (route, item["slug"])
            for section, route in self.routes.items()
            for item in document[section]
        ]

    def location(self, item):
        route, slug = item
        # Built once per route and language: reversing each of thousands of items in
        # each language with its alternates took seconds.
        return url_maker(route, "slug")(slug)


class VersionsSitemap(I18nSitemap):
    """The dated versions visitors may read, withdrawn ones included (their page says
    so); a version never changes once published."""

    changefreq = "never"
    priority = 0.5

    def items(self):
        return Snapshot.objects.public().order_by("-date").only("date", "published_at")

    def location(self, snapshot):
        return reverse("profiles:snapshot-detail", kwargs={"date": snapshot.date})

    def lastmod(self, snapshot):
        return snapshot.published_at


class FactsheetSitemap(I18nSitemap):
    """The factsheet PDFs: the current profile's and each published version's."""

    def items(self):
        dates = Snapshot.objects.published().order_by("date").values_list("date", flat=True)
        return [None, *dates]

    def location(self, date):
        if date is None:
            return reverse("profiles:factsheet")
        return reverse("profiles:snapshot-factsheet", kwargs={"date": date})


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "items": DocumentItemsSitemap,
    "versions": VersionsSitemap,
    "factsheets": FactsheetSitemap,
}
