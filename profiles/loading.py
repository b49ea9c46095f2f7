"""Load the real IOM Panama profile (`profiles.seed`) into the database.

On a database that already holds the profile, `load_current_profile()` only
creates what is missing: a row an editor changed stays as the editor left it, and
the loader reports how many rows differ from the seed. `reset=True` overwrites
them with the seed's values and lists every field it overwrites.
"""

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from iompanama.text import LANGUAGES
from projects.models import GlobalCompactObjective, Project, SustainableDevelopmentGoal
from publications.models import Publication, Story

from . import models
from .content_cache import content_changed
from .document import FIRST_SCHEMA_WITH_PROVENANCE, build_document
from .models import Snapshot
from .seed import current, goals, history
from .snapshots import freeze_snapshot, publish_snapshot, withdraw_snapshot


class SeedProvenanceError(Exception):
    """A transcribed figure does not stand in the document it claims to come from."""


def read_seed_documents(seeds_dir: Path) -> dict[str, str]:
    """The seed documents by their number ("000" …), with whitespace and markup folded."""
    documents = {}
    for path in sorted(Path(seeds_dir).glob("[0-9][0-9][0-9]_*.txt")):
        text = path.read_text(encoding="utf-8").replace("**", "")
        documents[path.name[:3]] = re.sub(r"\s+", " ", text)
    return documents


# How each qualifier is written in the sources, in their two languages.
QUALIFIER_WORDS = {
    "about": ("about", "alrededor de", "aproximadamente"),
    "almost": ("almost", "casi"),
    "nearly": ("nearly", "cerca de"),
    "more_than": ("more than", "más de"),
    "over": ("over", "más de"),
    "at_least": ("at least", "al menos"),
    "up_to": ("up to", "hasta"),
}


def _stated_with_qualifier(text, quote, qualifier):
    """Whether `quote` stands in `text`, preceded by (or starting with) the words of
    `qualifier`; an exact number must not be qualified there."""
    text = text.lower()
    quote = quote.lower()
    if qualifier == "exact":
        return quote in text
    words = QUALIFIER_WORDS[qualifier]
    return any(
        quote.startswith(word) and quote in text or f"{word} {quote}" in text for word in words
    )


def doc_of(data, section, item=None):
    """The seed document an item comes from: its own `doc`, else its section's."""
    return (item.get("doc") if isinstance(item, dict) else None) or data.SOURCES_OF[section]


def provenance_problems(documents: dict[str, str], data=current) -> list[str]:
    """Every fact of the seed that does not stand in the document it names: key figures
    (number and qualifier), staff counts, the office's year of arrival and number of
    sites, donors; and any project status, region or theme and any publication date,
    which no source gives."""
    problems = []

    def text(doc):
        return documents.get(doc, "")

    for figure in data.KEY_FIGURES:
        if not _stated_with_qualifier(text(figure["doc"]), figure["quote"], figure["qualifier"]):
            problems.append(
                f"{figure['slug']}: {figure['qualifier']} {figure['quote']!r} "
                f"is not in {figure['doc']}"
            )
    for count in data.STAFF_COUNTS:
        for field in ("national", "international"):
            if not re.search(rf"\b{count[field]}\b", text(count["doc"])):
                problems.append(f"staff {count['as_of']}: {count[field]} is not in {count['doc']}")
    office = data.COUNTRY_OFFICE
    if office.get("presence_since") and str(office["presence_since"]) not in text(
        office["presence_since_doc"]
    ):
        problems.append(f"office: since {office['presence_since']} is not in its source")
    if office.get("sites_count") and not any(
        _stated_with_qualifier(
            text(office["sites_doc"]), f"{office['sites_count']} {word}", office["sites_qualifier"]
        )
        for word in ("sites", "sitios")
    ):
        problems.append(f"office: {office['sites_count']} sites is not in {office['sites_doc']}")
    for donor in data.DONORS:
        doc = doc_of(data, "DONORS", donor)
        if donor.get("quote", "\0") not in text(doc):
            problems.append(f"donor {donor['slug']}: not named in {doc}")
    for project in data.PROJECTS:
        for field in ("status", "regions", "thematic_areas"):
            if project.get(field):
                problems.append(f"project {project['slug']}: no source gives its {field}")
    for publication in data.PUBLICATIONS:
        if publication.get("published_on"):
            problems.append(f"publication {publication['slug']}: no source gives its date")
    return problems


