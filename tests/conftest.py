"""Shared actors and data for the tests."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import cache
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


@pytest.fixture
def iom_panama(db):
    """The real IOM Panama profile, checked against the seed documents."""
    return load_current_profile(seeds_dir=settings.IOM_SEEDS_DIR)


@pytest.fixture
def iom_panama_versions(iom_panama):
    """The real profile and its published 2022, 2023 and 2024 versions."""
    return load_historical_snapshots(seeds_dir=settings.IOM_SEEDS_DIR)


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
