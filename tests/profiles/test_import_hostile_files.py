"""Hostile and broken spreadsheets: each is refused with a message, quickly, and loses nothing.

Every file here is built as real bytes (CSV text, zip archives, openpyxl workbooks).
"""

import io
import os
import secrets
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.translation import trans_real

from profiles.models import Donor, KeyFigure, Region, StaffCount
from projects.models import Project
from tests.imports import confirm_import

pytestmark = pytest.mark.django_db

FORMAT_INDEX = {"csv": 0, "xlsx": 1}
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
SHEET_END = b"</sheetData></worksheet>"
SHEET_ROW = b'<row><c t="inlineStr"><is><t>PA-1</t></is></c></row>'


def import_url(model=Region):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")


def upload(client, content, name, fmt="csv", model=Region, **headers):
    file = SimpleUploadedFile(name, content)
    return client.post(
        import_url(model), {"import_file": file, "format": FORMAT_INDEX[fmt]}, **headers
    )


def workbook_bytes(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_members(workbook, replace=None, extra=()):
    """A copy of a real workbook whose members `replace` are swapped for new contents
    (written in 1 MB chunks, so tens of MB never sit in memory at once), plus `extra`."""
    replace = replace or {}
    source = zipfile.ZipFile(io.BytesIO(workbook))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for member in source.infolist():
            if member.filename in replace:
                with archive.open(member.filename, "w", force_zip64=True) as target:
                    for chunk in replace[member.filename]:
                        target.write(chunk)
            else:
                archive.writestr(member, source.read(member))
        for name, content in extra:
            archive.writestr(name, content)
    return buffer.getvalue()


def huge_sheet(megabytes):
    yield SHEET_START
    chunk = SHEET_ROW * (1024 * 1024 // len(SHEET_ROW))
    for _ in range(megabytes):
        yield chunk
    yield SHEET_END


REGIONS_XLSX = [["iso_code", "name_en", "name_es", "kind"], ["PA-1", "Bocas", "Bocas", "province"]]


def test_an_xlsx_zip_bomb_is_refused_before_it_is_opened(editor_client, iom_panama):
    bomb = with_members(
        workbook_bytes(REGIONS_XLSX), replace={"xl/worksheets/sheet1.xml": huge_sheet(40)}
    )
    declared = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(bomb)).infolist())
    assert len(bomb) < 200_000 and declared > 40 * 1024 * 1024
    started = time.perf_counter()
    response = upload(editor_client, bomb, "regions.xlsx", fmt="xlsx")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    html = response.content.decode()
    assert "This workbook would take 40 MB once unpacked" in html
    assert "workbooks of up to 20 MB can be imported" in html
    assert elapsed < 2, elapsed  # openpyxl would need some 15 s for this sheet
    assert Region.objects.count() == 8


def test_a_member_compressed_like_a_bomb_is_refused(editor_client, iom_panama):
    zeros = with_members(
        workbook_bytes(REGIONS_XLSX),
        extra=[("xl/media/padding.bin", b"\x00" * (2 * 1024 * 1024))],
    )
    response = upload(editor_client, zeros, "regions.xlsx", fmt="xlsx")
    html = response.content.decode()
    assert "The part “xl/media/padding.bin” of this workbook is compressed" in html
    assert "far more than any spreadsheet; the file is not opened." in html
    assert Region.objects.count() == 8


def test_a_workbook_of_too_many_parts_is_refused(editor_client, iom_panama):
    crowded = with_members(
        workbook_bytes(REGIONS_XLSX), extra=[(f"xl/media/{n}.txt", b"") for n in range(1000)]
    )
    response = upload(editor_client, crowded, "regions.xlsx", fmt="xlsx")
    assert "workbooks of up to 1000 files can be imported" in response.content.decode()
    assert Region.objects.count() == 8


def test_a_workbook_within_the_limits_still_imports(editor_client, iom_panama):
    response = upload(editor_client, workbook_bytes(REGIONS_XLSX), "regions.xlsx", fmt="xlsx")
    assert response.context["result"].totals["new"] == 1


# Item 11: broken CSV files and unreadable cells, each named by row and column.

REGIONS = "iso_code,name_en,name_es,kind\n"
FIGURES = (
    "slug,category,label_en,label_es,qualifier,value,unit_en,unit_es,period_start,period_end\n"
)
FIGURE = "new-figure,assistance,New figure,Nueva cifra,exact,{value},people,personas,,2024-06-30\n"


def refused(response):
    """The messages of a refused import, after checking nothing was offered for import."""
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    html = response.content.decode()
    assert "Traceback" not in html and "<class" not in html
    return html