def spread_translations(values: dict) -> dict:
    """Spread {"en": …, "es": …} values into modeltranslation's name_en/name_es fields."""
    fields = {}
    for name, value in values.items():
        if isinstance(value, dict) and set(value) == set(LANGUAGES):
            for language in LANGUAGES:
                fields[f"{name}_{language}"] = value[language]
        else:
            fields[name] = value
    return fields


# The keys of a seed item that say where it comes from, not what it states.
PROVENANCE = {"doc", "source_note"}
OFFICE_PROVENANCE = PROVENANCE | {"presence_since_doc", "sites_doc"}


class Loader:
    """Writes one version of the seed data (`profiles.seed.current` by default).

    Existing rows are kept as they are unless `reset` is set; then every field
    that differs from the seed is overwritten and listed in `overwritten`.
    """

    def __init__(self, data=current, *, reset=False):
        self.data = data
        self.reset = reset
        self.stats = Counter()
        self.overwritten: list[str] = []

    def upsert(self, model, lookup: dict, values: dict, provenance: dict | None = None):
        """Create the row, or keep it (with `reset`, overwrite what differs). A row
        that still says what the seed says and has no provenance yet is given the
        seed's: the source of a fact an editor has changed is the editor's to give."""
        values = spread_translations(values)
        provenance = spread_translations(provenance or {})
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**{**values, **provenance, **lookup})
            obj.full_clean()
            obj.save()
            obj._created_by_loader = True
            self.stats["created"] += 1
            return obj
        changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if not changed:
            self.stats["unchanged"] += 1
            if provenance and self._unsourced(obj):
                self._set(obj, provenance)
                self.stats["sourced"] += 1
        elif not self.reset:
            self.stats["kept"] += 1
        else:
            for field, value in changed.items():
                self.overwritten.append(
                    f"{model._meta.verbose_name} “{obj}”: {field} "
                    f"{getattr(obj, field)!r} → {value!r}"
                )
            self._set(obj, {**changed, **provenance})
            self.stats["updated"] += 1
        return obj

    @staticmethod
    def _unsourced(obj):
        return obj.source_document_id is None and obj.stated_by_id is None

    @staticmethod
    def _set(obj, values):
        for field, value in values.items():
            setattr(obj, field, value)
        obj.full_clean()
        obj.save()

    def load_sources(self):
        self.sources = {
            doc: self.upsert(
                models.Source, {"slug": source["slug"]}, source | {"slug": source["slug"]}
            )
            for doc, source in self.data.SOURCES.items()
        }

    def provenance(self, section: str, item=None) -> dict:
        """The source of a seed item (`doc_of`) and its note, as row values."""
        doc = doc_of(self.data, section, item)
        note = (item.get("source_note") if isinstance(item, dict) else None) or {"en": "", "es": ""}
        return {"source_document": self.sources[doc], "source_note": note}

    def set_related(self, obj, field: str, targets):
        """Link the seed's relations to a row the loader created (or resets)."""
        if not (self.reset or getattr(obj, "_created_by_loader", False)):
            return
        manager = getattr(obj, field)
        if set(manager.all()) != set(targets):
            if self.reset and not getattr(obj, "_created_by_loader", False):
                self.overwritten.append(
                    f"{obj._meta.verbose_name} “{obj}”: {field} "
                    f"{sorted(map(str, manager.all()))} → {sorted(map(str, targets))}"
                )
            manager.set(targets)
            self.stats["relations set"] += 1

    def load(self):
        self.load_sources()
        self.load_country_office()
        regions = self.load_regions()
        self.load_offices(regions)
        self.load_staff_counts()
        self.load_areas()
        self.load_key_figures()
        donors = self.load_donors()
        self.load_goals()
        self.load_projects(regions, donors)
        self.load_publications()
        return self.stats

    def load_country_office(self):
        office = models.CountryOffice.objects.first()
        seed = self.data.COUNTRY_OFFICE
        values = {k: v for k, v in seed.items() if k not in OFFICE_PROVENANCE}
        provenance = self.provenance("COUNTRY_OFFICE", seed) | {
            "presence_since_source": self.sources.get(seed.get("presence_since_doc")),
            "sites_source": self.sources.get(seed.get("sites_doc")),
        }
        office = self.upsert(
            models.CountryOffice, {"pk": office.pk} if office else {}, values, provenance
        )
        for order, account in enumerate(self.data.SOCIAL_ACCOUNTS):
            # One account per network: an editor's new handle is the same account.
            self.upsert(
                models.SocialAccount,
                {"country_office": office, "network": account["network"]},
                {"handle": account["handle"], "url": account["url"], "order": order},
                self.provenance("SOCIAL_ACCOUNTS", account),
            )

    def load_regions(self):
        regions = {}
        for order, region in enumerate(self.data.REGIONS):
            values = {k: v for k, v in region.items() if k not in {"iso_code", *PROVENANCE}}
            values.update(
                latitude=Decimal(region["latitude"]),
                longitude=Decimal(region["longitude"]),
                order=order,
                has_presence=True,
            )
            regions[region["iso_code"]] = self.upsert(
                models.Region,
                {"iso_code": region["iso_code"]},
                values,
                self.provenance("REGIONS", region),
            )
        return regions

    def load_offices(self, regions):
        for order, office in enumerate(self.data.OFFICES):
            values = {
                k: v for k, v in office.items() if k not in {"key", "kind", "region", *PROVENANCE}
            }
            values.update(
                region=regions[office["region"]],
                latitude=Decimal(office["latitude"]) if "latitude" in office else None,
                longitude=Decimal(office["longitude"]) if "longitude" in office else None,
                order=order,
            )
            # Offices have no slug: one office of each kind in each region.
            self.upsert(
                models.Office,
                {"kind": office["kind"], "region": regions[office["region"]]},
                values,
                self.provenance("OFFICES", office),
            )

    def load_staff_counts(self):
        for count in self.data.STAFF_COUNTS:
            values = {k: count[k] for k in ("national", "international", "mission", "source")}
            self.upsert(
                models.StaffCount,
                {"as_of": count["as_of"]},
                values,
                self.provenance("STAFF_COUNTS", count),
            )

    def load_areas(self):
        for order, (slug, name) in enumerate(self.data.AREAS_OF_WORK):
            self.upsert(
                models.AreaOfWork,
                {"slug": slug},
                {"name": name, "order": order},
                self.provenance("AREAS_OF_WORK"),
            )
        for order, (slug, name) in enumerate(self.data.THEMATIC_AREAS):
            self.upsert(
                models.ThematicArea,
                {"slug": slug},
                {"name": name, "order": order},
                self.provenance("THEMATIC_AREAS"),
            )
        for order, name in enumerate(self.data.KEY_ACTORS):
            # An actor keeps its slug when editors rename it; one loaded before actors
            # had slugs is found by its English name.
            slug = slugify(name["en"])
            same_name = models.KeyActor.objects.filter(name_en=name["en"]).first()
            lookup = {"pk": same_name.pk} if same_name and same_name.slug != slug else {}
            self.upsert(
                models.KeyActor,
                lookup or {"slug": slug},
                {"name": name, "order": order},
                self.provenance("KEY_ACTORS"),
            )
        for order, section in enumerate(self.data.INSTITUTIONAL_SECTIONS):
            values = {k: v for k, v in section.items() if k not in {"kind", *PROVENANCE}}
            self.upsert(
                models.InstitutionalSection,
                {"kind": section["kind"]},
                {**values, "order": order},
                self.provenance("INSTITUTIONAL_SECTIONS", section),
            )

    def load_key_figures(self):
        for order, figure in enumerate(self.data.KEY_FIGURES):
            values = {k: v for k, v in figure.items() if k not in {"slug", "quote", *PROVENANCE}}
            values.update(value=Decimal(figure["value"]), order=order)
            self.upsert(
                models.KeyFigure,
                {"slug": figure["slug"]},
                values,
                self.provenance("KEY_FIGURES", figure),
            )

    def load_donors(self):
        donors = {}
        for order, donor in enumerate(self.data.DONORS):
            values = {"name": donor["name"], "website": donor["website"], "order": order}
            donors[donor["slug"]] = self.upsert(
                models.Donor, {"slug": donor["slug"]}, values, self.provenance("DONORS", donor)
            )
        return donors

    def load_goals(self):
        for number, name in enumerate(goals.SUSTAINABLE_DEVELOPMENT_GOALS, start=1):
            self.upsert(SustainableDevelopmentGoal, {"number": number}, {"name": name})
        for number, name in enumerate(goals.GLOBAL_COMPACT_OBJECTIVES, start=1):
            self.upsert(GlobalCompactObjective, {"number": number}, {"name": name})

    def load_projects(self, regions, donors):
        thematic_areas = {area.slug: area for area in models.ThematicArea.objects.all()}
        for order, project in enumerate(self.data.PROJECTS):
            values = {"title": project["title"], "acronym": project["acronym"], "order": order}
            values["status"] = project.get("status", "")  # no source states one
            obj = self.upsert(
                Project, {"slug": project["slug"]}, values, self.provenance("PROJECTS", project)
            )
            # A version links only what it lists (001 lists no thematic areas).
            for field, known, keys in (
                ("regions", regions, project["regions"]),
                ("donors", donors, project["donors"]),
                ("thematic_areas", thematic_areas, project["thematic_areas"]),
            ):
                self.set_related(obj, field, [known[key] for key in keys if key in known])

    def load_publications(self):
        for publication in self.data.PUBLICATIONS:
            values = {k: v for k, v in publication.items() if k not in {"slug", *PROVENANCE}}
            self.upsert(
                Publication,
                {"slug": publication["slug"]},
                values,
                self.provenance("PUBLICATIONS", publication),
            )
        for story in self.data.STORIES:
            values = {k: v for k, v in story.items() if k not in {"slug", *PROVENANCE}}
            self.upsert(Story, {"slug": story["slug"]}, values, self.provenance("STORIES", story))


