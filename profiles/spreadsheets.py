"""Spreadsheet import and export in the admin (django-import-export).

Editors' files come from Excel and LibreOffice in English and Spanish locales:
UTF-8 with or without a byte-order mark, Windows-1252, commas or semicolons.
Each is read correctly or refused with a message that says why.
"""

import csv
import io
import zipfile
from pathlib import Path

import tablib
from django import forms
from django.contrib.auth import get_permission_codename
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from import_export.forms import ImportForm

from .exports import escape_formula, unescape_formula, write_xlsx

MAX_IMPORT_BYTES = 5 * 1024 * 1024
# An XLSX file is a zip archive. Its central directory declares each member's size,
# and Python's zipfile never unpacks more than that, so these limits, checked before
# openpyxl opens the workbook, bound the work a workbook can cause (openpyxl reads
# some 2.5 MB of sheet XML a second, so 20 MB take under ten seconds).
MAX_XLSX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_XLSX_MEMBERS = 1000
# Sheets compress 5 to 20 times; a member over 1 MB compressed more than this is a bomb.
MAX_XLSX_RATIO = 100
DELIMITERS = (",", ";", "\t")


class SpreadsheetError(ValueError):
    """A file that cannot be read, with a message for the editor."""


NOT_A_WORKBOOK = _(
    "This file is not a readable XLSX workbook. Save it from Excel or LibreOffice as .xlsx."
)


def decode_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise SpreadsheetError(_("This file is not a CSV text file (it contains binary data)."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(
        _("The file's characters could not be read. Save it as “CSV UTF-8” and try again.")
    )


def map_cells(dataset, function):
    mapped = tablib.Dataset(headers=dataset.headers)
    for row in dataset:
        mapped.append([function(cell) for cell in row])
    return mapped


def sniff_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return max(DELIMITERS, key=header.count)


class SpreadsheetCSV(base_formats.CSV):
    """CSV as Excel writes it in any locale: the encoding and separator are detected."""

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        text = decode_text(in_stream) if isinstance(in_stream, bytes) else in_stream
        if not text.strip():
            raise SpreadsheetError(_("The file is empty."))
        try:
            dataset = tablib.import_set(text, format="csv", delimiter=sniff_delimiter(text))
        except (csv.Error, tablib.InvalidDimensions) as error:
            raise SpreadsheetError(
                _("The CSV file is malformed: %(error)s") % {"error": error}
            ) from error
        return map_cells(dataset, unescape_formula)

    def export_data(self, dataset, **kwargs):
        # With a byte-order mark Excel reads UTF-8; escaped cells never run as formulas.
        return "\ufeff" + map_cells(dataset, escape_formula).export("csv")


def check_workbook_archive(data: bytes) -> None:
    """Refuse a zip bomb before it is unpacked: sizes, member count, compression ratio."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise SpreadsheetError(NOT_A_WORKBOOK) from error
    if len(members) > MAX_XLSX_MEMBERS:
        raise SpreadsheetError(
            _(
                "This workbook holds %(count)s files; workbooks of up to %(limit)s files "
                "can be imported."
            )
            % {"count": len(members), "limit": MAX_XLSX_MEMBERS}
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise SpreadsheetError(
            _(
                "This workbook would take %(size)s MB once unpacked; workbooks of up to "
                "%(limit)s MB can be imported."
            )
            % {
                "size": f"{unpacked / 1024 / 1024:,.0f}",
                "limit": MAX_XLSX_UNPACKED_BYTES // 1024 // 1024,
            }
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_XLSX_RATIO:
            raise SpreadsheetError(
                _(
                    "The part “%(name)s” of this workbook is compressed %(ratio)s to 1, "
                    "far more than any spreadsheet; the file is not opened."
                )
                % {"name": member.filename, "ratio": f"{ratio:,.0f}"}
            )


class SpreadsheetXLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        rows = [dict(zip(dataset.headers, row, strict=True)) for row in dataset]
        return write_xlsx([(self.sheet_title(dataset), list(dataset.headers), rows)])

    @staticmethod
    def sheet_title(dataset):
        return (dataset.title or "data")[:31]

    def create_dataset(self, in_stream, **kwargs):
        check_workbook_archive(in_stream)
        try:
            return super().create_dataset(in_stream, **kwargs)
        except Exception as error:
            raise SpreadsheetError(NOT_A_WORKBOOK) from error


FORMAT_EXTENSIONS = {SpreadsheetCSV: {".csv", ".txt"}, SpreadsheetXLSX: {".xlsx"}}


class SpreadsheetImportForm(ImportForm):
    """The import form, with a size limit and an extension that must match the format."""

    def __init__(self, formats, resources, **kwargs):
        self.format_classes = formats
        super().__init__(formats, resources, **kwargs)

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s MB; files of up to %(limit)s MB can be imported."),
                params={
                    "size": round(upload.size / 1024 / 1024, 1),
                    "limit": MAX_IMPORT_BYTES // 1024 // 1024,
                },
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, chosen = cleaned.get("import_file"), cleaned.get("format")
        if upload is None or chosen in (None, ""):
            return cleaned
        format_class = self.format_classes[int(chosen)]
        extension = Path(upload.name).suffix.lower()
        allowed = FORMAT_EXTENSIONS.get(format_class, set())
        if extension not in allowed:
            self.add_error(
                "import_file",
                _("A %(format)s file must end in %(extensions)s; this one is “%(name)s”.")
                % {
                    "format": format_class().get_title(),
                    "extensions": " / ".join(sorted(allowed)),
                    "name": upload.name,
                },
            )
        return cleaned


class SpreadsheetAdminMixin(ImportExportModelAdmin):
    """Import and export with CSV and XLSX, for editors with the right permissions."""

    formats = [SpreadsheetCSV, SpreadsheetXLSX]
    import_form_class = SpreadsheetImportForm

    def has_import_permission(self, request):
        opts = self.opts
        return all(
            request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
            for action in ("add", "change")
        )

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, SpreadsheetError):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)
