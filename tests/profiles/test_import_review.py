"""What an import refuses, warns about, records and leaves in each object's history."""

import csv
import hashlib
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from profiles.models import AuditEntry, ImportRecord, KeyFigure, ThematicArea
from profiles.translation_status import OUTDATED, field_states
from projects.models import Project
from tests.imports import confirm_import

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pending_imports(settings, tmp_path):
    settings.IMPORT_EXPORT_PENDING_DIR = tmp_path / "pending-imports"


def upload(client, model, content, name, **headers):
    """Upload a file as an editor does: no format chosen, it is read from the file."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
    return client.post(url, {"import_file": SimpleUploadedFile(name, content)}, **headers)


def test_an_unknown_region_code_is_a_row_error_with_the_allowed_codes(editor_client, iom_panama):
    content = b"slug,regions\ngbv-local-government-darien,PA-5;PA-99\n"
    html = upload(editor_client, Project, content, "projects.csv").content.decode()
    assert "Row 1, column “regions”: there is no region “PA-99”. Allowed values: " in html
    assert "Allowed values: PA-2, PA-4, PA-5, PA-6, PA-7, PA-8, PA-10, PA-NB." in html
    assert Project.objects.get(slug="gbv-local-government-darien").regions.count() == 0


def test_unknown_slugs_in_relation_columns_name_the_column_value_and_allowed_values(
    editor_client, iom_panama
):
    content = b"slug,thematic_areas\ngbv-local-government-darien,no-such-area\n"
    response = upload(editor_client, Project, content, "projects.csv", HTTP_ACCEPT_LANGUAGE="es")
    html = response.content.decode()
    assert "columna «thematic_areas»" in html or "columna “thematic_areas”" in html
    assert "no-such-area" in html and "gender-and-migration" in html
    assert response.context.get("confirm_form") is None


def test_a_blank_spanish_summary_is_a_warning_in_the_preview(editor_client, iom_panama):
    content = (
        b"slug,title_en,title_es,summary_en,summary_es,status\n"
        b"new-project,New project,Proyecto nuevo,What it does.,,active\n"
    )
    response = upload(editor_client, Project, content, "projects.csv")
    html = response.content.decode()
    assert response.context["confirm_form"] is not None  # a warning does not block
    assert (
        "Row 1: “summary_es” is empty, so the Spanish page will show the English text of "
        "“summary_en”." in html
    )
    assert "1 text is missing a translation" in html


def test_the_format_is_read_from_the_file(editor_client, iom_panama):
    workbook = openpyxl.Workbook()
    workbook.active.append(["slug", "name_en", "name_es"])
    workbook.active.append(["climate", "Climate", "Clima"])
    data = io.BytesIO()
    workbook.save(data)
    response = upload(editor_client, ThematicArea, data.getvalue(), "areas.xlsx")
    assert response.context["result"].totals["new"] == 1  # no format was chosen
    form = editor_client.get(reverse("admin:profiles_thematicarea_import")).content.decode()
    assert '<select name="format"' not in form and 'type="hidden" name="format"' in form


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_each_list_offers_an_example_file_in_both_languages(editor_client, iom_panama, extension):
    page = editor_client.get(reverse("admin:projects_project_import")).content.decode()
    url = reverse("admin:projects_project_import_example", args=[extension])
    assert f'href="{url}"' in page
    assert "Title (Spanish)" in page  # the columns are explained, not just named
    response = editor_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="project-example.{extension}"'
    if extension == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [[cell if cell is not None else "" for cell in row] for row in sheet.values]
    header, *examples = rows
    assert {"title_en", "title_es", "summary_en", "summary_es", "regions"} <= set(header)
    assert len(examples) == 3
    assert all(row[header.index("title_es")] for row in examples)
    # The example file imports as it is, changing nothing.
    preview = upload(editor_client, Project, response.content, f"example.{extension}")
    assert preview.context["result"].totals["skip"] == 3


def test_an_unknown_example_format_is_not_found(editor_client, iom_panama):
    url = reverse("admin:projects_project_import_example", args=["pdf"])
    assert editor_client.get(url).status_code == 404


def test_the_preview_shows_old_and_new_per_changed_cell(editor_client, iom_panama):
    figure = KeyFigure.objects.get(slug="digital-reach")
    content = f"slug,value,label_en\ndigital-reach,{figure.value + 5},{figure.label_en}\n"
    html = upload(editor_client, KeyFigure, content.encode(), "figures.csv").content.decode()
    assert (
        f'<span class="import-old">{figure.value}</span> <span aria-hidden="true">→</span>' in html
    )
    assert f'<span class="import-new">{figure.value + 5}</span>' in html
    assert "<del" not in html and "<ins" not in html
    assert "Changed rows: 1" in html


def test_row_errors_are_written_out_in_their_row(editor_client, iom_panama):
    content = (
        b"slug,category,label_en,label_es,value,period_start,period_end\n"
        b"bad-figure,assistance,Bad,Mala,-3,2024-07-01,2024-06-30\n"
        b"odd-figure,nonsense,Odd,Rara,3,,2024-06-30\n"
    )
    html = upload(editor_client, KeyFigure, content, "figures.csv").content.decode()
    assert 'class="import-row-errors"' in html
    assert "<li>A key figure cannot be negative.</li>" in html
    invalid_choice = "Value &#x27;nonsense&#x27; is not a valid choice"
    assert f"<code>category</code> “nonsense”: {invalid_choice}" in html
    assert "validation-error-count" not in html


def confirmed(client, model, content, name):
    preview = upload(client, model, content, name)
    assert preview.context["confirm_form"] is not None, preview.content.decode()
    return confirm_import(client, model, preview.context["confirm_form"].initial)


def test_a_confirmed_import_is_recorded_and_writes_each_objects_history(
    editor_client, editor, iom_panama
):
    figure = KeyFigure.objects.get(slug="digital-reach")
    content = (
        "slug,category,label_en,label_es,qualifier,value,unit_en,unit_es,period_end\n"
        "new-figure,assistance,New figure,Nueva cifra,exact,12,people,personas,2024-06-30\n"
        f"digital-reach,{figure.category},People reached online,{figure.label_es},"
        f"{figure.qualifier},{figure.value},{figure.unit_en},{figure.unit_es},"
        f"{figure.period_end:%Y-%m-%d}\n"
    ).encode()
    done = confirmed(editor_client, KeyFigure, content, "figures.csv")
    assert "Import finished." in done.page
    assert "“figures.csv”: 1 new, 1 updated, 0 unchanged." in done.page
    (record,) = ImportRecord.objects.all()
    assert reverse("admin:profiles_importrecord_change", args=[record.pk]) in done.page
    assert (record.user, record.file_name) == (editor, "figures.csv")
    assert record.checksum == hashlib.sha256(content).hexdigest()
    assert (record.rows_new, record.rows_updated, record.rows_skipped) == (1, 1, 0)
    assert record.content_type.model_class() is KeyFigure

    entries = AuditEntry.objects.filter(import_record=record)
    changed = entries.get(object_id=str(figure.pk))
    assert changed.action == AuditEntry.Action.CHANGED and changed.user == editor
    assert changed.changes == {"label_en": [figure.label_en, "People reached online"]}
    added = entries.get(object_repr__contains="New figure")
    assert added.action == AuditEntry.Action.ADDED
    assert added.changes["label_es"] == ["", "Nueva cifra"]

    history = editor_client.get(reverse("admin:profiles_keyfigure_history", args=[figure.pk]))
    html = history.content.decode()
    assert "People reached online" in html and "update through import_export" not in html
    # The English label changed after the Spanish one: the Spanish is now outdated.
    figure.refresh_from_db()
    assert field_states(figure)["label"][:2] == (OUTDATED, "es")


def test_a_file_of_thousands_of_rows_shows_progress(editor_client, iom_panama):
    lines = ["slug,name_en,name_es"] + [f"area-{n},Area {n},Área {n}" for n in range(2400)]
    content = "\n".join(lines).encode()
    done = confirmed(editor_client, ThematicArea, content, "areas.csv")
    assert done.streaming
    for count in (500, 1000, 1500, 2000, 2400):
        assert f"{count} of 2400 rows read and saved" in done.page
    assert "2400 new, 0 updated, 0 unchanged." in done.page
    assert ThematicArea.objects.filter(slug__startswith="area-").count() == 2400
    assert ImportRecord.objects.get().rows_new == 2400


def test_the_import_record_lists_what_it_changed(editor_client, iom_panama):
    content = b"slug,name_en,name_es\nclimate,Climate,Clima\n"
    confirmed(editor_client, ThematicArea, content, "areas.csv")
    record = ImportRecord.objects.get()
    page = editor_client.get(reverse("admin:profiles_importrecord_change", args=[record.pk]))
    html = page.content.decode()
    area = ThematicArea.objects.get(slug="climate")
    history = reverse("admin:profiles_thematicarea_history", args=[area.pk])
    assert f'<a href="{history}">Climate</a> (added)' in html
    assert record.checksum in html
    history_html = editor_client.get(history).content.decode()
    assert "(import of “areas.csv”)" in history_html
