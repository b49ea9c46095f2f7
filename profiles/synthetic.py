"""A synthetic profile of any size, for `manage.py benchmark` and its test.

Rows are written with `bulk_create`, every text in English and Spanish. The
published snapshots are dated a month apart and hold the profile as it grew:
version k of n holds (k/n)¹⁰ of the projects, publications, news stories and key
figures (the last two nearly all of them, the tenth from last 60 %), and the
staff counts up to its date. One key figure in twenty is updated every month,
in every version, so each makes a series over time; the others keep one
period. Growing this way, a 200-version profile stores about 18 full copies of
the profile instead of 200, which a benchmark writes in seconds (PostgreSQL
parses every stored document), while its latest versions are full-size.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from projects.models import GlobalCompactObjective, Project, SustainableDevelopmentGoal
from publications.models import Publication, Story

from . import models
from .content_cache import content_changed
from .document import build_document

CODE_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Version k of n holds (k/n)**GROWTH of the lists: the last ones are large.
GROWTH = 10
FIRST_MONTH = dt.date(2005, 1, 1)
# The ISO codes and dates the real profile uses are never made here.
REGION_PREFIX = "ZZ"


@dataclass(frozen=True)
class Sizes:
    projects: int = 1000
    publications: int = 10_000
    key_figures: int = 1000
    snapshots: int = 200

    @property
    def regions(self):
        return min(300, max(3, self.projects // 10))

    @property
    def offices(self):
        return min(4 * self.regions, max(2, self.projects // 20))

    @property
    def donors(self):
        return max(3, self.projects // 5)

    @property
    def thematic_areas(self):
        return max(3, min(50, self.projects // 20))

    @property
    def areas_of_work(self):
        return max(3, min(20, self.projects // 50))

    @property
    def key_actors(self):
        return max(3, min(100, self.projects // 10))

    @property
    def stories(self):
        return max(2, self.publications // 20)

    @property
    def followed_figures(self):
        """Figures updated every month: each is a series over time."""
        return max(1, self.key_figures // 20)


def _code(n):
    code = ""
    while True:
        n, digit = divmod(n, 36)
        code = CODE_DIGITS[digit] + code
        if not n:
            return code


def _month_end(months_after_first):
    year, month = divmod(FIRST_MONTH.month - 1 + months_after_first + 1, 12)
    return dt.date(FIRST_MONTH.year + year, month + 1, 1) - dt.timedelta(days=1)


def _texts(field, english, spanish):
    return {f"{field}_en": english, f"{field}_es": spanish}


def _bulk(model, rows):
    """Insert the rows and return them with their primary keys."""
    created = model.objects.bulk_create(rows, batch_size=500)
    if all(row.pk is not None for row in created):
        return created
    slugs = [row.slug if hasattr(row, "slug") else row.iso_code for row in rows]
    key = "slug" if hasattr(rows[0], "slug") else "iso_code"
    by_key = model.objects.in_bulk(slugs, field_name=key)
    return [by_key[slug] for slug in slugs]


def _office():
    office = models.CountryOffice.objects.first()
    if office is None:
        office = models.CountryOffice.objects.create(
            **_texts("name", "IOM Benchmarkland", "OIM Tierra de Pruebas"),
            **_texts("tagline", "Migration for the benefit of all", "Migración para todos"),
            **_texts("about_organization", "Who we are.\n\nWhat we do.", "Quiénes somos."),
            **_texts("about_office", "The office.", "La oficina."),
            **_texts("street_address", "1 Test Street", "Calle de Prueba 1"),
            **_texts("city", "Test City", "Ciudad de Prueba"),
            **_texts("country", "Benchmarkland", "Tierra de Pruebas"),
            presence_since=1990,
            sites_count=12,
            email="office@example.org",
            phone="+507 000-0000",
        )
        models.SocialAccount.objects.bulk_create(
            models.SocialAccount(
                country_office=office, network=network, handle=f"@iom-{network}", order=n
            )
            for n, network in enumerate(models.SocialAccount.Network.values)
        )
    return office


def _goals():
    SustainableDevelopmentGoal.objects.bulk_create(
        [SustainableDevelopmentGoal(number=n, name=f"Goal {n}") for n in range(1, 18)],
        ignore_conflicts=True,
    )
    GlobalCompactObjective.objects.bulk_create(
        [GlobalCompactObjective(number=n, name=f"Objective {n}") for n in range(1, 24)],
        ignore_conflicts=True,
    )
    return list(SustainableDevelopmentGoal.objects.all()), list(
        GlobalCompactObjective.objects.all()
    )


def _places(sizes):
    regions = _bulk(
        models.Region,
        [
            models.Region(
                iso_code=f"{REGION_PREFIX}-{_code(n)}",
                **_texts("name", f"Region {n}", f"Región {n}"),
                kind=models.Region.Kind.PROVINCE if n % 5 else models.Region.Kind.COMARCA,
                latitude=Decimal("8.5") + Decimal(n % 100) / 100,
                longitude=Decimal("-80.0") + Decimal(n % 100) / 100,
                order=n,
            )
            for n in range(sizes.regions)
        ],
    )
    kinds = models.Office.Kind.values
    models.Office.objects.bulk_create(
        models.Office(
            **_texts("name", f"Office {n}", f"Oficina {n}"),
            **_texts("description", f"The office in region {n}.", f"La oficina de la región {n}."),
            **_texts("address", f"{n} Main Street", f"Calle Principal {n}"),
            **_texts("city", f"Town {n}", f"Pueblo {n}"),
            kind=kinds[n % len(kinds)],
            region=regions[n // len(kinds)],
            order=n,
        )
        for n in range(sizes.offices)
    )
    return regions


def _lists(sizes):
    def named(model, count, english, spanish):
        return _bulk(
            model,
            [
                model(
                    slug=f"bench-{model._meta.model_name}-{n}",
                    **_texts("name", f"{english} {n}", f"{spanish} {n}"),
                    order=n,
                )
                for n in range(count)
            ],
        )

    areas = named(models.ThematicArea, sizes.thematic_areas, "Theme", "Tema")
    named(models.AreaOfWork, sizes.areas_of_work, "Area of work", "Área de trabajo")
    named(models.KeyActor, sizes.key_actors, "Key actor", "Actor clave")
    donors = named(models.Donor, sizes.donors, "Donor", "Donante")
    models.InstitutionalSection.objects.bulk_create(
        [
            models.InstitutionalSection(
                kind=kind,
                **_texts("title", f"Section {n}", f"Sección {n}"),
                **_texts("body", "First paragraph.\n\nSecond one.", "Primer párrafo."),
                order=n,
            )
            for n, kind in enumerate(models.InstitutionalSection.Kind.values)
        ],
        ignore_conflicts=True,
    )
    return areas, donors


def _staff(sizes):
    models.StaffCount.objects.bulk_create(
        models.StaffCount(
            as_of=_month_end(month),
            national=100 + month,
            international=10 + month % 7,
            mission=5,
            **_texts("source", "Staff list", "Lista de personal"),
        )
        for month in range(sizes.snapshots + 1)
    )


def _key_figures(sizes):
    categories = models.KeyFigure.Category.values
    qualifiers = models.Qualifier.values
    latest = _month_end(sizes.snapshots)

    def figure(n):
        followed = n < sizes.followed_figures
        percent = not followed and n % 10 == 9
        return models.KeyFigure(
            slug=f"bench-figure-{n}",
            category=categories[n % len(categories)],
            **_texts("label", f"People reached, programme {n}", f"Personas, programa {n}"),
            value=Decimal(n % 100) if percent else Decimal(1000 + n + sizes.snapshots),
            qualifier=qualifiers[n % len(qualifiers)],
            **(_texts("unit", "%", "%") if percent else _texts("unit", "people", "personas")),
            period_start=None if followed else dt.date(2024, 1, 1),
            period_end=latest if followed else dt.date(2024, 6, 30),
            **_texts("source", "DTM", "DTM"),
            order=n,
        )

    models.KeyFigure.objects.bulk_create(
        (figure(n) for n in range(sizes.key_figures)), batch_size=500
    )


def _projects(sizes, regions, areas, donors, goals, objectives):
    statuses = Project.Status.values
    projects = _bulk(
        Project,
        [
            Project(
                slug=f"bench-project-{n}",
                **_texts("title", f"Project {n} for migrants", f"Proyecto {n} para migrantes"),
                acronym=f"P{n}",
                **_texts(
                    "summary",
                    f"What project {n} does, where and with whom.",
                    f"Lo que hace el proyecto {n}, dónde y con quién.",
                ),
                status=statuses[n % len(statuses)],
                start_date=dt.date(2010 + n % 10, 1, 1),
                end_date=dt.date(2021 + n % 5, 12, 31),
                order=n,
            )
            for n in range(sizes.projects)
        ],
    )
    links = {
        "regions": (regions, 3),
        "thematic_areas": (areas, 2),
        "donors": (donors, 2),
        "sdg_goals": (goals, 2),
        "compact_objectives": (objectives, 2),
    }
    for relation, (targets, per_project) in links.items():
        field = Project._meta.get_field(relation)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [
                through(**{f"{source}_id": project.pk, f"{target}_id": targets[index].pk})
                for n, project in enumerate(projects)
                for index in {(n + step) % len(targets) for step in range(per_project)}
            ],
            batch_size=1000,
        )


def _publications(sizes):
    kinds = Publication.Kind.values
    languages = Publication.Language.values
    Publication.objects.bulk_create(
        (
            Publication(
                slug=f"bench-publication-{n}",
                **_texts(
                    "title", f"Migration flows, report {n}", f"Flujos migratorios, informe {n}"
                ),
                kind=kinds[n % len(kinds)],
                **_texts(
                    "summary",
                    f"Report {n} on the people who crossed the region.",
                    f"Informe {n} sobre las personas que cruzaron la región.",
                ),
                published_on=dt.date(2005, 1, 1) + dt.timedelta(days=n % 7000),
                period_start=dt.date(2004, 1, 1),
                period_end=dt.date(2004, 12, 31),
                language=languages[n % len(languages)],
                url=f"https://example.org/publications/{n}",
            )
            for n in range(sizes.publications)
        ),
        batch_size=500,
    )
    Story.objects.bulk_create(
        (
            Story(
                slug=f"bench-story-{n}",
                **_texts("title", f"News {n}", f"Noticia {n}"),
                published_on=dt.date(2005, 1, 1) + dt.timedelta(days=n % 7000),
                **_texts("summary", f"What happened ({n}).", f"Lo que pasó ({n})."),
                **_texts("body", "The story.\n\nMore of it.", "La noticia.\n\nMás."),
            )
            for n in range(sizes.stories)
        ),
        batch_size=500,
    )


def _version(document, sizes, k):
    """The document as it stood in version k (1-based) of `sizes.snapshots`."""
    date = _month_end(k - 1)
    share = (k / sizes.snapshots) ** GROWTH
    version = dict(document)
    for key in ("projects", "publications", "stories"):
        version[key] = document[key][: max(1, round(len(document[key]) * share))]
    version["staff"] = [count for count in document["staff"] if count["as_of"] <= date.isoformat()]
    figures = []
    kept = max(sizes.followed_figures, round(len(document["key_figures"]) * share))
    for n, figure in enumerate(document["key_figures"][:kept]):
        if n < sizes.followed_figures:
            figure = figure | {"value": figure["value"] - sizes.snapshots + k - 1}
            figure["period_end"] = date.isoformat()
        figures.append(figure)
    version["key_figures"] = figures
    return date, version


def _snapshots(sizes):
    """The published versions, written in batches (each a stored document)."""
    document = build_document()
    batch = []
    for k in range(1, sizes.snapshots + 1):
        date, version = _version(document, sizes, k)
        canonical = json.dumps(
            version, sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).encode()
        added = len(version["publications"]) + len(version["projects"])
        batch.append(
            models.Snapshot(
                date=date,
                **_texts("title", f"Profile of {date:%B %Y}", f"Perfil de {date:%m/%Y}"),
                status=models.Snapshot.Status.PUBLISHED,
                document=version,
                schema_version=version["schema_version"],
                checksum=hashlib.sha256(canonical).hexdigest(),
                published_at=dt.datetime.combine(date, dt.time(12), dt.UTC),
                change_summary={
                    "en": f"{sizes.followed_figures} figures changed; {added} items in total",
                    "es": f"{sizes.followed_figures} cifras cambiaron; {added} elementos en total",
                },
            )
        )
        if len(batch) == 20 or k == sizes.snapshots:
            models.Snapshot.objects.bulk_create(batch)
            batch = []


def build_large_profile(sizes: Sizes = Sizes()) -> Sizes:
    """Add a synthetic profile of `sizes` to the database (the country office and
    the goals are reused when they exist), with its published versions."""
    with transaction.atomic():
        _office()
        goals, objectives = _goals()
        regions = _places(sizes)
        areas, donors = _lists(sizes)
        _staff(sizes)
        _key_figures(sizes)
        _projects(sizes, regions, areas, donors, goals, objectives)
        _publications(sizes)
        content_changed()
    # The versions hold the profile as the database has it now.
    with transaction.atomic():
        _snapshots(sizes)
        content_changed()
    return sizes
