import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from iompanama.text import text_in_language
from profiles.pages import current_profile


def feed_date(item):
    value = item.get("published_on") or item.get("period_end")
    return dt.date.fromisoformat(value) if value else None


class LatestFeed(Feed):
    """Publications and news stories, newest first, in the current language."""

    feed_type = Atom1Feed
    title = _("IOM Panama: publications and news")
    subtitle = _("New publications and news stories of IOM's office in Panama.")

    def link(self):
        return reverse("profiles:home")

    def items(self):
        document = current_profile()
        items = [
            item | {"route": "publications:publication-detail"}
            for item in document["publications"]
            if feed_date(item)
        ] + [item | {"route": "publications:story-detail"} for item in document["stories"]]
        return sorted(items, key=feed_date, reverse=True)[:50]

    def item_title(self, item):
        return text_in_language(item["title"])

    def item_description(self, item):
        return text_in_language(item["summary"])

    def item_link(self, item):
        return reverse(item["route"], kwargs={"slug": item["slug"]})

    def item_pubdate(self, item):
        return timezone.make_aware(dt.datetime.combine(feed_date(item), dt.time(12)))
