"""Project list, filters and pages, in both languages."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_list_shows_every_current_project(client, iom_panama):
    html = client.get("/en/projects/").content.decode()
    assert "8 projects" in html
    assert "Western Hemisphere Program: Mesoamerica and the Caribbean (WHP)" in html


def test_the_spanish_list_lives_at_a_spanish_address(client, iom_panama):
    response = client.get("/es/proyectos/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "8 proyectos" in html
    assert "Programa Regional sobre Migración: Mesoamérica y el Caribe" in html


def test_it_filters_by_region(client, iom_panama):
    html = client.get("/en/projects/", {"region": "PA-5"}).content.decode()
    assert "2 projects" in html
    assert "Medical Assistance to Migrants Crossing the Darién" in html
    assert "Migration Management Framework" not in html
    assert '<option value="PA-5" selected>' in html


def test_it_filters_by_thematic_area_and_status(client, iom_panama):
    html = client.get("/en/projects/", {"area": "health", "status": "active"}).content.decode()
    assert "1 project<" in html
    html = client.get("/en/projects/", {"status": "completed"}).content.decode()
    assert "No project matches these filters." in html


def test_a_project_page_shows_its_relations(client, iom_panama):
    response = client.get("/en/projects/norway-rmrp-contribution/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Government of Norway" in html
    es = client.get("/es/proyectos/norway-rmrp-contribution/").content.decode()
    assert "Contribución del Gobierno Noruego" in es and "Gobierno de Noruega" in es


def test_an_unknown_project_is_a_bilingual_404(client, iom_panama):
    assert "Page not found" in client.get("/en/projects/nope/").content.decode()
    response = client.get("/es/proyectos/nope/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()
