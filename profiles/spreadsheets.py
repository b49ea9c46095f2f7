"""Spreadsheet import and export in the admin (django-import-export).

Editors' files come from Excel and LibreOffice in English and Spanish locales:
UTF-8 with or without a byte-order mark, Windows-1252, commas or semicolons.
Each is read correctly or refused with a message that says why.
"""

import csv
import io
import logging
import os
import re
import secrets
import time
import zipfile
from pathlib import Path

import openpyxl
import tablib
from django import forms
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.signals import post_import
from import_export.tmp_storages import BaseStorage

from . import imports
from .exports import escape_formula, unescape_formula, write_xlsx

logger = logging.getLogger(__name__)

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
    """A file that cannot be read, with one message or more for the editor."""

    def __init__(self, *messages):
        super().__init__(*messages)
        self.messages = [str(message) for message in messages]

    def __str__(self):
        return " ".join(self.messages)


NOT_A_WORKBOOK = _(
    "This file is not a readable XLSX workbook. Save it from Excel or LibreOffice as .xlsx."
)
# A file with many problems lists the first ones, then says how many there are.
MAX_LISTED_PROBLEMS = 20
# C0 control characters other than tab, line feed and carriage return: no database
# text should hold them (PostgreSQL refuses NUL) and no XLSX cell can (openpyxl refuses).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def column_letter(number):
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def place(row, column, line=None):
    """Where a cell is, as the editor reads it: row (as in the import preview), column name."""
    if row == 0:
        return _("The header row, column %(column)s") % {"column": column}
    if line is None:
        return _("Row %(row)s, column “%(column)s”") % {"row": row, "column": column}
    return _("Row %(row)s (line %(line)s of the file), column “%(column)s”") % {
        "row": row,
        "line": line,
        "column": column,
    }


def shown(value, limit=40):
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def raise_problems(problems):
    """Raise the problems found, the first MAX_LISTED_PROBLEMS of them."""
    if not problems:
        return
    listed = [str(problem) for problem in problems[:MAX_LISTED_PROBLEMS]]
    if len(problems) > MAX_LISTED_PROBLEMS:
        listed.append(
            _("%(count)s problems in all; correct these and import the file again.")
            % {"count": len(problems)}
        )
    raise SpreadsheetError(*listed)


def decode_text(data: bytes) -> str:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        sample and len(BINARY_BYTES.findall(sample)) * 20 > len(sample)
    ):
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


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def build_dataset(records, *, separator=None, cell=lambda value: value):
    """A dataset from `records`, (line or None, cells) pairs, the first non-blank one
    holding the column names. Blank rows are skipped, as are empty columns without a
    name. In a CSV file (`separator` given) a missing separator would shift every later
    cell into the wrong column, so each row must have as many cells as the header row;
    in a workbook, where cells have fixed places, short rows are padded."""
    records = [(line, list(cells)) for line, cells in records]
    rows = [(line, cells) for line, cells in records if not all(map(is_blank, cells))]
    if not rows:
        raise SpreadsheetError(_("The file is empty."))
    (_line, header), *rows = rows
    names = ["" if value is None else str(value).strip() for value in header]
    while names and not names[-1]:
        names.pop()
    width = len(names)
    problems = [
        control_character(place(0, column_letter(index)), match)
        for index, name in enumerate(names, start=1)
        if (match := CONTROL_CHARACTERS.search(name))
    ]
    unnamed_with_data = set()
    table = []
    for number, (line, cells) in enumerate(rows, start=1):
        if separator:
            count = len(cells)
            while count > width and is_blank(cells[count - 1]):
                count -= 1
            if count != width:
                problems.append(ragged_row(number, line, count, width, separator))
                continue
        else:
            unnamed_with_data.update(
                index for index in range(width, len(cells)) if not is_blank(cells[index])
            )
            cells = cells + [None] * (width - len(cells))
        # A cell of blanks holds nothing: it reads as empty, like an empty cell.
        cells = ["" if is_blank(value) and value is not None else cell(value) for value in cells]
        cells = cells[:width]
        for index, value in enumerate(cells):
            if isinstance(value, str) and (match := CONTROL_CHARACTERS.search(value)):
                where = place(number, names[index] or column_letter(index + 1), line)
                problems.append(control_character(where, match))
        table.append((line, cells))
    unnamed_with_data.update(
        index
        for index, name in enumerate(names)
        if not name and any(not is_blank(cells[index]) for _line, cells in table)
    )
    problems += [
        _("Column %(column)s holds data but has no name in the header row.")
        % {"column": column_letter(index + 1)}
        for index in sorted(unnamed_with_data)
    ]
    raise_problems(problems)
    kept = [index for index, name in enumerate(names) if name]
    return tablib.Dataset(
        *([cells[index] for index in kept] for _line, cells in table),
        headers=[names[index] for index in kept],
    )


