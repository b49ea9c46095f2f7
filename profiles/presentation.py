"""What pages need of a document and the document does not hold: URLs of files
and image renditions, the labels of its choices beside their codes, the current
staff count and the number of items of a section. Resolved at render time, so
a stored document is never patched for the sake of a page.
"""

import functools

from django.core.files.storage import default_storage
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from .content_cache import content_version
from .images import COVER_WIDTHS, LOGO_WIDTHS, rendition_name
from .schema import CHOICE, SECTIONS, items


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


def _year(publication):
    date = publication.get("published_on") or publication.get("period_end")
    date = date or publication.get("period_start")
    return int(date[:4]) if date else None


def for_pages(document: dict) -> dict:
    """The document as the templates read it."""
    page = dict(document)
    for section in SECTIONS:
        labelled = [
            with_choice_labels(document, section, item) for item in items(document, section)
        ]
        if section.single:
            page[section.key] = labelled[0] if labelled else None
        else:
            page[section.key] = labelled
    file_url_of = url_maker("files:publication-file", "slug")
    publication_url = url_maker("publications:publication-detail", "slug")
    page["publications"] = [
        publication
        | {
            "page_url": publication_url(publication["slug"]),
            "year": _year(publication),
            "file": publication_file_url(publication, file_url_of),
            "cover": media_url(publication.get("cover")),
            "cover_srcset": srcset(publication.get("cover"), COVER_WIDTHS),
        }
        for publication in page["publications"]
    ]
    for key, viewname in (
        ("projects", "projects:project-detail"),
        ("stories", "publications:story-detail"),
    ):
        url = url_maker(viewname, "slug")
        page[key] = [item | {"page_url": url(item["slug"])} for item in page[key]]
    page["donors"] = [
        donor
        | {"logo": media_url(donor.get("logo")), "logo_srcset": srcset(donor["logo"], LOGO_WIDTHS)}
        for donor in page["donors"]
    ]
    office = page.get("office")
    if office is not None:
        page["office"] = office | {
            "sites": {
                "count": office.get("sites_count"),
                "qualifier": office.get("sites_qualifier"),
            },
            "contact": (page.get("contact") or {}) | {"social": page["social_accounts"]},
        }
    history = page["staff"]
    page["staff"] = {"current": history[0] if history else None, "history": history}
    page["counts"] = {
        section.key: len(items(document, section)) for section in SECTIONS if section.counted
    }
    return page
