"""Changes inside an item reach the compare page, in both languages, and the compare CSV."""

import csv
import io

import pytest

from profiles.models import CountryOffice, KeyFigure, SocialAccount
from projects.models import Project

pytestmark = pytest.mark.django_db

PAGES = {
    "en": "/en/snapshots/compare/?a=2024-06-30&b=current",
    "es": "/es/versiones/comparar/?a=2024-06-30&b=current",
}


@pytest.fixture
def edited_since_june_2024(iom_panama_versions):
    """The current profile, edited inside items the 2024-06-30 version also has."""
    project = Project.objects.order_by("order").first()
    project.status = Project.Status.COMPLETED
    project.save()
    KeyFigure.objects.filter(slug="dtm-reports-published").update(
        source_en="DTM website", source_es="Sitio web de la DTM"
    )
    office = CountryOffice.objects.get()
    office.phone = "+507 305-3300"
    office.save()
    SocialAccount.objects.filter(network="youtube").update(url="https://youtube.com/@oimpanama")
    return project


def page(client, language):
    response = client.get(PAGES[language])
    assert response.status_code == 200
    return response.content.decode()


def test_a_projects_new_status_is_on_the_compare_page_in_english(client, edited_since_june_2024):
    html = page(client, "en")
    assert "No item was added, removed or changed." not in html
    assert "<dt>Status</dt>" in html
    assert "completed</ins>" in html  # no source gave the project a status before


def test_a_projects_new_status_is_on_the_compare_page_in_spanish(client, edited_since_june_2024):
    html = page(client, "es")
    assert "<dt>Estado</dt>" in html
    assert "finalizado</ins>" in html


def test_a_figures_new_source_is_on_the_compare_page(client, edited_since_june_2024):
    assert "DTM website</ins>" in page(client, "en")
    assert "Sitio web de la DTM</ins>" in page(client, "es")


def test_a_new_phone_and_social_account_are_on_the_compare_page(client, edited_since_june_2024):
    html = page(client, "en")
    assert "+507 305-3300</ins>" in html
    assert "https://youtube.com/@oimpanama</ins>" in html


def test_every_change_inside_an_item_is_a_row_of_the_compare_csv(client, edited_since_june_2024):
    response = client.get("/data/compare.csv?a=2024-06-30&b=current")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    changed = {(r["section"], r["item"], r["field"]): r for r in rows if r["kind"] == "changed"}
    status = changed[("projects", edited_since_june_2024.slug, "status")]
    assert (status["old_value"], status["new_value"]) == ("", "completed")
    assert (status["old_value_es"], status["new_value_es"]) == ("", "finalizado")
    assert (status["label_en"], status["label_es"]) == ("status", "estado")
    source = changed[("key_figures", "dtm-reports-published", "source")]
    assert (source["new_value"], source["new_value_es"]) == ("DTM website", "Sitio web de la DTM")
    assert changed[("contact", "office", "phone")]["new_value"] == "+507 305-3300"
    youtube = changed[("social_accounts", "youtube:IOM Panama", "url")]
    assert youtube["new_value"] == "https://youtube.com/@oimpanama"
