"""What pages need of a document and the document does not hold: URLs of files
and image renditions, the labels of its choices beside their codes, the current
staff count and the number of items of a section. Resolved at render time, so
a stored document is never patched for the sake of a page.
"""

import functools
from urllib.parse import quote, quote_plus

from django.core.files.storage import default_storage
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from .content_cache import content_version
from .images import COVER_WIDTHS, LOGO_WIDTHS, rendition_name
from .schema import CHOICE, SECTIONS, SECTIONS_BY_KEY, items


def media_url(name):
    return default_storage.url(name) if name else ""


# Whether each rendition exists, for the content version it was checked in: files are
# written by the writes that bump the version, so a page asks the storage once per
# name and version, not once per image and request.
_renditions = {"version": None, "exists": {}}


def _stored(name):
    version = content_version()
    if _renditions["version"] != version:
        _renditions.update(version=version, exists={})
    exists = _renditions["exists"]
    if name not in exists:
        exists[name] = default_storage.exists(name)
    return exists[name]


def srcset(name, widths):
    """The stored renditions of an image, for a srcset; "" when none was made."""
    if not name:
        return ""
    renditions = [(rendition_name(name, width), width) for width in widths]
    if not all(_stored(rendition) for rendition, _width in renditions):
        return ""
    return ", ".join(
        f"{default_storage.url(rendition)} {width}w" for rendition, width in renditions
    )


# A value the converters write as is (a slug, an ISO date), which no URL contains.
SLUG_SAMPLE = "slug-sample-0f3c"
DATE_SAMPLE = "0000-00-00"


@functools.lru_cache(maxsize=256)
def _url_around(viewname, key, sample, fixed, language, prefix, urlconf):
    url = reverse(viewname, kwargs={key: sample, **dict(fixed)}, urlconf=urlconf)
    head, found, tail = url.partition(sample)
    assert found, (viewname, url)
    return head, tail


def url_maker(viewname, key, sample=SLUG_SAMPLE, **fixed):
    """A function of one value that returns `reverse(viewname, kwargs={key: value,
    **fixed})`: the URL is reversed once per language with `sample`, which the value
    then replaces. Reversing took 50 µs per link, the largest cost of lists. The
    values must be ones the URL converter writes unchanged (slugs, ISO dates)."""
    head, tail = _url_around(
        viewname,
        key,
        sample,
        tuple(sorted(fixed.items())),
        get_language(),
        get_script_prefix(),
        get_urlconf(),
    )
    return lambda value: f"{head}{value}{tail}"


def publication_file_url(publication, file_url_of=None):
    if not publication.get("file"):
        return ""
    return (file_url_of or url_maker("files:publication-file", "slug"))(publication["slug"])


def file_url(section_key, field_name, item):
    """The public URL of a file field of an item."""
    if (section_key, field_name) == ("publications", "file"):
        return publication_file_url(item)
    return media_url(item.get(field_name))


def with_choice_labels(document, section, item):
    """The item with `<field>_label` ({"en", "es"}) beside each choice code."""
    labels = document.get("choices", {})
    extra = {}
    for field in section.fields:
        if field.kind == CHOICE:
            code = item.get(field.name)
            extra[f"{field.name}_label"] = labels.get(f"{section.key}.{field.name}", {}).get(
                code, {"en": code or "", "es": code or ""}
            )
    return item | extra


def _dated(publication):
    """The date a publication is known by: published, else the end of the period it covers."""
    date = publication.get("published_on") or publication.get("period_end")
    return date or publication.get("period_start")


def _year(publication):
    date = _dated(publication)
    return int(date[:4]) if date else None


def newest_first(publications):
    """Newest first by the date a publication is known by; undated ones last."""
    dated = sorted(publications, key=lambda p: _dated(p) or "", reverse=True)
    return [p for p in dated if _dated(p)] + [p for p in dated if not _dated(p)]