def ragged_row(number, line, count, expected, separator):
    return _(
        "Row %(row)s (line %(line)s of the file) has %(count)s cells, but the header row "
        "has %(expected)s columns: a separator is missing or one too many, perhaps in a "
        "text that holds “%(separator)s” and is not in quotes."
    ) % {
        "row": number,
        "line": line,
        "count": count,
        "expected": expected,
        "separator": "tab" if separator == "\t" else separator,
    }


def control_character(where, match):
    return _(
        "%(place)s holds an invisible control character (%(code)s), which cannot be "
        "stored. Remove it and save the file again."
    ) % {"place": where, "code": f"U+{ord(match.group()):04X}"}


def quote_problem(text, line_offset, delimiter):
    """The column (1-based) of the first badly quoted cell of the record that starts
    at `line_offset`, and whether its quote is never closed."""
    column, position, end = 1, line_offset, len(text)
    while position < end:
        if text[position] == '"':
            closing = position + 1
            while True:
                closing = text.find('"', closing)
                if closing == -1:
                    return column, True
                if text[closing + 1 : closing + 2] == '"':
                    closing += 2
                    continue
                break
            if closing + 1 < end and text[closing + 1] not in (delimiter, "\r", "\n"):
                # Closed on a later line, then text: the quote was meant to stay open.
                return column, "\n" in text[position:closing] or "\r" in text[position:closing]
            position = closing + 1
        else:
            while position < end and text[position] not in (delimiter, "\r", "\n"):
                position += 1
        if position >= end or text[position] in "\r\n":
            break
        column, position = column + 1, position + 1
    return column, False


def line_offset(text, line):
    """Where physical line `line` (1-based, as the csv module counts) starts."""
    offset = 0
    for _number, content in zip(range(line - 1), io.StringIO(text, newline=""), strict=False):
        offset += len(content)
    return offset


def read_csv(text):
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, line = [], 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise csv_error(text, line, delimiter, records, error) from error
        records.append((line, cells))
        line = reader.line_num + 1
    return build_dataset(records, separator=delimiter, cell=unescape_formula)


def csv_error(text, line, delimiter, records, error):
    """The message for a record the csv module cannot read: a quote problem."""
    column, unclosed = quote_problem(text, line_offset(text, line), delimiter)
    header = next((cells for _line, cells in records if any(c.strip() for c in cells)), None)
    if header is None:
        where = place(0, column_letter(column))
    else:
        data_rows = sum(1 for _line, cells in records if any(c.strip() for c in cells)) - 1
        name = header[column - 1].strip() if column <= len(header) else ""
        where = place(data_rows + 1, name or column_letter(column), line)
    if "field larger than field limit" in str(error):
        message = _(
            '%(place)s: the cell is longer than %(limit)s characters; a quote (") is '
            "probably not closed."
        )
    elif unclosed:
        message = _(
            '%(place)s: a quote (") opens this cell and is never closed, so the rest of '
            "the file would be read into it. Close the quote or remove it."
        )
    else:
        message = _(
            '%(place)s: text follows the quote (") that closes this cell. Put the whole '
            'cell in quotes and double the quotes inside it ("").'
        )
    return SpreadsheetError(message % {"place": where, "limit": f"{csv.field_size_limit():,}"})


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
        return read_csv(text)

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
            workbook = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
            try:
                rows = [
                    (None, list(values)) for values in workbook.active.iter_rows(values_only=True)
                ]
            finally:
                workbook.close()
        except Exception as error:
            raise SpreadsheetError(NOT_A_WORKBOOK) from error
        return build_dataset(rows)


UNKNOWN_RESOURCE = _("Unknown kind of import. Upload the file again.")
FORMAT_EXTENSIONS = {SpreadsheetCSV: {".csv", ".txt"}, SpreadsheetXLSX: {".xlsx"}}


