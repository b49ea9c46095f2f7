"""Published versions are rendered once: their pages in both languages and their
data files are stored when they are published and served as stored, byte for
byte what the live render gives, with their checksum as ETag."""

import datetime as dt
import hashlib

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from profiles import artefacts
from profiles.document import SCHEMA_VERSION
from profiles.models import RenderedArtefact, Snapshot
from profiles.snapshots import freeze_snapshot, publish_snapshot, withdraw_snapshot

pytestmark = pytest.mark.django_db

PAGES = [("en", "/en/snapshots/2023-10-31/"), ("es", "/es/versiones/2023-10-31/")]
BANNER = {"en": "You are viewing the profile as of", "es": "Está viendo el perfil al"}


def stored(date, name):
    return RenderedArtefact.objects.get(snapshot__date=date, name=name)


def served(client, url, **headers):
    """The response as the view gives it, past the page cache."""
    cache.clear()
    return client.get(url, **headers)


@pytest.mark.parametrize("language,url", PAGES)
def test_publishing_stores_the_page_a_visitor_and_an_editor_get_byte_for_byte(
    client, editor_client, iom_panama_versions, language, url
):
    page = bytes(stored("2023-10-31", f"page-{language}").content)
    assert BANNER[language] in page.decode()
    first = served(client, url)
    second = served(client, url)
    live = editor_client.get(url)
    assert first.content == page
    assert second.content == page
    assert live.content == page


def test_every_artefact_of_every_published_version_is_stored(iom_panama_versions):
    names = set(artefacts.ARTEFACTS)
    assert names == {"page-en", "page-es", "csv", "json", "xlsx"}
    for snapshot in Snapshot.objects.public():
        stored_names = set(snapshot.artefacts.values_list("name", flat=True))
        assert stored_names == names


def test_visitors_are_served_the_stored_bytes_and_editors_the_live_render(
    client, editor_client, iom_panama_versions
):
    RenderedArtefact.objects.filter(snapshot__date="2023-10-31", name="page-en").update(
        content=b"<p>as stored</p>", checksum=hashlib.sha256(b"<p>as stored</p>").hexdigest()
    )
    assert served(client, "/en/snapshots/2023-10-31/").content == b"<p>as stored</p>"
    live = editor_client.get("/en/snapshots/2023-10-31/")
    assert b"You are viewing the profile as of" in live.content
    assert "private" in live["Cache-Control"]


