"""How to cite a version of the profile: one sentence in either language, and the
same reference as BibTeX, RIS and CSL-JSON for reference managers.

Pages (`templates/profiles/_cite.html`), the API and the PDF factsheet all cite
through `citation()`; a version is a public snapshot, or None for the current
profile (which has no permanent address: its citation says so and is dated by
the day it was read).
"""

import datetime as dt
import json

from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from .models import Snapshot

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
CITATION_FORMATS = {
    "bib": "application/x-bibtex; charset=utf-8",
    "ris": "application/x-research-info-systems; charset=utf-8",
    "json": "application/vnd.citationstyles.csl+json; charset=utf-8",
}


def _date(value):
    return formats.date_format(value, "DATE_FORMAT")


def permalink(snapshot: Snapshot | None, language: str, *, site: str) -> str:
    """The absolute address of the version's page in `language`; `site` is the origin
    ("https://panama.iom.int")."""
    with translation.override(language):
        if snapshot is None:
            path = reverse("profiles:home")
        else:
            path = reverse("profiles:snapshot-detail", kwargs={"date": snapshot.date})
    return site.rstrip("/") + path


def _parts(snapshot, language, site, accessed):
    """The pieces every format cites, in `language`."""
    accessed = accessed or timezone.localdate()
    with translation.override(language):
        if snapshot is None:
            version = _("current version")
        elif snapshot.status == Snapshot.Status.WITHDRAWN:
            version = _("version of %(date)s (withdrawn)") % {"date": _date(snapshot.date)}
        else:
            version = _("version of %(date)s") % {"date": _date(snapshot.date)}
        return {
            "author": _("IOM Panama"),
            "year": (snapshot.date if snapshot else accessed).year,
            "title": _("Country office profile"),
            "version": version,
            "publisher": _("International Organization for Migration"),
            "url": permalink(snapshot, language, site=site),
            "accessed": accessed,
            "accessed_text": _date(accessed),
            "date": snapshot.date if snapshot else None,
        }


def citation(
    snapshot: Snapshot | None, language: str, *, site: str, accessed: dt.date | None = None
) -> str:
    """The sentence that cites the version, e.g. "IOM Panama (2024). Country office
    profile, version of 30 June 2024. International Organization for Migration.
    https://…/en/snapshots/2024-06-30/. Accessed 1 December 2026." `accessed`
    defaults to today."""
    parts = _parts(snapshot, language, site, accessed)
    with translation.override(language):
        return (
            _(
                "%(author)s (%(year)s). %(title)s, %(version)s. %(publisher)s. %(url)s. "
                "Accessed %(accessed_text)s."
            )
            % parts
        )


def _key(snapshot):
    return f"iompanama{snapshot.date:%Y%m%d}" if snapshot else "iompanamacurrent"


def _bibtex_text(value):
    # Braces keep the case of names and escape nothing else a reference manager reads.
    return "{" + str(value).replace("{", "").replace("}", "") + "}"


def bibtex(snapshot, language, *, site, accessed=None) -> str:
    parts = _parts(snapshot, language, site, accessed)
    fields = {
        "author": "{" + _bibtex_text(parts["author"]) + "}",
        "title": _bibtex_text(parts["title"]),
        "version": _bibtex_text(parts["version"]),
        "organization": _bibtex_text(parts["publisher"]),
        "year": _bibtex_text(parts["year"]),
        "url": _bibtex_text(parts["url"]),
        "urldate": _bibtex_text(parts["accessed"].isoformat()),
        "langid": _bibtex_text({"en": "english", "es": "spanish"}[language]),
        "note": _bibtex_text(LICENCE["name"]),
    }
    if parts["date"]:
        fields["date"] = _bibtex_text(parts["date"].isoformat())
    body = ",\n".join(f"  {name} = {value}" for name, value in fields.items())
    return f"@online{{{_key(snapshot)},\n{body}\n}}\n"


def ris(snapshot, language, *, site, accessed=None) -> str:
    parts = _parts(snapshot, language, site, accessed)
    lines = [
        ("TY", "WEB"),
        ("AU", parts["author"]),
        ("TI", f"{parts['title']}, {parts['version']}"),
        ("PB", parts["publisher"]),
        ("PY", str(parts["year"])),
        ("DA", parts["date"].strftime("%Y/%m/%d") if parts["date"] else ""),
        ("UR", parts["url"]),
        ("Y2", parts["accessed"].strftime("%Y/%m/%d")),
        ("LA", language),
        ("N1", LICENCE["name"]),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value or tag == "ER")


def _date_parts(value):
    return {"date-parts": [[value.year, value.month, value.day]]}


def csl(snapshot, language, *, site, accessed=None) -> dict:
    """The reference as a CSL-JSON item (what Zotero and citeproc read)."""
    parts = _parts(snapshot, language, site, accessed)
    item = {
        "id": _key(snapshot),
        "type": "webpage",
        "author": [{"literal": parts["author"]}],
        "title": parts["title"],
        "version": parts["version"],
        "publisher": parts["publisher"],
        "URL": parts["url"],
        "accessed": _date_parts(parts["accessed"]),
        "language": language,
        "license": LICENCE["name"],
        "issued": _date_parts(parts["date"]) if parts["date"] else {"literal": parts["version"]},
    }
    return item


def render(fmt, snapshot, language, *, site, accessed=None) -> str:
    """The reference in a download format: "bib", "ris" or "json" (CSL-JSON)."""
    if fmt == "bib":
        return bibtex(snapshot, language, site=site, accessed=accessed)
    if fmt == "ris":
        return ris(snapshot, language, site=site, accessed=accessed)
    item = csl(snapshot, language, site=site, accessed=accessed)
    return json.dumps([item], ensure_ascii=False, indent=2)
