"""Test settings: production settings with what a test run needs changed."""

import os
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DEBUG", "false")

from iompanama.settings import *  # noqa: E402, F403

SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SITE_URL = "http://testserver"
# One test process: a memory cache, unless a test run is pointed at Redis.
if not REDIS_URL:  # noqa: F405
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
elif worker := os.environ.get("PYTEST_XDIST_WORKER"):
    # Parallel workers (`pytest -n`) have a test database each; each needs its own
    # Redis database too, since every test starts by emptying the cache: gw0 keeps
    # REDIS_URL's, gw1 the next one.
    url = urlsplit(REDIS_URL)  # noqa: F405
    number = int(url.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    CACHES["default"]["LOCATION"] = urlunsplit(url._replace(path=f"/{number}"))  # noqa: F405
# The API's per-client limit would stop the property-based tests' many requests; the
# rate-limit tests set their own.
API_RATE_LIMIT = 1_000_000
