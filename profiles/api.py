"""The read-only JSON API under /api/v1/ (django-ninja): the versions of the profile,
each version's sections, key figures, projects, publications, offices and
regions, and the figures over time.

Every answer reads a profile document, as the pages do: a published version's
(one query) or the current profile's (cached), so each endpoint runs a fixed
number of queries whatever the data volume. Texts come in the language of
`?lang=` or, without it, of `Accept-Language` (`Content-Language` says which).
Errors are RFC 9457 problem details in that language. The whole-page cache
(`iompanama.middleware.PageCache`) stores and revalidates the answers like pages;
a published version's data answers are cached a day. The per-client rate limit is
`iompanama.middleware.ApiRateLimit`.

The OpenAPI document (/api/v1/openapi.json) is generated from the typed answers in
`api_schemas.py`; its example answers (`api_examples.json`, written by
`manage.py api_examples`) are checked against the API by the tests.
"""

import datetime as dt
import json
import math
from http import HTTPStatus
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_safe
from ninja import NinjaAPI, Query
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from iompanama.text import LANGUAGES, current_language, text_in_language

from . import citations
from .api_schemas import (
    KeyFigure,
    Language,
    Office,
    Page,
    Problem,
    Project,
    Publication,
    Region,
    SectionPage,
    SectionSummary,
    Series,
    SeriesSummary,
    Version,
    VersionDetail,
)
from .models import Snapshot
from .presentation import file_url
from .schema import CHOICE, FILE, SECTIONS_BY_KEY, TEXT, items
from .snapshots import CURRENT, VersionError, resolve_version
from .timeseries import figures_over_time

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
# A dated version's data never changes, but a withdrawn version's date can be given to
# its correction (profiles.snapshots): caches keep an answer a day, then revalidate.
DATED = "public, max-age=86400"
EXAMPLES_FILE = Path(__file__).with_name("api_examples.json")

DESCRIPTION = """Read-only data of the profile of IOM's office in Panama: every published
version (dated snapshot) and the current profile, in English or Spanish
(`?lang=es` or `Accept-Language`). Licence: CC BY 4.0.

Lists are paginated (`page`, `page_size` up to 100). Answers carry an `ETag`
(send `If-None-Match` for a 304); a published version's data never changes and
may be cached for a year. Errors are RFC 9457 problem details. Each client may
make a limited number of requests a minute; past it the answer is a 429 with
`Retry-After`. Any web page may read the API (CORS). URLs in answers are paths
on this site."""


