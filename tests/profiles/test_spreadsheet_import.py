"""Spreadsheet import and export in the admin: round trips, preview, bad files, permissions."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from profiles import resources as profile_resources
from profiles.models import KeyFigure, Region, ThematicArea
from profiles.spreadsheets import SpreadsheetCSV, SpreadsheetXLSX
from projects.models import Project
from projects.resources import ProjectResource
from publications.resources import PublicationResource, StoryResource
from tests.imports import confirm_import

pytestmark = pytest.mark.django_db

RESOURCES = [
    profile_resources.RegionResource,
    profile_resources.OfficeResource,
    profile_resources.StaffCountResource,
    profile_resources.KeyFigureResource,
    profile_resources.ThematicAreaResource,
    profile_resources.DonorResource,
    ProjectResource,
    PublicationResource,
    StoryResource,
]
FORMATS = {"csv": (SpreadsheetCSV, 0), "xlsx": (SpreadsheetXLSX, 1)}
HEADER = "slug,category,label_en,label_es,qualifier,value,unit_en,unit_es,period_start,period_end"


@pytest.fixture(autouse=True)
def pending_imports(settings, tmp_path):
    """Uploads waiting for confirmation go to a directory of the test's own."""
    settings.IMPORT_EXPORT_PENDING_DIR = tmp_path / "pending-imports"


def round_trip(resource_class, format_class):
    exported = format_class().export_data(resource_class().export())
    data = exported if isinstance(exported, bytes) else exported.encode("utf-8")
    dataset = format_class().create_dataset(data)
    return dataset, resource_class().import_data(dataset, dry_run=False)


@pytest.mark.parametrize("format_class", [SpreadsheetCSV, SpreadsheetXLSX], ids=["csv", "xlsx"])
@pytest.mark.parametrize("resource_class", RESOURCES, ids=lambda r: r.__name__)
def test_reimporting_an_unchanged_export_changes_nothing(iom_panama, resource_class, format_class):
    dataset, result = round_trip(resource_class, format_class)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == len(dataset) > 0
    assert result.totals["update"] == result.totals["new"] == 0


@pytest.mark.parametrize("resource_class", RESOURCES, ids=lambda r: r.__name__)
def test_exports_carry_both_languages_and_natural_keys(iom_panama, resource_class):
    headers = resource_class().export().headers
    translated = [h for h in headers if h.endswith(("_en", "_es"))]
    assert translated and all(h[:-3] + "_es" in headers for h in translated if h.endswith("_en"))
    assert "id" not in headers


def test_projects_export_their_relations_as_keys(iom_panama):
    tagged = Project.objects.get(slug="gbv-local-government-darien")
    tagged.regions.set([Region.objects.get(iso_code="PA-5")])
    tagged.thematic_areas.set([ThematicArea.objects.get(slug="gender-and-migration")])
    dataset = ProjectResource().export()
    row = next(r for r in dataset.dict if r["slug"] == "gbv-local-government-darien")
    assert row["regions"] == "PA-5"
    assert row["thematic_areas"] == "gender-and-migration"


def test_an_edited_export_updates_both_languages(iom_panama):
    dataset = profile_resources.KeyFigureResource().export()
    index = dataset["slug"].index("digital-reach")
    row = list(dataset[index])
    row[dataset.headers.index("label_en")] = "People reached online"
    row[dataset.headers.index("label_es")] = "Personas alcanzadas en línea"
    dataset[index] = row
    result = profile_resources.KeyFigureResource().import_data(dataset, dry_run=False)
    assert result.totals["update"] == 1
    figure = KeyFigure.objects.get(slug="digital-reach")
    assert (figure.label_en, figure.label_es) == (
        "People reached online",
        "Personas alcanzadas en línea",
    )


def test_formula_like_texts_are_escaped_and_round_trip(iom_panama):
    KeyFigure.objects.filter(slug="digital-reach").update(label_en="=1+1")
    csv_text = SpreadsheetCSV().export_data(profile_resources.KeyFigureResource().export())
    assert "'=1+1" in csv_text and ",=1+1" not in csv_text
    workbook = openpyxl.load_workbook(
        io.BytesIO(SpreadsheetXLSX().export_data(profile_resources.KeyFigureResource().export()))
    )
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    for format_class in (SpreadsheetCSV, SpreadsheetXLSX):
        _dataset, result = round_trip(profile_resources.KeyFigureResource, format_class)
        assert result.totals["update"] == 0
    assert KeyFigure.objects.get(slug="digital-reach").label_en == "=1+1"


def upload(client, model, content, name, fmt="csv", **headers):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
    file = SimpleUploadedFile(name, content)
    return client.post(url, {"import_file": file, "format": FORMATS[fmt][1]}, **headers)


def test_the_import_shows_a_dry_run_preview_then_applies_it(editor_client, iom_panama):
    content = (
        f"{HEADER}\n"
        "new-figure,assistance,New figure,Nueva cifra,exact,12,people,personas,,2024-06-30\n"
        "digital-reach,communications,People reached through digital media,Personas "
        "alcanzadas a través de medios digitales,exact,8000,people,personas,,2023-09-30\n"
    ).encode()
    preview = upload(editor_client, KeyFigure, content, "figures.csv")
    html = preview.content.decode()
    assert preview.status_code == 200
    assert not KeyFigure.objects.filter(slug="new-figure").exists()
    result = preview.context["result"]
    assert (result.totals["new"], result.totals["update"]) == (1, 1)
    assert 'class="import-old"' in html and 'class="import-new"' in html  # old → new
    confirm = preview.context["confirm_form"].initial
    done = confirm_import(editor_client, KeyFigure, confirm)
    assert done.status_code == 200 and "Import finished." in done.page
    assert KeyFigure.objects.get(slug="new-figure").label_es == "Nueva cifra"
    assert KeyFigure.objects.get(slug="digital-reach").value == 8000