def check_provenance(seeds_dir: Path | None, versions) -> None:
    if seeds_dir is None:
        return
    documents = read_seed_documents(seeds_dir)
    problems = [problem for data in versions for problem in provenance_problems(documents, data)]
    if problems:
        raise SeedProvenanceError(
            _("Figures not found in their source documents: %(problems)s")
            % {"problems": "; ".join(sorted(set(problems)))}
        )


def load_current_profile(*, seeds_dir: Path | None = None, reset=False, dry_run=False) -> Loader:
    """Create what is missing of the current profile (with `reset`, also overwrite
    what differs from the seed); check it against the seed documents when they
    are at hand. With `dry_run` nothing is written: the loader says what it would do."""
    check_provenance(seeds_dir, [current])
    loader = Loader(reset=reset)
    with transaction.atomic():
        loader.load()
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run and (loader.stats["created"] or loader.stats["updated"]):
        content_changed()
    return loader


# Content rows, in an order that deletes each before what it refers to.
CONTENT_MODELS = [
    Project,
    Publication,
    Story,
    models.Office,
    models.SocialAccount,
    models.CountryOffice,
    models.StaffCount,
    models.KeyFigure,
    models.KeyActor,
    models.InstitutionalSection,
    models.AreaOfWork,
    models.ThematicArea,
    models.Donor,
    models.Region,
]