class ApiError(Exception):
    def __init__(self, status, detail, errors=None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors


class ProfileAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return add_examples(super().get_openapi_schema(**kwargs))


api = ProfileAPI(
    title="IOM Panama country office profile",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,
)

# Every answer but a 200 is a problem; declared once for the OpenAPI document.
PROBLEMS = {400: Problem, 404: Problem, 429: Problem}


# Language and errors


def use_language(request, lang=None):
    """Activate `lang` (already validated), else the language `Accept-Language` chose."""
    language = lang or current_language()
    translation.activate(language if language in LANGUAGES else settings.LANGUAGE_CODE)


def problem(request, status, detail, errors=None):
    """An RFC 9457 problem details answer, in the active language."""
    titles = {
        400: _("Bad request"),
        404: _("Not found"),
        405: _("Method not allowed"),
        429: _("Too many requests"),
    }
    body = {
        "type": "about:blank",
        "title": titles.get(status, HTTPStatus(status).phrase),
        "status": status,
        "detail": detail,
        "instance": request.get_full_path(),
    }
    if errors:
        body["errors"] = errors
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/problem+json"
    return response


def _language_of_failed_request(request):
    lang = request.GET.get("lang")
    use_language(request, lang if lang in LANGUAGES else None)


@api.exception_handler(ApiError)
def api_error(request, error):
    _language_of_failed_request(request)
    return problem(request, error.status, str(error.detail), error.errors)


@api.exception_handler(NinjaValidationError)
def validation_error(request, error):
    _language_of_failed_request(request)
    errors = [
        {"parameter": ".".join(str(part) for part in e["loc"][1:]), "message": e["msg"]}
        for e in error.errors
    ]
    names = ", ".join(sorted({e["parameter"] for e in errors if e["parameter"]}))
    detail = _("These parameters are not valid: %(names)s.") % {"names": names or "?"}
    return problem(request, 400, detail, errors)


@api.exception_handler(Http404)
def not_found_error(request, error):
    _language_of_failed_request(request)
    return problem(request, 404, _("There is nothing at this address of the API."))


@api.exception_handler(HttpError)
def http_error(request, error):
    _language_of_failed_request(request)
    return problem(request, error.status_code, str(error))


@require_safe
def unknown_endpoint(request, rest=""):
    """Any address under /api/v1/ that names no endpoint."""
    _language_of_failed_request(request)
    return problem(request, 404, _("There is nothing at this address of the API."))


# Reading versions


def version_of(request, version, lang, response=None):
    """The version named in the path, the language activated; a dated version's
    answer is cached a day (a correction may take its date)."""
    use_language(request, lang)
    try:
        resolved = resolve_version(version)
    except VersionError as error:
        raise ApiError(error.status, str(error)) from None
    if response is not None and resolved.snapshot is not None:
        response["Cache-Control"] = DATED
    return resolved


def _tr(value):
    return text_in_language(value) if value is not None else ""


def _choice(document, key, code):
    labels = document.get("choices", {}).get(key, {}).get(code or "")
    return {"code": code or "", "label": _tr(labels) if labels else ""}


def paginate(request, rows, page, page_size):
    count = len(rows)
    pages = max(1, math.ceil(count / page_size))
    if page > pages:
        raise ApiError(
            404,
            _("There is no page %(page)s: there are %(pages)s.") % {"page": page, "pages": pages},
        )

    def link(number):
        if not 1 <= number <= pages:
            return None
        query = request.GET.copy()
        query["page"] = str(number)
        return f"{request.path}?{query.urlencode()}"

    start = (page - 1) * page_size
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": pages,
        "next": link(page + 1),
        "previous": link(page - 1),
        "items": rows[start : start + page_size],
    }


def check_choice(value, allowed, parameter):
    """A filter's value must be one the version knows: else a 400 naming the choices."""
    if value is not None and value not in allowed:
        raise ApiError(
            400,
            _("“%(value)s” is not a known %(parameter)s; use one of: %(choices)s.")
            % {"value": value, "parameter": parameter, "choices": ", ".join(sorted(allowed))},
        )


PAGE = Query(1, ge=1, description="The page, from 1.")
PAGE_SIZE_QUERY = Query(
    PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page, at most 100."
)
LANG = Query(None, description="The language of the texts; default: Accept-Language, else en.")
VERSION_PATH = "A date of a published version (YYYY-MM-DD), or current."


# Versions


def _links(version_name, snapshot):
    date = snapshot.date if snapshot else None
    data = (
        (lambda fmt: reverse("downloads:snapshot", kwargs={"date": date, "fmt": fmt}))
        if snapshot
        else (lambda fmt: reverse("downloads:current", kwargs={"fmt": fmt}))
    )
    cite = (
        (lambda fmt: reverse("profiles:snapshot-citation", kwargs={"date": date, "fmt": fmt}))
        if snapshot
        else (lambda fmt: reverse("profiles:citation", kwargs={"fmt": fmt}))
    )
    return {
        "page": reverse("profiles:snapshot-detail", kwargs={"date": date})
        if snapshot
        else reverse("profiles:home"),
        "api": reverse("api:version", kwargs={"version": version_name}),
        "csv": data("csv"),
        "json": data("json"),
        "xlsx": data("xlsx"),
        "hxl": reverse("downloads:snapshot-hxl", kwargs={"date": date})
        if snapshot
        else reverse("downloads:current-hxl"),
        "citation_bibtex": cite("bib"),
        "citation_ris": cite("ris"),
        "citation_csl_json": cite("json"),
    }


