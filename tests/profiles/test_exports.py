"""Public data downloads, parsed back with the csv module, json and openpyxl.

Part of the data-fidelity suite: the tests download the real IOM Panama profile
and its published versions (`iom_panama`, `iom_panama_versions`), so every real
fact is checked to reach the CSV, XLSX and JSON files.
"""

import csv
import datetime as dt
import io
import json
from urllib.parse import urlparse

import openpyxl
import pytest

from profiles.exports import escape_formula, unescape_formula
from profiles.models import KeyFigure, Snapshot

pytestmark = pytest.mark.django_db


def parse_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def staff_total(rows):
    totals = [r for r in rows if r["section"] == "staff" and r["field"] == "total"]
    return {r["item_key"]: r["value_en"] for r in totals}


@pytest.mark.parametrize(
    "date,total", [("2022-12-31", "131"), ("2023-10-31", "196"), ("2024-06-30", "200")]
)
def test_each_real_snapshot_downloads_as_tidy_csv(client, iom_panama_versions, date, total):
    response = client.get(f"/snapshots/{date}.csv")
    assert (
        response["Content-Disposition"] == f'attachment; filename="iom-panama-profile-{date}.csv"'
    )
    rows = parse_csv(response)
    assert list(rows[0]) == [
        "snapshot_date",
        "section",
        "item_key",
        "field",
        "value_en",
        "value_es",
        "unit",
        "period",
        "source",
        "source_document",
        "source_date",
        "carried_from",
        "stated_by",
        "stated_on",
    ]
    assert {row["snapshot_date"] for row in rows} == {date}
    assert staff_total(rows)[date] == total


def test_the_csv_has_both_languages_units_periods_and_sources(client, iom_panama):
    rows = parse_csv(client.get("/data/current.csv"))
    crossing = next(
        r
        for r in rows
        if r["item_key"] == "darien-crossings-aug-sep-2023" and r["field"] == "value"
    )
    assert crossing["value_en"] == "157214"
    assert crossing["unit"] == "migrants"
    assert crossing["period"] == "2023-08-01/2023-09-30"
    assert crossing["source"] == "National Migration Service"
    name = next(r for r in rows if r["section"] == "regions" and r["item_key"] == "PA-NB")
    assert (name["value_en"], name["value_es"]) == ("Ngäbe-Buglé Comarca", "Comarca Ngäbe-Buglé")


