"""Project list, filters and pages, in both languages.

Page behaviour, tested on the few rows each test builds (tests/factories.py);
the real projects are checked by the data-fidelity suite (tests/profiles/test_loader.py).
"""

import pytest

from projects.models import Project
from tests.factories import make_donor, make_project, make_region, make_thematic_area

pytestmark = pytest.mark.django_db


def test_the_list_shows_every_project_and_counts_them(client):
    for title in ("Water for Darién", "Safe Return", "Border Health"):
        make_project(title_en=title)
    html = client.get("/en/projects/").content.decode()
    assert "3 projects" in html
    assert "Water for Darién" in html and "Safe Return" in html and "Border Health" in html


def test_the_spanish_list_lives_at_a_spanish_address_in_spanish(client):
    make_project(title_en="Safe Return", title_es="Retorno Seguro")
    make_project()
    response = client.get("/es/proyectos/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 proyectos" in html
    assert "Retorno Seguro" in html
    assert "Safe Return" not in html


def test_the_region_filter_shows_only_the_projects_in_that_region(client):
    darien, colon = make_region(iso_code="PA-5"), make_region(iso_code="PA-3")
    make_project(title_en="Medical Assistance in Darién", regions=[darien])
    make_project(title_en="Shelters in Darién and Colón", regions=[darien, colon])
    make_project(title_en="Ports of Colón", regions=[colon])
    html = client.get("/en/projects/", {"region": "PA-5"}).content.decode()
    assert "2 projects" in html
    assert "Medical Assistance in Darién" in html
    assert "Shelters in Darién and Colón" in html
    assert "Ports of Colón" not in html


def test_the_chosen_region_stays_selected_in_the_filter_form(client):
    make_region(iso_code="PA-5")
    make_region(iso_code="PA-3")
    html = client.get("/en/projects/", {"region": "PA-5"}).content.decode()
    assert '<option value="PA-5" selected>' in html
    assert '<option value="PA-3">' in html


def test_the_area_and_status_filters_combine(client):
    health, shelter = make_thematic_area(slug="health"), make_thematic_area(slug="shelter")
    make_project(title_en="Active health", thematic_areas=[health])
    make_project(title_en="Completed health", thematic_areas=[health], status="completed")
    make_project(title_en="Active shelter", thematic_areas=[shelter])
    html = client.get("/en/projects/", {"area": "health", "status": "active"}).content.decode()
    assert "1 project<" in html
    assert "Active health" in html
    assert "Completed health" not in html and "Active shelter" not in html


def test_a_filter_that_matches_nothing_says_so(client):
    make_project(status=Project.Status.ACTIVE)
    response = client.get("/en/projects/", {"status": "completed"})
    assert response.status_code == 200
    assert "0 projects" in response.content.decode()
    assert "No project matches these filters." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [{"region": "PA-99"}, {"area": "nope"}, {"status": "ACTIVE"}],
    ids=["region", "area", "status"],
)
def test_an_unknown_filter_value_answers_400_with_the_filter_form(client, query):
    make_project(regions=[make_region(iso_code="PA-5")], thematic_areas=[make_thematic_area()])
    response = client.get("/en/projects/", query)
    assert response.status_code == 400
    assert '<form class="filters"' in response.content.decode()
    assert "No project matches these filters." in response.content.decode()


def test_a_project_page_lists_its_regions_thematic_areas_and_donors(client):
    make_project(
        slug="rmrp",
        regions=[make_region(name_en="Darién")],
        thematic_areas=[make_thematic_area(name_en="Migration health")],
        donors=[make_donor(name_en="Government of Norway")],
    )
    response = client.get("/en/projects/rmrp/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<dt>Regions</dt><dd>Darién</dd>" in html
    assert "<dt>Thematic areas</dt><dd>Migration health</dd>" in html
    assert "<dt>Donors</dt><dd>Government of Norway</dd>" in html


def test_the_spanish_project_page_shows_the_spanish_texts(client):
    make_project(
        slug="rmrp",
        title_en="Norway's contribution",
        title_es="Contribución del Gobierno Noruego",
        donors=[make_donor(name_en="Government of Norway", name_es="Gobierno de Noruega")],
    )
    html = client.get("/es/proyectos/rmrp/").content.decode()
    assert "<h1>Contribución del Gobierno Noruego</h1>" in html
    assert "Gobierno de Noruega" in html
    assert "Government of Norway" not in html


def test_an_unknown_project_answers_404_in_english(client):
    make_project(slug="known")
    response = client.get("/en/projects/nope/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_an_unknown_project_answers_404_in_spanish(client):
    make_project(slug="known")
    response = client.get("/es/proyectos/nope/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()
