"""The profile document: the whole profile as plain JSON-serialisable data.

Live pages render the document built from the current rows; snapshots store
one. Every translatable text is {"en": …, "es": …}; counts that can be derived
are computed here. `build_document()` runs a fixed number of queries whatever
the amount of data.
"""

from django.conf import settings
from django.urls import reverse

from projects.models import Project
from publications.models import Publication, Story

from . import models
from .content_cache import get_or_build
from .images import COVER_WIDTHS, LOGO_WIDTHS, srcset

SCHEMA_VERSION = 3
CACHE_KEY = f"profile-document:v{SCHEMA_VERSION}"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _languages_from_texts(document):
    name = (document.get("office") or {}).get("name") or {}
    return [language for language in LANGUAGES if name.get(language)] or LANGUAGES


def _upgrade_1_to_2(document):
    """Version 2 says which languages the document was written in."""
    return document | {"schema_version": 2, "languages": _languages_from_texts(document)}


def _upgrade_2_to_3(document):
    """Version 3 gives images a srcset of stored renditions; older ones have none."""
    return document | {
        "schema_version": 3,
        "donors": [donor | {"logo_srcset": ""} for donor in document["donors"]],
        "publications": [p | {"cover_srcset": ""} for p in document["publications"]],
    }


UPGRADES = {1: _upgrade_1_to_2, 2: _upgrade_2_to_3}


class SchemaError(ValueError):
    pass


def upgrade_document(document: dict) -> dict:
    """Bring a stored document of any earlier schema version to the current one."""
    version = document.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise SchemaError(f"Unknown profile document schema version: {version!r}")
    while version < SCHEMA_VERSION:
        document = UPGRADES[version](document)
        version = document["schema_version"]
    return document


def texts(obj, field):
    return {language: getattr(obj, f"{field}_{language}") or "" for language in LANGUAGES}


def iso(date):
    return date.isoformat() if date else None


def number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def file_url(field):
    return field.url if field else ""


def _office(office):
    if office is None:
        return None
    return {
        "name": texts(office, "name"),
        "tagline": texts(office, "tagline"),
        "about_organization": texts(office, "about_organization"),
        "about_office": texts(office, "about_office"),
        "closing_message": texts(office, "closing_message"),
        "presence_since": office.presence_since,
        "sites": {"count": office.sites_count, "qualifier": office.sites_qualifier},
        "contact": {
            "street_address": texts(office, "street_address"),
            "city": texts(office, "city"),
            "country": texts(office, "country"),
            "email": office.email,
            "phone": office.phone,
            "website": office.website,
            "social": [
                {"network": account.network, "handle": account.handle, "url": account.url}
                for account in office.social_accounts.all()
            ],
        },
    }


def _staff(count):
    return {
        "as_of": iso(count.as_of),
        "national": count.national,
        "international": count.international,
        "total": count.total,
        "mission": count.mission,
        "source": texts(count, "source"),
    }


def _key_figure(figure):
    return {
        "slug": figure.slug,
        "category": figure.category,
        "label": texts(figure, "label"),
        "value": number(figure.value),
        "qualifier": figure.qualifier,
        "unit": texts(figure, "unit"),
        "period_start": iso(figure.period_start),
        "period_end": iso(figure.period_end),
        "source": texts(figure, "source"),
    }


def _project(project):
    return {
        "slug": project.slug,
        "title": texts(project, "title"),
        "acronym": project.acronym,
        "summary": texts(project, "summary"),
        "status": project.status,
        "start_date": iso(project.start_date),
        "end_date": iso(project.end_date),
        "donors": [donor.slug for donor in project.donors.all()],
        "regions": [region.iso_code for region in project.regions.all()],
        "thematic_areas": [area.slug for area in project.thematic_areas.all()],
        "sdg_goals": [goal.number for goal in project.sdg_goals.all()],
        "compact_objectives": [objective.number for objective in project.compact_objectives.all()],
    }


def _publication(publication):
    return {
        "slug": publication.slug,
        "title": texts(publication, "title"),
        "kind": publication.kind,
        "summary": texts(publication, "summary"),
        "published_on": iso(publication.published_on),
        "period_start": iso(publication.period_start),
        "period_end": iso(publication.period_end),
        "year": publication.year,
        "language": publication.language,
        "url": publication.url,
        "file": reverse("files:publication-file", kwargs={"slug": publication.slug})
        if publication.file
        else "",
        "cover": file_url(publication.cover),
        "cover_srcset": srcset(publication.cover, COVER_WIDTHS),
    }


def _story(story):
    return {
        "slug": story.slug,
        "title": texts(story, "title"),
        "published_on": iso(story.published_on),
        "summary": texts(story, "summary"),
        "body": texts(story, "body"),
    }


def build_document(*, languages=None) -> dict:
    """Build the profile document from the database's current rows.

    `languages` names the languages the profile was written in (all by default);
    a snapshot of an English-only factsheet says so.
    """
    office = models.CountryOffice.objects.prefetch_related("social_accounts").first()
    staff = [_staff(count) for count in models.StaffCount.objects.latest_first()]
    regions = [
        {
            "iso_code": region.iso_code,
            "name": texts(region, "name"),
            "kind": region.kind,
            "latitude": number(region.latitude),
            "longitude": number(region.longitude),
        }
        for region in models.Region.objects.filter(has_presence=True)
    ]
    offices = [
        {
            "kind": office_row.kind,
            "name": texts(office_row, "name"),
            "description": texts(office_row, "description"),
            "address": texts(office_row, "address"),
            "city": texts(office_row, "city"),
            "region": office_row.region.iso_code,
            "latitude": number(office_row.latitude),
            "longitude": number(office_row.longitude),
        }
        for office_row in models.Office.objects.select_related("region")
    ]
    projects = [_project(project) for project in Project.objects.with_relations()]
    publications = [_publication(publication) for publication in Publication.objects.all()]
    return {
        "schema_version": SCHEMA_VERSION,
        "languages": list(languages or LANGUAGES),
        "office": _office(office),
        "staff": {"current": staff[0] if staff else None, "history": staff},
        "offices": offices,
        "regions": regions,
        "areas_of_work": [
            {"slug": area.slug, "name": texts(area, "name")}
            for area in models.AreaOfWork.objects.all()
        ],
        "thematic_areas": [
            {"slug": area.slug, "name": texts(area, "name")}
            for area in models.ThematicArea.objects.all()
        ],
        "institutional_sections": [
            {
                "kind": section.kind,
                "title": texts(section, "title"),
                "body": texts(section, "body"),
                "link": section.link,
            }
            for section in models.InstitutionalSection.objects.all()
        ],
        "key_actors": [{"name": texts(actor, "name")} for actor in models.KeyActor.objects.all()],
        "key_figures": [_key_figure(figure) for figure in models.KeyFigure.objects.all()],
        "donors": [
            {
                "slug": donor.slug,
                "name": texts(donor, "name"),
                "website": donor.website,
                "logo": file_url(donor.logo),
                "logo_srcset": srcset(donor.logo, LOGO_WIDTHS),
            }
            for donor in models.Donor.objects.all()
        ],
        "projects": projects,
        "publications": publications,
        "stories": [_story(story) for story in Story.objects.all()],
        "counts": {
            "regions": len(regions),
            "offices": len(offices),
            "projects": len(projects),
            "publications": len(publications),
        },
    }


def current_document() -> dict:
    """The current profile document, built once per content version."""
    return get_or_build(CACHE_KEY, build_document)
