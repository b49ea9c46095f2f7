"""The real 2022, 2023 and 2024 versions, their pages and their comparison.

Part of the data-fidelity suite: the tests load the real IOM Panama profile and
its published versions (`iom_panama_versions`) and check what each version shows.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.db import connection

from profiles.models import Snapshot

pytestmark = pytest.mark.django_db


def test_the_archive_lists_the_real_versions_newest_first(client, iom_panama_versions):
    html = client.get("/en/snapshots/").content.decode()
    dates = ["30 June 2024", "31 October 2023", "31 December 2022", "31 October 2022"]
    positions = [html.index(date) for date in dates]
    assert positions == sorted(positions)
    assert "staff 131 → 196" in html
    assert "staff 196 → 200" in html
    spanish = client.get("/es/versiones/").content.decode()
    assert "personal 131 → 196" in spanish


@pytest.mark.parametrize(
    "date,staff,regions",
    [("2022-12-31", 131, 5), ("2023-10-31", 196, 5), ("2024-06-30", 200, 8)],
)
def test_each_version_shows_its_own_figures(client, iom_panama_versions, date, staff, regions):
    html = client.get(f"/en/snapshots/{date}/").content.decode()
    assert "You are viewing the profile as of" in html
    assert f"<strong>{staff}</strong> staff" in html
    assert f"<strong>{regions}</strong> regions" in html


def test_a_snapshot_links_to_its_neighbours(client, iom_panama_versions):
    html = client.get("/en/snapshots/2022-12-31/").content.decode()
    assert 'href="/en/snapshots/2022-10-31/" rel="prev"' in html
    assert 'href="/en/snapshots/2023-10-31/" rel="next"' in html


def test_an_english_only_version_in_spanish_says_so(client, iom_panama_versions):
    html = client.get("/es/versiones/2022-12-31/").content.decode()
    assert "Esta versión se publicó solo en inglés" in html
    assert '<span lang="en">Darién sub-office</span>' in html
    bilingual = client.get("/es/versiones/2024-06-30/").content.decode()
    assert "solo en inglés" not in bilingual


def test_the_comparison_shows_the_documented_differences(client, iom_panama_versions):
    html = client.get(
        "/en/snapshots/compare/", {"a": "2022-12-31", "b": "2023-10-31"}
    ).content.decode()
    assert 'data-label="Before">131</td>' in html and 'data-label="After">196</td>' in html
    html = client.get(
        "/en/snapshots/compare/", {"a": "2023-10-31", "b": "2024-06-30"}
    ).content.decode()
    assert 'data-label="Before">196</td>' in html and 'data-label="After">200</td>' in html
    assert "Coclé" in html  # regions 5 → 8
    assert "Medical Assistance to Migrants Crossing the Darién" in html  # a project started
    assert "Venezuelan Refugee and Migrant Response Plan (RMRP)" in html  # a project ended


def test_comparing_the_oldest_version_with_the_current_profile(client, iom_panama_versions):
    html = client.get(
        "/en/snapshots/compare/", {"a": "2022-10-31", "b": "current"}
    ).content.decode()
    assert 'data-label="Before">2008</td>' in html and 'data-label="After">2007</td>' in html
    assert 'data-label="Before">50</td>' in html and 'data-label="After">61</td>' in html
    assert '<del><span class="visually-hidden">[removed:] </span>Vicente </del>' in html
    assert '<ins><span class="visually-hidden">[added:] </span>Luis </ins>' in html


def test_a_bad_date_is_a_clear_error_in_the_visitors_language(client, iom_panama_versions):
    response = client.get("/es/versiones/comparar/", {"a": "31/12/2022"})
    assert response.status_code == 400
    assert "no es una fecha" in response.content.decode()


def test_figures_over_time_on_the_home_page(client, iom_panama_versions):
    html = client.get("/en/").content.decode()
    assert "Figures over time" in html
    # National and international staff in one chart, with the total.
    chart = html[html.index("Staff by contract type</figcaption>") :]
    for date, values in (
        ("31 December 2022", (94, 37, 131)),
        ("31 October 2023", (153, 43, 196)),
        ("30 June 2024", (152, 48, 200)),
    ):
        cells = "".join(f'<td class="num">{value}</td>' for value in values)
        assert f"{date}</time></td>{cells}" in chart
    dtm = html[html.index("DTM reports published by IOM Panama</figcaption>") :]
    for value in (50, 51, 61):
        assert f'<td class="num">{value}</td>' in dtm


SCHEMA_3_DOCUMENT = Path(__file__).parent / "fixtures" / "snapshot-2024-06-30-schema-3.json"


def stored_in_schema(version):
    """The real 2024-06-30 version as schema 3 stored it, or as schema 2 or 1 had it."""
    document = json.loads(SCHEMA_3_DOCUMENT.read_text())
    if version <= 2:
        document["donors"] = [
            {k: v for k, v in d.items() if k != "logo_srcset"} for d in document["donors"]
        ]
        document["publications"] = [
            {k: v for k, v in p.items() if k != "cover_srcset"} for p in document["publications"]
        ]
    if version == 1:
        del document["languages"]
        for text in (document["office"]["name"], document["office"]["tagline"]):
            text["es"] = ""
    return document | {"schema_version": version}


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_schema_version_still_renders(client, iom_panama, version):
    snapshot = Snapshot.objects.create(
        date=dt.date(2021, 1, 1),
        title_en=f"Schema {version}",
        document=stored_in_schema(version),
        schema_version=version,
        checksum="x" * 64,
        status="published",
        published_at=dt.datetime(2021, 1, 2, tzinfo=dt.UTC),
    )
    html = client.get("/es/versiones/2021-01-01/").content.decode()
    assert ("Esta versión se publicó solo en inglés" in html) == (version == 1)
    assert "<strong>200</strong> funcionarios" in html
    assert "Calle Luis Bonilla" in html
    assert client.get("/en/snapshots/2021-01-01/").status_code == 200
    assert client.get("/snapshots/2021-01-01.csv").status_code == 200
    assert client.get("/en/snapshots/compare/?a=2021-01-01&b=current").status_code == 200
    assert snapshot.document["schema_version"] == version


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent transactions need a server database"
)
@pytest.mark.django_db(transaction=True)
def test_freezing_never_mixes_data_from_before_and_after_a_concurrent_edit():
    import threading

    from django.conf import settings
    from django.db import connections

    from profiles.loading import load_current_profile
    from profiles.schema import SECTIONS_BY_KEY
    from profiles.snapshots import freeze_snapshot

    load_current_profile(seeds_dir=settings.IOM_SEEDS_DIR)
    office_section = SECTIONS_BY_KEY["office"]
    real_rows = office_section.rows

    def office_then_concurrent_edit():
        # Another editor commits changes to rows the freeze has not read yet
        # (key figures, key actors) while it is half-way through its queries.
        def edit():
            with connections["default"].cursor() as cursor:
                cursor.execute(
                    "UPDATE profiles_keyfigure SET value = 99 WHERE slug = 'dtm-reports-published'"
                )
                cursor.execute("UPDATE profiles_keyactor SET name_en = 'Renamed'")
            connections["default"].close()

        rows = list(real_rows())
        thread = threading.Thread(target=edit)
        thread.start()
        thread.join()
        return rows

    # The office is the first section read; the edit commits right after it.
    object.__setattr__(office_section, "rows", office_then_concurrent_edit)
    try:
        snapshot = freeze_snapshot(date=dt.date(2025, 2, 1), title="Consistent")
    finally:
        object.__setattr__(office_section, "rows", real_rows)
    figures = {f["slug"]: f["value"] for f in snapshot.document["key_figures"]}
    assert figures["dtm-reports-published"] == 61
    assert all(actor["name"]["en"] != "Renamed" for actor in snapshot.document["key_actors"])
