"""The profile document, declared once.

A document is data only: for each section, a list of items (or one item), each
a dict of codes, slugs, file names, numbers, ISO dates and bilingual texts
({"en": …, "es": …}), plus the bilingual labels of every choice as they were
when the document was built. URLs, image renditions and formatting belong to
the pages and are resolved when a page is rendered.

Everything that reads documents is generated from these declarations:
`document.build_document` (rows → document), `exports.fact_rows` (one tidy row
per fact), `diff.diff_documents` (items added, removed and changed field by
field; numbers; texts word by word) and `timeseries` (figures over time).
Adding a field to the profile is one `Field` here plus the model's migration.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from iompanama.text import in_both_languages
from projects.models import Project
from publications.models import Publication, Story

from . import models

TEXT = "text"  # bilingual: {"en": …, "es": …}
CODE = "code"  # a string that is the same in every language: slug, e-mail, URL
NUMBER = "number"
DATE = "date"  # ISO 8601
CHOICE = "choice"  # a code whose labels the document carries
KEYS = "keys"  # the identities of related items: ["PA-9", "PA-EM"]
FILE = "file"  # a stored file's name, "" when there is none


@dataclass(frozen=True)
class Field:
    name: str
    kind: str = CODE
    label: object = None  # a lazy text; the model field's verbose name by default
    read: Callable | None = None  # row → raw value; the attribute `name` by default
    long: bool = False  # a long text: compared word by word
    choices: type | None = None  # the TextChoices of a CHOICE field
    # A NUMBER that is a fact names the fields that qualify it (`unit_text`: a unit
    # that is the same for every item, such as "people").
    unit: str | None = None
    unit_text: str = ""
    qualifier: str | None = None
    period: tuple[str | None, str] | None = None  # (start, end) field names
    source: str | None = None
    # A series over time: one per field ("staff.total") or one per item ("figure.<slug>").
    series: str | None = None  # "per_field" or "per_item"


@dataclass(frozen=True)
class Section:
    key: str
    label: object
    rows: Callable  # () → the rows, in the page's order
    fields: tuple[Field, ...]
    identity: tuple[str, ...]  # the fields whose values, joined, make an item's stable key
    name: str  # the field that names an item
    single: bool = False  # one item (the office), not a list
    counted: bool = False  # its number of items is a figure of the profile
    series_key: str = ""  # prefix of its series' keys
    model: type | None = None

    def field(self, name):
        return next(f for f in self.fields if f.name == name)

    def not_facts(self):
        """Fields that are no facts of their own: what qualifies another field's fact,
        and a code that is the item's key."""
        names = set()
        for f in self.fields:
            names |= {f.unit, f.source, *(f.period or ())}
        if len(self.identity) == 1 and self.field(self.identity[0]).kind != TEXT:
            names.add(self.identity[0])
        return names - {None}

    def item_key(self, item):
        if self.single:
            return "office"  # the one country office
        parts = []
        for name in self.identity:
            value = item.get(name)
            if isinstance(value, dict):  # a text: its English, else its Spanish
                value = value.get("en") or value.get("es") or ""
            parts.append(str(value))
        return ":".join(parts)


def label_of(section, field_):
    if field_.label is not None:
        return field_.label
    if section.model is not None:
        try:
            return section.model._meta.get_field(field_.name).verbose_name
        except Exception:  # a derived field (total, a relation read elsewhere)
            pass
    return field_.name.replace("_", " ")


# A project's related rows, by the attribute that identifies each in a document.
PROJECT_KEYS = {
    "donors": "slug",
    "regions": "iso_code",
    "thematic_areas": "slug",
    "sdg_goals": "number",
    "compact_objectives": "number",
}


def with_related_keys(queryset, keys):
    """The rows of `queryset`, each with `related_keys`: {relation: [the identifying
    attribute of each related row, in that model's order]}.

    One query reads the (row, key) pairs of every many-to-many relation from their
    join tables (a UNION of one SELECT per relation). A prefetch took a query per
    relation and built a model instance and a related manager for every related
    row: half the time of the whole document build.
    """
    rows = list(queryset)
    by_pk = {row.pk: row for row in rows}
    for row in rows:
        row.related_keys = {relation: [] for relation in keys}
    if not keys:
        return rows
    selects, to_python = [], {}
    for relation, attribute in keys.items():
        field = queryset.model._meta.get_field(relation)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        ordering = [*(field.related_model._meta.ordering or []), "pk", "pk"][:2]
        if any(not isinstance(name, str) or name.startswith("-") for name in ordering):
            raise ValueError(f"{field.related_model.__name__}: an ascending ordering by name")
        to_python[relation] = field.related_model._meta.get_field(attribute).to_python
        selects.append(
            field.remote_field.through._base_manager.annotate(
                relation=Value(relation, output_field=CharField()),
                row=F(source),
                key=Cast(f"{target}__{attribute}", CharField()),
                first=F(f"{target}__{ordering[0]}"),
                second=F(f"{target}__{ordering[1]}"),
            ).values_list("relation", "row", "key", "first", "second", "pk")
        )
    pairs = selects[0].union(*selects[1:], all=True) if len(selects) > 1 else selects[0]
    for relation, pk, key, *_order in sorted(pairs, key=lambda pair: (pair[0], *pair[3:])):
        if pk in by_pk:
            by_pk[pk].related_keys[relation].append(to_python[relation](key))
    return rows


