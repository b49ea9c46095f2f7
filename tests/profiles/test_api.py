"""The read-only API under /api/v1/: every endpoint in both languages on the real
data, pagination, caching, errors and query counts."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from profiles.api import MAX_PAGE_SIZE, PAGE_SIZE
from profiles.models import Snapshot
from tests.factories import grow_profile

pytestmark = pytest.mark.django_db

PUBLISHED = ["2022-10-31", "2022-12-31", "2023-10-31", "2024-06-30"]


def get(client, url, language=None, **headers):
    if language:
        headers["HTTP_ACCEPT_LANGUAGE"] = language
    return client.get(url, **headers)


def test_the_versions_are_listed_newest_first_with_their_checksums(client, iom_panama_versions):
    response = client.get("/api/v1/versions")
    assert response.status_code == 200
    body = response.json()
    assert [item["version"] for item in body["items"]] == PUBLISHED[::-1]
    latest = body["items"][0]
    snapshot = Snapshot.objects.get(date="2024-06-30")
    assert latest["checksum"] == snapshot.checksum
    assert latest["status"] == "published"
    assert latest["licence"] == "CC BY 4.0"
    assert latest["change_summary"].startswith("staff 196 → 200")
    assert latest["links"] | {} == {
        "page": "/en/snapshots/2024-06-30/",
        "api": "/api/v1/versions/2024-06-30",
        "csv": "/snapshots/2024-06-30.csv",
        "json": "/snapshots/2024-06-30.json",
        "xlsx": "/snapshots/2024-06-30.xlsx",
        "hxl": "/snapshots/2024-06-30.hxl.csv",
        "citation_bibtex": "/en/snapshots/2024-06-30/cite.bib",
        "citation_ris": "/en/snapshots/2024-06-30/cite.ris",
        "citation_csl_json": "/en/snapshots/2024-06-30/cite.json",
    }
    for link in latest["links"].values():
        assert client.get(link).status_code == 200, link


def test_the_versions_speak_spanish_when_asked(client, iom_panama_versions):
    for response in (
        client.get("/api/v1/versions?lang=es"),
        get(client, "/api/v1/versions", "es-PA,es;q=0.9"),
    ):
        assert response["Content-Language"] == "es"
        latest = response.json()["items"][0]
        assert latest["status_label"] == "publicada"
        assert latest["change_summary"].startswith("personal 196 → 200")
        assert latest["links"]["page"] == "/es/versiones/2024-06-30/"
    english = get(client, "/api/v1/versions", "es")
    assert "Accept-Language" in english["Vary"]
    assert (
        client.get("/api/v1/versions?lang=en", HTTP_ACCEPT_LANGUAGE="es")["Content-Language"]
        == "en"
    )


def test_one_version_says_how_to_cite_it(client, iom_panama_versions):
    body = client.get("/api/v1/versions/2024-06-30").json()
    assert body["version"] == "2024-06-30"
    assert body["citation"]["text"].startswith(
        "IOM Panama (2024). Country office profile, version of 30 June 2024. "
        "International Organization for Migration. http://testserver/en/snapshots/2024-06-30/. "
        "Accessed "
    )
    spanish = client.get("/api/v1/versions/2024-06-30?lang=es").json()
    assert spanish["citation"]["text"].startswith(
        "OIM Panamá (2024). Perfil de la oficina de país, versión del 30 de junio de 2024. "
        "Organización Internacional para las Migraciones. "
        "http://testserver/es/versiones/2024-06-30/. Consultado el "
    )
    current = client.get("/api/v1/versions/current").json()
    assert current["status"] == "current" and current["checksum"] is None
    assert current["links"]["csv"] == "/data/current.csv"


def test_a_versions_sections_and_one_section(client, iom_panama_versions):
    sections = client.get("/api/v1/versions/2023-10-31/sections").json()
    keys = [section["key"] for section in sections]
    assert keys[:4] == ["office", "contact", "social_accounts", "staff"]
    staff = client.get("/api/v1/versions/2023-10-31/sections/staff").json()
    assert staff["section"] == "staff" and staff["label"] == "Staff"
    assert [row["total"] for row in staff["items"]] == [196, 131]
    office = client.get("/api/v1/versions/current/sections/office?lang=es").json()
    assert office["label"] == "La oficina"
    assert office["items"][0]["name"] == "OIM Panamá"
    assert office["items"][0]["sites_qualifier"]["code"] in {"", "exact", "more_than", "about"}


def test_the_key_figures_of_a_date_by_category(client, iom_panama_versions):
    body = client.get("/api/v1/versions/2023-10-31/key-figures?category=assistance").json()
    assert body["count"] == 4
    assert {figure["category"]["code"] for figure in body["items"]} == {"assistance"}
    first = body["items"][0]
    assert first == {
        "slug": "legal-orientation",
        "category": {"code": "assistance", "label": "assistance"},
        "label": "Migrants residing in the country who received legal orientation and advice "
        "(migration, work and family)",
        "value": 112,
        "qualifier": {"code": "exact", "label": "exactly"},
        "unit": "people",
        "period_start": None,
        "period_end": "2023-09-30",
        "source": "IOM Panama",
    }
    spanish = client.get("/api/v1/versions/2023-10-31/key-figures?category=assistance&lang=es")
    assert spanish.json()["items"][0]["category"]["label"] == "asistencia"
    # That factsheet was written in English only; today's profile has both languages.
    assert spanish.json()["items"][0]["unit"] == "people"
    today = client.get("/api/v1/versions/current/key-figures?category=assistance&lang=es")
    assert today.json()["items"][0]["unit"] == "personas"


def test_key_figures_by_period(client, iom_panama_versions):
    every = client.get("/api/v1/versions/2024-06-30/key-figures").json()["items"]
    since = client.get("/api/v1/versions/2024-06-30/key-figures?since=2024-01-01").json()["items"]
    until = client.get("/api/v1/versions/2024-06-30/key-figures?until=2023-12-31").json()["items"]
    assert since and until and len(since) < len(every)
    assert all(figure["period_end"] >= "2024-01-01" for figure in since)
    assert all((figure["period_start"] or figure["period_end"]) <= "2023-12-31" for figure in until)
    response = client.get(
        "/api/v1/versions/2024-06-30/key-figures?since=2024-02-01&until=2024-01-01"
    )
    assert response.status_code == 400


def test_the_staff_series_over_the_published_versions(client, iom_panama_versions):
    body = client.get("/api/v1/series/staff.total").json()
    assert [point["value"] for point in body["points"]] == [131, 196, 200]
    assert [point["date"] for point in body["points"]] == ["2022-12-31", "2023-10-31", "2024-06-30"]
    assert body["label"] == "Staff, total"
    assert client.get("/api/v1/series/staff.total?lang=es").json()["label"] == "Personal, total"
    listed = client.get("/api/v1/series").json()["items"]
    assert {"staff.total", "figure.dtm-reports-published"} <= {s["key"] for s in listed}
    assert client.get(listed[0]["url"]).status_code == 200


def test_projects_by_region_area_status_and_donor(client, iom_panama_versions):
    # No source gives a project's regions, themes or status (issue 17): an editor's.
    from profiles.models import Region, ThematicArea
    from projects.models import Project

    darien_project = Project.objects.get(slug="medical-assistance-darien")
    darien_project.regions.set([Region.objects.get(iso_code="PA-5")])
    darien_project.thematic_areas.set([ThematicArea.objects.get(slug="health")])
    Project.objects.filter(pk=darien_project.pk).update(status="active")
    from profiles.content_cache import content_changed

    content_changed()
    darien = client.get("/api/v1/versions/current/projects?region=PA-5").json()["items"]
    assert [project["slug"] for project in darien] == ["medical-assistance-darien"]
    assert client.get("/api/v1/versions/2024-06-30/projects?region=PA-5").json()["items"] == []
    health = client.get("/api/v1/versions/current/projects?thematic_area=health").json()["items"]
    assert health and all("health" in project["thematic_areas"] for project in health)
    active = client.get("/api/v1/versions/current/projects?status=active").json()["items"]
    assert active and {project["status"]["code"] for project in active} == {"active"}
    every = client.get("/api/v1/versions/current/projects?page_size=100").json()["items"]
    donor = next(d for project in every for d in project["donors"])
    funded = client.get(f"/api/v1/versions/current/projects?donor={donor}").json()["items"]
    assert funded and all(donor in project["donors"] for project in funded)
    spanish = client.get("/api/v1/versions/current/projects?region=PA-5&lang=es").json()
    assert spanish["items"][0]["title"] == "Asistencia Médica a los Migrantes que cruzan el Darién"
    assert spanish["items"][0]["url"] == "/es/proyectos/medical-assistance-darien/"


def test_publications_offices_and_regions(client, iom_panama_versions):
    reports = client.get("/api/v1/versions/current/publications?kind=dtm_report").json()
    assert reports["count"] > 0
    assert {p["kind"]["code"] for p in reports["items"]} == {"dtm_report"}
    year = reports["items"][0]["period_end"][:4]
    in_year = client.get(f"/api/v1/versions/current/publications?year={year}").json()
    assert in_year["count"] > 0
    offices = client.get("/api/v1/versions/current/offices?region=PA-8&lang=es").json()["items"]
    assert offices[0]["name"] == "Oficina País (Misión)"
    assert offices[0]["kind"]["code"] == "country_office"
    regions = client.get("/api/v1/versions/2024-06-30/regions").json()
    assert regions["count"] == 8
    assert {"iso_code", "name", "kind", "latitude", "longitude"} == set(regions["items"][0])


def test_pages_have_a_fixed_size_cap(client, iom_panama_versions):
    body = client.get("/api/v1/versions/current/publications").json()
    assert body["page_size"] == PAGE_SIZE
    assert len(body["items"]) == min(PAGE_SIZE, body["count"])
    two = client.get("/api/v1/versions/current/publications?page_size=2&page=2&lang=es").json()
    assert len(two["items"]) == 2 and two["page"] == 2
    assert two["previous"] == "/api/v1/versions/current/publications?page_size=2&page=1&lang=es"
    assert two["next"] == "/api/v1/versions/current/publications?page_size=2&page=3&lang=es"
    too_many = client.get(f"/api/v1/versions/current/publications?page_size={MAX_PAGE_SIZE + 1}")
    assert too_many.status_code == 400
    assert too_many.json()["errors"][0]["parameter"] == "page_size"
    beyond = client.get(f"/api/v1/versions/current/publications?page={two['pages'] * 2 + 1}")
    assert beyond.status_code == 404


def test_an_unchanged_answer_is_a_304(client, iom_panama_versions):
    for url in ("/api/v1/versions", "/api/v1/versions/2023-10-31/projects?status=active"):
        first = client.get(url)
        assert first["ETag"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url


def test_a_published_versions_answers_are_cached_a_day_and_the_current_ones_revalidate(
    client, iom_panama_versions
):
    dated = client.get("/api/v1/versions/2023-10-31/key-figures")
    # A day, not a year: a withdrawn version's date can be given to its correction.
    assert dated["Cache-Control"] == "public, max-age=86400"
    current = client.get("/api/v1/versions/current/key-figures")
    assert current["Cache-Control"].startswith("public, max-age=0")
    listing = client.get("/api/v1/versions")  # a withdrawal changes it
    assert "immutable" not in listing["Cache-Control"]


def test_the_page_cache_keeps_each_language_apart(client, iom_panama_versions):
    english = client.get("/api/v1/versions/2024-06-30/regions", HTTP_ACCEPT_LANGUAGE="en")
    spanish = client.get("/api/v1/versions/2024-06-30/regions", HTTP_ACCEPT_LANGUAGE="es")
    assert english["Content-Language"] == "en" and spanish["Content-Language"] == "es"
    assert english["ETag"] != spanish["ETag"]
    assert spanish.json()["items"][0]["kind"]["label"] == "provincia"


def test_bad_input_is_a_problem_in_the_visitors_language(client, iom_panama_versions):
    cases = [
        ("/api/v1/versions/2024-02-30/regions", 400, "is not a date"),
        ("/api/v1/versions/2023-01-01/regions", 404, "There is no published snapshot"),
        ("/api/v1/versions/current/sections/nope", 404, "There is no section"),
        ("/api/v1/versions/current/projects?region=PA-99", 400, "is not a known region"),
        ("/api/v1/versions/current/key-figures?since=yesterday", 400, "since"),
        ("/api/v1/versions/current/regions?lang=fr", 400, "lang"),
        ("/api/v1/series/staff.nothing", 404, "There is no series"),
        ("/api/v1/nothing/here", 404, "nothing at this address"),
    ]
    for url, status, text in cases:
        response = client.get(url)
        assert response.status_code == status, url
        assert response["Content-Type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == status and body["type"] == "about:blank"
        assert body["instance"] == url
        assert text in body["detail"], (url, body)
    spanish = client.get("/api/v1/versions/2023-01-01/regions?lang=es").json()
    assert spanish["detail"] == "No hay ninguna versión publicada del 2023-01-01."
    assert spanish["title"] == "No encontrado"
    bad_page = client.get("/api/v1/versions/current/regions?page=0", HTTP_ACCEPT_LANGUAGE="es")
    assert bad_page.json()["detail"] == "Estos parámetros no son válidos: page."


def test_there_is_no_way_to_write(client, iom_panama_versions):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/versions")
        assert response.status_code == 405, method
        assert response["Content-Type"] == "application/problem+json"
    assert Snapshot.objects.count() == 4


ENDPOINTS = [
    "/api/v1/versions",
    "/api/v1/versions/2023-10-31",
    "/api/v1/versions/current",
    "/api/v1/versions/2023-10-31/sections",
    "/api/v1/versions/2023-10-31/sections/projects",
    "/api/v1/versions/2023-10-31/key-figures?category=assistance",
    "/api/v1/versions/current/key-figures",
    "/api/v1/versions/2024-06-30/projects?region=PA-5",
    "/api/v1/versions/current/projects",
    "/api/v1/versions/current/publications",
    "/api/v1/versions/2023-10-31/offices",
    "/api/v1/versions/current/regions",
    "/api/v1/series",
    "/api/v1/series/staff.total",
]


def api_queries(client):
    counts = {}
    for url in ENDPOINTS:
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200, url
        counts[url] = len(context.captured_queries)
    return counts


def test_every_endpoint_takes_as_many_queries_with_ten_times_the_data(client, iom_panama_versions):
    real = api_queries(client)
    grow_profile(10)
    assert Snapshot.objects.count() == 40
    assert api_queries(client) == real
    assert max(real.values()) <= 17


def test_head_options_and_other_sites(client, iom_panama_versions):
    get = client.get("/api/v1/series/staff.total")
    head = client.head("/api/v1/series/staff.total")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))
    assert get["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in get["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/series",
        HTTP_ORIGIN="https://observablehq.com",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    refused = client.post("/api/v1/series", HTTP_ACCEPT_LANGUAGE="es")
    assert refused.status_code == 405 and refused["Allow"] == "GET, HEAD, OPTIONS"
    assert refused.json()["detail"] == "La API solo lee: use GET."
