"""Data downloads: every snapshot and the current profile as CSV, JSON and XLSX,
the figures over time, the compare page's differences and a Frictionless
Data Package that describes the CSV files."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from iompanama.text import LANGUAGES, current_language

from . import artefacts, citations, exports
from .diff import diff_documents
from .document import SCHEMA_VERSION
from .models import Snapshot
from .snapshots import CURRENT, VersionError, compared_versions, resolve_version
from .timeseries import chart_series, charts_of, figures_over_time


def attachment(content, fmt, filename):
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def document_download(document, fmt, *, date, filename):
    return attachment(exports.write_document(document, fmt, date=date), fmt, filename)


@require_safe
def snapshot_download(request, date, fmt):
    """A public version's data file, as rendered when it was published."""
    return artefacts.stored_response(date, fmt)


@require_safe
def current_download(request, fmt):
    version = resolve_version(CURRENT)
    return document_download(version.document, fmt, date="", filename="iom-panama-profile-current")


def hxl_attachment(rows, columns, hashtags, filename):
    return attachment(exports.write_csv(rows, columns, hashtags), "csv", f"{filename}-hxl")


@require_safe
def snapshot_hxl(request, date):
    """The version's tidy CSV with its HXL hashtag row: cached like the CSV."""
    try:
        version = resolve_version(date.isoformat())
    except VersionError as error:
        raise Http404(str(error)) from None
    rows = exports.fact_rows(version.document, version.name)
    response = hxl_attachment(
        rows, exports.FACT_COLUMNS, exports.FACT_HASHTAGS, f"iom-panama-profile-{version.name}"
    )
    response["Cache-Control"] = "public, max-age=86400"  # a correction may replace it
    response["ETag"] = f'"{version.snapshot.checksum}-v{SCHEMA_VERSION}-hxl"'
    return response


@require_safe
def current_hxl(request):
    rows = exports.fact_rows(resolve_version(CURRENT).document)
    return hxl_attachment(
        rows, exports.FACT_COLUMNS, exports.FACT_HASHTAGS, "iom-panama-profile-current"
    )


@require_safe
def series_hxl(request):
    rows = exports.series_rows(figures_over_time())
    return hxl_attachment(
        rows, exports.SERIES_COLUMNS, exports.SERIES_HASHTAGS, "iom-panama-figures-over-time"
    )


@require_safe
def citation_download(request, fmt, date=None):
    """How to cite a version (or the current profile) as BibTeX, RIS or CSL-JSON, in
    the page's language."""
    snapshot = Snapshot.objects.defer("document").on_date(date) if date else None
    if date and snapshot is None:
        raise Http404
    language = current_language()
    content = citations.render(fmt, snapshot, language, site=settings.SITE_URL)
    response = HttpResponse(content, content_type=citations.CITATION_FORMATS[fmt])
    name = f"iom-panama-profile-{date.isoformat() if date else 'current'}-{language}"
    extension = "csl.json" if fmt == "json" else fmt
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@require_safe
def series_download(request, variant, fmt):
    series = figures_over_time()
    wide_columns, wide_rows = exports.series_wide(series)
    long_rows = exports.series_rows(series)
    filename = f"iom-panama-figures-over-time{'-wide' if variant == 'wide' else ''}"
    if fmt == "xlsx":
        sheets = [
            ("figures over time", exports.SERIES_COLUMNS, long_rows),
            ("wide", wide_columns, wide_rows),
        ]
        return attachment(exports.write_xlsx(sheets), fmt, filename)
    if variant == "wide":
        return attachment(exports.write_csv(wide_rows, wide_columns), fmt, filename)
    return attachment(exports.write_csv(long_rows, exports.SERIES_COLUMNS), fmt, filename)


@require_safe
def chart_download(request, key):
    """The series one chart of the home page draws, exactly: one row per series and date."""
    series = chart_series(charts_of(figures_over_time()), key)
    if series is None:
        raise Http404(f"No chart {key!r}")
    rows = exports.series_rows(series)
    filename = f"iom-panama-{key.replace('.', '-')}-over-time"
    return attachment(exports.write_csv(rows, exports.SERIES_COLUMNS), "csv", filename)


@require_safe
def compare_download(request):
    """The compare page's differences as CSV, for the same two versions: 400 for a
    malformed date, 404 for a date without a public snapshot."""
    try:
        old, new = compared_versions(request.GET.get("a"), request.GET.get("b"))
    except VersionError as error:
        if error.status == 404:
            raise Http404(str(error)) from None
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    rows = exports.diff_rows(diff_documents(old.document, new.document, language="en"))
    return attachment(
        exports.write_csv(rows, exports.DIFF_COLUMNS),
        "csv",
        f"iom-panama-changes-{old.name}-to-{new.name}",
    )


FACT_TYPES = {"snapshot_date": "date"}
SERIES_TYPES = {"date": "date", "value": "number"}


def csv_schema(columns, types, descriptions=None):
    descriptions = descriptions or {}
    return {
        "fields": [
            {"name": column, "type": types.get(column, "string")}
            | ({"description": descriptions[column]} if column in descriptions else {})
            for column in columns
        ],
        "missingValues": [""],
    }


