"""Tidy exports of profile documents: CSV, XLSX and JSON, and the figures over time.

Everything here works on documents, so the current profile and every snapshot
export the same way. A text cell that a spreadsheet could run as a formula is
escaped.
"""

import csv
import io
import json
import re

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

from .presentation import file_url
from .schema import FILE, SECTIONS, facts, items
from .sources import provenance_of_fact, source_of

FACT_COLUMNS = [
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
SERIES_COLUMNS = ["series", "label_en", "label_es", "unit", "date", "value"]
# The HXL hashtags (hxlstandard.org) of the tidy CSVs' columns: the row under the
# header that humanitarian tools (HDX, HXL Proxy, Kobo) read to recognise columns.
FACT_HASHTAGS = {
    "snapshot_date": "#date+version",
    "section": "#meta+section",
    "item_key": "#meta+id",
    "field": "#meta+field",
    "value_en": "#meta+value+i_en",
    "value_es": "#meta+value+i_es",
    "unit": "#meta+unit",
    "period": "#date+period",
    "source": "#meta+source",
    "source_document": "#meta+source+document",
    "source_date": "#date+source",
    "carried_from": "#date+carried_from",
    "stated_by": "#meta+stated_by",
    "stated_on": "#date+stated",
}
SERIES_HASHTAGS = {
    "series": "#indicator+code",
    "label_en": "#indicator+name+i_en",
    "label_es": "#indicator+name+i_es",
    "unit": "#indicator+unit",
    "date": "#date",
    "value": "#indicator+value+num",
}
DIFF_COLUMNS = [
    "kind",
    "section",
    "item",
    "field",
    "label_en",
    "label_es",
    "old_value",
    "new_value",
    "old_value_es",
    "new_value_es",
    "change",
    "relative_change_percent",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters that spreadsheet applications read as, or normalise to, a formula
# starter: full-width, small, superscript and subscript forms, and the minus sign.
FORMULA_LOOKALIKES = frozenset(
    "\uff1d\ufe66\u207c\u208c"  # ＝ ﹦ ⁼ ₌
    "\uff0b\ufe62\u207a\u208a"  # ＋ ﹢ ⁺ ₊
    "\uff0d\ufe63\u207b\u208b\u2212"  # － ﹣ ⁻ ₋ −
    "\uff20\ufe6b"  # ＠ ﹫
)
# Blanks and invisible characters a spreadsheet may drop before it reads a cell.
_LEADING_BLANKS = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")
# A plain number ("-5", "+3.5", "-1,234.5", "-12%") is read as a number, never a formula.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?%?")
# An international phone number: "+", then at least seven digits in groups separated
# by spaces, dots, hyphens or parentheses ("+507 305-3350", "+1 (202) 555-0100").
_PHONE_NUMBER = re.compile(r"\+ ?(?:\([0-9]+\) ?)?[0-9]+(?:(?: ?\([0-9]+\) ?|[ .-])[0-9]+)*")


def _is_number_or_phone(text):
    if _PLAIN_NUMBER.fullmatch(text):
        return True
    # With a space or a parenthesis between its digits a spreadsheet cannot read it as
    # arithmetic; "+507-305-3350" it would compute, so that one is escaped.
    return (
        bool(_PHONE_NUMBER.fullmatch(text))
        and sum(c.isdigit() for c in text) >= 7
        and (" " in text or "(" in text)
    )


def starts_a_formula(value):
    """Whether a spreadsheet could evaluate this text as a formula.

    It could when the text starts with a tab or carriage return, or, after any
    leading blanks, with = + - @ or a look-alike a spreadsheet normalises to one
    of them (＝ ＋ － ＠, the minus sign, small and super/subscript forms).
    A plain number ("-5") or an international phone number ("+507 305-3350")
    contains no name, reference or function, so nothing in it can run: it is
    left as it is.
    """
    if not isinstance(value, str) or not value:
        return False
    if value[0] in "\t\r":
        return True
    text = value[_LEADING_BLANKS.match(value).end() :]
    if not text or not (text[0] in FORMULA_STARTS or text[0] in FORMULA_LOOKALIKES):
        return False
    return not _is_number_or_phone(text)


def _needs_prefix(value):
    # A text that already starts with an apostrophe before a formula gets a second
    # one, so that `unescape_formula` is the exact inverse of `escape_formula`.
    return isinstance(value, str) and starts_a_formula(value.lstrip("'"))


def escape_formula(value):
    """Prefix text that a spreadsheet would run as a formula (OWASP CSV injection)."""
    if not isinstance(value, str) or not value or value[0].isalnum():
        return value  # no letter or digit starts a formula (nor is a blank or a quote)
    if _needs_prefix(value):
        return "'" + value
    return value


def unescape_formula(value):
    """Undo `escape_formula`: unescape_formula(escape_formula(v)) == v for every v."""
    if isinstance(value, str) and value.startswith("'") and _needs_prefix(value[1:]):
        return value[1:]
    return value


def _both(value):
    if isinstance(value, dict):
        return value.get("en", ""), value.get("es", "")
    if value is None:
        return "", ""
    if isinstance(value, list):
        value = ";".join(str(item) for item in value)
    return value, value


def _period(start, end):
    if start and end:
        return f"{start}/{end}"
    return end or start or ""


def _cell(fact):
    if fact.field.kind == FILE:
        url = file_url(fact.section.key, fact.field.name, fact.item)
        return url, url
    return _both(fact.value)


PROVENANCE_COLUMNS = ["source_document", "source_date", "carried_from", "stated_by", "stated_on"]


def provenance_columns(document, fact):
    """Where a fact comes from (`profiles.sources`), as the CSV's columns; empty for a
    version that did not record it."""
    provenance = provenance_of_fact(fact.item, fact.field.name) or {}
    source = source_of(document, provenance) or {}
    return {
        "source_document": (source.get("title") or {}).get("en", ""),
        "source_date": source.get("date") or "",
        "carried_from": provenance.get("carried_from") or "",
        "stated_by": provenance.get("stated_by") or "",
        "stated_on": provenance.get("stated_on") or "",
    }


def fact_rows(document, snapshot_date=None):
    """One row per fact of the document, generated from its declared schema."""
    date = snapshot_date or ""
    rows = []
    for fact in facts(document):
        value_en, value_es = _cell(fact)
        rows.append(
            {
                "snapshot_date": date,
                "section": fact.section.key,
                "item_key": fact.item_key,
                "field": fact.field.name,
                "value_en": value_en,
                "value_es": value_es,
                "unit": _both(fact.unit)[0],
                "period": _period(*fact.period) if fact.period else "",
                "source": _both(fact.source)[0],
            }
            | provenance_columns(document, fact)
        )
    for section in SECTIONS:
        if section.counted:
            count = len(items(document, section))
            rows.append(
                {"snapshot_date": date, "section": "counts", "item_key": section.key}
                | {"field": "count", "value_en": count, "value_es": count}
                | {"unit": "", "period": "", "source": ""}
                | dict.fromkeys(PROVENANCE_COLUMNS, "")
            )
    return rows


def write_csv(rows, columns, hashtags=None) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads it as UTF-8) and a header row.

    With `hashtags` ({column: HXL hashtag}), the HXL row under the header, and no
    byte-order mark: HXL tools (libhxl, HXL Proxy) would read it into the first
    column's name."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    if hashtags is not None:
        writer.writerow([hashtags[column] for column in columns])
    writer.writerows([escape_formula(row.get(column, "")) for column in columns] for row in rows)
    mark = "" if hashtags is not None else "\ufeff"
    return (mark + buffer.getvalue()).encode("utf-8")


def write_xlsx(sheets) -> bytes:
    """sheets: [(title, columns, rows)]. Text cells are stored as text, never formulas."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append(columns)
        for row_number, row in enumerate(rows, start=2):
            values = [row.get(column, "") for column in columns]
            sheet.append(values)
            for column_number, value in enumerate(values, start=1):
                if isinstance(value, str) and value.startswith("="):
                    # openpyxl would store this as a formula; keep it as text.
                    sheet.cell(row=row_number, column=column_number).data_type = TYPE_STRING
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_json(document) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def series_rows(series):
    """Figures over time, long: one row per figure and date."""
    rows = []
    for item in series:
        label_en, label_es = _both(item["label"])
        unit = _both(item["unit"])[0]
        for point in item["points"]:
            rows.append(
                {
                    "series": item["key"],
                    "label_en": str(label_en),
                    "label_es": str(label_es),
                    "unit": unit,
                    "date": point["date"],
                    "value": point["value"],
                }
            )
    return rows


def series_wide(series):
    """Figures over time, wide: one row per figure, one column per date."""
    dates = sorted({point["date"] for item in series for point in item["points"]})
    rows = []
    for item in series:
        label_en, label_es = _both(item["label"])
        row = {"series": item["key"], "label_en": str(label_en), "label_es": str(label_es)}
        row["unit"] = _both(item["unit"])[0]
        row |= {point["date"]: point["value"] for point in item["points"]}
        rows.append(row)
    return ["series", "label_en", "label_es", "unit", *dates], rows


def _either(value, language):
    """A value in `language`, else in the other one; plain values as they are."""
    en, es = _both(value)
    return (en or es) if language == "en" else (es or en)


def diff_rows(diff):
    """The compare page's differences, one row per change, labels and texts in English
    and Spanish."""
    rows = []
    for figure in diff["figures"]:
        label_en, label_es = _both(figure["label"])
        rows.append(
            {
                "kind": "figure",
                "section": figure["key"].split(".")[0],
                "item": figure["key"],
                "field": str(label_en),
                "label_en": label_en,
                "label_es": label_es,
                "old_value": "" if figure["old"] is None else figure["old"],
                "new_value": "" if figure["new"] is None else figure["new"],
                "change": "" if figure["change"] is None else figure["change"],
                "relative_change_percent": "" if figure["relative"] is None else figure["relative"],
            }
        )
    for change in diff["lists"]:
        for kind, names in (("added", change["added"]), ("removed", change["removed"])):
            for name in names:
                rows.append(
                    {
                        "kind": kind,
                        "section": change["section"],
                        "item": _either(name, "en"),
                        "label_en": _either(name, "en"),
                        "label_es": _either(name, "es"),
                    }
                )
        for item in change.get("changed", []):
            for field in item["fields"]:
                rows.append(
                    {
                        "kind": "changed",
                        "section": change["section"],
                        "item": item["key"],
                        "field": field["name"],
                        "label_en": _either(field["field"], "en"),
                        "label_es": _either(field["field"], "es"),
                        "old_value": _either(field["old"], "en"),
                        "new_value": _either(field["new"], "en"),
                        "old_value_es": _either(field["old"], "es"),
                        "new_value_es": _either(field["new"], "es"),
                    }
                )
    for text in diff["texts"]:
        old = "".join(t for op, t in text["segments"] if op != "insert")
        new = "".join(t for op, t in text["segments"] if op != "delete")
        in_spanish = text["language"] == "es"
        rows.append(
            {
                "kind": "text",
                "section": text["key"].split(".")[0],
                "item": text["key"],
                "field": text["language"],
                "label_en": _either(text["label"], "en"),
                "label_es": _either(text["label"], "es"),
                "old_value" if not in_spanish else "old_value_es": old,
                "new_value" if not in_spanish else "new_value_es": new,
            }
        )
    return rows


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def write_document(document, fmt, *, date) -> bytes:
    """A version's data as a file: `fmt` csv, json or xlsx; `date` its ISO date, or ""
    for the current profile."""
    if fmt == "json":
        return write_json(document)
    rows = fact_rows(document, date)
    if fmt == "csv":
        return write_csv(rows, FACT_COLUMNS)
    if fmt == "xlsx":
        return write_xlsx([("profile", FACT_COLUMNS, rows)])
    raise ValueError(fmt)
