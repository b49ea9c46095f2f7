"""Where each fact of the profile comes from, in the document and on the pages.

Every item of a document carries its provenance:

    {"source": "<Source slug>" or "", "note": {"en": …, "es": …},
     "stated_by": "<user name>" or "", "stated_on": "<ISO date>" or None,
     "carried_from": "<ISO date of an earlier version>" or None}

An item without a source document is the office's own statement, made by
`stated_by` on `stated_on`. The office's two figures (the year of arrival and
the number of sites) may come from other documents than its texts: they have
their own provenance under `provenance_of`. The document lists the sources it
cites under `sources`.

A fact is carried over when a version repeats it, unchanged and from the same
source, from an earlier version: `mark_carried_over` records which version it
first appeared in, so pages can say so and comparisons see it unchanged.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from iompanama.text import LANGUAGES

from . import models
from .schema import SECTIONS, items

# The office's figures with a source of their own: the field and its source field.
OFFICE_FIGURE_SOURCES = {"presence_since": "presence_since_source", "sites_count": "sites_source"}


def _text(row, name):
    return {language: getattr(row, f"{name}_{language}", "") or "" for language in LANGUAGES}


class ProvenanceReader:
    """Reads the provenance of rows with two queries in all: the sources and the
    editors who made statements."""

    def __init__(self):
        self.sources = {source.pk: source for source in models.Source.objects.all()}
        self._users = None
        self.cited = set()

    def user_names(self, rows):
        ids = {row.stated_by_id for row in rows if getattr(row, "stated_by_id", None)}
        if ids:
            users = get_user_model().objects.filter(pk__in=ids)
            self._users = {user.pk: user.get_full_name() or user.get_username() for user in users}
        else:
            self._users = {}

    def slug(self, source_id):
        source = self.sources.get(source_id)
        if source is None:
            return ""
        self.cited.add(source.pk)
        return source.slug

    def of(self, row, source_field="source_document"):
        """The provenance of a row (or of one of its figures, by its source field)."""
        source = self.slug(getattr(row, f"{source_field}_id"))
        statement = not source
        own_figure = source_field != "source_document"
        return {
            "source": source,
            "note": dict.fromkeys(LANGUAGES, "") if own_figure else _text(row, "source_note"),
            "stated_by": (self._users or {}).get(row.stated_by_id, "") if statement else "",
            "stated_on": row.stated_on.isoformat() if statement and row.stated_on else None,
            "carried_from": None,
        }

    def add(self, section, row, item):
        if not isinstance(row, models.Sourced):
            return item
        item["provenance"] = self.of(row)
        if section.key == "office":
            item["provenance_of"] = {
                name: self.of(row, source_field)
                for name, source_field in OFFICE_FIGURE_SOURCES.items()
                if getattr(row, f"{source_field}_id")
            }
        return item

    def cited_sources(self):
        return {
            source.slug: {
                "kind": source.kind,
                "title": _text(source, "title"),
                "date": source.date.isoformat(),
                "url": source.url,
            }
            for pk, source in sorted(self.sources.items())
            if pk in self.cited
        }


# Where a figure is placed on the page, not what it states.
PRESENTATION_FIELDS = {"headline"}


def _in_languages(value, languages):
    if isinstance(value, dict) and set(value) == set(LANGUAGES):
        return {language: value[language] for language in languages}
    return value


_NOT_FACTS = {"provenance", "provenance_of", *PRESENTATION_FIELDS}
_ABSENT = object()


def _same_facts(item, old, languages, own):
    """Whether two items state the same facts in `languages` (a version written in
    English only states nothing in Spanish), leaving out their provenance, their
    presentation and the figures with a source of their own (`own`)."""
    for key in (item.keys() | old.keys()) - _NOT_FACTS - own:
        value, old_value = item.get(key, _ABSENT), old.get(key, _ABSENT)
        if value != old_value and _in_languages(value, languages) != _in_languages(
            old_value, languages
        ):
            return False
    return True


def _same_source(provenance, earlier):
    keys = ("source", "stated_by", "stated_on")
    return bool(provenance and earlier) and all(provenance[k] == earlier[k] for k in keys)


def _carry(provenance, earlier, earlier_date):
    provenance["carried_from"] = earlier.get("carried_from") or earlier_date


def mark_carried_over(document: dict, earlier: dict | None, earlier_date: str) -> dict:
    """`document` with the items it repeats unchanged, from the same source, from
    `earlier` (the version of `earlier_date`) marked; `document` is left as it is."""
    if not earlier:
        return document
    document = _with_own_provenance(document)
    languages = [
        language
        for language in document.get("languages", LANGUAGES)
        if language in earlier.get("languages", LANGUAGES)
    ]
    for section in SECTIONS:
        before = {section.item_key(item): item for item in items(earlier, section)}
        for item in items(document, section):
            old = before.get(section.item_key(item))
            provenance = item.get("provenance")
            if old is None or not provenance:
                continue
            own = set(item.get("provenance_of") or {})
            for name in own:
                _carry_figure(item, old, name, earlier_date)
            if _same_facts(item, old, languages, own) and _same_source(
                provenance, old.get("provenance")
            ):
                _carry(provenance, old["provenance"], earlier_date)
    return document


def _with_own_provenance(document):
    """A copy of `document` that shares everything with it but its items and their
    provenance, which marking changes (a deep copy of a large profile took 0.6 s)."""
    copied = dict(document)
    for section in SECTIONS:
        value = document.get(section.key)
        if value:
            copied[section.key] = (
                _item_copy(value) if section.single else [_item_copy(item) for item in value]
            )
    return copied


def _item_copy(item):
    copied = dict(item)
    if isinstance(item.get("provenance"), dict):
        copied["provenance"] = dict(item["provenance"])
    if item.get("provenance_of"):
        copied["provenance_of"] = {
            name: dict(value) if isinstance(value, dict) else value
            for name, value in item["provenance_of"].items()
        }
    return copied


def _carry_figure(item, old, name, earlier_date):
    """Carry one of the office's figures that has a source of its own."""
    provenance = item["provenance_of"][name]
    earlier = (old.get("provenance_of") or {}).get(name)
    if item.get(name) == old.get(name) and _same_source(provenance, earlier):
        _carry(provenance, earlier, earlier_date)