FACT_DESCRIPTIONS = {
    "snapshot_date": "The date of the snapshot; empty for the current profile.",
    "section": "The part of the profile: office, contact, staff, regions, key_figures, projects…",
    "item_key": "The item's stable key: a slug, an ISO 3166-2 code or a date.",
    "field": "The item's field.",
    "value_en": "The value in English (numbers as written).",
    "value_es": "The value in Spanish.",
    "unit": "The unit of a number, in English.",
    "period": "When the value was true: a date or an ISO 8601 interval start/end.",
    "source": "The source of the figure, in English.",
    "source_document": "The document that states the fact, in English; empty for the "
    "office's own statement and for versions that did not record it.",
    "source_date": "The date of that document's facts.",
    "carried_from": "The date of the earlier version this fact is carried over from, unchanged.",
    "stated_by": "The editor who entered the office's own statement.",
    "stated_on": "The day the office's own statement was entered.",
}


def _resource(name, title, url, schema):
    return {
        "name": name,
        "title": title,
        "path": url,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "schema": schema,
    }


def _hxl_resource(resource, url, hashtags):
    """The HXL variant of a CSV resource: the same data, the hashtag row under the
    header (a comment row for tools that do not read HXL), each field's hashtag."""
    schema = resource["schema"] | {
        "fields": [
            field | {"hxlTag": hashtags[field["name"]]} for field in resource["schema"]["fields"]
        ]
    }
    return resource | {
        "name": f"{resource['name']}-hxl",
        "title": f"{resource['title']} (HXL-tagged)",
        "path": url,
        "encoding": "utf-8",
        "dialect": {"headerRows": [1], "commentRows": [2]},
        "schema": schema,
    }


def factsheet_resources(request):
    """The factsheet PDFs, current and of each published version, in each language;
    a version's carries the checksum of the version it prints."""
    published = Snapshot.objects.published().order_by("date").values_list("date", "checksum")
    resources = []
    for date, checksum in [(None, None), *published]:
        version = "current" if date is None else date.isoformat()
        for language in LANGUAGES:
            with translation.override(language):
                path = (
                    reverse("profiles:factsheet")
                    if date is None
                    else reverse("profiles:snapshot-factsheet", kwargs={"date": date})
                )
            resources.append(
                {
                    "name": f"factsheet-{version}-{language}",
                    "title": f"IOM Panama factsheet, {version} ({language})",
                    "path": settings.SITE_URL + path,
                    "format": "pdf",
                    "mediatype": "application/pdf",
                    "languages": [language],
                }
                | ({"snapshot_date": version, "snapshot_checksum": checksum} if date else {})
            )
    return resources


@require_safe
def datapackage(request):
    """A Frictionless Data Package describing every CSV file, for data portals such as HDX."""

    def absolute(name, **kwargs):
        return settings.SITE_URL + reverse(f"downloads:{name}", kwargs=kwargs)

    facts = csv_schema(exports.FACT_COLUMNS, FACT_TYPES, FACT_DESCRIPTIONS)
    wide_columns, _rows = exports.series_wide(figures_over_time())
    resources = [
        _resource(
            "profile-current", "IOM Panama profile, current", absolute("current", fmt="csv"), facts
        ),
        _resource(
            "figures-over-time",
            "Figures over time (one row per figure and date)",
            absolute("series", variant="long", fmt="csv"),
            csv_schema(exports.SERIES_COLUMNS, SERIES_TYPES),
        ),
        _resource(
            "figures-over-time-wide",
            "Figures over time (one column per date)",
            absolute("series", variant="wide", fmt="csv"),
            csv_schema(wide_columns, dict.fromkeys(wide_columns[4:], "number")),
        ),
    ]
    resources += [
        _hxl_resource(resources[0], absolute("current-hxl"), exports.FACT_HASHTAGS),
        _hxl_resource(resources[1], absolute("series-hxl"), exports.SERIES_HASHTAGS),
    ]
    public = Snapshot.objects.shown().order_by("date").values_list("date", "checksum")
    for date, checksum in public:
        # The checksum lets anyone holding a copy of this file detect a version that was
        # rewritten afterwards (`verify_snapshots --against`).
        version = _resource(
            f"profile-{date.isoformat()}",
            f"IOM Panama profile as of {date.isoformat()}",
            absolute("snapshot", date=date, fmt="csv"),
            facts,
        ) | {"snapshot_date": date.isoformat(), "snapshot_checksum": checksum}
        resources += [
            version,
            _hxl_resource(version, absolute("snapshot-hxl", date=date), exports.FACT_HASHTAGS),
        ]
    resources += factsheet_resources(request)
    package = {
        "profile": "data-package",
        "name": "iom-panama-country-profile",
        "title": "IOM Panama country office profile",
        "description": (
            "The profile of the International Organization for Migration's office in Panama, "
            "current and as published on each date, in English and Spanish."
        ),
        "homepage": settings.SITE_URL + reverse("profiles:home"),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }
    return JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 2})