@pytest.mark.parametrize(
    "date,total", [("2022-12-31", 131), ("2023-10-31", 196), ("2024-06-30", 200)]
)
def test_each_real_snapshot_downloads_as_xlsx(client, iom_panama_versions, date, total):
    response = client.get(f"/snapshots/{date}.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["profile"]
    header, *rows = list(sheet.values)
    rows = [dict(zip(header, row, strict=True)) for row in rows]
    assert staff_total(rows)[date] == total


def test_the_json_is_the_profile_document(client, iom_panama_versions):
    snapshot = Snapshot.objects.get(date=dt.date(2023, 10, 31))
    response = client.get("/snapshots/2023-10-31.json")
    assert json.loads(response.content) == snapshot.document
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_a_draft_or_unknown_date_is_not_downloadable(client, iom_panama_versions):
    assert client.get("/snapshots/2099-01-01.csv").status_code == 404
    assert client.get("/snapshots/2022-12-31.pdf").status_code == 404


def test_figures_over_time_long_and_wide(client, iom_panama_versions):
    long = parse_csv(client.get("/data/figures-over-time-long.csv"))
    staff = [(r["date"], r["value"]) for r in long if r["series"] == "staff.total"]
    assert staff == [("2022-12-31", "131"), ("2023-10-31", "196"), ("2024-06-30", "200")]
    wide = parse_csv(client.get("/data/figures-over-time-wide.csv"))
    dtm = next(r for r in wide if r["series"] == "figure.dtm-reports-published")
    assert (dtm["2022-10-31"], dtm["2022-12-31"], dtm["2024-06-30"]) == ("50", "51", "61")
    assert dtm["label_es"] == "Informes de la DTM publicados por la OIM Panamá"


def test_the_compare_page_downloads_its_differences(client, iom_panama_versions):
    rows = parse_csv(client.get("/data/compare.csv", {"a": "2022-12-31", "b": "2023-10-31"}))
    staff = next(r for r in rows if r["item"] == "staff.total")
    assert (staff["old_value"], staff["new_value"], staff["change"]) == ("131", "196", "65")
    assert staff["relative_change_percent"] == "49.6"


def test_formulas_are_escaped_in_csv_and_xlsx(client, iom_panama):
    KeyFigure.objects.filter(slug="digital-reach").update(
        label_en='=HYPERLINK("http://evil.example","x")', label_es="+1-1", source_en="@SUM(A1)"
    )
    rows = parse_csv(client.get("/data/current.csv"))
    label = next(r for r in rows if r["item_key"] == "digital-reach" and r["field"] == "label")
    assert label["value_en"] == '\'=HYPERLINK("http://evil.example","x")'
    assert label["value_es"] == "'+1-1"
    workbook = openpyxl.load_workbook(io.BytesIO(client.get("/data/current.xlsx").content))
    cells = [cell for row in workbook["profile"].iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert '=HYPERLINK("http://evil.example","x")' in [cell.value for cell in cells]


def check_value(value, field_type):
    if value == "":
        return
    if field_type == "date":
        dt.date.fromisoformat(value)
    elif field_type == "number":
        float(value)


def test_the_data_package_describes_every_csv_file(client, iom_panama_versions):
    package = client.get("/data/datapackage.json").json()
    assert package["profile"] == "data-package"
    names = [resource["name"] for resource in package["resources"]]
    assert names[:3] == ["profile-current", "figures-over-time", "figures-over-time-wide"]
    assert "profile-2022-10-31" in names and "profile-2024-06-30" in names
    for resource in (r for r in package["resources"] if r["format"] == "csv"):
        response = client.get(urlparse(resource["path"]).path)
        if resource["encoding"] == "utf-8-sig":
            rows = parse_csv(response)
        else:  # an HXL variant: no BOM, its hashtag row declared a comment row
            assert resource["dialect"]["commentRows"] == [2]
            lines = response.content.decode(resource["encoding"]).splitlines()
            rows = list(csv.DictReader(lines[:1] + lines[2:]))
        fields = resource["schema"]["fields"]
        assert list(rows[0]) == [field["name"] for field in fields], resource["name"]
        for row in rows:
            for field in fields:
                check_value(row[field["name"]], field["type"])


LOOK_ALIKE_FORMULAS = [
    '\uff1dHYPERLINK("http://evil.example","x")',  # ＝ full-width equals
    "\uff0bSUM(A1)",  # ＋ full-width plus
    "\uff0dSUM(A1)",  # － full-width hyphen-minus
    "\uff20SUM(A1)",  # ＠ full-width at
    "\u2212SUM(A1)",  # − minus sign
    "\ufe66SUM(A1)",  # ﹦ small equals
    " =SUM(A1)",  # a leading blank that a spreadsheet may trim
    "\u200b=SUM(A1)",  # an invisible leading character
    "+507-305-3350",  # a spreadsheet computes this one (-3148)
    "'=SUM(A1)",  # already starts with an apostrophe
]


@pytest.mark.parametrize("value", LOOK_ALIKE_FORMULAS)
def test_look_alike_formula_starters_are_escaped_in_the_csv(client, iom_panama, value):
    KeyFigure.objects.filter(slug="digital-reach").update(label_en=value)
    rows = parse_csv(client.get("/data/current.csv"))
    label = next(r for r in rows if r["item_key"] == "digital-reach" and r["field"] == "label")
    assert label["value_en"] == "'" + value


def test_phone_numbers_and_plain_numbers_are_not_escaped(client, iom_panama):
    KeyFigure.objects.filter(slug="digital-reach").update(label_en="-5", label_es="+3.5")
    rows = parse_csv(client.get("/data/current.csv"))
    phone = next(r for r in rows if r["section"] == "contact" and r["field"] == "phone")
    assert phone["value_en"] == "+507 305-3350"
    label = next(r for r in rows if r["item_key"] == "digital-reach" and r["field"] == "label")
    assert (label["value_en"], label["value_es"]) == ("-5", "+3.5")


@pytest.mark.parametrize(
    "value",
    [
        *LOOK_ALIKE_FORMULAS,
        "+507 305-3350",
        "+1 (202) 555-0100",
        "-79.52",
        "=1+1",
        "''+1-1",
        "'",
        "\t",
        "plain text",
        "",
    ],
)
def test_unescaping_is_the_exact_inverse_of_escaping(value):
    assert unescape_formula(escape_formula(value)) == value


def test_the_xlsx_keeps_look_alike_formulas_as_text(client, iom_panama):
    KeyFigure.objects.filter(slug="digital-reach").update(
        label_en=LOOK_ALIKE_FORMULAS[0], label_es="=SUM(A1)", source_en="+507 305-3350"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(client.get("/data/current.xlsx").content))
    cells = [cell for row in workbook["profile"].iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    texts = {cell.value: cell.data_type for cell in cells if isinstance(cell.value, str)}
    assert texts[LOOK_ALIKE_FORMULAS[0]] == texts["=SUM(A1)"] == "s"
    assert texts["+507 305-3350"] == "s"
