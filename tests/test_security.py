"""Production settings, security headers, login rate limiting and clean failure."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(settings.BASE_DIR)


def production_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for Playwright
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="iompanama.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="profile.example.org",
    )
    env.update(overrides)
    return env


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_is_clean_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off." in result.stderr


def test_the_demo_admin_exists_only_in_development(db):
    with pytest.raises(CommandError, match="only in development"):
        call_command("ensure_demo_admin")


def parse_policy(header):
    """{directive: its sources}; django-csp does not keep the directives in order."""
    directives = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return dict(directives)


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client):
    response = client.get("/en/", secure=True)
    policy = parse_policy(response["Content-Security-Policy"])
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == policy["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
def test_only_the_admin_allows_inline_styles(admin_client):
    policy = parse_policy(admin_client.get("/admin/")["Content-Security-Policy"])
    assert policy["style-src"] == "'self' 'unsafe-inline'"


def test_cookies_are_secure_in_production():
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY


@pytest.mark.django_db
def test_admin_login_is_locked_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_user("ana", password="right-password", is_staff=True)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "ana", "password": "wrong"})
        assert response.status_code == 200
    failure = client.post("/admin/login/", {"username": "ana", "password": "wrong"})
    assert failure.status_code == 429
    locked = client.post(
        "/admin/login/",
        {"username": "ana", "password": "right-password"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert locked.status_code == 429
    assert "Demasiados intentos fallidos de inicio de sesión" in locked.content.decode()


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


DATABASE_DOWN_SCRIPT = """
import json
import django
django.setup()
from django.db import connections
from django.test import Client

client = Client()
warm = client.get("/en/")
connection = connections["default"]
connection.close()
connection.settings_dict["NAME"] = "/nonexistent/directory/db.sqlite3"
results = {"warm": warm.status_code}
for name, path in [("cached", "/es/"), ("snapshots", "/en/snapshots/"), ("healthz", "/healthz")]:
    response = client.get(path)
    results[name] = [response.status_code, response.content.decode()]
