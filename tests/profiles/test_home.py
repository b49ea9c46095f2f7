"""The profile page in English and Spanish, from the database.

Two kinds of test. Page behaviour (language switch, fallback texts, the cached
document rebuilt on a change) is tested on the few rows each test builds
(tests/factories.py). The tests under "Real data" load the real IOM Panama
profile and belong to the data-fidelity suite: they check the figures the
factsheets state, and the number of queries the real profile's page takes.
"""

import pytest

from tests.factories import (
    make_area_of_work,
    make_country_office,
    make_project,
    make_region,
    make_staff_count,
)

pytestmark = pytest.mark.django_db


def test_root_redirects_by_the_browsers_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-PA,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


# Real data: the figures of the real profile, as the factsheets state them.


def test_the_english_page_shows_the_current_figures(client, iom_panama):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "<h1>IOM Panama</h1>" in html
    assert "Humane and orderly migration for the benefit of all" in html
    assert "<strong>200</strong> staff" in html
    assert "<strong>8</strong> regions" in html
    assert "more than 10" in html
    assert "Darién sub-office" in html
    assert "Calle Luis Bonilla, Buildings 110, 113 and 115" in html
    assert "157,214" in html


def test_the_spanish_page_shows_the_same_figures_in_spanish(client, iom_panama):
    response = client.get("/es/")
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "<h1>OIM Panamá</h1>" in html
    assert "Migración humana y ordenada en beneficio de todos" in html
    assert "<strong>200</strong> funcionarios" in html
    assert "<strong>8</strong> regiones" in html
    assert "más de 10" in html
    assert "Suboficina de Darién" in html
    assert "Calle Luis Bonilla, Edificios 110, 113 y 115" in html
    assert "157,214" in html


def test_the_real_page_uses_a_fixed_number_of_queries(
    client, iom_panama, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        client.get("/en/")
    with django_assert_max_num_queries(0):
        client.get("/es/")


# Page behaviour, on a few rows.


def test_the_language_switch_links_to_the_spanish_page(client):
    make_country_office()
    html = client.get("/en/").content.decode()
    assert 'href="/es/" hreflang="es"' in html


def test_the_page_declares_its_spanish_alternate(client):
    make_country_office()
    html = client.get("/en/").content.decode()
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/">' in html


def test_a_missing_spanish_text_falls_back_to_english_visibly(client):
    make_country_office()
    make_area_of_work(name_en="Labour migration", name_es="")
    html = client.get("/es/").content.decode()
    assert '<span lang="en">Labour migration</span>' in html


def test_a_text_in_the_visitors_language_is_not_marked(client):
    make_country_office()
    make_area_of_work(name_en="Labour migration", name_es="Migración laboral")
    html = client.get("/es/").content.decode()
    assert "<li>Migración laboral</li>" in html
    assert "Labour migration" not in html


def test_the_cached_document_is_rebuilt_when_content_changes(client):
    make_country_office()
    staff = make_staff_count(national=150, international=50)
    assert "<strong>200</strong> staff" in client.get("/en/").content.decode()
    staff.national = 160
    staff.save()
    assert "<strong>210</strong> staff" in client.get("/en/").content.decode()


def test_a_many_to_many_change_rebuilds_the_document(client):
    region = make_region(iso_code="PA-4")
    project = make_project(title_en="Migration Management Framework")
    before = client.get("/en/projects/", {"region": "PA-4"}).content.decode()
    assert "Migration Management Framework" not in before
    project.regions.add(region)
    after = client.get("/en/projects/", {"region": "PA-4"}).content.decode()
    assert "Migration Management Framework" in after