def _version(snapshot):
    if snapshot is None:
        return {
            "version": CURRENT,
            "date": None,
            "title": _("The current profile"),
            "status": "current",
            "status_label": _("current"),
            "published_at": None,
            "checksum": None,
            "change_summary": "",
            "licence": citations.LICENCE["name"],
            "links": _links(CURRENT, None),
        }
    name = snapshot.date.isoformat()
    return {
        "version": name,
        "date": snapshot.date,
        "title": snapshot.title,
        "status": snapshot.status,
        "status_label": snapshot.get_status_display(),
        "published_at": snapshot.published_at,
        "checksum": snapshot.checksum,
        "change_summary": _tr(snapshot.change_summary or None),
        "licence": citations.LICENCE["name"],
        "links": _links(name, snapshot),
    }


@api.get(
    "/versions",
    response={200: Page[Version], **PROBLEMS},
    by_alias=True,
    url_name="versions",
    summary=gettext_noop("The published versions, newest first"),
    tags=["versions"],
)
def list_versions(
    request, page: int = PAGE, page_size: int = PAGE_SIZE_QUERY, lang: Language | None = LANG
):
    use_language(request, lang)
    # One a date: a withdrawn version replaced by its correction is left out.
    snapshots = list(Snapshot.objects.shown().order_by("-date").defer("document"))
    return paginate(request, [_version(s) for s in snapshots], page, page_size)


@api.get(
    "/versions/{version}",
    response={200: VersionDetail, **PROBLEMS},
    by_alias=True,
    url_name="version",
    summary=gettext_noop("One version, with how to cite it"),
    tags=["versions"],
)
def get_version(request, version: str, lang: Language | None = LANG):
    use_language(request, lang)
    snapshot = None
    if version != CURRENT:
        snapshot = version_of(request, version, lang).snapshot
    language = current_language()
    site = settings.SITE_URL
    links = _links(version, snapshot)
    return _version(snapshot) | {
        "withdrawal_reason": snapshot.withdrawal_reason if snapshot else "",
        "citation": {
            "text": citations.citation(snapshot, language, site=site),
            "bibtex": links["citation_bibtex"],
            "ris": links["citation_ris"],
            "csl_json": links["citation_csl_json"],
        },
    }


# Sections


def _localized(document, section, item):
    result = {}
    for field in section.fields:
        value = item.get(field.name)
        if field.kind == TEXT:
            result[field.name] = _tr(value)
        elif field.kind == CHOICE:
            result[field.name] = _choice(document, f"{section.key}.{field.name}", value)
        elif field.kind == FILE:
            result[field.name] = file_url(section.key, field.name, item) if value else ""
        else:
            result[field.name] = value
    return result


@api.get(
    "/versions/{version}/sections",
    response={200: list[SectionSummary], **PROBLEMS},
    url_name="sections",
    summary=gettext_noop("The sections of a version's profile"),
    tags=["profile"],
)
def list_sections(request, response: HttpResponse, version: str, lang: Language | None = LANG):
    resolved = version_of(request, version, lang, response)
    return [
        {
            "key": key,
            "label": str(section.label),
            "items": len(items(resolved.document, section)),
            "url": reverse("api:section", kwargs={"version": version, "section": key}),
        }
        for key, section in SECTIONS_BY_KEY.items()
    ]


@api.get(
    "/versions/{version}/sections/{section}",
    response={200: SectionPage, **PROBLEMS},
    url_name="section",
    summary=gettext_noop("One section of a version's profile, its texts in one language"),
    tags=["profile"],
)
def get_section(
    request,
    response: HttpResponse,
    version: str,
    section: str,
    page: int = PAGE,
    page_size: int = PAGE_SIZE_QUERY,
    lang: Language | None = LANG,
):
    resolved = version_of(request, version, lang, response)
    declared = SECTIONS_BY_KEY.get(section)
    if declared is None:
        raise ApiError(
            404,
            _("There is no section “%(section)s”; the sections are: %(sections)s.")
            % {"section": section, "sections": ", ".join(SECTIONS_BY_KEY)},
        )
    rows = [_localized(resolved.document, declared, i) for i in items(resolved.document, declared)]
    return paginate(request, rows, page, page_size) | {
        "section": section,
        "label": str(declared.label),
    }