def test_an_invalid_row_blocks_the_whole_import_and_says_where(editor_client, iom_panama):
    content = (
        f"{HEADER}\n"
        "fine-figure,assistance,Fine,Bien,exact,12,people,personas,,2024-06-30\n"
        "bad-figure,assistance,Bad,Mala,exact,-3,people,personas,2024-07-01,2024-06-30\n"
    ).encode()
    response = upload(editor_client, KeyFigure, content, "figures.csv", HTTP_ACCEPT_LANGUAGE="es")
    html = response.content.decode()
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    (invalid,) = response.context["result"].invalid_rows
    assert invalid.number == 2
    assert "Una cifra clave no puede ser negativa." in html
    assert "El período debe empezar el mismo día en que termina o antes." in html
    assert not KeyFigure.objects.filter(slug__in=["fine-figure", "bad-figure"]).exists()


@pytest.mark.parametrize(
    "encoding,separator",
    [("utf-8-sig", ","), ("utf-8", ";"), ("cp1252", ";"), ("cp1252", ",")],
    ids=["utf8-bom", "utf8-semicolon", "windows1252-semicolon", "windows1252-comma"],
)
def test_excel_files_from_any_locale_import(editor_client, iom_panama, encoding, separator):
    text = (
        f"iso_code{separator}name_en{separator}name_es{separator}kind\r\n"
        f"PA-9{separator}Veraguas{separator}Veraguas (Santiago de Veraguas){separator}province\r\n"
        f"PA-3{separator}Colón{separator}Colón{separator}province\r\n"
    )
    response = upload(editor_client, Region, text.encode(encoding), "regions.csv")
    confirm = response.context["confirm_form"].initial
    confirm_import(editor_client, Region, confirm)
    assert Region.objects.get(iso_code="PA-3").name_es == "Colón"


def test_an_xlsx_file_imports(editor_client, iom_panama):
    workbook = openpyxl.Workbook()
    workbook.active.append(["iso_code", "name_en", "name_es", "kind"])
    workbook.active.append(["PA-1", "Bocas del Toro", "Bocas del Toro", "province"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(editor_client, Region, buffer.getvalue(), "regions.xlsx", fmt="xlsx")
    assert response.context["result"].totals["new"] == 1


@pytest.mark.parametrize(
    "content,name,fmt,message",
    [
        (b"x" * (5 * 1024 * 1024 + 1), "big.csv", "csv", "files of up to 5 MB"),
        (b"iso_code,name_en\nPA-1,Bocas", "regions.pdf", "csv", "must end in .csv / .txt"),
        (b"PK\x03\x04 not really a workbook", "regions.xlsx", "xlsx", "not a readable XLSX"),
        (b"\x00\x01\x02\x03binary", "regions.csv", "csv", "contains binary data"),
        (b"", "regions.csv", "csv", "The submitted file is empty."),
    ],
    ids=["too-big", "wrong-extension", "broken-xlsx", "binary-csv", "empty"],
)
def test_bad_files_are_refused_with_a_clear_message(
    editor_client, iom_panama, content, name, fmt, message
):
    response = upload(editor_client, Region, content, name, fmt=fmt)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Region.objects.count() == 8


def test_only_editors_who_may_add_and_change_see_the_import(iom_panama, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_region"))
    client = Client()
    client.force_login(viewer)
    changelist = client.get(reverse("admin:profiles_region_changelist")).content.decode()
    assert "/admin/profiles/region/import/" not in changelist
    assert client.get(reverse("admin:profiles_region_import")).status_code == 403
    assert client.get(reverse("admin:profiles_region_export")).status_code == 200


def test_export_needs_the_view_permission(iom_panama, django_user_model):
    stranger = django_user_model.objects.create_user("stranger", is_staff=True)
    stranger.user_permissions.set(Permission.objects.filter(codename="view_project"))
    client = Client()
    client.force_login(stranger)
    assert client.get(reverse("admin:profiles_region_export")).status_code == 403
    assert client.get(reverse("admin:projects_project_export")).status_code == 200
    assert Project.objects.count() == 8


def test_a_bad_file_is_explained_in_the_editors_language(editor_client, iom_panama):
    response = upload(
        editor_client,
        Region,
        b"PK\x03\x04 roto",
        "regiones.xlsx",
        fmt="xlsx",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert "Este archivo no es un libro XLSX legible." in response.content.decode()


def test_admin_csv_exports_leave_negative_numbers_alone(iom_panama):
    csv_text = SpreadsheetCSV().export_data(profile_resources.RegionResource().export())
    rows = list(csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))
    longitudes = [row["longitude"] for row in rows if row["longitude"]]
    assert longitudes and all(value.startswith("-") for value in longitudes)


@pytest.mark.parametrize("format_class", [SpreadsheetCSV, SpreadsheetXLSX], ids=["csv", "xlsx"])
def test_look_alike_formulas_round_trip_through_the_admin(iom_panama, format_class):
    KeyFigure.objects.filter(slug="digital-reach").update(
        label_en="\uff1dSUM(A1)", label_es="'=1", unit_en="+507 305-3350"
    )
    if format_class is SpreadsheetCSV:
        csv_text = format_class().export_data(profile_resources.KeyFigureResource().export())
        assert "'\uff1dSUM(A1)" in csv_text and "''=1" in csv_text
        assert "'+507 305-3350" not in csv_text
    _dataset, result = round_trip(profile_resources.KeyFigureResource, format_class)
    assert result.totals["update"] == result.totals["new"] == 0
    figure = KeyFigure.objects.get(slug="digital-reach")
    assert (figure.label_en, figure.label_es) == ("\uff1dSUM(A1)", "'=1")
