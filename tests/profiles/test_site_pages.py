"""Contact, map, search, sitemap and robots.txt.

Page behaviour, tested on the few rows each test builds (tests/factories.py);
the real profile's contents are checked by the data-fidelity suite
(tests/profiles/test_loader.py, tests/profiles/test_home.py).
"""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.urls import translate_url

from tests.factories import (
    make_country_office,
    make_office,
    make_project,
    make_publication,
    make_region,
    make_story,
)

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_the_contact_page_gives_the_offices_address_email_and_phone(client):
    make_country_office(
        street_address_en="Luis Bonilla Street, Building 110",
        street_address_es="Calle Luis Bonilla, Edificio 110",
        email="iompanama@iom.int",
        phone="+507 305-3350",
    )
    html = client.get("/es/contacto/").content.decode()
    assert "Calle Luis Bonilla, Edificio 110" in html
    assert '<a href="mailto:iompanama@iom.int">iompanama@iom.int</a>' in html
    assert '<a href="tel:+5073053350">+507 305-3350</a>' in html


def test_the_map_lists_every_office_and_region_of_presence_beside_the_map(client):
    darien = make_region(name_en="Darién", kind="province")
    ngabe = make_region(name_en="Ngäbe-Buglé Comarca", kind="comarca")
    make_office(name_en="Darién sub-office", region=darien)
    html = client.get("/en/map/").content.decode()
    assert "<strong>Darién sub-office</strong>" in html
    assert "2 regions of presence" in html
    assert "Darién <span" in html and "Ngäbe-Buglé Comarca <span" in html
    assert "(indigenous comarca)" in html
    assert ngabe.iso_code not in html  # visitors read names, never ISO codes


def test_the_map_does_not_count_a_region_without_presence(client):
    make_region(name_en="Darién")
    make_region(name_en="Los Santos", has_presence=False)
    html = client.get("/en/map/").content.decode()
    assert "1 region of presence" in html
    regions_list = html.split('id="map-regions"')[1].split("</section>")[0]
    assert "Darién" in regions_list
    assert "Los Santos" not in regions_list


def test_the_map_script_gets_every_place_with_its_coordinates(client):
    region = make_region(name_en="Darién", latitude="8.40", longitude="-77.90")
    make_office(name_en="Darién sub-office", region=region)
    make_office(name_en="Head office", latitude="8.98", longitude="-79.52")
    html = client.get("/en/map/").content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in html
    script = html.split('<script id="map-places" type="application/json">')[1]
    places = {place["name"]: place for place in json.loads(script.split("</script>")[0])}
    # An office without coordinates stands at its region's.
    assert (places["Darién sub-office"]["lat"], places["Darién sub-office"]["lng"]) == (8.4, -77.9)
    assert (places["Head office"]["lat"], places["Head office"]["lng"]) == (8.98, -79.52)
    assert places["Darién"]["kind"] == "region"


def without_marks(response):
    """The page's HTML with the <mark>s around matched words taken out."""
    return re.sub(r"</?mark>", "", response.content.decode())


def test_search_ignores_accents(client):
    make_project(title_en="Medical Assistance to Migrants Crossing the Darién")
    make_publication(title_en="Panama (Darién): Population Flow Monitoring")
    make_story(title_en="A day in Darien", body_en="Text")
    make_project(title_en="Migration Management Framework")
    html = without_marks(client.get("/en/search/", {"q": "darien"}))
    assert "3 results for “darien”" in html
    assert "Medical Assistance to Migrants Crossing the Darién" in html
    assert "Panama (Darién): Population Flow Monitoring" in html
    assert "A day in Darien" in html
    assert "Migration Management Framework" not in html


def test_search_needs_every_word_in_any_order(client):
    make_project(title_en="Voluntary Return", summary_en="Assisted return from Panama")
    make_project(title_en="Return to school")
    html = without_marks(client.get("/en/search/", {"q": "panama return"}))
    assert "1 result for “panama return”" in html
    assert "Voluntary Return" in html
    assert "Return to school" not in html


def test_search_reads_the_visitors_language(client):
    make_project(title_en="Assisted Voluntary Return", title_es="Retorno Voluntario Asistido")
    spanish = without_marks(client.get("/es/buscar/", {"q": "retorno voluntario"}))
    english = client.get("/en/search/", {"q": "retorno voluntario"}).content.decode()
    assert "1 resultado para «retorno voluntario»" in spanish
    assert "Retorno Voluntario Asistido" in spanish
    assert "0 results for “retorno voluntario”" in english


def test_search_without_a_match_says_so(client):
    make_project(title_en="Voluntary Return")
    html = client.get("/en/search/", {"q": "zzzz"}).content.decode()
    assert "0 results for “zzzz”" in html
    assert "Voluntary Return" not in html


def sitemap_locations(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")}


def test_the_sitemap_lists_each_project_publication_and_story_in_both_languages(client):
    make_project(slug="avr")
    make_publication(slug="manual")
    make_story(slug="migrants-day")
    assert {
        "http://testserver/en/projects/avr/",
        "http://testserver/es/proyectos/avr/",
        "http://testserver/en/publications/manual/",
        "http://testserver/es/publicaciones/manual/",
        "http://testserver/en/news/migrants-day/",
        "http://testserver/es/noticias/migrants-day/",
    } <= sitemap_locations(client)


def test_the_sitemap_lists_the_site_pages_in_both_languages(client):
    assert {
        "http://testserver/en/",
        "http://testserver/es/",
        "http://testserver/en/map/",
        "http://testserver/es/mapa/",
    } <= sitemap_locations(client)


def test_the_sitemap_gives_each_url_its_language_alternates(client):
    make_project()
    root = ET.fromstring(client.get("/sitemap.xml").content)
    for url in root.iter(f"{SITEMAP}url"):
        alternates = {link.get("hreflang") for link in url.iter(f"{XHTML}link")}
        assert alternates == {"en", "es", "x-default"}, url.find(f"{SITEMAP}loc").text


def test_robots_txt_is_plain_text(client):
    assert client.get("/robots.txt")["Content-Type"] == "text/plain; charset=utf-8"


def test_robots_txt_points_to_the_sitemap(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize(
    "path",
    ["/en/", "/en/projects/", "/en/publications/", "/en/news/", "/en/map/", "/en/contact/"],
)
def test_the_language_switch_leads_to_the_same_page(client, path):
    make_country_office()
    spanish = translate_url(path, "es")
    assert spanish != path
    assert f'href="{spanish}" hreflang="es"' in client.get(path).content.decode()
    assert client.get(spanish).status_code == 200


def test_the_server_error_page_is_bilingual():
    html = render_to_string("500.html")
    assert "Something went wrong" in html and "Algo salió mal" in html
