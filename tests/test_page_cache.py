"""Whole pages for anonymous visitors from the shared cache: validators, 304s,
cache headers, and never a stale page after a write or for an editor."""

import hashlib

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from iompanama.middleware import PageCache, RecentPages
from profiles.content_cache import VERSION_KEY
from profiles.models import KeyFigure, Snapshot
from profiles.snapshots import freeze_snapshot, publish_snapshot, withdraw_snapshot

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/en/",
    "/es/",
    "/en/projects/",
    "/en/snapshots/",
    "/en/snapshots/2023-10-31/",
    "/data/current.csv",
    "/snapshots/2023-10-31.json",
    "/data/datapackage.json",
    "/en/feed/",
    "/sitemap.xml",
    "/api/v1/versions",
    "/api/v1/versions/2023-10-31/key-figures",
    "/snapshots/2023-10-31.hxl.csv",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_page_and_download_has_a_strong_etag_and_last_modified(
    client, iom_panama_versions, url
):
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"') and not response["ETag"].startswith("W/")
    assert response["Last-Modified"].endswith("GMT")


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_an_unchanged_page_answers_304(client, iom_panama_versions, url):
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""


def test_a_changed_page_answers_200_to_the_old_etag(client, editor_client, iom_panama):
    etag = client.get("/en/")["ETag"]
    figure = KeyFigure.objects.get(slug="legal-orientation")
    figure.value = 777
    figure.save()
    response = client.get("/en/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "777" in response.content.decode()


def test_the_second_anonymous_request_runs_no_query(client, iom_panama, django_assert_num_queries):
    client.get("/en/projects/")
    with django_assert_num_queries(0):
        assert client.get("/en/projects/").status_code == 200


def test_public_pages_tell_proxies_how_long_to_keep_them(client, iom_panama):
    response = client.get("/en/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=60" in cache_control
    assert "stale-while-revalidate=300" in cache_control


def test_public_pages_do_not_vary_on_the_cookie(client, iom_panama):
    for url in ("/en/", "/en/projects/", "/data/current.csv"):
        assert "Cookie" not in client.get(url).get("Vary", "")
        assert not client.get(url).cookies


def test_a_published_versions_download_is_cached_a_day_with_its_checksum_as_etag(
    client, iom_panama_versions
):
    for fmt in ("csv", "json", "xlsx"):
        response = client.get(f"/snapshots/2023-10-31.{fmt}")
        # Not immutable: a withdrawn version's date can be given to its correction.
        assert response["Cache-Control"] == "public, max-age=86400"
        assert response["ETag"] == f'"{hashlib.sha256(response.content).hexdigest()}"'


def test_an_editor_never_receives_a_cached_page(client, editor_client, iom_panama):
    client.get("/en/")
    key = PageCache.key(RequestFactory().get("/en/"))
    stored = cache.get(key)
    cache.set(key, stored | {"content": b"from the page cache"})
    # Another client has its own handler, whose page cache keeps no page yet: it
    # reads the shared cache, as another worker would.
    assert Client().get("/en/").content == b"from the page cache"
    response = editor_client.get("/en/")
    assert b"IOM Panama" in response.content
    assert "private" in response["Cache-Control"]


def test_admin_pages_are_never_cached(editor_client, iom_panama):
    response = editor_client.get(reverse("admin:index"))
    assert "private" in response["Cache-Control"]


def test_a_deletion_reaches_the_next_anonymous_page(client, editor_client, iom_panama):
    assert "legal orientation" in client.get("/en/").content.decode()
    figure = KeyFigure.objects.get(slug="legal-orientation")
    url = reverse("admin:profiles_keyfigure_delete", args=[figure.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert "legal orientation" not in client.get("/en/").content.decode()


def test_publishing_and_withdrawing_reach_the_next_anonymous_archive(
    client, publisher, iom_panama_versions
):
    assert "31 January 2025" not in client.get("/en/snapshots/").content.decode()
    snapshot = freeze_snapshot(
        date="2025-01-31", title={"en": "January 2025", "es": "Enero de 2025"}, by=publisher
    )
    publish_snapshot(snapshot, by=publisher)
    page = client.get("/en/snapshots/2025-01-31/").content.decode()
    assert "31 January 2025" in client.get("/en/snapshots/").content.decode()
    assert "withdrawn" not in page.lower()
    withdraw_snapshot(Snapshot.objects.get(pk=snapshot.pk), reason="Wrong date", by=publisher)
    assert "Wrong date" in client.get("/en/snapshots/2025-01-31/").content.decode()


@pytest.mark.parametrize(
    "url", ["/data/current.csv", "/snapshots/2023-10-31.xlsx", "/data/datapackage.json", "/healthz"]
)
def test_downloads_answer_head_like_get_without_a_body(client, iom_panama_versions, url):
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"] == client.get(url)["Content-Type"]


def test_a_page_is_rendered_anew_each_day_for_its_citation(client, iom_panama, monkeypatch):
    import datetime as dt

    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 12, 1))
    assert "Accessed 1 December 2026." in client.get("/en/").content.decode()
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 12, 2))
    assert "Accessed 2 December 2026." in client.get("/en/").content.decode()


def test_a_page_a_process_keeps_is_not_served_after_a_write_elsewhere(client, iom_panama):
    assert "987,123" not in client.get("/en/").content.decode()  # kept here and shared
    # Another worker's write: the rows change, and only the shared content version
    # tells this process (an update sends no signal here).
    KeyFigure.objects.filter(slug="legal-orientation").update(value=987123)
    cache.incr(VERSION_KEY)
    assert "987,123" in client.get("/en/").content.decode()


def test_a_process_keeps_its_recent_pages_within_a_byte_budget():
    pages = RecentPages(max_bytes=100)
    pages.add("a", {"content": b"a" * 60, "version": 1})
    pages.add("b", {"content": b"b" * 60, "version": 1})
    assert pages.get("a", 1) is None  # the oldest made room
    assert pages.get("b", 1)["content"] == b"b" * 60
    assert pages.get("b", 2) is None  # another content version
    pages.add("too-large", {"content": b"c" * 101, "version": 1})
    assert pages.get("too-large", 1) is None
    assert pages.get("b", 1) is not None
