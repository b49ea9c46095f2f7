"""The feed dates an entry by when it appeared: a publication by its publication
date; one whose publication date is not known (a report's period says what it
covers, not when it came out) by the day it was added to the site, and its summary
says so; a version of the profile by when it was published here."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone, translation

from profiles.models import Snapshot
from publications.models import Publication
from tests.factories import make_publication

ATOM = "{http://www.w3.org/2005/Atom}"
NOTE = {
    "en": "Publication date not known: this entry is dated by the day the publication was "
    "added to the site.",
    "es": "Fecha de publicación desconocida: esta entrada lleva la fecha en que la "
    "publicación se añadió al sitio.",
}


def feed_entries(client, language="en"):
    with translation.override(language):
        url = reverse("publications:feed")
    root = ET.fromstring(client.get(url).content)
    return {
        entry.find(f"{ATOM}id").text: {
            "title": entry.find(f"{ATOM}title").text,
            "published": dt.datetime.fromisoformat(entry.find(f"{ATOM}published").text),
            "updated": dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text),
            "summary": entry.find(f"{ATOM}summary").text or "",
        }
        for entry in root.iter(f"{ATOM}entry")
    }


def entry_of(client, publication, language="en"):
    with translation.override(language):
        path = reverse("publications:publication-detail", kwargs={"slug": publication.slug})
    return feed_entries(client, language)[f"http://testserver{path}"]


def noon(date):
    return timezone.make_aware(dt.datetime.combine(date, dt.time(12)))


@pytest.mark.django_db
def test_a_publication_is_dated_by_its_publication_date(client):
    publication = make_publication(
        published_on=dt.date(2023, 5, 2),
        period_start=dt.date(2022, 1, 1),
        period_end=dt.date(2022, 12, 31),
    )
    Publication.objects.filter(pk=publication.pk).update(added_on=dt.date(2026, 1, 5))
    for language in ("en", "es"):
        entry = entry_of(client, publication, language)
        assert entry["published"] == entry["updated"] == noon(dt.date(2023, 5, 2))
        assert NOTE[language] not in entry["summary"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "period",
    [(dt.date(2022, 6, 1), dt.date(2022, 7, 31)), (None, None)],
    ids=["only a period", "undated"],
)
def test_a_publication_without_a_publication_date_is_dated_by_the_day_it_was_added(client, period):
    start, end = period
    publication = make_publication(
        published_on=None, period_start=start, period_end=end, summary_en="A report."
    )
    assert publication.added_on == timezone.localdate()  # the day it was entered
    Publication.objects.filter(pk=publication.pk).update(added_on=dt.date(2025, 3, 14))
    for language in ("en", "es"):
        entry = entry_of(client, publication, language)
        # Not the period's end (31 July 2022): when it was added, and said so.
        assert entry["published"] == entry["updated"] == noon(dt.date(2025, 3, 14))
        assert entry["summary"].endswith(NOTE[language])
    assert entry_of(client, publication)["summary"] == f"A report. {NOTE['en']}"


@pytest.mark.django_db
def test_the_feed_page_shows_the_same_dates(client):
    make_publication(title_en="Dated", published_on=dt.date(2023, 5, 2))
    undated = make_publication(title_en="Undated", published_on=None)
    Publication.objects.filter(pk=undated.pk).update(added_on=dt.date(2025, 3, 14))
    html = client.get("/en/follow/").content.decode()
    assert '<time datetime="2023-05-02">2 May 2023</time>' in html
    assert '<time datetime="2025-03-14">14 March 2025</time>' in html
    assert NOTE["en"] in html


def test_every_publication_of_the_profile_is_in_the_feed(client, iom_panama_versions):
    publications = list(Publication.objects.all())
    undated = [p for p in publications if not p.published_on and not p.period_end]
    assert len(undated) >= 3  # those the feed used to leave out
    for language in ("en", "es"):
        entries = feed_entries(client, language)
        for publication in publications:
            with translation.override(language):
                path = reverse("publications:publication-detail", kwargs={"slug": publication.slug})
            entry = entries[f"http://testserver{path}"]
            if publication.published_on:
                assert entry["published"] == noon(publication.published_on)
            else:
                assert entry["published"] == noon(publication.added_on)
                assert entry["summary"].endswith(NOTE[language])


def test_a_version_is_dated_by_when_it_was_published(client, iom_panama_versions):
    entries = feed_entries(client)
    for snapshot in Snapshot.objects.published():
        path = reverse("profiles:snapshot-detail", kwargs={"date": snapshot.date})
        entry = entries[f"http://testserver{path}"]
        assert entry["published"] == entry["updated"] == snapshot.published_at
        assert NOTE["en"] not in entry["summary"]


@pytest.mark.django_db(transaction=True)
def test_the_migration_dates_the_publications_already_there_by_the_day_it_runs():
    before, after = (
        [("publications", "0003_publication_sources")],
        [("publications", "0004_publication_added_on")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        executor.loader.build_graph()
        old = executor.loader.project_state(before).apps.get_model("publications", "Publication")
        old.objects.create(
            slug="old-report", title="Old report", kind="study", language="en", url="https://a.org"
        )
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps.get_model("publications", "Publication")
        assert new.objects.get(slug="old-report").added_on == timezone.localdate()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
