"""The tidy CSV downloads in an HXL-tagged variant, read by libhxl as humanitarian
tools (HDX, HXL Proxy, Kobo) read them."""

import csv
import io

import hxl
import pytest

from profiles.exports import FACT_COLUMNS, FACT_HASHTAGS, SERIES_COLUMNS, SERIES_HASHTAGS

pytestmark = pytest.mark.django_db


def hxl_dataset(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert not response.content.startswith(b"\xef\xbb\xbf")  # no BOM for HXL tools
    return hxl.data(io.BytesIO(response.content), hxl.InputOptions(allow_local=True))


def plain_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_versions_hxl_csv_is_its_csv_with_a_hashtag_row(client, iom_panama_versions):
    response = client.get("/snapshots/2023-10-31.hxl.csv")
    assert response["Content-Disposition"] == (
        'attachment; filename="iom-panama-profile-2023-10-31-hxl.csv"'
    )
    assert response["Cache-Control"] == "public, max-age=86400"
    data = hxl_dataset(response)
    assert data.headers == FACT_COLUMNS
    assert data.display_tags == [FACT_HASHTAGS[column] for column in FACT_COLUMNS]
    rows = list(data)
    staff = next(
        row
        for row in rows
        if row.get("#meta+section") == "staff"
        and row.get("#meta+id") == "2023-10-31"
        and row.get("#meta+field") == "total"
    )
    assert staff.get("#meta+value+i_en") == "196"
    assert staff.get("#date+version") == "2023-10-31"
    assert staff.get("#meta+source") == "IOM in Panama factsheet, October 2023"
    assert {row.get("#date+version") for row in rows} == {"2023-10-31"}
    # The same data as the plain CSV, row for row.
    plain = plain_rows(client.get("/snapshots/2023-10-31.csv"))
    tagged = plain_rows(response)
    assert tagged[0] == plain[0] and tagged[2:] == plain[1:]


def test_the_figures_over_time_in_hxl(client, iom_panama_versions):
    url = "/data/figures-over-time-long.hxl.csv"
    data = hxl_dataset(client.get(url)).cache()
    assert data.display_tags == [SERIES_HASHTAGS[column] for column in SERIES_COLUMNS]
    staff = [row for row in data if row.get("#indicator+code") == "staff.total"]
    assert [row.get("#date") for row in staff] == ["2022-12-31", "2023-10-31", "2024-06-30"]
    assert [row.get("#indicator+value+num") for row in staff] == ["131", "196", "200"]
    assert staff[0].get("#indicator+name+i_es") == "Personal, total"
    # libhxl's own aggregation reads the numbers as numbers.
    totals = (
        hxl_dataset(client.get(url))
        .with_rows("#indicator+code=staff.total")
        .count("#indicator+code", "sum(#indicator+value+num) as Total#indicator+value+total")
    )
    assert [row.get("#indicator+value+total") for row in totals] == [527]


def test_the_current_profiles_hxl_csv(client, iom_panama):
    data = hxl_dataset(client.get("/data/current.hxl.csv"))
    regions = {row.get("#meta+id") for row in data if row.get("#meta+section") == "regions"}
    assert "PA-5" in regions


def test_the_data_package_lists_the_hxl_variants(client, iom_panama_versions):
    package = client.get("/data/datapackage.json").json()
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert {"profile-current-hxl", "figures-over-time-hxl", "profile-2024-06-30-hxl"} <= set(
        resources
    )
    tagged = resources["profile-2024-06-30-hxl"]
    assert tagged["path"] == "http://testserver/snapshots/2024-06-30.hxl.csv"
    assert tagged["dialect"] == {"headerRows": [1], "commentRows": [2]}
    assert tagged["snapshot_checksum"] == resources["profile-2024-06-30"]["snapshot_checksum"]
    assert [field["hxlTag"] for field in tagged["schema"]["fields"]] == [
        FACT_HASHTAGS[column] for column in FACT_COLUMNS
    ]
    for resource in resources.values():
        assert client.get(resource["path"].removeprefix("http://testserver")).status_code == 200