# Key figures


def _key_figure(document, figure):
    return {
        "slug": figure["slug"],
        "category": _choice(document, "key_figures.category", figure.get("category")),
        "label": _tr(figure.get("label")),
        "value": figure.get("value"),
        "qualifier": _choice(document, "key_figures.qualifier", figure.get("qualifier")),
        "unit": _tr(figure.get("unit")),
        "period_start": figure.get("period_start"),
        "period_end": figure.get("period_end"),
        "source": _tr(figure.get("source")),
    }


def _within(figure, since, until):
    """Whether the figure's period (its start to its end) meets [since, until]."""
    end = figure.get("period_end")
    start = figure.get("period_start") or end
    if since and (not end or end < since.isoformat()):
        return False
    return not (until and (not start or start > until.isoformat()))


@api.get(
    "/versions/{version}/key-figures",
    response={200: Page[KeyFigure], **PROBLEMS},
    url_name="key-figures",
    summary=gettext_noop("A version's key figures, by category and period"),
    tags=["figures"],
)
def list_key_figures(
    request,
    response: HttpResponse,
    version: str,
    category: str | None = Query(None, description="A category code, e.g. assistance."),
    since: dt.date | None = Query(
        None, description="Figures whose period ends on or after this date."
    ),
    until: dt.date | None = Query(
        None, description="Figures whose period starts on or before this date."
    ),
    page: int = PAGE,
    page_size: int = PAGE_SIZE_QUERY,
    lang: Language | None = LANG,
):
    resolved = version_of(request, version, lang, response)
    document = resolved.document
    check_choice(category, document["choices"]["key_figures.category"], "category")
    if since and until and since > until:
        raise ApiError(400, _("“since” must not come after “until”."))
    figures = [
        _key_figure(document, figure)
        for figure in document["key_figures"]
        if (category is None or figure.get("category") == category)
        and _within(figure, since, until)
    ]
    return paginate(request, figures, page, page_size)


# Projects, publications, offices, regions


def _project(document, project):
    return {
        "slug": project["slug"],
        "title": _tr(project.get("title")),
        "acronym": project.get("acronym") or "",
        "summary": _tr(project.get("summary")),
        "status": _choice(document, "projects.status", project.get("status")),
        "start_date": project.get("start_date"),
        "end_date": project.get("end_date"),
        "donors": project.get("donors", []),
        "regions": project.get("regions", []),
        "thematic_areas": project.get("thematic_areas", []),
        "sdg_goals": project.get("sdg_goals", []),
        "compact_objectives": project.get("compact_objectives", []),
        "url": reverse("projects:project-detail", kwargs={"slug": project["slug"]}),
    }


def _keys(document, section, field):
    return {str(item.get(field)) for item in document.get(section) or []}


@api.get(
    "/versions/{version}/projects",
    response={200: Page[Project], **PROBLEMS},
    url_name="projects",
    summary=gettext_noop("A version's projects, by region, thematic area, status and donor"),
    tags=["projects"],
)
def list_projects(
    request,
    response: HttpResponse,
    version: str,
    region: str | None = Query(None, description="An ISO 3166-2 code, e.g. PA-5."),
    thematic_area: str | None = Query(None, description="A thematic area slug, e.g. health."),
    status: str | None = Query(None, description="A status code: active, completed…"),
    donor: str | None = Query(None, description="A donor slug."),
    page: int = PAGE,
    page_size: int = PAGE_SIZE_QUERY,
    lang: Language | None = LANG,
):
    resolved = version_of(request, version, lang, response)
    document = resolved.document
    projects = document["projects"]
    check_choice(
        region,
        _keys(document, "regions", "iso_code") | _field_values(projects, "regions"),
        "region",
    )
    check_choice(thematic_area, _keys(document, "thematic_areas", "slug"), "thematic_area")
    check_choice(status, document["choices"]["projects.status"], "status")
    check_choice(donor, _keys(document, "donors", "slug"), "donor")
    selected = [
        _project(document, project)
        for project in projects
        if (region is None or region in project.get("regions", []))
        and (thematic_area is None or thematic_area in project.get("thematic_areas", []))
        and (status is None or project.get("status") == status)
        and (donor is None or donor in project.get("donors", []))
    ]
    return paginate(request, selected, page, page_size)


