"""What is derived from the content (the profile document, the figures over time),
cached in the cache every worker shares, under keys that carry a content version.

Every write bumps the version: model signals for saves and deletes, the import
signal for spreadsheet imports (which save in bulk, without model signals), the
end of `migrate` for data migrations, and the loader and snapshot functions
directly. The version is bumped at once and again when the transaction commits,
so a worker that built from the rows before the commit can only store its result
under the old version's key, which nobody reads any more.
"""

import time

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "content-version"
# Values of superseded versions are never read again; let them expire.
DERIVED_TIMEOUT = 24 * 60 * 60


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new number after an eviction or a cache restart, never an old one.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def versioned_key(name: str) -> str:
    return f"{name}@{content_version()}"


# The values of the content version this process read or built last. A request
# that reads the document twice (a page and its figures over time) and the next
# requests, until a write bumps the version, do not fetch and unpickle it again
# (50 ms for a profile of 10,000 publications). Callers never change a value.
_this_process = {"version": None, "values": {}}


def get_or_build(name: str, build):
    """The cached value of `name` for the current content, built once per version."""
    version = content_version()
    if _this_process["version"] != version:
        _this_process.update(version=version, values={})
    values = _this_process["values"]
    key = f"{name}@{version}"
    if key in values:
        return values[key]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=DERIVED_TIMEOUT)
    values[key] = value
    return value


def _increment():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, or evicted
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def content_changed(**_signal_kwargs):
    """Bump the content version now and when the current transaction commits."""
    _increment()
    transaction.on_commit(_increment)
