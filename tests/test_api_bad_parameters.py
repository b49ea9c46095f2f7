"""Every parameter of every API endpoint, read from the OpenAPI document so that a new
endpoint is covered too, answers 200, 400 or 404 whatever it is given; never a 500.
A 400 or 404 is a problem details document."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profiles.api import api
from profiles.schema import SECTIONS_BY_KEY

pytestmark = pytest.mark.django_db

ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
DATE_LIKE = st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z") | st.dates().map(str)
NUMBER_LIKE = st.integers(-(10**20), 10**20).map(str)
PUBLISHED = ["2022-10-31", "2022-12-31", "2023-10-31", "2024-06-30"]
KNOWN = {
    "version": st.sampled_from(["current", *PUBLISHED]) | DATE_LIKE,
    "section": st.sampled_from(list(SECTIONS_BY_KEY)),
    "key": st.sampled_from(["staff.total", "figure.dtm-reports-published", "staff"]),
    "category": st.sampled_from(["assistance", "migration", "ASSISTANCE"]),
    "since": DATE_LIKE,
    "until": DATE_LIKE,
    "region": st.sampled_from(["PA-5", "PA-8", "PA-NB", "pa-5"]),
    "thematic_area": st.sampled_from(["health", "labour-migration"]),
    "status": st.sampled_from(["active", "completed"]),
    "donor": st.sampled_from(["usaid", "european-union"]),
    "kind": st.sampled_from(["dtm_report", "study"]),
    "year": NUMBER_LIKE,
    "page": NUMBER_LIKE,
    "page_size": NUMBER_LIKE,
    "lang": st.sampled_from(["en", "es", "fr", "ES", ""]),
}
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def operations():
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    return sorted(
        (path, tuple((p["name"], p["in"]) for p in methods["get"].get("parameters", [])))
        for path, methods in schema["paths"].items()
    )


def value(name):
    """Absent (a query parameter), a good value, or anything at all."""
    return KNOWN.get(name, ANY_TEXT) | ANY_TEXT


def test_the_fuzzed_parameters_are_every_parameter_of_the_api():
    names = {name for _path, parameters in operations() for name, _where in parameters}
    assert names == set(KNOWN)


@pytest.mark.parametrize("path,parameters", operations())
def test_no_parameter_makes_an_endpoint_fail(client, iom_panama_versions, path, parameters):
    strategies = {
        name: value(name) if where == "path" else st.none() | value(name)
        for name, where in parameters
    }

    @FUZZ
    @given(arguments=st.fixed_dictionaries(strategies), language=st.sampled_from(["en", "es"]))
    def check(arguments, language):
        url = path
        query = {}
        for name, where in parameters:
            if where == "path":
                url = url.replace("{" + name + "}", quote(arguments[name], safe=""))
            elif arguments[name] is not None:
                query[name] = arguments[name]
        response = client.get(url, query, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code in {200, 400, 404}, (url, query, response.status_code)
        if response.status_code != 200:
            assert response["Content-Type"] == "application/problem+json", (url, query)
            problem = response.json()
            assert problem["status"] == response.status_code and problem["detail"]

    check()