@pytest.mark.parametrize(
    "url,name",
    [(url, f"page-{language}") for language, url in PAGES]
    + [(f"/snapshots/2023-10-31.{fmt}", fmt) for fmt in ("csv", "json", "xlsx")],
)
def test_the_etag_is_the_stored_bytes_checksum_and_answers_304(
    client, iom_panama_versions, url, name
):
    row = stored("2023-10-31", name)
    response = served(client, url)
    assert response["ETag"] == f'"{row.checksum}"'
    assert row.checksum == hashlib.sha256(response.content).hexdigest()
    again = served(client, url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_data_files_are_cached_a_day_and_keep_their_name(client, iom_panama_versions, fmt):
    response = served(client, f"/snapshots/2023-10-31.{fmt}")
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["Content-Disposition"] == (
        f'attachment; filename="iom-panama-profile-2023-10-31.{fmt}"'
    )


def test_pages_are_revalidated_since_their_banner_can_change(client, iom_panama_versions):
    response = served(client, "/en/snapshots/2023-10-31/")
    assert "immutable" not in response["Cache-Control"]
    assert "s-maxage=60" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert "Accept-Language" not in response.get("Vary", "")


def test_serving_a_stored_page_or_file_takes_one_query(
    client, iom_panama_versions, django_assert_num_queries
):
    for url in (
        "/en/snapshots/2023-10-31/",
        "/es/versiones/2022-12-31/",
        "/snapshots/2024-06-30.xlsx",
    ):
        cache.clear()
        with django_assert_num_queries(1):
            assert client.get(url).status_code == 200


def test_a_page_from_the_page_cache_takes_no_query(
    client, iom_panama_versions, django_assert_num_queries
):
    client.get("/en/snapshots/2023-10-31/")
    with django_assert_num_queries(0):
        assert client.get("/en/snapshots/2023-10-31/").status_code == 200


def test_withdrawal_renders_the_banner_and_leaves_the_data_files(
    client, publisher, iom_panama_versions
):
    data_before = {fmt: stored("2023-10-31", fmt).rendered_at for fmt in ("csv", "json", "xlsx")}
    snapshot = Snapshot.objects.get(date="2023-10-31")
    withdraw_snapshot(snapshot, reason="The staff count was wrong.", by=publisher)
    english = bytes(stored("2023-10-31", "page-en").content).decode()
    spanish = bytes(stored("2023-10-31", "page-es").content).decode()
    assert "This version was withdrawn on" in english
    assert "The staff count was wrong." in english
    assert "Esta versión fue retirada" in spanish
    assert served(client, "/en/snapshots/2023-10-31/").content.decode() == english
    assert {fmt: stored("2023-10-31", fmt).rendered_at for fmt in data_before} == data_before


def test_withdrawal_relinks_the_neighbours_pages(publisher, iom_panama_versions):
    withdraw_snapshot(Snapshot.objects.get(date="2023-10-31"), reason="Wrong", by=publisher)
    before = bytes(stored("2022-12-31", "page-en").content).decode()
    after = bytes(stored("2024-06-30", "page-en").content).decode()
    assert 'href="/en/snapshots/2024-06-30/" rel="next"' in before
    assert 'href="/en/snapshots/2022-12-31/" rel="prev"' in after


def test_publishing_links_the_previous_versions_page_to_the_new_one(publisher, iom_panama_versions):
    assert 'rel="next"' not in bytes(stored("2024-06-30", "page-en").content).decode()
    title = {"en": "January 2025", "es": "Enero de 2025"}
    snapshot = freeze_snapshot(date="2025-01-31", title=title, by=publisher)
    publish_snapshot(snapshot, by=publisher)
    page = bytes(stored("2024-06-30", "page-en").content).decode()
    assert 'href="/en/snapshots/2025-01-31/" rel="next"' in page
    assert set(snapshot.artefacts.values_list("name", flat=True)) == set(artefacts.ARTEFACTS)


def test_a_draft_has_nothing_stored_and_no_public_page(client, publisher, iom_panama_versions):
    draft = freeze_snapshot(date="2025-01-31", title="January 2025", by=publisher)
    assert not draft.artefacts.exists()
    assert client.get("/en/snapshots/2025-01-31/").status_code == 404
    assert client.get("/snapshots/2025-01-31.csv").status_code == 404
    assert not draft.artefacts.exists()


def test_a_missing_artefact_is_rendered_and_stored_when_asked_for(client, iom_panama_versions):
    RenderedArtefact.objects.filter(snapshot__date="2023-10-31").delete()
    response = served(client, "/es/versiones/2023-10-31/")
    assert response.status_code == 200
    assert response.content == bytes(stored("2023-10-31", "page-es").content)


def test_an_artefact_rendered_by_other_code_is_rendered_again_when_asked_for(
    client, iom_panama_versions
):
    RenderedArtefact.objects.filter(snapshot__date="2023-10-31", name="page-en").update(
        content=b"rendered by last year's templates", renderer="an older deploy"
    )
    response = served(client, "/en/snapshots/2023-10-31/")
    assert b"You are viewing the profile as of" in response.content
    row = stored("2023-10-31", "page-en")
    assert row.renderer == artefacts.fingerprint(artefacts.ARTEFACTS["page-en"])
    assert bytes(row.content) == response.content


def test_the_fingerprint_names_the_schema_and_the_site_url(settings):
    before = artefacts.renderer_version()
    artefacts.renderer_version.cache_clear()
    try:
        settings.SITE_URL = "https://profile.example.org"
        assert artefacts.renderer_version() != before
    finally:
        artefacts.renderer_version.cache_clear()
    assert len(before) == 32 and SCHEMA_VERSION


def test_render_versions_renders_every_version_from_its_stored_document(
    client, editor_client, iom_panama_versions, capsys
):
    RenderedArtefact.objects.update(content=b"old", renderer="an older deploy")
    call_command("render_versions")
    assert "Rendered 20 pages and files" in capsys.readouterr().out
    assert set(RenderedArtefact.objects.values_list("renderer", flat=True)) == {
        artefacts.fingerprint(artefact) for artefact in artefacts.ARTEFACTS.values()
    }
    live = editor_client.get("/es/versiones/2022-12-31/").content
    assert bytes(stored("2022-12-31", "page-es").content) == live


def test_render_versions_stale_renders_only_what_is_missing_or_stale(iom_panama_versions, capsys):
    RenderedArtefact.objects.filter(snapshot__date="2023-10-31", name="xlsx").delete()
    RenderedArtefact.objects.filter(snapshot__date="2022-12-31", name="csv").update(
        renderer="an older deploy"
    )
    kept = stored("2024-06-30", "json").rendered_at
    call_command("render_versions", "--stale")
    assert "Rendered 2 pages and files" in capsys.readouterr().out
    assert stored("2023-10-31", "xlsx").renderer == artefacts.renderer_version()
    assert stored("2022-12-31", "csv").renderer == artefacts.renderer_version()
    assert stored("2024-06-30", "json").rendered_at == kept
    call_command("render_versions", "--stale")
    assert "Rendered 0 pages and files" in capsys.readouterr().out


def test_render_versions_takes_dates(iom_panama_versions, capsys):
    call_command("render_versions", "2023-10-31")
    assert "Rendered 5 pages and files" in capsys.readouterr().out


def published_versions(count, *, first=dt.date(1900, 1, 31)):
    """`count` published versions, a week apart from `first`, with small documents,
    as fast as the database takes them."""
    Snapshot.objects.bulk_create(
        Snapshot(
            date=first + dt.timedelta(days=7 * n),
            title=f"Version {n}",
            status=Snapshot.Status.PUBLISHED,
            published_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            document={"schema_version": SCHEMA_VERSION},
            schema_version=SCHEMA_VERSION,
            checksum="0" * 64,
            change_summary={"en": f"change {n}", "es": f"cambio {n}"},
        )
        for n in range(count)
    )


def queries_of(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("url", ["/en/snapshots/", "/es/versiones/?page=2", "/sitemap.xml"])
def test_the_archive_and_the_sitemap_cost_the_same_with_4_or_1000_versions(
    client, iom_panama_versions, url
):
    published_versions(17)  # two pages of the archive with the real four
    few, _response = queries_of(client, url)
    published_versions(1000 - Snapshot.objects.count(), first=dt.date(1800, 1, 1))
    assert Snapshot.objects.count() == 1000
    many, response = queries_of(client, url)
    assert many == few
    if url != "/sitemap.xml":
        assert response.content.decode().count('<li class="card">') == 20


def test_the_archive_pages_newest_first_with_links_between_pages(client, iom_panama_versions):
    published_versions(21)  # 25 with the real four: two pages
    first = client.get("/en/snapshots/").content.decode()
    assert "Page 1 of 2" in first
    assert 'href="?page=2" rel="next"' in first
    assert first.index("30 June 2024") < first.index("31 October 2023")
    assert 'reversed start="25"' in first
    second = client.get("/en/snapshots/?page=2").content.decode()
    assert "Page 2 of 2" in second
    assert 'href="?page=1" rel="prev"' in second
    assert 'reversed start="5"' in second
    assert "31 January 1900" in second
    assert "Página 1 de 2" in client.get("/es/versiones/").content.decode()


@pytest.mark.parametrize("page", ["3", "0", "abc"])
def test_a_page_of_the_archive_that_does_not_exist_is_404(client, iom_panama_versions, page):
    assert client.get("/en/snapshots/", {"page": page}).status_code == 404


def test_the_archive_says_so_when_nothing_is_published(client, db):
    html = client.get("/en/snapshots/").content.decode()
    assert "No version has been published yet." in html
    assert "Page 1" not in html
