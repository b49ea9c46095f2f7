"""Production shares one cache between every worker: Redis, or the database."""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

REDIS = ("127.0.0.1", 6379)


def production_caches(**environ):
    """The CACHES setting that iompanama.settings computes in a fresh process."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {"SECRET_KEY": "x", **environ}
    code = "import json, iompanama.settings as s; print(json.dumps(s.CACHES))"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)["default"]


def redis_is_running():
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        if os.environ.get("CI"):
            pytest.fail("Redis must run at 127.0.0.1:6379 in CI")
        return False
    return True


def test_production_without_redis_shares_a_database_cache():
    assert production_caches()["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_development_keeps_a_memory_cache():
    assert production_caches(DEBUG="1")["BACKEND"].endswith("LocMemCache")


def test_redis_url_selects_redis():
    cache = production_caches(REDIS_URL="redis://127.0.0.1:6379/15")
    assert cache["BACKEND"] == "iompanama.cache.RedisCache"


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_database_cache_table(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "iompanama_cache",
        }
    }
    call_command("migrate", "--noinput", verbosity=0)
    assert "iompanama_cache" in connection.introspection.table_names()
    caches["default"].set("shared", "yes")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM iompanama_cache")
        assert cursor.fetchone()[0] >= 1
    assert caches["default"].get("shared") == "yes"


def test_the_redis_cache_works_with_the_installed_client():
    if not redis_is_running():
        pytest.skip("no Redis at 127.0.0.1:6379")
    env = {**os.environ, "SECRET_KEY": "x", "DEBUG": "0", "REDIS_URL": "redis://127.0.0.1:6379/15"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'iompanama.settings';"
        "django.setup(); from django.core.cache import cache;"
        "cache.set('probe', 41); cache.incr('probe'); print(cache.get('probe'))"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "42"


def test_the_redis_cache_keeps_one_client_per_connection_pool():
    """Django's builds a client for every operation (0.35 ms each, half of a page
    served from the page cache); ours builds one."""
    if not redis_is_running():
        pytest.skip("no Redis at 127.0.0.1:6379")
    from iompanama.cache import RedisCache

    cache = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "one-client-test"})
    cache.set("probe", 41)
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is client
    assert cache._cache.get_client() is client  # one server: reads share its pool
    cache.incr("probe")
    assert cache.get("probe") == 42
    cache.delete("probe")
