"""Small builders for test data: `make_x(**overrides)` and a profile ten times the real one."""

import datetime as dt
from decimal import Decimal

from profiles import models
from profiles.snapshots import freeze_snapshot, publish_snapshot
from projects.models import Project
from publications.models import Publication, Story


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
            title=f"Copy {n}",
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