def test_an_unterminated_quote_is_refused_instead_of_swallowing_rows(editor_client, iom_panama):
    content = (
        REGIONS + "PA-9,Veraguas,Veraguas,province\n"
        'PA-3,"Colón,Colón,province\n'
        "PA-4,Chiriquí,Chiriquí,province\n"
        "PA-8,Panamá,Panamá,province\n"
    )
    html = refused(upload(editor_client, content.encode(), "regions.csv"))
    assert (
        "Row 2 (line 3 of the file), column “name_en”: a quote (&quot;) opens this cell and "
        "is never closed, so the rest of the file would be read into it." in html
    )
    assert Region.objects.count() == 8


def test_ragged_rows_say_which_row_has_how_many_cells(editor_client, iom_panama):
    content = (
        REGIONS + "PA-9,Veraguas,province\n"  # a cell short: every later cell shifts
        "PA-3,Colón,Colón,province,coastal\n"
        "PA-4,Chiriquí,Chiriquí,province,,\n"  # trailing empty cells are fine
    )
    html = refused(upload(editor_client, content.encode(), "regions.csv"))
    assert "Row 1 (line 2 of the file) has 3 cells, but the header row has 4 columns" in html
    assert "Row 2 (line 3 of the file) has 5 cells, but the header row has 4 columns" in html
    assert "Row 3" not in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_non_number_names_its_row_column_and_value(editor_client, iom_panama, fmt):
    rows = [FIGURE.format(value="12"), FIGURE.format(value="abc").replace("new-", "other-")]
    if fmt == "csv":
        content = (FIGURES + "".join(rows)).encode()
    else:
        content = workbook_bytes([line.strip().split(",") for line in [FIGURES, *rows]])
    html = refused(upload(editor_client, content, f"figures.{fmt}", fmt=fmt, model=KeyFigure))
    assert "Row 2, column “value”: “abc” is not a number." in html
    assert "ConversionSyntax" not in html
    assert not KeyFigure.objects.filter(slug__in=["new-figure", "other-figure"]).exists()


def test_whole_numbers_dates_yes_no_and_keys_are_checked_too(editor_client, iom_panama):
    content = (
        "iso_code,name_en,name_es,kind,has_presence,latitude,order\n"
        "PA-9,Veraguas,Veraguas,province,sí,8.1,1.5\n"
        "PA-3,Colón,Colón,province,1,nine,2\n"
    )
    html = refused(upload(editor_client, content.encode(), "regions.csv"))
    assert "Row 1, column “has_presence”: “sí” is neither yes nor no" in html
    assert "Row 1, column “order”: “1.5” is not a whole number." in html
    assert "Row 2, column “latitude”: “nine” is not a number." in html
    staff = "as_of,national,international\n2024-13-45,10,2\n"
    html = refused(upload(editor_client, staff.encode(), "staff.csv", model=StaffCount))
    assert "Row 1, column “as_of”: “2024-13-45” is not a date" in html


def test_an_unknown_key_in_a_list_is_named_not_dropped(editor_client, iom_panama):
    content = "slug,donors,sdg_goals\ngbv-local-government-darien,norway;no-such-donor,5;x\n"
    html = refused(upload(editor_client, content.encode(), "projects.csv", model=Project))
    assert "Row 1, column “donors”: there is no donor “no-such-donor”." in html
    assert "Row 1, column “sdg_goals”: “x” is not a number." in html


def test_wrong_headers_are_named_with_the_expected_columns(editor_client, iom_panama):
    content = "iso_code,name_en,nmae_es,notes\nPA-9,Veraguas,Veraguas,x\n"
    html = refused(upload(editor_client, content.encode(), "regions.csv"))
    assert "Unknown columns: “nmae_es”, “notes”." in html
    assert (
        "The columns of this list are: iso_code, name_en, name_es, kind, has_presence, "
        "latitude, longitude, order, source_document, source_note_en, source_note_es." in html
    )
    html = refused(upload(editor_client, b"name_en,kind\nVeraguas,province\n", "regions.csv"))
    assert "Missing columns: “iso_code”. They say which row is which" in html
    html = refused(upload(editor_client, b"iso_code,kind,kind\nPA-9,a,b\n", "regions.csv"))
    assert "These columns appear more than once in the header row: “kind”." in html


@pytest.mark.parametrize("character", ["\x00", "\x07"], ids=["nul", "bell"])
def test_a_control_character_is_named_by_row_and_column(editor_client, iom_panama, character):
    content = (
        REGIONS
        + "PA-9,Veraguas,Veraguas,province\n" * 40
        + f"PA-3,Co{character}lón,Colón,province\n"
    )
    html = refused(upload(editor_client, content.encode(), "regions.csv"))
    code = f"U+{ord(character):04X}"
    assert (
        f"Row 41 (line 42 of the file), column “name_en” holds an invisible control "
        f"character ({code}), which cannot be stored." in html
    )
    assert Region.objects.count() == 8