def _field_values(rows, field):
    return {value for row in rows for value in row.get(field) or []}


def _publication(document, publication):
    return {
        "slug": publication["slug"],
        "title": _tr(publication.get("title")),
        "kind": _choice(document, "publications.kind", publication.get("kind")),
        "summary": _tr(publication.get("summary")),
        "published_on": publication.get("published_on"),
        "period_start": publication.get("period_start"),
        "period_end": publication.get("period_end"),
        "language": _choice(document, "publications.language", publication.get("language")),
        "url": file_url("publications", "file", publication)
        if publication.get("file")
        else publication.get("url") or "",
    }


def _year(publication):
    value = publication.get("published_on") or publication.get("period_end") or ""
    return int(value[:4]) if value else None


@api.get(
    "/versions/{version}/publications",
    response={200: Page[Publication], **PROBLEMS},
    url_name="publications",
    summary=gettext_noop("A version's publications, by kind and year"),
    tags=["publications"],
)
def list_publications(
    request,
    response: HttpResponse,
    version: str,
    kind: str | None = Query(None, description="A kind code, e.g. dtm_report."),
    year: int | None = Query(
        None, ge=1900, le=2200, description="Published (or covering a period ending) that year."
    ),
    page: int = PAGE,
    page_size: int = PAGE_SIZE_QUERY,
    lang: Language | None = LANG,
):
    resolved = version_of(request, version, lang, response)
    document = resolved.document
    check_choice(kind, document["choices"]["publications.kind"], "kind")
    selected = [
        _publication(document, publication)
        for publication in document["publications"]
        if (kind is None or publication.get("kind") == kind)
        and (year is None or _year(publication) == year)
    ]
    return paginate(request, selected, page, page_size)


@api.get(
    "/versions/{version}/offices",
    response={200: Page[Office], **PROBLEMS},
    url_name="offices",
    summary=gettext_noop("A version's offices, by region"),
    tags=["presence"],
)
def list_offices(
    request,
    response: HttpResponse,
    version: str,
    region: str | None = Query(None, description="An ISO 3166-2 code, e.g. PA-8."),
    page: int = PAGE,
    page_size: int = PAGE_SIZE_QUERY,
    lang: Language | None = LANG,
):
    resolved = version_of(request, version, lang, response)
    document = resolved.document
    offices = document["offices"]
    check_choice(
        region,
        _keys(document, "regions", "iso_code") | _keys(document, "offices", "region"),
        "region",
    )
    selected = [
        {
            "kind": _choice(document, "offices.kind", office.get("kind")),
            "name": _tr(office.get("name")),
            "description": _tr(office.get("description")),
            "address": _tr(office.get("address")),
            "city": _tr(office.get("city")),
            "region": office.get("region") or "",
            "latitude": office.get("latitude"),
            "longitude": office.get("longitude"),
        }
        for office in offices
        if region is None or office.get("region") == region
    ]
    return paginate(request, selected, page, page_size)


