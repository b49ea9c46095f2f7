"""Shared actors and data for the tests."""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core import serializers
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation

from profiles.loading import load_current_profile, load_historical_snapshots


@pytest.fixture(autouse=True)
def fresh_state():
    """Each test starts in English with an empty cache: requests leave both behind."""
    cache.clear()
    translation.activate("en")
    yield
    cache.clear()
    translation.deactivate()


def load_profile():
    load_current_profile(seeds_dir=settings.IOM_SEEDS_DIR)


def load_versions():
    load_historical_snapshots(seeds_dir=settings.IOM_SEEDS_DIR)


# Rows that migrations write and loading the profile never touches.
UNTOUCHED_MODELS = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


def stored_rows():
    """{(model, pk): row as serialized} of the database."""
    rows = {}
    for model in apps.get_models():
        if model._meta.label_lower in UNTOUCHED_MODELS:
            continue
        serialized = serializers.serialize(
            "json", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
        )
        rows.update({(row["model"], row["pk"]): row for row in json.loads(serialized)})
    return rows


class RowsWritten:
    """The rows a load writes, kept as a fixture file: loading the profile and
    freezing, rendering and publishing its four versions takes seconds on every
    test that needs them; `loaddata` writes the same rows in a fraction of that."""

    def __init__(self, before, after, path):
        if gone := before.keys() - after.keys():
            raise AssertionError(f"The load deleted rows the fixture cannot replay: {gone}")
        self.written = [row for key, row in after.items() if before.get(key) != row]
        self.models = {row["model"] for row in self.written}
        self.keys_before = {(label, str(pk)) for label, pk in before if label in self.models}
        self.path = path
        path.write_text(json.dumps(self.written), encoding="utf-8")

    def replay(self, load):
        """Write the rows, or `load` for real where the test has written rows of the
        same models first. In a test that commits, the factsheet PDFs that publishing
        renders after its commit are not there: each is rendered on its first request,
        as after a failed render."""
        if self.stored_keys() != self.keys_before:
            return load()
        call_command("loaddata", str(self.path), verbosity=0)

    def stored_keys(self):
        return {
            (label, str(pk))
            for label in self.models
            for pk in apps.get_model(label)._base_manager.values_list("pk", flat=True)
        }


@pytest.fixture(scope="session")
def rows_written(django_db_setup, django_db_blocker, tmp_path_factory):
    """What loading the profile, then its versions, writes to a migrated database."""
    folder = tmp_path_factory.mktemp("loaded")
    with django_db_blocker.unblock(), transaction.atomic():
        migrated = stored_rows()
        load_profile()
        profile = stored_rows()
        load_versions()
        versions = stored_rows()
        transaction.set_rollback(True)
    cache.clear()
    return (
        RowsWritten(migrated, profile, folder / "profile.json"),
        RowsWritten(profile, versions, folder / "versions.json"),
    )


@pytest.fixture
def iom_panama(rows_written, db):
    """The real IOM Panama profile, checked against the seed documents."""
    profile, _ = rows_written
    profile.replay(load_profile)


@pytest.fixture
def iom_panama_versions(rows_written, iom_panama):
    """The real profile and its published 2022, 2023 and 2024 versions."""
    _, versions = rows_written
    versions.replay(load_versions)


@pytest.fixture
def editor(db, django_user_model):
    """Staff with every permission on the content apps, but not a superuser."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["profiles", "projects", "publications"]
        ).exclude(codename="publish_snapshot")
    )
    return user


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def publisher(db, django_user_model):
    """An editor who may also publish and withdraw snapshots."""
    user = django_user_model.objects.create_user("publisher", "pub@example.org", "x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["profiles", "projects", "publications"]
        )
    )
    return user


@pytest.fixture
def publisher_client(publisher):
    client = Client()
    client.force_login(publisher)
    return client
