"""Small builders for test data, and a profile ten times the real one.

Each `make_x(**overrides)` creates one valid row, checked with `full_clean()`,
with every translated text filled in English and Spanish; a keyword overrides
any field (`make_region(iso_code="PA-5", name_en="Darién")`). Related rows a
row needs are made too unless given. Page tests build the few rows they read
with these; the real profile (`iom_panama` in conftest.py) is for the tests of
the real data.
"""

import datetime as dt
import itertools
from decimal import Decimal

from profiles import models
from profiles.snapshots import freeze_snapshot, publish_snapshot
from projects.models import Project
from publications.models import Publication, Story

_numbers = itertools.count(1)


def _create(model, defaults, overrides):
    row = model(**(defaults | overrides))
    row.full_clean()
    row.save()
    return row


def _code(n):
    """A short code of capitals and digits, unique for each n below 36**3."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    code = ""
    while True:
        n, digit = divmod(n, 36)
        code = digits[digit] + code
        if not n:
            return code


def make_country_office(**overrides):
    return _create(
        models.CountryOffice,
        {
            "name_en": "IOM Testland",
            "name_es": "OIM Tierra de Prueba",
            "tagline_en": "Migration for the benefit of all",
            "tagline_es": "Migración en beneficio de todos",
            "street_address_en": "1 Test Street",
            "street_address_es": "Calle de Prueba 1",
            "city_en": "Test City",
            "city_es": "Ciudad de Prueba",
            "country_en": "Testland",
            "country_es": "Tierra de Prueba",
            "email": "office@example.org",
            "phone": "+507 000-0000",
        },
        overrides,
    )


def make_region(**overrides):
    n = next(_numbers)
    return _create(
        models.Region,
        {
            "iso_code": f"ZZ-{_code(n % 36**3)}",
            "name_en": f"Region {n}",
            "name_es": f"Región {n}",
            "kind": models.Region.Kind.PROVINCE,
        },
        overrides,
    )


def make_office(**overrides):
    n = next(_numbers)
    defaults = {
        "name_en": f"Office {n}",
        "name_es": f"Oficina {n}",
        "kind": models.Office.Kind.SUB_OFFICE,
        "address_en": f"{n} Main Street",
        "address_es": f"Calle Principal {n}",
        "city_en": "Test City",
        "city_es": "Ciudad de Prueba",
    }
    if "region" not in overrides:
        defaults["region"] = make_region()
    return _create(models.Office, defaults, overrides)


def make_staff_count(**overrides):
    n = next(_numbers)
    return _create(
        models.StaffCount,
        {
            "as_of": dt.date(2024, 1, 1) + dt.timedelta(days=n),
            "national": 90,
            "international": 10,
            "source_en": "Staff list",
            "source_es": "Lista de personal",
        },
        overrides,
    )


def make_area_of_work(**overrides):
    n = next(_numbers)
    return _create(
        models.AreaOfWork,
        {"slug": f"area-of-work-{n}", "name_en": f"Area of work {n}", "name_es": f"Área {n}"},
        overrides,
    )


def make_thematic_area(**overrides):
    n = next(_numbers)
    return _create(
        models.ThematicArea,
        {"slug": f"theme-{n}", "name_en": f"Theme {n}", "name_es": f"Tema {n}"},
        overrides,
    )


def make_donor(**overrides):
    n = next(_numbers)
    return _create(
        models.Donor,
        {
            "slug": f"donor-{n}",
            "name_en": f"Donor {n}",
            "name_es": f"Donante {n}",
            "website": "https://example.org/",
        },
        overrides,
    )


def make_project(*, regions=(), thematic_areas=(), donors=(), **overrides):
    """A project, linked to the given regions, thematic areas and donors."""
    n = next(_numbers)
    project = _create(
        Project,
        {
            "slug": f"project-{n}",
            "title_en": f"Project {n}",
            "title_es": f"Proyecto {n}",
            "summary_en": "What the project does.",
            "summary_es": "Lo que hace el proyecto.",
            "status": Project.Status.ACTIVE,
        },
        overrides,
    )
    project.regions.set(regions)
    project.thematic_areas.set(thematic_areas)
    project.donors.set(donors)
    return project


def make_publication(**overrides):
    n = next(_numbers)
    return _create(
        Publication,
        {
            "slug": f"publication-{n}",
            "title_en": f"Publication {n}",
            "title_es": f"Publicación {n}",
            "summary_en": "What the publication says.",
            "summary_es": "Lo que dice la publicación.",
            "kind": Publication.Kind.STUDY,
            "language": Publication.Language.BOTH,
            "url": f"https://example.org/publications/{n}",
            "published_on": dt.date(2023, 6, 1),
        },
        overrides,
    )


def make_story(**overrides):
    n = next(_numbers)
    return _create(
        Story,
        {
            "slug": f"story-{n}",
            "title_en": f"Story {n}",
            "title_es": f"Noticia {n}",
            "summary_en": "What happened.",
            "summary_es": "Lo que pasó.",
            "body_en": "The whole story.",
            "body_es": "La noticia completa.",
            "published_on": dt.date(2023, 6, 1),
        },
        overrides,
    )


def grow_profile(factor=10):
    """Add rows until each list is about `factor` times as long as the real one."""
    regions = list(models.Region.objects.all())
    areas = list(models.ThematicArea.objects.all())
    donors = list(models.Donor.objects.all())
    for n in range(len(regions) * (factor - 1)):
        regions.append(
            models.Region.objects.create(
                iso_code=f"ZZ-{n}", name_en=f"Region {n}", name_es=f"Región {n}", kind="province"
            )
        )
    # One office of each kind per region at most, in the regions added above.
    added_regions = regions[len(regions) // factor :]
    kinds = models.Office.Kind.values
    for n in range(models.Office.objects.count() * (factor - 1)):
        region = added_regions[(n // len(kinds)) % len(added_regions)]
        models.Office.objects.create(
            name_en=f"Office {n}", kind=kinds[n % len(kinds)], region=region
        )
    for n in range(models.StaffCount.objects.count() * (factor - 1)):
        models.StaffCount.objects.create(
            as_of=dt.date(2000, 1, 1) + dt.timedelta(days=n), national=n, international=1
        )
    for n in range(len(areas) * (factor - 1)):
        areas.append(models.ThematicArea.objects.create(slug=f"area-{n}", name_en=f"Area {n}"))
    for n in range(models.KeyFigure.objects.count() * (factor - 1)):
        models.KeyFigure.objects.create(
            slug=f"figure-{n}",
            category="assistance",
            label_en=f"Figure {n}",
            value=Decimal(n),
            period_end=dt.date(2024, 1, 1),
        )
    for n in range(len(donors) * (factor - 1)):
        donors.append(models.Donor.objects.create(slug=f"donor-{n}", name_en=f"Donor {n}"))
    for n in range(Project.objects.count() * (factor - 1)):
        project = Project.objects.create(slug=f"project-{n}", title_en=f"Project {n}")
        project.regions.set(regions[n % len(regions) :][:3])
        project.thematic_areas.set(areas[n % len(areas) :][:2])
        project.donors.set(donors[n % len(donors) :][:2])
    for n in range(Publication.objects.count() * (factor - 1)):
        Publication.objects.create(
            slug=f"publication-{n}",
            title_en=f"Publication {n}",
            kind="study",
            language="en",
            url="https://example.org/",
            published_on=dt.date(2020, 1, 1),
        )
    snapshots = list(models.Snapshot.objects.published())
    for n in range(len(snapshots) * (factor - 1)):
        original = snapshots[n % len(snapshots)]
        copy = freeze_snapshot(
            date=dt.date(2010, 1, 1) + dt.timedelta(days=n),
            title={"en": f"Copy {n}", "es": f"Copia {n}"},
            document=original.document,
        )
        publish_snapshot(copy)
    for n in range(Story.objects.count() * (factor - 1)):
        Story.objects.create(
            slug=f"story-{n}",
            title_en=f"Story {n}",
            body_en="Text",
            published_on=dt.date(2024, 1, 1),
        )


def make_source(**overrides):
    n = next(_numbers)
    return _create(
        models.Source,
        {
            "slug": f"factsheet-{n}",
            "kind": models.Source.Kind.FACTSHEET,
            "title_en": f"Factsheet {n}",
            "title_es": f"Hoja informativa {n}",
            "date": dt.date(2024, 6, 30),
        },
        overrides,
    )