class SpreadsheetImportForm(ImportForm):
    """The import form, with a size limit and an extension that must match the format."""

    def __init__(self, formats, resources, **kwargs):
        self.format_classes = list(formats)
        super().__init__(formats, resources, **kwargs)
        self.fields["resource"].error_messages["invalid_choice"] = UNKNOWN_RESOURCE
        # The format is read from the file itself (see clean()); a posted one is ignored.
        self.fields["format"].required = False
        self.fields["format"].widget = forms.HiddenInput()
        self.fields["import_file"].help_text = _(
            "A CSV file (UTF-8 or Windows-1252, commas or semicolons) or an XLSX workbook; "
            "the format is recognised from the file. Up to %(limit)s MB."
        ) % {"limit": MAX_IMPORT_BYTES // 1024 // 1024}

    def non_field_errors(self):
        # The resource is a hidden field when there is one; its errors are shown too.
        hidden = [error for field in self.hidden_fields() for error in field.errors]
        return self.error_class(
            [*super().non_field_errors(), *hidden], error_class="nonfield", renderer=self.renderer
        )

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
        upload = cleaned.get("import_file")
        if upload is None:
            return cleaned
        format_class = detect_format(upload)
        cleaned["format"] = str(self.format_classes.index(format_class))
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

    @property
    def media(self):
        # import-export's script guesses the format from the name; the server reads it.
        return forms.Media()


def detect_format(upload):
    """XLSX for a zip archive (every workbook is one), CSV for anything else."""
    upload.seek(0)
    start = upload.read(4)
    upload.seek(0)
    return SpreadsheetXLSX if start == b"PK\x03\x04" else SpreadsheetCSV


# An uploaded file waits this long for its editor to confirm the import.
PENDING_IMPORT_SECONDS = 60 * 60
PENDING_NAME = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)
PENDING_GONE = _(
    "This import is no longer waiting for confirmation: it was imported already, it "
    "expired after an hour, or someone else started it. Upload the file again."
)


def pending_imports_dir() -> Path:
    configured = getattr(settings, "IMPORT_EXPORT_PENDING_DIR", None)
    return Path(configured or Path(settings.MEDIA_ROOT).parent / "pending-imports")


def is_pending_import(path: Path) -> bool:
    """Whether a file is one of ours: `<owner>.<token>`, as PendingImportStorage names it."""
    owner, _dot, token = path.name.rpartition(".")
    return bool(owner) and PENDING_NAME.fullmatch(token) is not None


def remove_expired_pending_imports(now=None):
    """Delete the uploads that waited longer than PENDING_IMPORT_SECONDS; nothing else,
    even if the setting points at a directory that holds other files."""
    directory = pending_imports_dir()
    if not directory.is_dir():
        return
    limit = (now or time.time()) - PENDING_IMPORT_SECONDS
    for entry in directory.iterdir():
        if not is_pending_import(entry):
            continue
        try:
            if entry.is_file() and entry.stat().st_mtime < limit:
                entry.unlink(missing_ok=True)
        except FileNotFoundError:
            continue  # another worker removed it first


class PendingImportStorage(BaseStorage):
    """An uploaded file waiting for its editor to confirm the import.

    import-export's TempFolderStorage keeps it in the system temp directory under a
    name the confirmation form sends back, and reads and deletes whatever file of
    that base name the form names. Here the file lives in a directory only the
    application writes to (IMPORT_EXPORT_PENDING_DIR), under a random name
    (secrets.token_urlsafe) joined to its owner: the user and the list it is for.
    The form carries only the random part, so a name of any other shape, another
    user's upload and an upload older than an hour are simply not found.
    """

    def __init__(self, *, owner, name=None, **kwargs):
        super().__init__(name=name, read_mode="rb")
        self.owner = re.sub(r"[^A-Za-z0-9_.-]", "_", owner)

    def path(self) -> Path:
        if not isinstance(self.name, str) or not PENDING_NAME.fullmatch(self.name):
            raise SpreadsheetError(PENDING_GONE)
        return pending_imports_dir() / f"{self.owner}.{self.name}"

    def save(self, data: bytes):
        remove_expired_pending_imports()
        pending_imports_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
        self.name = secrets.token_urlsafe(32)
        descriptor = os.open(self.path(), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)

    def read(self) -> bytes:
        remove_expired_pending_imports()
        try:
            return self.path().read_bytes()
        except FileNotFoundError:
            raise SpreadsheetError(PENDING_GONE) from None

    def remove(self):
        self.path().unlink(missing_ok=True)


