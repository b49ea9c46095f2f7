"""Absolute links name the site's public origin (SITE_URL), whatever host a request
named, so a page rendered ahead of any request is the page a visitor gets."""

import pytest

from tests.factories import make_country_office
from tests.test_security import manage, production_env

pytestmark = pytest.mark.django_db

ORIGIN = "https://profile.example.org"


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = ORIGIN
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example.net"]


def test_pages_link_their_language_alternates_on_site_url(client, site_url):
    make_country_office()
    html = client.get("/en/", HTTP_HOST="other.example.net").content.decode()
    assert f'<link rel="alternate" hreflang="es" href="{ORIGIN}/es/">' in html
    assert f'<link rel="alternate" hreflang="en" href="{ORIGIN}/en/">' in html
    assert "other.example.net" not in html


def test_the_sitemap_robots_and_data_package_use_site_url(client, site_url):
    make_country_office()
    sitemap = client.get("/sitemap.xml", HTTP_HOST="other.example.net").content.decode()
    assert f"<loc>{ORIGIN}/en/</loc>" in sitemap
    assert f'hreflang="es" href="{ORIGIN}/es/"' in sitemap
    assert "other.example.net" not in sitemap
    robots = client.get("/robots.txt", HTTP_HOST="other.example.net").content.decode()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in robots
    package = client.get("/data/datapackage.json", HTTP_HOST="other.example.net").json()
    assert package["homepage"] == f"{ORIGIN}/en/"
    assert package["resources"][0]["path"] == f"{ORIGIN}/data/current.csv"


def test_production_defaults_to_https_on_the_first_allowed_host():
    env = production_env(ALLOWED_HOSTS="profile.example.org,www.profile.example.org")
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SITE_URL)",
        env=env,
    )
    assert result.stdout.strip() == "https://profile.example.org", result.stderr


@pytest.mark.parametrize(
    "value",
    ["profile.example.org", "https://profile.example.org/", "https://x.org/path", "ftp://x"],
)
def test_a_site_url_that_is_not_an_origin_is_refused(value):
    result = manage("check", env=production_env(SITE_URL=value))
    assert result.returncode != 0
    assert "SITE_URL must be a scheme and a host without a path" in result.stderr
