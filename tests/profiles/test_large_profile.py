"""The benchmark's synthetic profile (`profiles/synthetic.py`), built tiny.

`manage.py benchmark` times the pages of a large synthetic profile; these tests
check, cheaply, that the builder makes a valid profile whose pages take as many
queries as the real profile's, and that figures over time read every stored
schema. Times belong to the benchmark, never to tests.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from profiles.document import SCHEMA_VERSION
from profiles.models import KeyFigure, Snapshot
from profiles.snapshots import published_sections
from profiles.synthetic import Sizes, build_large_profile
from profiles.timeseries import FOLLOWED_SECTIONS, figures_over_time
from projects.models import Project
from publications.models import Publication

pytestmark = pytest.mark.django_db

TINY = Sizes(projects=5, publications=8, key_figures=6, snapshots=3)

PAGES = [
    "/en/",
    "/es/",
    "/en/contact/",
    "/en/map/",
    "/en/projects/",
    "/en/projects/wha-regional-avr/",
    "/en/publications/",
    "/en/publications/migration-governance-profile-panama/",
    "/en/news/",
    "/en/search/?q=migration",
    "/en/feed/",
    "/sitemap.xml",
    "/en/snapshots/",
    "/en/snapshots/2024-06-30/",
    "/en/snapshots/compare/",
    "/data/current.csv",
    "/data/figures-over-time-long.csv",
    "/data/datapackage.json",
    "/snapshots/2024-06-30.csv",
]


def queries(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200, path
    return len(context.captured_queries)


def test_pages_take_as_many_queries_on_the_synthetic_profile_as_on_the_real_one(
    client, iom_panama_versions
):
    real = {path: queries(client, path) for path in PAGES}
    build_large_profile(TINY)
    assert Project.objects.filter(slug__startswith="bench-").count() == 5
    assert Publication.objects.filter(slug__startswith="bench-").count() == 8
    assert Snapshot.objects.published().filter(date__year=2005).count() == 3
    assert {path: queries(client, path) for path in PAGES} == real
    for path in ("/en/projects/bench-project-4/", "/en/snapshots/2005-03-31/"):
        assert client.get(path).status_code == 200


def test_the_synthetic_versions_grow_and_their_followed_figures_make_series(db):
    build_large_profile(TINY)
    versions = list(Snapshot.objects.published().order_by("date"))
    sizes = [len(v.document["publications"]) for v in versions]
    assert sizes == sorted(sizes) and sizes[-1] == 8
    assert all(v.change_summary["en"] and v.change_summary["es"] for v in versions)
    followed = {s["key"] for s in figures_over_time() if s["key"].startswith("figure.")}
    assert followed == {"figure.bench-figure-0"}
    assert KeyFigure.objects.count() == 6


SCHEMA_3_DOCUMENT = Path(__file__).parent / "fixtures" / "snapshot-2024-06-30-schema-3.json"


def test_figures_over_time_read_a_version_of_an_older_schema_whole(iom_panama):
    document = json.loads(SCHEMA_3_DOCUMENT.read_text())
    Snapshot.objects.create(
        date=dt.date(2021, 1, 1),
        title_en="Schema 3",
        document=document,
        schema_version=3,
        checksum="x" * 64,
        status="published",
        published_at=dt.datetime(2021, 1, 2, tzinfo=dt.UTC),
    )
    (read,) = published_sections(FOLLOWED_SECTIONS)
    assert read["schema_version"] == SCHEMA_VERSION
    # Schema 6 records where facts come from: nothing was recorded then.
    assert read["staff"] == [{"provenance": None} | count for count in document["staff"]["history"]]
    # Schema 5 gave key figures a headline position and a label for one: none then.
    assert read["key_figures"] == [
        {"provenance": None, "note": {"en": "", "es": ""}}
        | figure
        | {"headline": None, "label_one": {"en": "", "es": ""}}
        for figure in document["key_figures"]
    ]
