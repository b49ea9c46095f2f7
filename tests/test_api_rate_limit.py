"""Each client may make API_RATE_LIMIT requests a minute to the API; past it, a 429
problem with Retry-After, in the client's language."""

import pytest

from iompanama.middleware import ApiRateLimit

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_of_three(settings, monkeypatch):
    settings.API_RATE_LIMIT = 3
    now = {"t": 1_800_000_010.0}  # 10 s into a minute
    monkeypatch.setattr(ApiRateLimit, "clock", staticmethod(lambda: now["t"]))
    return now


def test_the_fourth_request_in_a_minute_is_refused_until_the_next_minute(
    client, iom_panama, limit_of_three
):
    for remaining in (2, 1, 0):
        response = client.get("/api/v1/series")  # the 2nd and 3rd come from the page cache
        assert response.status_code == 200
        assert response["RateLimit-Remaining"] == str(remaining)
    refused = client.get("/api/v1/series")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"
    assert refused["Content-Type"] == "application/problem+json"
    assert refused["Cache-Control"] == "no-store"
    body = refused.json()
    assert body["status"] == 429 and body["title"] == "Too many requests"
    assert "Try again in 50 seconds" in body["detail"]
    limit_of_three["t"] += 50
    assert client.get("/api/v1/series").status_code == 200


def test_the_refusal_speaks_the_clients_language(client, iom_panama, limit_of_three):
    for _ in range(3):
        client.get("/api/v1/versions/current/regions")
    refused = client.get("/api/v1/versions/current/regions", HTTP_ACCEPT_LANGUAGE="es")
    assert refused["Content-Language"] == "es"
    assert refused.json()["detail"] == (
        "Demasiadas solicitudes desde su dirección. Vuelva a intentarlo en 50 segundos."
    )
    assert client.get("/api/v1/series?lang=es").json()["title"] == "Demasiadas solicitudes"


def test_each_client_has_its_own_budget_and_cannot_choose_its_address(
    client, iom_panama, limit_of_three
):
    for _ in range(3):
        client.get("/api/v1/series", REMOTE_ADDR="203.0.113.1")
    refused = client.get(
        "/api/v1/series", REMOTE_ADDR="203.0.113.1", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert refused.status_code == 429  # without a proxy, X-Forwarded-For is not believed
    assert client.get("/api/v1/series", REMOTE_ADDR="203.0.113.2").status_code == 200


def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(
    client, iom_panama, limit_of_three, settings
):
    settings.AXES_IPWARE_PROXY_COUNT = 0  # PROXY_COUNT=1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    proxy = "10.0.0.1"
    for _ in range(3):
        client.get("/api/v1/series", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert (
        client.get(
            "/api/v1/series", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7"
        ).status_code
        == 429
    )
    other = client.get("/api/v1/series", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert other.status_code == 200


def test_pages_are_not_counted(client, iom_panama, limit_of_three):
    for _ in range(5):
        assert client.get("/en/").status_code == 200
    assert client.get("/api/").status_code == 200
    assert client.get("/api/v1/series").status_code == 200
