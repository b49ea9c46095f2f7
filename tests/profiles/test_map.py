"""The inline SVG map of Panama (profiles/panama_map.py, templates/profiles/_map.html)."""

import re

import pytest

from tests.factories import make_office, make_region

pytestmark = pytest.mark.django_db


def svg_of(html):
    return html.split('<svg class="panama-map__svg"')[1].split("</figure>")[0]


def test_the_map_draws_every_province_and_comarca_with_its_name(client):
    svg = svg_of(client.get("/es/mapa/").content.decode())
    regions = re.findall(r'data-region="(PA-[0-9A-Z]+)"', svg)
    assert sorted(regions) == sorted(
        ["PA-1", "PA-2", "PA-3", "PA-4", "PA-5", "PA-6", "PA-7", "PA-8", "PA-9", "PA-10"]
        + ["PA-EM", "PA-KY", "PA-NB"]
    )
    assert "<title>Comarca Guna Yala</title>" in svg
    assert "<title>Bocas del Toro</title>" in svg


def test_it_shades_the_regions_of_presence_by_their_iso_code(client):
    make_region(iso_code="PA-5", name_en="Darién")
    make_region(iso_code="PA-NB", name_en="Ngäbe-Buglé Comarca")
    svg = svg_of(client.get("/en/map/").content.decode())
    shaded = re.findall(r'panama-map__region--present" d="[^"]+" data-region="([^"]+)"', svg)
    assert sorted(shaded) == ["PA-5", "PA-NB"]
    assert "<title>Darién · region of presence</title>" in svg


def test_offices_are_numbered_pins_named_in_the_legend(client):
    darien = make_region(iso_code="PA-5", name_en="Darién", latitude="8.40", longitude="-77.90")
    make_office(name_en="Head office", latitude="8.98", longitude="-79.52")
    make_office(name_en="Darién sub-office", region=darien)
    make_office(name_en="Nowhere office")  # no coordinates, no region: listed, not pinned
    html = client.get("/en/contact/").content.decode()
    svg = svg_of(html)
    assert re.findall(r"<title>(\d\. [^<]+)</title>", svg) == [
        "1. Head office",
        "2. Darién sub-office",
    ]
    legend = html.split('class="panama-map__offices"')[1].split("</ul>")[0]
    assert "Head office" in legend and "Darién sub-office" in legend


def test_pins_on_one_spot_are_moved_apart(client):
    for name in ("First", "Second", "Third"):
        make_office(name_en=name, latitude="8.98", longitude="-79.52")
    svg = svg_of(client.get("/en/map/").content.decode())
    xs = [float(x) for x in re.findall(r'panama-map__pin" transform="translate\(([\d.]+) ', svg)]
    assert len(xs) == 3
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 40


def test_the_map_has_a_text_alternative_and_a_legend(client):
    make_region(iso_code="PA-5", name_en="Darién")
    html = client.get("/en/map/").content.decode()
    assert 'role="img" aria-labelledby="map-heading-title map-heading-desc"' in html
    assert "Map of Panama: regions of presence and offices" in html
    assert "Other provinces and comarcas" in html


def test_the_same_map_is_on_the_home_and_contact_pages(client, iom_panama):
    for path in ("/en/", "/es/contacto/"):
        svg = svg_of(client.get(path).content.decode())
        assert svg.count('<path class="panama-map__region panama-map__region--present') == 8, path
        assert svg.count('class="panama-map__pin"') == 4, path


def test_the_map_file_is_vendored_and_small():
    from django.conf import settings

    from profiles.panama_map import MAP_FILE

    assert (settings.BASE_DIR / MAP_FILE).stat().st_size < 30_000
