"""Spreadsheet import and export in the admin (django-import-export).

Editors' files come from Excel and LibreOffice in English and Spanish locales:
UTF-8 with or without a byte-order mark, Windows-1252, commas or semicolons.
Each is read correctly or refused with a message that says why.
"""

import csv
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
DELIMITERS = (",", ";", "\t")


class SpreadsheetError(ValueError):
    """A file that cannot be read, with a message for the editor."""


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


class SpreadsheetXLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        rows = [dict(zip(dataset.headers, row, strict=True)) for row in dataset]
        return write_xlsx([(self.sheet_title(dataset), list(dataset.headers), rows)])

    @staticmethod
    def sheet_title(dataset):
        return (dataset.title or "data")[:31]

    def create_dataset(self, in_stream, **kwargs):
        try:
            return super().create_dataset(in_stream, **kwargs)
        except Exception as error:
            raise SpreadsheetError(
                _(
                    "This file is not a readable XLSX workbook. "
                    "Save it from Excel or LibreOffice as .xlsx."
                )
            ) from error


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