def test_a_workbook_column_with_data_but_no_name_is_refused(editor_client, iom_panama):
    rows = [["iso_code", "name_en", "name_es", "kind"], ["PA-1", "Bocas", "Bocas", "province", "x"]]
    html = refused(upload(editor_client, workbook_bytes(rows), "regions.xlsx", fmt="xlsx"))
    assert "Column E holds data but has no name in the header row." in html


def test_many_problems_are_listed_up_to_a_limit(editor_client, iom_panama):
    content = FIGURES + "".join(
        FIGURE.format(value="abc").replace("new-figure", f"figure-{n}") for n in range(30)
    )
    html = refused(upload(editor_client, content.encode(), "figures.csv", model=KeyFigure))
    assert "Row 20, column “value”" in html and "Row 21, column “value”" not in html
    assert "30 problems in all; correct these and import the file again." in html


def test_messages_are_in_the_editors_language(editor_client, iom_panama):
    # The Spanish catalogue gets this entry from the translators; this test adds it to the
    # loaded catalogue, to show the message goes through gettext in the request's language.
    msgid = "“%(value)s” is not a number."
    catalogue = trans_real.translation("es")._catalog._catalogs[0]
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(catalogue, msgid, "«%(value)s» no es un número.")
        patch.setitem(
            catalogue, "Row %(row)s, column “%(column)s”", "Fila %(row)s, columna «%(column)s»"
        )
        content = (FIGURES + FIGURE.format(value="abc")).encode()
        response = upload(
            editor_client, content, "cifras.csv", model=KeyFigure, HTTP_ACCEPT_LANGUAGE="es"
        )
    assert "Fila 1, columna «value»: «abc» no es un número." in refused(response)


def test_a_good_file_still_imports_after_all_these_checks(editor_client, iom_panama):
    content = (FIGURES + FIGURE.format(value="12")).encode()
    response = upload(editor_client, content, "figures.csv", model=KeyFigure)
    assert response.context["result"].totals["new"] == 1
    assert response.context["confirm_form"] is not None


# Item 9: the upload waiting for confirmation is the editor's own, in the app's own
# directory, under a name nobody can guess, for an hour.

NEW_REGION = REGIONS + "PA-7,Los Santos,Los Santos,province\nPA-99,Nueva,Nueva,province\n"


@pytest.fixture(autouse=True)
def pending_dir(settings, tmp_path):
    settings.IMPORT_EXPORT_PENDING_DIR = tmp_path / "pending-imports"
    return settings.IMPORT_EXPORT_PENDING_DIR


def confirm(client, data, model=Region):
    return confirm_import(client, model, data)


def preview(client, content=NEW_REGION):
    response = upload(client, content.encode(), "regions.csv")
    assert response.context["confirm_form"] is not None
    return response.context["confirm_form"].initial


@pytest.fixture
def other_editor_client(editor, django_user_model):
    other = django_user_model.objects.create_user("other", is_staff=True)
    other.user_permissions.set(editor.user_permissions.all())
    client = Client()
    client.force_login(other)
    return client


def test_a_path_in_the_file_name_reads_and_deletes_nothing(editor_client, iom_panama):
    victim = Path(tempfile.gettempdir()) / f"victim-{secrets.token_hex(8)}.csv"
    victim.write_text(NEW_REGION)
    try:
        response = confirm(
            editor_client,
            {
                "import_file_name": f"../anything/{victim.name}",
                "original_file_name": "regions.csv",
                "format": "0",
                "resource": "",
            },
        )
        assert response.status_code == 400
        assert "This import is no longer waiting for confirmation" in response.content.decode()
        assert victim.read_text() == NEW_REGION
        assert not Region.objects.filter(iso_code="PA-99").exists()
    finally:
        victim.unlink(missing_ok=True)


def test_the_pending_file_is_private_unguessable_and_removed_once_imported(
    editor_client, iom_panama, pending_dir
):
    initial = preview(editor_client)
    name = initial["import_file_name"]
    assert len(name) == 43 and name.replace("-", "").replace("_", "").isalnum()
    (pending,) = pending_dir.iterdir()
    assert pending.name.endswith(name) and pending.read_bytes() == NEW_REGION.encode()
    assert pending.stat().st_mode & 0o777 == 0o600
    assert not (Path(tempfile.gettempdir()) / name).exists()
    response = confirm(editor_client, initial)
    assert response.status_code == 200 and "Import finished." in response.page
    assert Region.objects.get(iso_code="PA-99").name_en == "Nueva"
    assert list(pending_dir.iterdir()) == []
    again = confirm(editor_client, initial)  # a second confirmation finds nothing
    assert again.status_code == 400
    assert "This import is no longer waiting for confirmation" in again.content.decode()


