"""Test settings: production settings with what a test run needs changed."""

import os

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
# The API's per-client limit would stop the property-based tests' many requests; the
# rate-limit tests set their own.
API_RATE_LIMIT = 1_000_000
