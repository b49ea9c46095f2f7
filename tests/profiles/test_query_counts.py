"""Every public page runs the same number of queries whatever the amount of data.

Part of the data-fidelity suite: the counts are taken on the real IOM Panama
profile and its versions, then on ten times as much (`grow_profile`).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from profiles.document import build_document
from profiles.models import Snapshot
from projects.models import Project
from tests.factories import grow_profile

pytestmark = pytest.mark.django_db

PAGES = [
    "/en/",
    "/es/",
    "/en/projects/",
    "/en/projects/wha-regional-avr/",
    "/en/publications/",
    "/en/publications/migration-governance-profile-panama/",
    "/en/news/",
    "/en/news/act-today-international-migrants-day-2023/",
    "/en/map/",
    "/en/contact/",
    "/en/search/?q=migration",
    "/en/feed/",
    "/sitemap.xml",
    "/en/snapshots/",
    "/en/snapshots/2023-10-31/",
    "/en/snapshots/compare/?a=2022-12-31&b=current",
]


def queries_for(callable_):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)


def page_queries(client):
    return {path: queries_for(lambda path=path: client.get(path)) for path in PAGES}


def test_building_the_document_takes_a_fixed_number_of_queries(iom_panama):
    real = queries_for(build_document)
    grow_profile(10)
    assert Project.objects.count() == 80
    assert queries_for(build_document) == real == 16


def test_every_public_page_takes_as_many_queries_with_ten_times_the_data(
    client, iom_panama_versions
):
    real = page_queries(client)
    grow_profile(10)
    assert Snapshot.objects.count() == 40
    assert page_queries(client) == real
    assert max(real.values()) <= 21


def test_a_cached_page_needs_no_query(client, iom_panama, django_assert_num_queries):
    client.get("/en/projects/")
    with django_assert_num_queries(0):
        client.get("/es/proyectos/")