@pytest.mark.parametrize(
    "change,message",
    [
        ({"format": "7"}, "Unknown file format. Upload the file again."),
        ({"format": "x"}, "Unknown file format. Upload the file again."),
        ({"resource": "3"}, "Unknown kind of import. Upload the file again."),
        ({"import_file_name": ""}, "This field is required."),
        ({"import_file_name": "victim.csv"}, "This import is no longer waiting"),
        ({"import_file_name": "A" * 43}, "This import is no longer waiting"),
        ({"format": "1"}, "This file is not a readable XLSX workbook."),
    ],
    ids=["format-index", "format-text", "resource", "no-file", "file-name", "unknown", "xlsx"],
)
def test_a_tampered_confirmation_is_a_form_error(editor_client, iom_panama, change, message):
    initial = preview(editor_client)
    response = confirm(editor_client, initial | change)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'name="import_file"' in html  # the import form, to upload the file again
    assert not Region.objects.filter(iso_code="PA-99").exists()


def test_an_unknown_format_or_resource_in_the_upload_is_a_form_error(editor_client, iom_panama):
    file = SimpleUploadedFile("regions.csv", NEW_REGION.encode())
    response = editor_client.post(import_url(), {"import_file": file, "format": "9"})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    file = SimpleUploadedFile("regions.csv", NEW_REGION.encode())
    response = editor_client.post(
        import_url(), {"import_file": file, "format": "0", "resource": "4"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Unknown kind of import. Upload the file again." in html
    assert not Region.objects.filter(iso_code="PA-99").exists()


def test_another_users_upload_is_not_found(editor_client, other_editor_client, iom_panama):
    initial = preview(editor_client)
    response = confirm(other_editor_client, initial)
    assert response.status_code == 400
    assert "someone else started it" in response.content.decode()
    assert not Region.objects.filter(iso_code="PA-99").exists()
    # Nor is it found from another list's import.
    assert confirm(editor_client, initial, model=KeyFigure).status_code == 400
    # It is still waiting for its owner.
    assert "Import finished." in confirm(editor_client, initial).page
    assert Region.objects.filter(iso_code="PA-99").exists()


def test_uploads_never_confirmed_expire_after_an_hour(editor_client, iom_panama, pending_dir):
    initial = preview(editor_client)
    (pending,) = pending_dir.iterdir()
    two_hours_ago = time.time() - 2 * 60 * 60
    os.utime(pending, (two_hours_ago, two_hours_ago))
    response = confirm(editor_client, initial)
    assert response.status_code == 400
    assert "it expired after an hour" in response.content.decode()
    assert not pending.exists()
    assert not Region.objects.filter(iso_code="PA-99").exists()
    # Any new upload sweeps the stale ones away; fresh ones stay.
    stale = pending_dir / f"1-profiles.region.{'s' * 43}"
    stale.write_bytes(b"x")
    os.utime(stale, (two_hours_ago, two_hours_ago))
    preview(editor_client)
    (fresh,) = pending_dir.iterdir()
    assert fresh != stale and not stale.exists()


def test_the_sweep_removes_nothing_but_stale_uploads(editor_client, iom_panama, pending_dir):
    """Even a directory shared with other files (a misconfigured setting) loses nothing."""
    pending_dir.mkdir(parents=True, exist_ok=True)
    other = pending_dir / "backup.sql"
    other.write_bytes(b"keep me")
    long_ago = time.time() - 30 * 24 * 60 * 60
    os.utime(other, (long_ago, long_ago))
    preview(editor_client)
    assert other.read_bytes() == b"keep me"


def test_a_refused_file_leaves_nothing_waiting(editor_client, iom_panama, pending_dir):
    upload(editor_client, b"iso_code,name_en\nPA-1", "regions.csv")
    upload(editor_client, (REGIONS + "PA-1,x,x,nowhere\n").encode(), "regions.csv")
    assert not pending_dir.exists() or list(pending_dir.iterdir()) == []


def test_a_file_that_no_longer_fits_at_confirmation_saves_nothing(editor_client, iom_panama):
    content = (
        "slug,donors\ngbv-local-government-darien,norway\nmigration-management-framework,norway\n"
    )
    response = upload(editor_client, content.encode(), "projects.csv", model=Project)
    initial = response.context["confirm_form"].initial
    Donor.objects.filter(slug="norway").delete()  # meanwhile, someone deletes the donor
    response = confirm(editor_client, initial, model=Project)
    assert response.status_code == 400
    assert "Row 1, column “donors”: there is no donor “norway”." in response.content.decode()
