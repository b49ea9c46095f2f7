"""Hostile and broken spreadsheets: each is refused with a message, quickly, and loses nothing.

Every file here is built as real bytes (CSV text, zip archives, openpyxl workbooks).
"""

import io
import time
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from profiles.models import Region

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
