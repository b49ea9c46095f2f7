"""Freezing, reviewing, publishing, withdrawing and correcting a version in the admin."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from profiles.models import KeyFigure, Snapshot
from profiles.snapshots import (
    freeze_snapshot,
    publish_snapshot,
    resolve_version,
    withdraw_snapshot,
)

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 31)
BOTH = {"en": "March 2025", "es": "Marzo de 2025"}


def publish_url(snapshot):
    return reverse("admin:profiles_snapshot_publish", args=[snapshot.pk])


def test_the_freeze_page_says_that_saving_freezes_the_profile(editor_client, iom_panama):
    html = editor_client.get(reverse("admin:profiles_snapshot_add")).content.decode()
    assert "<h1>Freeze a new version</h1>" in html
    assert "Saving freezes the current profile" in html
    assert 'value="Freeze the current profile"' in html
    assert "_addanother" not in html and "_continue" not in html
    listing = editor_client.get(reverse("admin:profiles_snapshot_changelist")).content.decode()
    assert "Freeze a new version" in listing and "Add snapshot" not in listing


def test_freezing_leads_to_the_drafts_page(editor_client, iom_panama):
    response = editor_client.post(
        reverse("admin:profiles_snapshot_add"),
        {"date": "2025-03-31", "title_en": "March 2025", "title_es": "Marzo de 2025"},
    )
    draft = Snapshot.objects.get(date=DAY)
    assert response.url == reverse("admin:profiles_snapshot_change", args=[draft.pk])


def test_the_publish_page_shows_the_changes_and_the_missing_spanish_first(
    publisher_client, iom_panama_versions, publisher
):
    figure = KeyFigure.objects.get(slug="darien-crossings-aug-sep-2023")
    KeyFigure.objects.filter(pk=figure.pk).update(value=160000, label_es="")
    draft = freeze_snapshot(date=DAY, title=BOTH, note="A note in English", by=publisher)
    response = publisher_client.get(publish_url(draft))
    html = response.content.decode()
    assert response.status_code == 200
    assert "What it changes against the version of" in html
    assert "157,214" in html and "160,000" in html
    assert "Missing in Spanish" in html and "The note has no Spanish text." in html
    assert "Migrants who crossed the Darién jungle" in html
    assert 'value="Yes, publish it"' in html
    assert Snapshot.objects.get(pk=draft.pk).status == "draft"  # only shown, not published

    response = publisher_client.post(publish_url(draft), {"checksum": draft.checksum})
    assert response.url == reverse("admin:profiles_snapshot_change", args=[draft.pk])
    assert Snapshot.objects.get(pk=draft.pk).status == "published"


def test_a_version_without_a_spanish_title_cannot_be_published(
    publisher_client, iom_panama, publisher
):
    draft = freeze_snapshot(date=DAY, title="Year-end profile", by=publisher)
    html = publisher_client.get(publish_url(draft)).content.decode()
    assert "It cannot be published without a Spanish title" in html
    assert "Yes, publish it" not in html
    response = publisher_client.post(publish_url(draft), {"checksum": draft.checksum})
    assert response.url == publish_url(draft)
    assert Snapshot.objects.get(pk=draft.pk).status == "draft"
    with pytest.raises(ValidationError, match="Spanish title"):
        publish_snapshot(draft, by=publisher)


def test_a_version_that_changes_nothing_is_flagged(publisher_client, iom_panama, publisher):
    first = freeze_snapshot(date=dt.date(2025, 1, 31), title=BOTH, by=publisher)
    publish_snapshot(first, by=publisher)
    same = freeze_snapshot(date=DAY, title=BOTH, by=publisher)
    html = publisher_client.get(publish_url(same)).content.decode()
    assert "It changes nothing against the previous published version." in html


def test_an_editor_cannot_open_the_publish_page(editor_client, iom_panama, editor):
    draft = freeze_snapshot(date=DAY, title=BOTH, by=editor)
    assert editor_client.get(publish_url(draft)).status_code == 403
    assert editor_client.post(publish_url(draft), {"checksum": draft.checksum}).status_code == 403
    change = editor_client.get(reverse("admin:profiles_snapshot_change", args=[draft.pk]))
    assert "A publisher must publish this draft." in change.content.decode()


def test_the_preview_has_the_staff_links_and_switches_language(
    publisher_client, iom_panama_versions, publisher
):
    draft = freeze_snapshot(date=DAY, title=BOTH, by=publisher)
    preview = reverse("admin:profiles_snapshot_preview", args=[draft.pk])
    html = publisher_client.get(preview).content.decode()
    assert 'lang="en"' in html and "Back to admin" in html and "Publish…" in html
    assert f'href="{preview}?language=es"' in html
    assert f'href="{publish_url(draft)}"' in html
    spanish = publisher_client.get(preview, {"language": "es"})
    html = spanish.content.decode()
    assert '<html lang="es">' in html
    assert "Volver a la administración" in html and "Marzo de 2025" in html
    assert spanish["Content-Language"] == "es"


def test_a_drafts_compare_links_work(editor_client, iom_panama_versions, editor):
    draft = freeze_snapshot(date=DAY, title=BOTH, by=editor)
    compare = reverse("admin:profiles_snapshot_compare", args=[draft.pk])
    html = editor_client.get(reverse("admin:profiles_snapshot_preview", args=[draft.pk])).content
    assert f"{compare}?with=current&amp;language=en".encode() in html
    assert f"{compare}?with=previous&amp;language=en".encode() in html
    for against in ("current", "previous"):
        response = editor_client.get(compare, {"with": against, "language": "es"})
        assert response.status_code == 200
        assert "Qué cambia la versión" in response.content.decode()
    public = editor_client.get("/en/snapshots/compare/", {"a": DAY.isoformat(), "b": "current"})
    assert public.status_code == 404  # a draft is not public


def test_a_withdrawn_versions_date_takes_its_correction(
    client, publisher_client, iom_panama, publisher
):
    wrong = publish_snapshot(freeze_snapshot(date=DAY, title=BOTH, by=publisher), by=publisher)
    with pytest.raises(ValidationError):
        freeze_snapshot(date=DAY, title=BOTH, by=publisher)  # still live
    withdraw_snapshot(wrong, reason="A figure was wrong", by=publisher)
    change = publisher_client.get(reverse("admin:profiles_snapshot_change", args=[wrong.pk]))
    assert "Freeze a correction for this date" in change.content.decode()

    corrected = {"en": "March 2025, corrected", "es": "Marzo de 2025, corregida"}
    correction = freeze_snapshot(date=DAY, title=corrected, by=publisher)
    before = client.get("/en/snapshots/2025-03-31/").content.decode()  # the draft is hidden
    assert "March 2025, corrected" not in before and "A figure was wrong" in before
    publish_snapshot(correction, by=publisher)

    assert resolve_version("2025-03-31").snapshot == correction
    page = client.get("/en/snapshots/2025-03-31/").content.decode()
    assert "March 2025, corrected" in page and "A figure was wrong" in page
    withdrawn_url = f"/en/snapshots/2025-03-31/withdrawn-{wrong.pk}/"
    assert withdrawn_url in page
    old = client.get(withdrawn_url)
    assert old.status_code == 200 and old.context["snapshot"] == wrong
    assert "See its correction" in old.content.decode()
    archive = client.get("/es/versiones/").content.decode()
    assert (
        "Marzo de 2025, corregida" in archive
        and f"/es/versiones/2025-03-31/retirada-{wrong.pk}/" in archive
    )
    package = client.get("/data/datapackage.json").json()
    dated = [r for r in package["resources"] if r.get("snapshot_date") == "2025-03-31"]
    assert {r["snapshot_checksum"] for r in dated} == {correction.checksum}  # CSV and HXL
    assert client.get(f"/en/snapshots/2025-03-31/withdrawn-{correction.pk}/").status_code == 404
    citation = client.get("/en/snapshots/2025-03-31/cite.bib")
    assert citation.status_code == 200 and "date = {2025-03-31}" in citation.content.decode()
    api = client.get("/api/v1/versions").json()
    assert [v["date"] for v in api["items"]].count("2025-03-31") == 1


def test_the_database_keeps_one_live_snapshot_a_date(iom_panama, publisher):
    draft = freeze_snapshot(date=DAY, title=BOTH, by=publisher)
    twin = Snapshot(date=DAY, title="Twin", document=draft.document, schema_version=1, checksum="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_the_publish_page_and_the_preview_take_a_fixed_number_of_queries(
    publisher_client, iom_panama_versions, publisher, django_assert_max_num_queries
):
    draft = freeze_snapshot(date=DAY, title=BOTH, by=publisher)
    preview = reverse("admin:profiles_snapshot_preview", args=[draft.pk])
    publisher_client.get(publish_url(draft))  # sessions, content types: warmed once
    with django_assert_max_num_queries(PUBLISH_PAGE_QUERIES):
        assert publisher_client.get(publish_url(draft)).status_code == 200
    with django_assert_max_num_queries(PREVIEW_QUERIES):
        assert publisher_client.get(preview, {"language": "es"}).status_code == 200


PUBLISH_PAGE_QUERIES = 9
PREVIEW_QUERIES = 10
