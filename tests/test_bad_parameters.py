"""Bad input in a public URL's query string or path answers 400 or 404, never 500.

The explicit cases are the issue's; the property-based tests throw arbitrary
text at every parameter of every public URL, in both languages.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PUBLISHED = ["2022-10-31", "2022-12-31", "2023-10-31", "2024-06-30"]


MALFORMED_COMPARE_QUERIES = [
    {"a": "2024-02-30", "b": "current"},
    {"a": "-1"},
    {"a": "\x00"},
    {"a": "2023-10-31", "b": "2024-13-01"},
    {"a": "2023-10-31", "b": "0000-00-00"},
    {"a": "20231031"},
    {"a": "2023-W44-2"},
    {"a": "２０２３-１０-３１"},
    {"a": "2023-10-31\n"},
]


def test_a_malformed_compare_date_is_a_400(client, iom_panama_versions):
    for url in ["/data/compare.csv", "/en/snapshots/compare/"]:
        for query in MALFORMED_COMPARE_QUERIES:
            response = client.get(url, query)
            assert response.status_code == 400, (url, query)
            assert "YYYY-MM-DD" in response.content.decode()


def test_the_compare_csv_explains_a_bad_date_in_the_visitors_language(client, iom_panama_versions):
    response = client.get("/data/compare.csv", {"a": "2024-02-30"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    with translation.override("es"):
        expected = translation.gettext("“%(value)s” is not a date; use the form YYYY-MM-DD.") % {
            "value": "2024-02-30"
        }
    assert response.content.decode() == expected
    assert expected.startswith("«2024-02-30» no es una fecha")


def test_a_compare_date_without_a_snapshot_is_a_404(client, iom_panama_versions):
    assert client.get("/data/compare.csv", {"a": "2023-01-01"}).status_code == 404
    assert client.get("/data/compare.csv", {"b": "2099-12-31"}).status_code == 404
    response = client.get("/en/snapshots/compare/", {"a": "2023-01-01"})
    assert response.status_code == 404  # the page explains it next to the form
    assert "There is no published snapshot of 2023-01-01." in response.content.decode()


def test_good_compare_dates_still_work(client, iom_panama_versions):
    response = client.get("/data/compare.csv", {"a": "2022-12-31", "b": "current"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="iom-panama-changes-2022-12-31-to-current.csv"'
    )
    assert client.get("/data/compare.csv").status_code == 200
    assert client.get("/en/snapshots/compare/", {"a": "current"}).status_code == 200


def test_a_query_string_that_is_not_utf8_is_harmless(client, iom_panama_versions):
    assert client.get("/data/compare.csv?a=%FF%FE").status_code == 400
    assert client.get("/en/projects/?region=%FF").status_code == 400
    assert client.get("/en/search/?q=%FF%00").status_code == 200


UNKNOWN_FILTERS = [
    ("/en/projects/", {"region": "PA-99"}),
    ("/en/projects/", {"region": "\x00"}),
    ("/es/proyectos/", {"area": "nope"}),
    ("/en/projects/", {"status": "ACTIVE"}),
    ("/en/publications/", {"kind": "novel"}),
    ("/es/publicaciones/", {"year": "-1"}),
    ("/en/publications/", {"year": "２０２３"}),
    ("/en/publications/", {"year": "2023\x00"}),
]


def test_an_unknown_filter_value_is_a_400_with_the_list_page(client, iom_panama):
    for url, query in UNKNOWN_FILTERS:
        response = client.get(url, query)
        assert response.status_code == 400, (url, query)
        assert '<form class="filters"' in response.content.decode()


def test_known_filter_values_still_filter(client, iom_panama):
    assert client.get("/en/projects/", {"region": "PA-5", "status": "active"}).status_code == 200
    response = client.get("/en/publications/", {"kind": "dtm_report", "year": "2023"})
    assert response.status_code == 200
    # A well-formed year without publications is an empty list, not an error.
    assert client.get("/en/publications/", {"year": "1999"}).status_code == 200
    assert client.get("/en/projects/", {"region": ""}).status_code == 200


# Any text a browser can send: every code point but the surrogates.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
DATE_LIKE = st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z") | st.dates().map(str)


def values(*known, like=None):
    """Absent, a good value, something that looks right, or anything at all."""
    return (
        st.none() | st.sampled_from(["", *known]) | (ANY_TEXT if like is None else like) | ANY_TEXT
    )


QUERIES = {
    "profiles:snapshot-compare": {
        "a": values("current", *PUBLISHED, like=DATE_LIKE),
        "b": values("current", *PUBLISHED, like=DATE_LIKE),
    },
    "downloads:compare": {
        "a": values("current", *PUBLISHED, like=DATE_LIKE),
        "b": values("current", *PUBLISHED, like=DATE_LIKE),
    },
    "projects:project-list": {
        "region": values("PA-5", "PA-8", "PA-NB"),
        "area": values("health", "labour-migration"),
        "status": values("active", "completed"),
    },
    "publications:publication-list": {
        "kind": values("dtm_report", "study", "manual"),
        "year": values("2023", "2024", like=st.integers(-10, 10_000).map(str)),
    },
    "profiles:search": {"q": values("Darién", "darien salud")},
    "sitemap": {"p": values("1", "2", like=st.integers(-5, 5).map(str))},
}

PAGES_WITHOUT_PARAMETERS = [
    "profiles:home",
    "profiles:contact",
    "profiles:map",
    "profiles:snapshot-list",
    "publications:story-list",
    "publications:feed",
    "downloads:datapackage",
    "robots-txt",
    "healthz",
]

# Path segments: (route, its good arguments, the argument replaced by anything).
PATHS = [
    ("profiles:snapshot-detail", {"date": "2023-10-31"}, "date"),
    ("downloads:snapshot", {"date": "2023-10-31", "fmt": "csv"}, "date"),
    ("projects:project-detail", {"slug": "norway-rmrp-contribution"}, "slug"),
    (
        "publications:publication-detail",
        {"slug": "temporary-accommodation-management-manual"},
        "slug",
    ),
    ("files:publication-file", {"slug": "temporary-accommodation-management-manual"}, "slug"),
]

LANGUAGES = ["en", "es"]
FUZZ = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def url_in(language, route, **kwargs):
    with translation.override(language):
        return reverse(route, kwargs=kwargs)


def assert_no_server_error(client, url, query=None, language="en"):
    response = client.get(url, query or {}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code < 500, (url, query, response.status_code)
    return response


@pytest.mark.parametrize("route", sorted(QUERIES))
def test_no_query_string_makes_a_public_page_fail(client, iom_panama_versions, route):
    @FUZZ
    @given(query=st.fixed_dictionaries(QUERIES[route]))
    def check(query):
        query = {name: value for name, value in query.items() if value is not None}
        for language in LANGUAGES:
            assert_no_server_error(client, url_in(language, route), query, language)

    check()


def test_pages_without_parameters_ignore_any_query_string(client, iom_panama_versions):
    @FUZZ
    @given(
        route=st.sampled_from(PAGES_WITHOUT_PARAMETERS),
        query=st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=3),
    )
    def check(route, query):
        for language in LANGUAGES:
            assert_no_server_error(client, url_in(language, route), query, language)

    check()


@pytest.mark.parametrize("route,kwargs,replaced", PATHS, ids=[route for route, *_ in PATHS])
def test_no_path_segment_makes_a_public_page_fail(
    client, iom_panama_versions, route, kwargs, replaced
):
    @FUZZ
    @given(segment=ANY_TEXT.filter(bool) | DATE_LIKE)
    def check(segment):
        for language in LANGUAGES:
            good = url_in(language, route, **kwargs)
            url = good.replace(kwargs[replaced], quote(segment, safe=""), 1)
            assert_no_server_error(client, url, language=language)

    check()
