"""Rendered fragments of pages kept in each process (`{% cache … using="fragments" %}`):
a page made from kept fragments is byte for byte the page rendered without them, and
an edit of what a fragment shows reaches the next page."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from profiles.models import KeyFigure, Office, Region, StaffCount

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/es/", "/en/snapshots/2023-10-31/", "/es/versiones/2022-12-31/"]
NO_FRAGMENTS = {
    **settings.CACHES,
    "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}


@pytest.fixture(autouse=True)
def no_fragment_from_another_test():
    caches["fragments"].clear()


def live(editor_client, url):
    """The page rendered now (an editor's request: no page cache, no stored page)."""
    response = editor_client.get(url)
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("url", PAGES)
def test_a_page_from_kept_fragments_is_the_page_rendered_without_them(
    editor_client, iom_panama_versions, url
):
    first = live(editor_client, url)
    assert caches["fragments"]._cache, "the page keeps no fragment"
    from_fragments = live(editor_client, url)
    with override_settings(CACHES=NO_FRAGMENTS):
        without = live(editor_client, url)
    assert from_fragments == first == without


def test_fragments_differ_by_language(editor_client, iom_panama_versions):
    english = live(editor_client, "/en/").decode()
    spanish = live(editor_client, "/es/").decode()
    assert "All key figures" in english and "All key figures" not in spanish
    assert "Figures over time" in english and "Figures over time" not in spanish


def test_an_edited_key_figure_reaches_the_headline_and_the_list_of_figures(
    client, iom_panama_versions
):
    assert client.get("/en/").status_code == 200  # fragments kept
    headline = KeyFigure.objects.filter(headline__isnull=False).order_by("pk").first()
    listed = KeyFigure.objects.filter(headline__isnull=True).order_by("pk").first()
    headline.value = 987654
    headline.save()
    listed.value = 876543
    listed.save()
    page = client.get("/en/").content.decode()
    assert "987,654" in page
    assert "876,543" in page


def test_an_edited_region_and_office_reach_the_map(client, iom_panama_versions):
    assert client.get("/en/").status_code == 200
    region = Region.objects.order_by("pk").first()
    region.name_en = "Renamed Region"
    region.save()
    office = Office.objects.order_by("pk").first()
    office.name = "Renamed Office"
    office.save()
    page = client.get("/en/").content.decode()
    map_svg = page[page.index('<figure class="panama-map">') :]
    assert "Renamed Region" in map_svg
    assert "Renamed Office" in map_svg


def test_an_edited_staff_count_reaches_the_charts(client, iom_panama_versions):
    assert client.get("/en/").status_code == 200
    staff = StaffCount.objects.order_by("-as_of").first()
    staff.national = 4321
    staff.save()
    page = client.get("/en/").content.decode()
    assert "4,321" in page[page.index('<ul class="charts">') :]