def provenance_of_fact(item, field_name=None):
    """The provenance of one fact: the field's own (the office's figures with a
    source of their own), else the item's."""
    own = (item.get("provenance_of") or {}).get(field_name) if field_name else None
    return own or item.get("provenance")


def source_of(document, provenance):
    """The cited source of a provenance, as the document records it, or None."""
    if not provenance or not provenance.get("source"):
        return None
    return (document.get("sources") or {}).get(provenance["source"])


# A row's fields that say where its facts come from, or where they are placed, not
# what they are: changing only these is no new statement.
NOT_STATED = {
    "source_document",
    "source_note",
    "stated_by",
    "stated_on",
    "order",
    *PRESENTATION_FIELDS,
    *OFFICE_FIGURE_SOURCES.values(),
}


def _field_name(name):
    """The model field a form field or column is for: source_note_es is source_note."""
    base, _sep, language = name.rpartition("_")
    return base if base and language in LANGUAGES else name.removesuffix("_id")


def record_statement(obj, user, changed):
    """Record who states the facts of `obj` (a Sourced row about to be saved), given
    the names of its fields that `changed` (form fields, columns or attributes).

    A row with a source document states nothing of the office's own: no one is
    recorded. Without one, it is the office's statement, made by `user` today,
    when the row is added, when its facts change, or when its source is cleared.
    An office figure with a source of its own is not the office's statement.
    Changes `obj`, without saving it."""
    if not isinstance(obj, models.Sourced):
        return
    if obj.source_document_id is not None:
        obj.stated_by = None
        obj.stated_on = None
        return
    changed = {_field_name(name) for name in changed if not name.startswith("_")}
    own_sources = {
        name
        for name, source_field in OFFICE_FIGURE_SOURCES.items()
        if getattr(obj, f"{source_field}_id", None) is not None
    }
    facts = changed - NOT_STATED - own_sources
    if obj._state.adding or facts or "source_document" in changed:
        obj.stated_by = user if user is not None and user.is_authenticated else None
        obj.stated_on = timezone.localdate()
