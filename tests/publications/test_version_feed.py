"""The Atom feed has one entry per published version, for aggregators that follow
new versions: title, date, change summary, checksum and links to its files."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from profiles.management.commands.verify_snapshots import published_checksums
from profiles.models import Snapshot

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def version_entries(response):
    root = ET.fromstring(response.content)
    return [
        entry
        for entry in root.iter(f"{ATOM}entry")
        if "/snapshots/" in entry.find(f"{ATOM}id").text
        or "/versiones/" in entry.find(f"{ATOM}id").text
    ]


def test_each_published_version_is_an_entry_with_its_files_and_checksum(
    client, iom_panama_versions
):
    entries = version_entries(client.get("/en/feed/"))
    snapshots = list(Snapshot.objects.published().order_by("-date"))
    assert len(entries) == len(snapshots) == 4
    latest, snapshot = entries[0], snapshots[0]
    assert latest.find(f"{ATOM}title").text == (
        "New version of the profile: Factsheet “IOM in Panama”, 2024"
    )
    # Dated by when it was published here, not by the date of its data.
    published = dt.datetime.fromisoformat(latest.find(f"{ATOM}published").text)
    assert published == snapshot.published_at
    summary = latest.find(f"{ATOM}summary").text
    assert summary.startswith("Changes: staff 196 → 200;")
    assert f"SHA-256 checksum of the version: {snapshot.checksum}." in summary
    links = {
        (link.get("rel"), link.get("title")): (link.get("type"), link.get("href"))
        for link in latest.iter(f"{ATOM}link")
    }
    assert links == {
        ("alternate", None): (None, "http://testserver/en/snapshots/2024-06-30/"),
        ("enclosure", "CSV"): ("text/csv", "http://testserver/snapshots/2024-06-30.csv"),
        ("enclosure", "CSV (HXL)"): ("text/csv", "http://testserver/snapshots/2024-06-30.hxl.csv"),
        ("enclosure", "JSON"): (
            "application/json",
            "http://testserver/snapshots/2024-06-30.json",
        ),
        ("enclosure", "API"): ("application/json", "http://testserver/api/v1/versions/2024-06-30"),
    }
    for _type, href in links.values():
        assert client.get(href.removeprefix("http://testserver")).status_code == 200, href


def test_the_spanish_feed_announces_versions_in_spanish(client, iom_panama_versions):
    entry = version_entries(client.get("/es/canal/"))[0]
    assert entry.find(f"{ATOM}title").text.startswith("Nueva versión del perfil: ")
    assert entry.find(f"{ATOM}summary").text.startswith("Cambios: personal 196 → 200;")
    assert entry.find(f"{ATOM}id").text == "http://testserver/es/versiones/2024-06-30/"


def test_a_draft_is_not_announced_and_the_feed_proves_the_checksums(client, iom_panama_versions):
    from profiles.snapshots import freeze_snapshot

    freeze_snapshot(date="2025-01-31", title="Draft")
    response = client.get("/en/feed/")
    assert len(version_entries(response)) == 4
    assert published_checksums(response.content, "feed") == {
        s.date.isoformat(): s.checksum for s in Snapshot.objects.published()
    }
