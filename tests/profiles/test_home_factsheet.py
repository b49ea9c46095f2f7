"""The home page as a factsheet, on the real profile and its published versions: its
date, the headline figures and their change, every other figure, the charts over time
with one CSV each, labels that agree with their numbers, acronyms said once."""

import csv
import io

import pytest

from profiles.models import KeyFigure

pytestmark = pytest.mark.django_db


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_masthead_dates_the_profile_and_links_the_archive(client, iom_panama_versions):
    html = client.get("/en/").content.decode()
    assert '<a href="/en/snapshots/">Profile as of 30 June 2024</a>' in html
    assert "International Organization for Migration" in html
    html = client.get("/es/").content.decode()
    assert '<a href="/es/versiones/">Perfil al 30 de junio de 2024</a>' in html


def test_the_headline_figures_are_the_editors_choice_in_their_order(client, iom_panama_versions):
    response = client.get("/en/")
    slugs = [figure["slug"] for figure in response.context["headline_figures"]]
    assert slugs == [
        "darien-crossings-2023",
        "migrants-in-transit-reached",
        "people-trained-2023",
        "assisted-voluntary-returns-2023",
        "dtm-reports-published",
    ]
    KeyFigure.objects.filter(slug="donated-meals").update(headline=1)
    KeyFigure.objects.filter(slug="darien-crossings-2023").update(headline=None)
    from profiles.content_cache import content_changed

    content_changed()
    slugs = [figure["slug"] for figure in client.get("/en/").context["headline_figures"]]
    assert slugs[0] == "donated-meals" and "darien-crossings-2023" not in slugs


def test_each_headline_figure_says_how_it_changed_since_the_previous_version(
    client, iom_panama_versions
):
    html = client.get("/en/").content.decode()
    assert "Up about +10 (+19.6%) since 31 October 2023" in html  # DTM reports 51 → 61
    assert html.count("New: not in the version of 31 October 2023") == 4
    html = client.get("/es/").content.decode()
    assert "Subió cerca de +10 (+19.6 %) desde el 31 de octubre de 2023" in html


def test_a_snapshot_compares_with_the_version_published_before_it(
    editor_client, iom_panama_versions
):
    # An editor gets the live render (with its context); visitors get the same page as stored.
    response = editor_client.get("/en/snapshots/2023-10-31/")
    html = response.content.decode()
    assert response.context["previous_version_date"] == "2022-12-31"
    assert '<a href="/en/snapshots/">Profile as of 31 October 2023</a>' in html
    figures = {f["slug"]: f["change"]["kind"] for f in response.context["headline_figures"]}
    assert figures["dtm-reports-published"] == "unchanged"
    assert figures["darien-crossings-aug-sep-2023"] == "new"
    assert "Unchanged since 31 December 2022" in html


def test_the_other_figures_are_all_behind_all_key_figures(client, iom_panama_versions):
    html = client.get("/en/").content.decode()
    details = html[html.index('<details class="all-figures">') :]
    details = details[: details.index("</details>")]
    assert "All key figures: 23 more" in details
    assert details.count('<li class="figure">') == 23
    assert "157,214" in details


def test_a_count_of_one_takes_the_singular_label(client, iom_panama):
    html = client.get("/en/").content.decode()
    assert "Ambulance donated" in html and "Ambulances donated" not in html
    html = client.get("/es/").content.decode()
    assert "Ambulancia donada" in html and "Ambulancias donadas" not in html
    KeyFigure.objects.filter(slug="donated-ambulances").update(value=2)
    from profiles.content_cache import content_changed

    content_changed()
    html = client.get("/en/").content.decode()
    assert "Ambulances donated" in html and "Ambulance donated" not in html


def test_an_acronym_already_in_the_title_is_not_repeated(client, iom_panama):
    for path in ("/en/", "/es/"):
        html = client.get(path).content.decode()
        assert "(MMF) <abbr>(MMF)</abbr>" not in html
        assert "(MMF)" in html
    english = client.get("/en/").content.decode()
    assert "(WHA Regional AVR Program)</a>" in english  # its acronym is in its title
    spanish = client.get("/es/").content.decode()
    assert "Migrantes Vulnerables en las Américas <abbr>(AVR)</abbr>" in spanish
    assert "Centroamérica <abbr>(IRM)</abbr>" in spanish


def test_a_project_is_named_with_its_acronym_once(iom_panama):
    from projects.models import Project

    assert (
        str(Project(title="Migration Management Framework (MMF)", acronym="MMF")).count("MMF") == 1
    )
    assert str(Project(title="Integrated Response", acronym="IRM")) == "Integrated Response (IRM)"


def test_charts_are_on_a_time_axis_with_staff_stacked(client, iom_panama_versions):
    charts = {chart["key"]: chart for chart in client.get("/en/").context["charts"]}
    assert "staff.total" not in charts and "staff.national" not in charts
    staff = charts["staff"]
    assert [series["key"] for series in staff["series"]] == [
        "staff.national",
        "staff.international",
    ]
    assert staff["total"]["key"] == "staff.total"
    columns = staff["geometry"]["columns"]
    assert [(c["date"], c["label"]) for c in columns] == [
        ("2022-12-31", 131),
        ("2023-10-31", 196),
        ("2024-06-30", 200),
    ]
    # Proportional: 10 months between the first two, 8 between the last two.
    x = [float(c["center"]) for c in columns]
    assert (x[1] - x[0]) / (x[2] - x[1]) == pytest.approx(304 / 243, rel=0.01)
    dtm = charts["figure.dtm-reports-published"]["geometry"]
    assert [year["year"] for year in dtm["years"]] == [2022, 2023, 2024]


def test_each_chart_downloads_exactly_its_series(client, iom_panama_versions):
    response = client.get("/data/figures-over-time/staff.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert {row["series"] for row in rows} == {
        "staff.national",
        "staff.international",
        "staff.total",
    }
    assert len(rows) == 9
    rows = csv_rows(client.get("/data/figures-over-time/figure.dtm-reports-published.csv"))
    assert [(row["date"], row["value"]) for row in rows] == [
        ("2022-10-31", "50"),
        ("2022-12-31", "51"),
        ("2024-06-30", "61"),
    ]
    assert client.get("/data/figures-over-time/nothing.csv").status_code == 404
    html = client.get("/en/").content.decode()
    assert 'href="/data/figures-over-time/staff.csv" download' in html
    assert "Source: IOM Panama factsheet, late 2022; IOM in Panama factsheet, October 2023" in html


def test_migration_0008_gives_an_existing_real_profile_its_headlines(iom_panama):
    import importlib

    from django.apps import apps

    step = importlib.import_module("profiles.migrations.0008_key_figure_headline_and_label_one")
    KeyFigure.objects.update(headline=None, label_one_en="", label_one_es="", label_one="")
    step.seed_headlines(apps, None)
    chosen = KeyFigure.objects.filter(headline__isnull=False).order_by("headline")
    assert list(chosen.values_list("slug", flat=True)) == [
        "darien-crossings-2023",
        "migrants-in-transit-reached",
        "people-trained-2023",
        "assisted-voluntary-returns-2023",
        "dtm-reports-published",
    ]
    assert KeyFigure.objects.get(slug="donated-ambulances").label_one_es == "Ambulancia donada"
    # An editor's choice stays.
    KeyFigure.objects.update(headline=None)
    KeyFigure.objects.filter(slug="donated-meals").update(headline=1)
    step.seed_headlines(apps, None)
    assert list(
        KeyFigure.objects.filter(headline__isnull=False).values_list("slug", flat=True)
    ) == ["donated-meals"]
