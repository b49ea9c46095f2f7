"""Contact, map, search, sitemap and robots.txt."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_the_contact_page(client, iom_panama):
    html = client.get("/es/contacto/").content.decode()
    assert "iompanama@iom.int" in html
    assert "+507 305-3350" in html
    assert "Calle Luis Bonilla, Edificios 110, 113 y 115" in html


def test_the_map_lists_every_place_beside_the_map(client, iom_panama):
    html = client.get("/en/map/").content.decode()
    assert "Darién sub-office" in html
    assert "8 regions of presence" in html
    assert "Ngäbe-Buglé Comarca" in html
    assert 'id="map-places"' in html
    assert "/static/vendor/leaflet/leaflet.js" in html


def test_search_finds_items_in_the_current_language_without_accents(client, iom_panama):
    html = client.get("/en/search/", {"q": "darien"}).content.decode()
    assert "Medical Assistance to Migrants Crossing the Darién" in html
    assert "Panama (Darién): Population Flow Monitoring" in html
    html = client.get("/es/buscar/", {"q": "retorno voluntario"}).content.decode()
    assert "Asistencia para el Retorno Voluntario" in html
    assert "1 resultado" not in html or "resultados" in html


def test_search_without_a_match_says_so(client, iom_panama):
    html = client.get("/en/search/", {"q": "zzzz"}).content.decode()
    assert "0 results for “zzzz”" in html


def test_the_sitemap_lists_both_languages_with_alternates(client, iom_panama):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")]
    assert "http://testserver/en/projects/wha-regional-avr/" in locations
    assert "http://testserver/es/proyectos/wha-regional-avr/" in locations
    assert "http://testserver/es/noticias/act-today-international-migrants-day-2023/" in locations
    alternates = {link.get("hreflang") for link in root.iter(f"{XHTML}link")}
    assert alternates == {"en", "es", "x-default"}


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/en/", "/en/projects/", "/en/publications/", "/en/news/", "/en/map/", "/en/contact/"],
)
def test_the_language_switch_leads_to_the_same_page(client, iom_panama, path):
    from django.urls import translate_url

    html = client.get(path).content.decode()
    spanish = translate_url(path, "es")
    assert f'href="{spanish}" hreflang="es"' in html
    assert client.get(spanish).status_code == 200


def test_the_server_error_page_is_bilingual(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and "Algo salió mal" in html
