"""What pages need of a document and the document does not hold: URLs of files
and image renditions, the labels of its choices beside their codes, the current
staff count and the number of items of a section. Resolved at render time, so
a stored document is never patched for the sake of a page.
"""

from django.core.files.storage import default_storage
from django.urls import reverse

from .images import COVER_WIDTHS, LOGO_WIDTHS, rendition_name
from .schema import CHOICE, SECTIONS, items


def media_url(name):
    return default_storage.url(name) if name else ""


def srcset(name, widths):
    """The stored renditions of an image, for a srcset; "" when none was made."""
    if not name:
        return ""
    renditions = [(rendition_name(name, width), width) for width in widths]
    if not all(default_storage.exists(rendition) for rendition, _width in renditions):
        return ""
    return ", ".join(
        f"{default_storage.url(rendition)} {width}w" for rendition, width in renditions
    )


def publication_file_url(publication):
    if not publication.get("file"):
        return ""
    return reverse("files:publication-file", kwargs={"slug": publication["slug"]})


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
    page["publications"] = [
        publication
        | {
            "year": _year(publication),
            "file": publication_file_url(publication),
            "cover": media_url(publication.get("cover")),
            "cover_srcset": srcset(publication.get("cover"), COVER_WIDTHS),
        }
        for publication in page["publications"]
    ]
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