@api.get(
    "/versions/{version}/regions",
    response={200: Page[Region], **PROBLEMS},
    url_name="regions",
    summary=gettext_noop("The provinces and comarcas where the office works, in a version"),
    tags=["presence"],
)
def list_regions(
    request,
    response: HttpResponse,
    version: str,
    page: int = PAGE,
    page_size: int = PAGE_SIZE_QUERY,
    lang: Language | None = LANG,
):
    resolved = version_of(request, version, lang, response)
    document = resolved.document
    regions = [
        {
            "iso_code": region["iso_code"],
            "name": _tr(region.get("name")),
            "kind": _choice(document, "regions.kind", region.get("kind")),
            "latitude": region.get("latitude"),
            "longitude": region.get("longitude"),
        }
        for region in document["regions"]
    ]
    return paginate(request, regions, page, page_size)


# Figures over time


def _series_head(entry):
    return {"key": entry["key"], "label": _tr(entry["label"]), "unit": _tr(entry["unit"])}


@api.get(
    "/series",
    response={200: Page[SeriesSummary], **PROBLEMS},
    url_name="series-list",
    summary=gettext_noop("The figures followed over time"),
    tags=["figures"],
)
def list_series(
    request, page: int = PAGE, page_size: int = PAGE_SIZE_QUERY, lang: Language | None = LANG
):
    use_language(request, lang)
    rows = [
        _series_head(entry) | {"url": reverse("api:series", kwargs={"key": entry["key"]})}
        for entry in figures_over_time()
    ]
    return paginate(request, rows, page, page_size)


@api.get(
    "/series/{key}",
    response={200: Series, **PROBLEMS},
    url_name="series",
    summary=gettext_noop("One figure over all published versions and the current profile"),
    tags=["figures"],
)
def get_series(request, key: str, lang: Language | None = LANG):
    use_language(request, lang)
    for entry in figures_over_time():
        if entry["key"] == key:
            return _series_head(entry) | {"points": entry["points"]}
    raise ApiError(
        404,
        _("There is no series “%(key)s”; /api/v1/series lists them.") % {"key": key},
    )


# The OpenAPI document's example answers, and the human documentation


def add_examples(schema):
    """Put the recorded example answers (each with the request that gives it, as
    `x-request`) into the operations they belong to."""
    if not EXAMPLES_FILE.exists():
        return schema
    examples = json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))
    for example in examples:
        operation = schema["paths"][example["path"]]["get"]
        responses = operation["responses"]
        ok = responses[200] if 200 in responses else responses["200"]
        content = ok["content"]["application/json"]
        content.setdefault("examples", {})[example["name"]] = {
            "summary": example["summary"],
            "x-request": example["request"],
            "value": example["value"],
        }
    return schema


@require_safe
def index(request):
    """/api/v1/: where to start."""
    return JsonResponse(
        {
            "documentation": reverse("api-documentation"),
            "openapi": reverse("api:openapi-json"),
            "versions": reverse("api:versions"),
            "current": reverse("api:version", kwargs={"version": CURRENT}),
            "series": reverse("api:series-list"),
            "licence": citations.LICENCE["url"],
        }
    )


@require_safe
def documentation(request):
    """/api/: what the API offers, readable without JavaScript; Swagger UI (vendored
    with django-ninja) adds a console to try it."""
    lang = request.GET.get("lang")
    use_language(request, lang if lang in LANGUAGES else None)
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    operations = [
        {
            "path": path,
            "summary": _(operation.get("summary", "")),
            "parameters": [p["name"] for p in operation.get("parameters", [])],
        }
        for path, methods in schema["paths"].items()
        for operation in methods.values()
    ]
    return render(
        request,
        "api/documentation.html",
        {
            "operations": operations,
            "openapi_url": reverse("api:openapi-json"),
            "swagger_settings": {"url": reverse("api:openapi-json"), "deepLinking": True},
            "page_size": PAGE_SIZE,
            "max_page_size": MAX_PAGE_SIZE,
            "rate_limit": settings.API_RATE_LIMIT,
            # The page is the same at every URL: its language is the visitor's or ?lang's.
            "language_alternates": [
                {"code": code, "name": name, "url": f"{request.path}?lang={code}"}
                for code, name in settings.LANGUAGES
            ],
        },
    )
