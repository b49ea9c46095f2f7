"""Site-wide details: the favicon, the touch icon, the versions in the sitemap."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_favicon_ico_answers_with_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/icons/favicon.ico"
    assert "max-age" in response["Cache-Control"]


def test_every_page_names_its_icons(client):
    html = client.get("/en/contact/").content.decode()
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon.png">' in html


def test_the_icons_are_real_images():
    from django.conf import settings
    from PIL import Image

    icons = settings.BASE_DIR / "static" / "icons"
    with Image.open(icons / "apple-touch-icon.png") as touch:
        assert touch.size == (180, 180)
    with Image.open(icons / "favicon.ico") as ico:
        assert ico.format == "ICO"
    assert (icons / "favicon.svg").read_text().startswith("<svg")


def test_the_sitemap_lists_each_public_version_with_its_alternates(client, iom_panama_versions):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {url.find(f"{SITEMAP}loc").text: url for url in root.iter(f"{SITEMAP}url")}
    english = urls["http://testserver/en/snapshots/2023-10-31/"]
    assert "http://testserver/es/versiones/2023-10-31/" in urls
    alternates = {link.get("hreflang"): link.get("href") for link in english.iter(f"{XHTML}link")}
    assert alternates["es"] == "http://testserver/es/versiones/2023-10-31/"
    assert alternates["en"] == "http://testserver/en/snapshots/2023-10-31/"
    assert english.find(f"{SITEMAP}changefreq").text == "never"
    assert "http://testserver/en/snapshots/" in urls