def document_of_version(data, *, languages) -> dict:
    """The profile document that `data` would make, built by the live path and rolled back.

    Loading the version into the real tables inside a savepoint, building the
    document and rolling back means a historical snapshot is built exactly like
    the live profile, by the same code.
    """
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            for model in CONTENT_MODELS:
                model.objects.all().delete()
            Loader(data).load()
            return build_document(languages=languages)
        finally:
            transaction.savepoint_rollback(savepoint)
            content_changed()


# Why the versions published before facts were sourced are corrected (the archive
# shows it beside each withdrawn version).
CORRECTION_REASON = {
    "en": "Corrected to state each fact as its source does: qualifiers as written "
    "(“almost”, “nearly”), the source of every fact and what is carried over from an "
    "earlier version, and no status, region, theme or date that no source gives.",
    "es": "Corregida para presentar cada dato como lo dice su fuente: los calificativos tal "
    "como están escritos («casi», «cerca de»), la fuente de cada dato y lo que proviene de "
    "una versión anterior, y sin estado, región, tema ni fecha que ninguna fuente indique.",
}


def _needs_correction(snapshot):
    """A version published before facts were sourced (`document.py`)."""
    return snapshot.status == Snapshot.Status.PUBLISHED and (
        snapshot.document.get("schema_version", 0) < FIRST_SCHEMA_WITH_PROVENANCE
    )


def load_historical_snapshots(*, seeds_dir: Path | None = None) -> Counter:
    """Publish the earlier versions of the profile as snapshots, once each. A version
    published before facts were sourced is corrected the way a publisher corrects
    one: withdrawn with the reason, and its correction published for the same date."""
    check_provenance(seeds_dir, [version["data"] for version in history.VERSIONS])
    stats = Counter()
    for version in history.VERSIONS:  # oldest first: a correction carries from the last
        on_date = Snapshot.objects.filter(date=version["date"])
        existing = on_date.published().first()
        if on_date.exists() and not (existing and _needs_correction(existing)):
            stats["unchanged"] += 1  # as published, or as a publisher withdrew it
            continue
        with transaction.atomic():
            if existing is not None:
                withdraw_snapshot(existing, reason=CORRECTION_REASON)
                stats["corrected"] += 1
            else:
                stats["created"] += 1
            document = document_of_version(version["data"], languages=version["languages"])
            snapshot = freeze_snapshot(
                date=version["date"],
                title=version["title"],
                note=version["note"],
                document=document,
            )
            publish_snapshot(snapshot)
    return stats
