import datetime as dt
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from iompanama.text import text_in_language
from profiles.models import Snapshot
from profiles.pages import current_profile
from profiles.templatetags.profile_tags import period

from .models import Publication


def at_noon(date):
    """A day as the feed's time: noon in the office's time zone."""
    return timezone.make_aware(dt.datetime.combine(date, dt.time(12)))


def feed_date(item):
    """When an entry appeared: a version when it was published, a story or a
    publication on its publication date. A publication whose publication date is not
    known (a report's period says what it covers, not when it came out) is dated by
    the day it was added to the site (`added_on`, set by `LatestFeed.items`)."""
    if "snapshot" in item:
        snapshot = item["snapshot"]
        return snapshot.published_at or at_noon(snapshot.date)
    if item.get("published_on"):
        return at_noon(dt.date.fromisoformat(str(item["published_on"])))
    if item.get("added_on"):
        return at_noon(item["added_on"])
    return None


def dated_by_addition(item):
    return "snapshot" not in item and not item.get("published_on") and bool(item.get("added_on"))


def version_files(snapshot):
    """(MIME type, title, path) of each file of a published version, for machines that
    follow new versions. The PDF factsheet belongs here once it is served."""
    date = snapshot.date
    return [
        ("text/csv", "CSV", reverse("downloads:snapshot", kwargs={"date": date, "fmt": "csv"})),
        ("text/csv", "CSV (HXL)", reverse("downloads:snapshot-hxl", kwargs={"date": date})),
        (
            "application/json",
            "JSON",
            reverse("downloads:snapshot", kwargs={"date": date, "fmt": "json"}),
        ),
        (
            "application/json",
            "API",
            reverse("api:version", kwargs={"version": date.isoformat()}),
        ),
    ]


class VersionsAtomFeed(Atom1Feed):
    """Atom, with a link to each file of a version's entry (rel="enclosure": Atom
    allows one "alternate" link per type, and a version has two CSV files)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for mime_type, title, path in item.get("files", []):
            handler.addQuickElement(
                "link",
                "",
                {
                    "rel": "enclosure",
                    "type": mime_type,
                    "title": title,
                    "href": urljoin(self.feed["link"], path),
                },
            )


class LatestFeed(Feed):
    """Publications, news stories and published versions of the profile, newest
    first, in the current language."""

    feed_type = VersionsAtomFeed
    title = gettext_lazy("IOM Panama: publications and news")
    subtitle = gettext_lazy(
        "New publications and news stories of IOM's office in Panama, and each new "
        "published version of its profile."
    )

    def link(self):
        return reverse("profiles:home")

    def items(self):
        document = current_profile()
        added_on = dict(Publication.objects.values_list("slug", "added_on"))
        publications = [
            item
            | {"route": "publications:publication-detail", "added_on": added_on.get(item["slug"])}
            for item in document["publications"]
        ]
        stories = [item | {"route": "publications:story-detail"} for item in document["stories"]]
        items = [item for item in publications + stories if feed_date(item)]
        items += [
            {"snapshot": snapshot}
            for snapshot in Snapshot.objects.published().defer("document").order_by("-date")
        ]
        return sorted(items, key=feed_date, reverse=True)[:50]

    def item_title(self, item):
        if "snapshot" in item:
            return _("New version of the profile: %(title)s") % {"title": item["snapshot"].title}
        return text_in_language(item["title"])

    def item_description(self, item):
        if "snapshot" in item:
            snapshot = item["snapshot"]
            return _("Changes: %(summary)s. SHA-256 checksum of the version: %(checksum)s.") % {
                "summary": text_in_language(snapshot.change_summary) or "—",
                "checksum": snapshot.checksum,
            }
        if text_in_language(item["summary"]) or "kind_label" not in item:
            description = text_in_language(item["summary"])
        else:
            description = described(item)
        if dated_by_addition(item):
            note = _(
                "Publication date not known: this entry is dated by the day the publication "
                "was added to the site."
            )
            return f"{description} {note}" if description else note
        return description

    def item_link(self, item):
        if "snapshot" in item:
            return reverse("profiles:snapshot-detail", kwargs={"date": item["snapshot"].date})
        return reverse(item["route"], kwargs={"slug": item["slug"]})

    def item_pubdate(self, item):
        return feed_date(item)

    def item_updateddate(self, item):
        return feed_date(item)

    def item_extra_kwargs(self, item):
        return {"files": version_files(item["snapshot"])} if "snapshot" in item else {}


def described(publication):
    """A publication without a summary, described by what the page shows of it: its
    kind, the period it covers and its language."""
    kind = text_in_language(publication["kind_label"])
    what = ", ".join(filter(None, [kind[:1].upper() + kind[1:], period(publication)]))
    language = _("Language: %(language)s.") % {
        "language": text_in_language(publication["language_label"])
    }
    return f"{what}. {language}"
