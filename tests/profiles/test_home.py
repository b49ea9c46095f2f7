"""The profile page in English and Spanish, from the database."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_by_the_browsers_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-PA,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


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


def test_the_language_switch_keeps_the_page(client, iom_panama):
    html = client.get("/en/").content.decode()
    assert 'href="/es/" hreflang="es"' in html
    assert 'hreflang="es" href="http://testserver/es/"' in html


def test_a_missing_spanish_text_falls_back_to_english_visibly(client, iom_panama):
    from profiles.models import AreaOfWork

    AreaOfWork.objects.filter(slug="labour-migration").update(name_es="")
    html = client.get("/es/").content.decode()
    assert '<span lang="en">Labour migration</span>' in html


def test_the_page_uses_a_fixed_number_of_queries(client, iom_panama, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        client.get("/en/")
    with django_assert_max_num_queries(0):
        client.get("/es/")


def test_the_cached_document_is_rebuilt_when_content_changes(client, iom_panama):
    from profiles.models import StaffCount

    assert "<strong>200</strong> staff" in client.get("/en/").content.decode()
    latest = StaffCount.objects.latest()
    latest.national = 160
    latest.save()
    assert "<strong>208</strong> staff" in client.get("/en/").content.decode()


def test_a_many_to_many_change_rebuilds_the_document(client, iom_panama):
    from profiles.models import Region
    from projects.models import Project

    before = client.get("/en/projects/", {"region": "PA-4"}).content.decode()
    assert "Migration Management Framework (MMF)" not in before
    project = Project.objects.get(slug="migration-management-framework")
    project.regions.add(Region.objects.get(iso_code="PA-4"))
    after = client.get("/en/projects/", {"region": "PA-4"}).content.decode()
    assert "Migration Management Framework (MMF)" in after