class PageDocument(dict):
    """The document as the templates read it. Each section is prepared (choice
    labels, URLs, renditions) the first time a page reads it, so a page pays only
    for the sections it shows: on a profile of 10,000 publications, preparing every
    section took 180 ms per request for a contact page."""

    def __init__(self, document, makers):
        super().__init__(document)
        self._makers = makers

    def __missing__(self, key):
        make = self._makers.get(key)
        if make is None:
            raise KeyError(key)
        value = self[key] = make(self)
        return value

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        return super().__contains__(key) or key in self._makers

    def keys(self):
        return [*super().keys(), *(key for key in self._makers if not super().__contains__(key))]

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def items(self):
        return [(key, self[key]) for key in self.keys()]

    def values(self):
        return [self[key] for key in self.keys()]


def _labelled(document, section):
    labelled = [with_choice_labels(document, section, item) for item in items(document, section)]
    if section.single:
        return labelled[0] if labelled else None
    return labelled


def _publications(document):
    file_url_of = url_maker("files:publication-file", "slug")
    publication_url = url_maker("publications:publication-detail", "slug")
    return newest_first(
        publication
        | {
            "page_url": publication_url(publication["slug"]),
            "year": _year(publication),
            "file": publication_file_url(publication, file_url_of),
            "cover": media_url(publication.get("cover")),
            "cover_srcset": srcset(publication.get("cover"), COVER_WIDTHS),
        }
        for publication in _labelled(document, SECTIONS_BY_KEY["publications"])
    )


def _with_page_urls(document, key, viewname):
    url = url_maker(viewname, "slug")
    return [
        item | {"page_url": url(item["slug"])} for item in _labelled(document, SECTIONS_BY_KEY[key])
    ]


def _donors(document):
    return [
        donor
        | {"logo": media_url(donor.get("logo")), "logo_srcset": srcset(donor["logo"], LOGO_WIDTHS)}
        for donor in _labelled(document, SECTIONS_BY_KEY["donors"])
    ]


def _office(document, page):
    office = _labelled(document, SECTIONS_BY_KEY["office"])
    if office is None:
        return None
    return office | {
        "sites": {"count": office.get("sites_count"), "qualifier": office.get("sites_qualifier")},
        "contact": (page.get("contact") or {}) | {"social": page["social_accounts"]},
    }


def _staff(document):
    history = _labelled(document, SECTIONS_BY_KEY["staff"])
    return {"current": history[0] if history else None, "history": history}


# Where an account's page is, from its handle, on the networks whose addresses are
# predictable; an editor's own link always wins.
PROFILE_URLS = {
    "facebook": "https://www.facebook.com/{}",
    "instagram": "https://www.instagram.com/{}",
    "x": "https://x.com/{}",
    "youtube": "https://www.youtube.com/@{}",
    "linkedin": "https://www.linkedin.com/company/{}",
}
YOUTUBE_SEARCH = "https://www.youtube.com/results?search_query={}"


def account_url(account):
    """The link of a social account: the editor's, else its page built from the handle
    on a known network (a YouTube channel known only by name: a search for it); "" when
    the network is not known."""
    if account.get("url"):
        return account["url"]
    handle = account["handle"].strip()
    network = account["network"]
    if network == "youtube" and not handle.startswith("@"):
        return YOUTUBE_SEARCH.format(quote_plus(handle))
    if network in PROFILE_URLS and handle and " " not in handle:
        return PROFILE_URLS[network].format(quote(handle.removeprefix("@")))
    return ""


def _social_accounts(document):
    return [
        account | {"url": account_url(account)}
        for account in _labelled(document, SECTIONS_BY_KEY["social_accounts"])
    ]


def for_pages(document: dict) -> dict:
    """The document as the templates read it, each section prepared when first read."""
    makers = {
        section.key: (lambda page, section=section: _labelled(document, section))
        for section in SECTIONS
    }
    makers |= {
        "publications": lambda page: _publications(document),
        "projects": lambda page: _with_page_urls(document, "projects", "projects:project-detail"),
        "stories": lambda page: _with_page_urls(document, "stories", "publications:story-detail"),
        "donors": lambda page: _donors(document),
        "office": lambda page: _office(document, page),
        "staff": lambda page: _staff(document),
        "social_accounts": lambda page: _social_accounts(document),
    }
    raw = {key: value for key, value in document.items() if key not in makers}
    raw["counts"] = {
        section.key: len(items(document, section)) for section in SECTIONS if section.counted
    }
    return PageDocument(raw, makers)
