"""The profile document: the whole profile as plain JSON-serialisable data.

Live pages render the document built from the current rows; snapshots store
one. Its sections and fields are declared in `schema.py`; this module builds a
document from the rows and brings stored documents of earlier schema versions
to the current one. `build_document()` runs a fixed number of queries whatever
the amount of data.
"""

from decimal import Decimal
from pathlib import PurePosixPath

from django.conf import settings
from django.utils.text import slugify

from iompanama.text import LANGUAGES

from .content_cache import get_or_build
from .schema import CHOICE, DATE, FILE, KEYS, NUMBER, SECTIONS, TEXT, choice_labels, items
from .sources import ProvenanceReader

SCHEMA_VERSION = 6
# Documents of earlier versions do not say where their facts come from.
FIRST_SCHEMA_WITH_PROVENANCE = 6
CACHE_KEY = f"profile-document:v{SCHEMA_VERSION}"


def number(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def encode(field, row):
    """A row's value of `field`, as the document stores it."""
    if field.read is not None:
        value = field.read(row)
    elif field.kind == TEXT:
        return {language: getattr(row, f"{field.name}_{language}") or "" for language in LANGUAGES}
    else:
        value = getattr(row, field.name)
    if field.kind == NUMBER:
        return number(value)
    if field.kind == DATE:
        return value.isoformat() if value else None
    if field.kind == FILE:
        return value.name if value else ""
    if field.kind == KEYS:
        return list(value)
    if field.kind == CHOICE:
        return value or ""
    return "" if value is None else value


def build_document(*, languages=None) -> dict:
    """Build the profile document from the database's current rows.

    `languages` names the languages the profile was written in (all by default);
    a snapshot of an English-only factsheet says so.
    """
    document = {
        "schema_version": SCHEMA_VERSION,
        "languages": list(languages or LANGUAGES),
        "choices": choice_labels(),
    }
    single_rows = {}  # the office and its contact come from one row, read once
    rows_by_section = {}
    for section in SECTIONS:
        if section.single:
            if section.model not in single_rows:
                single_rows[section.model] = list(section.rows())
            rows_by_section[section.key] = single_rows[section.model]
        else:
            rows_by_section[section.key] = list(section.rows())
    provenance = ProvenanceReader()
    provenance.user_names(row for rows in rows_by_section.values() for row in rows if row)
    for section in SECTIONS:
        built = [
            provenance.add(
                section, row, {field.name: encode(field, row) for field in section.fields}
            )
            for row in rows_by_section[section.key]
            if row is not None
        ]
        document[section.key] = (built[0] if built else None) if section.single else built
    document["sources"] = provenance.cited_sources()
    return document


def current_document() -> dict:
    """The current profile document, built once per content version."""
    return get_or_build(CACHE_KEY, build_document)


# Upgrades of stored documents, one schema version at a time.


def _languages_from_texts(document):
    name = (document.get("office") or {}).get("name") or {}
    return [language for language in LANGUAGES if name.get(language)] or LANGUAGES


def _upgrade_1_to_2(document):
    """Version 2 says which languages the document was written in."""
    return document | {"schema_version": 2, "languages": _languages_from_texts(document)}


def _upgrade_2_to_3(document):
    """Version 3 gave images a srcset of stored renditions; older ones have none."""
    return document | {
        "schema_version": 3,
        "donors": [donor | {"logo_srcset": ""} for donor in document["donors"]],
        "publications": [p | {"cover_srcset": ""} for p in document["publications"]],
    }


def _media_name(url):
    """The stored file name behind a media URL of schema 3 ("/media/covers/a.jpg")."""
    prefix = "/" + settings.MEDIA_URL.strip("/") + "/"
    return url[len(prefix) :] if url.startswith(prefix) else url


def _upgrade_3_to_4(document):
    """Version 4 holds data only: the office, its contact and its social accounts and
    staff counts as lists, file names instead of URLs, no srcset, no derived counts,
    and the labels of its choices (for older documents, those of the day of the
    upgrade: the labels of the day they were frozen were not recorded)."""
    office, contact = document.get("office"), None
    if office is not None:
        contact = office.get("contact") or {}
        sites = office.get("sites") or {}
        office = {
            key: value for key, value in office.items() if key not in {"contact", "sites"}
        } | {"sites_count": sites.get("count"), "sites_qualifier": sites.get("qualifier") or ""}
        contact = {key: value for key, value in contact.items() if key != "social"}
    publications = [
        {key: value for key, value in p.items() if key not in {"cover_srcset", "year"}}
        | {
            # Schema 3 kept the public URL (/files/publications/<slug>.pdf), not the name.
            "file": PurePosixPath(p["file"]).name if p.get("file") else "",
            "cover": _media_name(p.get("cover") or ""),
        }
        for p in document["publications"]
    ]
    key_actors = [
        # Key actors had no key before schema 4; migration 0006 gives them this one.
        actor | {"slug": slugify(actor["name"].get("en") or actor["name"].get("es") or "")}
        for actor in document.get("key_actors", [])
    ]
    donors = [
        {key: value for key, value in d.items() if key != "logo_srcset"}
        | {"logo": _media_name(d.get("logo") or "")}
        for d in document["donors"]
    ]
    upgraded = {
        key: value
        for key, value in document.items()
        if key not in {"counts", "staff", "office", "publications", "donors", "key_actors"}
    }
    return upgraded | {
        "schema_version": 4,
        "choices": choice_labels(),
        "office": office,
        "contact": contact,
        "social_accounts": list(
            ((document.get("office") or {}).get("contact") or {}).get("social", [])
        ),
        "staff": list((document.get("staff") or {}).get("history", [])),
        "publications": publications,
        "donors": donors,
        "key_actors": key_actors,
    }


def _upgrade_4_to_5(document):
    """Version 5 gives key figures a headline position and a label for a value of one.
    Older versions had neither: none is a headline figure (the page then leads with
    their first key figures, `headlines.headline_figures`) and every label is used
    whatever the value."""
    return document | {
        "schema_version": 5,
        "key_figures": [
            figure | {"label_one": {"en": "", "es": ""}, "headline": None}
            for figure in document.get("key_figures", [])
        ],
    }


def _upgrade_5_to_6(document):
    """Version 6 says where each fact comes from. Older versions did not record it:
    their items have no provenance (pages show none) and they cite no sources; key
    figures had no note."""
    upgraded = document | {"schema_version": 6, "sources": {}}
    for section in SECTIONS:
        unsourced = [{"provenance": None} | item for item in items(document, section)]
        if section.key == "key_figures":
            unsourced = [{"note": {"en": "", "es": ""}} | item for item in unsourced]
        upgraded[section.key] = (
            (unsourced[0] if unsourced else None) if section.single else unsourced
        )
    return upgraded


UPGRADES = {
    1: _upgrade_1_to_2,
    2: _upgrade_2_to_3,
    3: _upgrade_3_to_4,
    4: _upgrade_4_to_5,
    5: _upgrade_5_to_6,
}


def upgrade_document(document: dict) -> dict:
    """Bring a stored document of any earlier schema version to the current one."""
    version = document.get("schema_version")
    if not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        raise ValueError(f"Unknown profile document schema version: {version!r}")
    while version < SCHEMA_VERSION:
        document = UPGRADES[version](document)
        version = document["schema_version"]
    return document