def _related_keys(relation):
    return lambda row: row.related_keys[relation]


SECTIONS = (
    Section(
        key="office",
        label=_("The office"),
        model=models.CountryOffice,
        rows=lambda: [models.CountryOffice.objects.first()],
        single=True,
        identity=(),
        name="name",
        fields=(
            Field("name", TEXT),
            Field("tagline", TEXT),
            Field("about_organization", TEXT, long=True, label=_("Who we are")),
            Field("about_office", TEXT, long=True, label=_("IOM in Panama")),
            Field("closing_message", TEXT, long=True, label=_("Our message")),
            Field("presence_since", NUMBER, label=_("In Panama since")),
            Field("sites_count", NUMBER, label=_("Sites"), qualifier="sites_qualifier"),
            Field("sites_qualifier", CHOICE, choices=models.Qualifier),
        ),
    ),
    Section(
        key="contact",
        label=_("Contact"),
        model=models.CountryOffice,
        rows=lambda: [models.CountryOffice.objects.first()],
        single=True,
        identity=(),
        name="email",
        fields=(
            Field("street_address", TEXT, long=True, label=_("Street address")),
            Field("city", TEXT),
            Field("country", TEXT),
            Field("email"),
            Field("phone"),
            Field("website"),
        ),
    ),
    Section(
        key="social_accounts",
        label=_("Social media accounts"),
        model=models.SocialAccount,
        rows=lambda: models.SocialAccount.objects.all(),
        identity=("network", "handle"),
        name="handle",
        fields=(
            Field("network", CHOICE, choices=models.SocialAccount.Network),
            Field("handle"),
            Field("url"),
        ),
    ),
    Section(
        key="staff",
        label=_("Staff"),
        model=models.StaffCount,
        rows=lambda: models.StaffCount.objects.latest_first(),
        identity=("as_of",),
        name="as_of",
        series_key="staff",
        fields=(
            Field("as_of", DATE),
            *(
                Field(
                    name,
                    NUMBER,
                    label=label,
                    unit_text="people",
                    period=(None, "as_of"),
                    source="source",
                    series="per_field",
                )
                for name, label in (
                    ("total", _("Staff, total")),
                    ("national", _("National staff")),
                    ("international", _("International staff")),
                    ("mission", _("Mission staff")),
                )
            ),
            Field("source", TEXT),
        ),
    ),
    Section(
        key="regions",
        label=_("Regions of presence"),
        model=models.Region,
        rows=lambda: models.Region.objects.filter(has_presence=True),
        identity=("iso_code",),
        name="name",
        counted=True,
        fields=(
            Field("iso_code"),
            Field("name", TEXT),
            Field("kind", CHOICE, choices=models.Region.Kind),
            Field("latitude", NUMBER),
            Field("longitude", NUMBER),
        ),
    ),
    Section(
        key="offices",
        label=_("Offices"),
        model=models.Office,
        rows=lambda: models.Office.objects.select_related("region"),
        identity=("kind", "region"),
        name="name",
        counted=True,
        fields=(
            Field("kind", CHOICE, choices=models.Office.Kind),
            Field("name", TEXT),
            Field("description", TEXT, long=True),
            Field("address", TEXT),
            Field("city", TEXT),
            Field("region", read=lambda row: row.region.iso_code),
            Field("latitude", NUMBER),
            Field("longitude", NUMBER),
        ),
    ),
    Section(
        key="areas_of_work",
        label=_("Areas of work"),
        model=models.AreaOfWork,
        rows=lambda: models.AreaOfWork.objects.all(),
        identity=("slug",),
        name="name",
        fields=(Field("slug"), Field("name", TEXT)),
    ),
    Section(
        key="thematic_areas",
        label=_("Thematic areas"),
        model=models.ThematicArea,
        rows=lambda: models.ThematicArea.objects.all(),
        identity=("slug",),
        name="name",
        fields=(Field("slug"), Field("name", TEXT)),
    ),
    Section(
        key="institutional_sections",
        label=_("Key institutional information"),
        model=models.InstitutionalSection,
        rows=lambda: models.InstitutionalSection.objects.all(),
        identity=("kind",),
        name="title",
        fields=(
            Field("kind", CHOICE, choices=models.InstitutionalSection.Kind),
            Field("title", TEXT),
            Field("body", TEXT, long=True),
            Field("link"),
        ),
    ),
    Section(
        key="key_actors",
        label=_("Key actors"),
        model=models.KeyActor,
        rows=lambda: models.KeyActor.objects.all(),
        identity=("slug",),
        name="name",
        fields=(Field("slug"), Field("name", TEXT)),
    ),
    Section(
        key="key_figures",
        label=_("Key figures"),
        model=models.KeyFigure,
        rows=lambda: models.KeyFigure.objects.all(),
        identity=("slug",),
        name="label",
        series_key="figure",
        fields=(
            Field("slug"),
            Field("category", CHOICE, choices=models.KeyFigure.Category),
            Field("label", TEXT),
            Field("label_one", TEXT),
            Field("headline", NUMBER),
            Field(
                "value",
                NUMBER,
                unit="unit",
                qualifier="qualifier",
                period=("period_start", "period_end"),
                source="source",
                series="per_item",
            ),
            Field("qualifier", CHOICE, choices=models.Qualifier),
            Field("unit", TEXT),
            Field("period_start", DATE),
            Field("period_end", DATE),
            Field("source", TEXT),
            Field("note", TEXT, long=True),
        ),
    ),
    Section(
        key="donors",
        label=_("Donors"),
        model=models.Donor,
        rows=lambda: models.Donor.objects.all(),
        identity=("slug",),
        name="name",
        fields=(Field("slug"), Field("name", TEXT), Field("website"), Field("logo", FILE)),
    ),
    Section(
        key="projects",
        label=_("Projects"),
        model=Project,
        rows=lambda: with_related_keys(Project.objects.all(), PROJECT_KEYS),
        identity=("slug",),
        name="title",
        counted=True,
        fields=(
            Field("slug"),
            Field("title", TEXT),
            Field("acronym"),
            Field("summary", TEXT, long=True),
            Field("status", CHOICE, choices=Project.Status),
            Field("start_date", DATE),
            Field("end_date", DATE),
            Field("donors", KEYS, read=_related_keys("donors")),
            Field("regions", KEYS, read=_related_keys("regions")),
            Field("thematic_areas", KEYS, read=_related_keys("thematic_areas")),
            Field("sdg_goals", KEYS, read=_related_keys("sdg_goals")),
            Field("compact_objectives", KEYS, read=_related_keys("compact_objectives")),
        ),
    ),
    Section(
        key="publications",
        label=_("Publications"),
        model=Publication,
        rows=lambda: Publication.objects.all(),
        identity=("slug",),
        name="title",
        counted=True,
        fields=(
            Field("slug"),
            Field("title", TEXT),
            Field("kind", CHOICE, choices=Publication.Kind),
            Field("summary", TEXT, long=True),
            Field("published_on", DATE),
            Field("period_start", DATE),
            Field("period_end", DATE),
            Field("language", CHOICE, choices=Publication.Language),
            Field("url"),
            Field("file", FILE),
            Field("cover", FILE),
        ),
    ),
    Section(
        key="stories",
        label=_("News stories"),
        model=Story,
        rows=lambda: Story.objects.all(),
        identity=("slug",),
        name="title",
        fields=(
            Field("slug"),
            Field("title", TEXT),
            Field("published_on", DATE),
            Field("summary", TEXT, long=True),
            Field("body", TEXT, long=True),
        ),
    ),
)

SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


@functools.cache
def _choice_labels() -> dict:
    # The labels are the code's and the compiled catalogue's: fixed while the process
    # runs. Rendering each in both languages (two translation overrides) cost more
    # than a millisecond per document build.
    return {
        f"{section.key}.{f.name}": {
            code: in_both_languages(label) for code, label in f.choices.choices
        }
        for section in SECTIONS
        for f in section.fields
        if f.kind == CHOICE
    }


def choice_labels() -> dict:
    """{"<section>.<field>": {code: {"en": …, "es": …}}} for every choice field, as of now."""
    return {
        key: {code: dict(label) for code, label in labels.items()}
        for key, labels in _choice_labels().items()
    }


def items(document, section) -> list:
    """The items of a section in a document, a list even for a single one."""
    value = document.get(section.key)
    if section.single:
        return [value] if value else []
    return value or []


@dataclass
class Fact:
    """One fact of a document: a field of an item, with what qualifies it."""

    section: Section
    item: dict
    field: Field
    value: object
    unit: object = ""
    qualifier: str = ""
    period: tuple = field(default_factory=lambda: (None, None))
    source: object = ""

    @property
    def item_key(self):
        return self.section.item_key(self.item)


def _qualifier(section, f, item):
    return item.get(f.qualifier) or "" if f.qualifier else ""


def facts(document):
    """Every non-empty fact of a document, section by section, in the document's order."""
    for section in SECTIONS:
        skipped = section.not_facts()
        for item in items(document, section):
            for f in section.fields:
                value = item.get(f.name)
                if f.name in skipped or _empty(value):
                    continue
                yield Fact(
                    section=section,
                    item=item,
                    field=f,
                    value=value,
                    unit=item.get(f.unit, "") if f.unit else f.unit_text,
                    qualifier=_qualifier(section, f, item),
                    period=tuple(item.get(name) if name else None for name in (f.period or ())),
                    source=item.get(f.source, "") if f.source else "",
                )


def _empty(value):
    if isinstance(value, dict):
        return not any(value.values())
    return value in (None, "", [])