print(json.dumps(results))
"""


def pages_with_the_database_down(tmp_path, **environ):
    """Production settings on a loaded SQLite database that then becomes unreachable:
    what DATABASE_DOWN_SCRIPT's requests answered."""
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        STATIC_MANIFEST="0",
        **environ,
    )
    if "REDIS_URL" not in environ:
        env.pop("REDIS_URL", None)
    for command in (["migrate", "-v0"], ["load_iom_panama"]):
        assert manage(*command, env=env).returncode == 0
    result = subprocess.run(
        [sys.executable, "-c", DATABASE_DOWN_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_the_database_down_pages_answer_503_or_from_the_cache(tmp_path):
    # Only a cache outside the database outlives it: Redis, as production runs.
    from tests.test_production_cache import redis_is_running

    if not redis_is_running():
        pytest.skip("no Redis at 127.0.0.1:6379")
    import redis

    redis.Redis.from_url("redis://127.0.0.1:6379/14").flushdb()
    results = pages_with_the_database_down(tmp_path, REDIS_URL="redis://127.0.0.1:6379/14")
    assert results["warm"] == 200
    cached_status, cached_html = results["cached"]
    assert cached_status == 200 and "OIM Panamá" in cached_html
    status, html = results["snapshots"]
    assert status == 503
    assert "temporarily unavailable" in html and "no está disponible temporalmente" in html
    assert "Traceback" not in html
    status, body = results["healthz"]
    assert status == 503
    assert json.loads(body) == {"database": "unavailable", "cache": "ok"}


def test_with_the_database_cache_and_the_database_down_pages_answer_503(tmp_path):
    """Without Redis the cache lives in the database and goes down with it: 503, not 500."""
    results = pages_with_the_database_down(tmp_path)
    assert results["warm"] == 200
    for name in ("cached", "snapshots"):
        status, html = results[name]
        assert status == 503, name
        assert "temporarily unavailable" in html and "Traceback" not in html
    status, body = results["healthz"]
    assert status == 503 and json.loads(body)["database"] == "unavailable"


# Behind a reverse proxy: the proxy's address is REMOTE_ADDR, and the proxy
# appends the address it saw to X-Forwarded-For.
PROXY = "10.0.0.2"
CLIENT_A = "81.2.69.142"
CLIENT_B = "81.2.69.160"

CLIENT_ADDRESS_SCRIPT = """
import json
from django.conf import settings
print(json.dumps({
    name: getattr(settings, name)
    for name in dir(settings)
    if name.startswith(("AXES_IPWARE_", "IPWARE_"))
}))
"""


def client_address_settings(**env):
    """The settings that resolve the client's address, as production reads them."""
    result = subprocess.run(
        [sys.executable, "-c", CLIENT_ADDRESS_SCRIPT],
        cwd=ROOT,
        env=production_env(**env),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def behind_one_proxy(settings):
    """The settings of a deployment with PROXY_COUNT=1 (as in .env.example)."""
    for name, value in client_address_settings(PROXY_COUNT="1").items():
        setattr(settings, name, value)


def sign_in(client, password, forwarded_for):
    return client.post(
        "/admin/login/",
        {"username": "ana", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.mark.django_db
def test_behind_a_proxy_failures_lock_out_only_the_client_who_made_them(
    behind_one_proxy, django_user_model
):
    from axes.models import AccessAttempt
    from django.test import Client

    django_user_model.objects.create_user("ana", password="right-password", is_staff=True)
    guesser, colleague = Client(), Client()
    statuses = [
        sign_in(guesser, "wrong", CLIENT_A).status_code for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429
    assert sign_in(guesser, "right-password", CLIENT_A).status_code == 429
    assert sign_in(colleague, "right-password", CLIENT_B).status_code == 302
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [CLIENT_A]


@pytest.mark.django_db
def test_a_forged_forwarded_for_cannot_choose_the_address(behind_one_proxy, django_user_model):
    """The client may send X-Forwarded-For itself; the proxy appends the real
    address, and only that right-most entry counts."""
    from axes.models import AccessAttempt
    from django.test import Client

    django_user_model.objects.create_user("ana", password="right-password", is_staff=True)
    forger, victim = Client(), Client()
    forged = f"{CLIENT_B}, not-an-address, 127.0.0.1, {CLIENT_A}"
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(forger, "wrong", forged)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [CLIENT_A]
    assert sign_in(victim, "right-password", CLIENT_B).status_code == 302
    assert sign_in(forger, "right-password", f"{CLIENT_B}, {CLIENT_A}").status_code == 429


def test_without_a_proxy_forwarded_for_is_ignored(rf, settings):
    """PROXY_COUNT defaults to 0: the peer's address is the client's, whatever it sends."""
    from axes.helpers import get_client_ip_address

    for name, value in client_address_settings(PROXY_COUNT="").items():
        setattr(settings, name, value)
    request = rf.post("/admin/login/", REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR=CLIENT_B)
    assert get_client_ip_address(request) == CLIENT_A


@pytest.mark.parametrize(
    "proxy_count,forwarded_for,client",
    [
        ("1", CLIENT_A, CLIENT_A),
        ("1", f"{CLIENT_B}, {CLIENT_A}", CLIENT_A),
        ("1", "", PROXY),  # a request that did not come through the proxy
        ("2", f"{CLIENT_A}, 81.2.69.200", CLIENT_A),  # a CDN, then the proxy
        ("2", f"{CLIENT_B}, {CLIENT_A}, 81.2.69.200", CLIENT_A),
    ],
)
def test_the_client_is_counted_from_the_right(rf, settings, proxy_count, forwarded_for, client):
    from axes.helpers import get_client_ip_address

    for name, value in client_address_settings(PROXY_COUNT=proxy_count).items():
        setattr(settings, name, value)
    request = rf.post("/admin/login/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert get_client_ip_address(request) == client