class SpreadsheetConfirmForm(ConfirmImportForm):
    """The confirmation step's hidden fields, each checked before it is used."""

    def __init__(self, *args, format_count=0, resource_count=1, **kwargs):
        super().__init__(*args, **kwargs)
        self.format_count, self.resource_count = format_count, resource_count

    def clean_import_file_name(self):
        name = self.cleaned_data["import_file_name"]
        if not PENDING_NAME.fullmatch(name):
            raise forms.ValidationError(PENDING_GONE)
        return name

    def clean_format(self):
        value = self.cleaned_data["format"]
        if not (re.fullmatch(r"[0-9]{1,3}", value) and int(value) < self.format_count):
            raise forms.ValidationError(_("Unknown file format. Upload the file again."))
        return value

    def clean_resource(self):
        value = self.cleaned_data.get("resource") or ""
        if value and not (re.fullmatch(r"[0-9]{1,3}", value) and int(value) < self.resource_count):
            raise forms.ValidationError(UNKNOWN_RESOURCE)
        return value


class SpreadsheetAdminMixin(ImportExportModelAdmin):
    """Import and export with CSV and XLSX, for editors with the right permissions."""

    formats = [SpreadsheetCSV, SpreadsheetXLSX]
    # Imports write their own history, field by field (profiles.imports), rather
    # than import-export's one-line "update through import_export" log entries.
    skip_admin_log = True

    def get_urls(self):
        return [
            path(
                "import/example.<str:extension>",
                self.admin_site.admin_view(self.example_file),
                name=f"{self.opts.app_label}_{self.opts.model_name}_import_example",
            ),
            *super().get_urls(),
        ]

    def example_file(self, request, extension):
        """The list's columns and first rows in CSV or XLSX: a file to start from."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        formats = {"csv": SpreadsheetCSV, "xlsx": SpreadsheetXLSX}
        if extension not in formats:
            raise Http404
        format_class = formats[extension]
        resource = self.get_import_resource_classes(request)[0]()
        content = format_class().export_data(imports.example_dataset(resource))
        response = HttpResponse(content, content_type=format_class().get_content_type())
        name = f"{self.opts.model_name}-example.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    import_form_class = SpreadsheetImportForm
    confirm_form_class = SpreadsheetConfirmForm
    tmp_storage_class = PendingImportStorage

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
            form.add_error("import_file", e.messages)
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def import_action(self, request, **kwargs):
        """Read the file, check its columns and cells, and show a dry run.

        Like import-export's own, but a file the resource refuses (SpreadsheetError,
        raised before any row is imported) is a form error, never a 500 or a
        traceback. The confirmation step is always shown.
        """
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_import_form(request)
        resource_kwargs = self.get_import_resource_kwargs(request, form=form, **kwargs)
        if not (request.method == "POST" and form.is_valid()):
            resources = [
                resource_class(**resource_kwargs)
                for resource_class in self.get_import_resource_classes(request)
            ]
            return self.import_page(request, form, resources)
        input_format = self.get_import_formats()[int(form.cleaned_data["format"])]()
        import_file = form.cleaned_data["import_file"]
        resource = self.choose_import_resource_class(form, request)(**resource_kwargs)
        data = b"".join(import_file.chunks())
        try:
            dataset = input_format.create_dataset(data)
        except Exception as error:
            self.add_data_read_fail_error_to_form(form, error)
            return self.import_page(request, form, [resource])
        if not dataset:
            form.add_error(
                "import_file",
                _(
                    "No valid data to import. Ensure your file has the correct headers "
                    "or data for import."
                ),
            )
            return self.import_page(request, form, [resource])
        try:
            result = resource.import_data(
                dataset,
                dry_run=True,
                raise_errors=False,
                file_name=import_file.name,
                user=request.user,
                **self.get_import_data_kwargs(request=request, form=form, **kwargs),
            )
        except SpreadsheetError as error:
            self.add_data_read_fail_error_to_form(form, error)
            return self.import_page(request, form, [resource])
        context = {
            "result": result,
            "preview": imports.preview_rows(resource, result, dataset),
            "translation_warnings": imports.translation_warnings(resource, dataset),
        }
        listed = sum(row["kind"] in ("new", "update") for row in context["preview"])
        context["preview_hidden"] = result.totals["new"] + result.totals["update"] - listed
        if not result.has_errors() and not result.has_validation_errors():
            pending = self.pending_import(request)
            pending.save(data)
            import_file.tmp_storage_name = pending.name
            context["confirm_form"] = self.create_confirm_form(request, import_form=form)
        return self.import_page(request, form, [resource], **context)

    def pending_import(self, request, name=None):
        owner = f"{request.user.pk}-{self.opts.label_lower}"
        return self.get_tmp_storage_class()(
            owner=owner, name=name, **self.get_tmp_storage_class_kwargs()
        )

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "format_count": len(self.get_import_formats()),
            "resource_count": len(self.get_import_resource_classes(request)),
        }

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        """Import the file the editor previewed, if it is still theirs and waiting.

        Anything else (a name that is not one of theirs, an unknown format or
        resource, an expired upload) answers with the import form and a message.
        The answer is a page sent as the import goes, a line per batch of rows
        (profiles.imports.import_in_batches); the import is one transaction: if a
        row fails now, or the editor leaves the page before the end, nothing is saved.
        """
        if not self.has_import_permission(request):
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            messages = [message for errors in confirm_form.errors.values() for message in errors]
            return self.refuse_confirmation(request, dict.fromkeys(messages))
        input_format = self.get_import_formats()[int(confirm_form.cleaned_data["format"])]()
        pending = self.pending_import(request, confirm_form.cleaned_data["import_file_name"])
        resource = self.choose_import_resource_class(confirm_form, request)(
            **self.get_import_resource_kwargs(request, form=confirm_form)
        )
        try:
            data = pending.read()
            dataset = input_format.create_dataset(data)
            resource.check_dataset(dataset)
        except SpreadsheetError as error:
            return self.refuse_confirmation(request, error.messages)
        file_name = confirm_form.cleaned_data.get("original_file_name") or ""
        rows = imports.import_in_batches(
            resource, dataset, user=request.user, file_name=file_name, data=data
        )
        response = StreamingHttpResponse(
            self.import_progress_page(request, rows, pending, len(dataset)),
            content_type="text/html; charset=utf-8",
        )
        response["X-Accel-Buffering"] = "no"  # each batch's line reaches the browser now
        return response

    def import_progress_page(self, request, batches, pending, total):
        """The confirmed import's page, sent as it goes: a line per batch of rows
        saved, then what the import did (or why nothing was saved)."""
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "opts": self.model._meta,
            "total": total,
        }
        template = "admin/import_export/progress.html"
        head, tail = render_to_string(template, context, request).split("<!-- progress -->")
        yield head
        try:
            for step in batches:
                if step.done:
                    pending.remove()
                    post_import.send(sender=None, model=self.model)
                yield render_to_string(
                    "admin/import_export/progress_step.html",
                    {**context, "step": step},
                    request,
                )
        except Exception:
            logger.exception("The confirmed import of %s failed", self.model._meta.label)
            yield render_to_string(
                "admin/import_export/progress_step.html",
                {**context, "step": imports.ImportStep(failed=True)},
                request,
            )
        yield tail

    def blank_import_form(self, request):
        return self.get_import_form_class(request)(
            self.get_import_formats(),
            self.get_import_resource_classes(request),
            initial=self.get_import_form_initial(request),
        )

    def blank_resources(self, request):
        kwargs = self.get_import_resource_kwargs(request)
        return [cls(**kwargs) for cls in self.get_import_resource_classes(request)]

    def refuse_confirmation(self, request, messages):
        return self.import_page(
            request,
            self.blank_import_form(request),
            self.blank_resources(request),
            status=400,
            import_errors=list(messages),
        )

    def import_page(self, request, form, resources, status=200, **context):
        """The import page, as import-export renders it."""
        context = {
            **self.get_import_context_data(),
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
            "columns": imports.column_descriptions(resources[0]) if resources else [],
            "example_urls": [
                (
                    label,
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_import_example",
                        args=[extension],
                    ),
                )
                for extension, label in (("csv", "CSV"), ("xlsx", "XLSX"))
            ],
            "import_error_display": self.import_error_display,
            **context,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context, status=status)
