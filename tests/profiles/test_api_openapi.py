"""The OpenAPI document is valid OpenAPI 3.1, its example answers are what the API
returns, and the human documentation at /api/ works without the internet."""

import json
from urllib.parse import urlparse

import pytest
from django.contrib.staticfiles import finders
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV31SpecValidator

from profiles.api import EXAMPLES_FILE

pytestmark = pytest.mark.django_db


def test_the_openapi_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document, cls=OpenAPIV31SpecValidator)
    operations = [
        (path, method) for path, methods in document["paths"].items() for method in methods
    ]
    assert {method for _path, method in operations} == {"get"}  # no write endpoints
    assert len(operations) == 11
    for path, _method in operations:
        responses = document["paths"][path]["get"]["responses"]
        assert {"200", "400", "404", "429"} <= set(responses), path


def examples_in(document):
    for path, methods in document["paths"].items():
        content = methods["get"]["responses"]["200"]["content"]["application/json"]
        for name, example in content.get("examples", {}).items():
            yield path, name, example


def test_every_example_answer_is_what_the_api_returns(client, iom_panama_versions):
    document = client.get("/api/v1/openapi.json").json()
    examples = list(examples_in(document))
    assert len(examples) == len(json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))) == 7
    for path, name, example in examples:
        request = example["x-request"]
        assert urlparse(request).path.startswith(path.split("{")[0]), (path, name)
        response = client.get(request)
        assert response.status_code == 200, request
        assert response.json() == example["value"], f"{name}: run manage.py api_examples"


def test_the_documentation_lists_every_endpoint_in_both_languages(client):
    english = client.get("/api/")
    assert english.status_code == 200
    html = english.content.decode()
    assert "<h1>Open data API</h1>" in html
    assert "GET /api/v1/versions/{version}/key-figures" in html
    assert "A version&#x27;s key figures, by category and period" in html
    spanish = client.get("/api/?lang=es").content.decode()
    assert "<h1>API de datos abiertos</h1>" in spanish
    assert "Las cifras clave de una versión, por categoría y periodo" in spanish
    assert client.get("/api/", HTTP_ACCEPT_LANGUAGE="es").content.decode().count("API de datos")


def test_the_documentation_loads_nothing_from_elsewhere(client):
    html = client.get("/api/").content.decode()
    assert "cdn" not in html.lower() and "https://unpkg" not in html
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert f"/static/{asset}" in html
        assert finders.find(asset), asset
    # No inline script runs: the settings are data, read by a file the policy allows.
    assert '<script id="swagger-settings" type="application/json">' in html
    assert "<script>" not in html
