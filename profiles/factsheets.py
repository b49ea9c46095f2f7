"""The printable factsheet: a version of the profile as a designed A4 PDF in each
language, rendered by WeasyPrint from the same document the pages read
(`templates/profiles/factsheet.html`, `static/css/factsheet.css`).

A published snapshot's factsheet is rendered once, when it is published (or, for
a snapshot published before factsheets existed, on its first request) and kept
as it is: the same bytes for ever. The current profile's is kept with the
content version it was rendered from; once a write has bumped the version, the
kept one is still served and a new one is rendered after that response
(`docs/operations.md`).
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext, npgettext

from iompanama.text import LANGUAGES, text_in_language

from . import citations
from .content_cache import content_version
from .models import Factsheet, Snapshot
from .pages import index_by, with_relations
from .presentation import for_pages
from .snapshots import CURRENT, Version, checksum, resolve_version, stored_document

logger = logging.getLogger(__name__)

STYLESHEET = "css/factsheet.css"
# How many of the newest publications the factsheet lists.
SELECTED_PUBLICATIONS = 5
# Key figures shown large beside the staff and the counts, at most.
HEADLINE_KEY_FIGURES = 4
# A factsheet summarises: past these, a list says how many more the site has. Each
# is several times the real profile's; a profile of 1,000 projects and 1,000 key
# figures listed whole took 35 pages and 16 s of CPU to render.
MOST_PROJECTS = 40
MOST_KEY_FIGURES = 60
MOST_OFFICES = 20
# A render that takes longer than this is assumed to have died; another may start.
RENDER_LOCK_SECONDS = 120


def previous_published(date=None):
    """The latest published snapshot before `date` (before now for the current profile)."""
    published = Snapshot.objects.published().order_by("-date")
    if date is not None:
        published = published.filter(date__lt=date)
    return published.first()


def _trend(value, previous_value, since):
    if since is None:
        return None
    if previous_value is None:
        return {"new": True, "since": since}
    try:
        change = value - previous_value
    except TypeError:
        return None
    return {"change": change, "since": since}


def _number(value):
    return value if isinstance(value, int | float) or value is None else float(value)


def headline_figures(document, previous=None, *, since=None):
    """The figures a factsheet shows large, each with its trend since `previous`
    (the document of the previous published version, of date `since`): staff,
    offices, regions, projects, then the first key figure of each category."""
    figures = []
    staff = (document.get("staff") or [None])[0]
    previous_staff = ((previous or {}).get("staff") or [None])[0]
    if staff:
        figures.append(
            {
                "key": "staff",
                "value": staff["total"],
                "label": ngettext("staff member", "staff members", staff["total"]),
                "trend": _trend(staff["total"], previous_staff and previous_staff["total"], since)
                if previous is not None
                else None,
            }
        )
    for key, label in (
        ("offices", lambda n: npgettext("headline figure", "office", "offices", n)),
        ("regions", lambda n: ngettext("region of presence", "regions of presence", n)),
        ("projects", lambda n: npgettext("headline figure", "project", "projects", n)),
    ):
        value = len(document.get(key) or [])
        figures.append(
            {
                "key": key,
                "value": value,
                "label": label(value),
                "trend": _trend(value, len(previous.get(key) or []), since)
                if previous is not None
                else None,
            }
        )
    previous_figures = index_by((previous or {}).get("key_figures") or [], "slug")
    seen_categories = set()
    for figure in document.get("key_figures") or []:
        if figure["category"] in seen_categories:
            continue
        seen_categories.add(figure["category"])
        before = previous_figures.get(figure["slug"])
        figures.append(
            {
                "key": figure["slug"],
                "value": figure["value"],
                "qualifier": figure.get("qualifier"),
                "percent": text_in_language(figure.get("unit"), "en") == "%",
                "label": figure["label"],
                "figure": figure,
                "trend": _trend(
                    _number(figure["value"]), before and _number(before["value"]), since
                )
                if previous is not None
                else None,
            }
        )
        if len(seen_categories) == HEADLINE_KEY_FIGURES:
            break
    return figures


def _offices(doc):
    """The offices, each with its region."""
    regions = index_by(doc["regions"], "iso_code")
    return [office | {"region_item": regions.get(office["region"])} for office in doc["offices"]]


def _selected_publications(doc):
    dated = sorted(doc["publications"], key=lambda p: p.get("year") or 0, reverse=True)
    return dated[:SELECTED_PUBLICATIONS]


def _capped(items, most):
    """{"items": the first `most` items, "more": how many are left out}."""
    return {"items": items[:most], "more": max(0, len(items) - most)}


def _figure_groups(doc, shown):
    """The key figures not shown large, by category: the first MOST_KEY_FIGURES."""
    categories = doc["choices"]["key_figures.category"]
    order = {category: position for position, category in enumerate(categories)}
    rest = sorted(
        (figure for figure in doc["key_figures"] if figure["slug"] not in shown),
        key=lambda figure: order.get(figure["category"], len(order)),
    )
    listed = rest[:MOST_KEY_FIGURES]
    groups = [
        {"label": label, "figures": [f for f in listed if f["category"] == category]}
        for category, label in categories.items()
    ]
    return {"groups": [g for g in groups if g["figures"]], "more": len(rest) - len(listed)}


def _projects(doc):
    projects = _capped(doc["projects"], MOST_PROJECTS)
    projects["items"] = [with_relations(doc, project) for project in projects["items"]]
    return projects


def factsheet_context(version: Version, language):
    snapshot = version.snapshot
    as_of = snapshot.date if snapshot else timezone.localdate()
    previous_snapshot = previous_published(snapshot.date if snapshot else None)
    previous = stored_document(previous_snapshot) if previous_snapshot else None
    doc = for_pages(version.document)
    headlines = headline_figures(
        version.document, previous, since=previous_snapshot.date if previous_snapshot else None
    )
    shown = {figure["key"] for figure in headlines}
    return {
        "doc": doc,
        "language": language,
        "snapshot": snapshot,
        "as_of": as_of,
        "checksum": snapshot.checksum if snapshot else checksum(version.document),
        "headlines": headlines,
        "staff": doc["staff"]["current"],
        "offices": _capped(_offices(doc), MOST_OFFICES),
        "projects": _projects(doc),
        "publications": _selected_publications(doc),
        "key_figures": _figure_groups(doc, shown),
        # The citation's "accessed" date is the version's: the PDF is made once and kept.
        "permalink": citations.permalink(snapshot, language, site=settings.SITE_URL),
        "site_url": settings.SITE_URL,
        "cite_as": citations.citation(snapshot, language, site=settings.SITE_URL, accessed=as_of),
        "missing_language": language not in version.document.get("languages", LANGUAGES),
    }


def _pdf_identifier(version: Version, language, digest):
    # The same version and language give the same file identifier, so rendering a
    # version again gives the same bytes.
    return hashlib.sha256(f"{digest}:{language}".encode()).hexdigest()[:32].encode()


def render_factsheet(version: Version, language) -> bytes:
    """The factsheet of `version` in `language`, as PDF bytes."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    with translation.override(language):
        context = factsheet_context(version, language)
        html = render_to_string("profiles/factsheet.html", context)
    fonts = FontConfiguration()
    stylesheet = CSS(filename=finders.find(STYLESHEET), font_config=fonts)
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf(
        stylesheets=[stylesheet],
        font_config=fonts,
        pdf_identifier=_pdf_identifier(version, language, context["checksum"]),
        pdf_tags=True,
    )


def _store(snapshot, language, pdf, version=None):
    return Factsheet(
        snapshot=snapshot,
        language=language,
        content_version=version,
        pdf=pdf,
        checksum=hashlib.sha256(pdf).hexdigest(),
    )


def published_factsheet(snapshot: Snapshot, language) -> Factsheet:
    """The kept factsheet of a public snapshot; rendered and kept if there is none
    yet (a snapshot published before factsheets existed). Two workers rendering
    the same one at once keep the first."""
    stored = Factsheet.objects.of_snapshot(snapshot, language).first()
    if stored is not None:
        return stored
    version = Version(snapshot.date.isoformat(), stored_document(snapshot), snapshot)
    factsheet = _store(snapshot, language, render_factsheet(version, language))
    try:
        with transaction.atomic():
            factsheet.save()
    except IntegrityError:
        return Factsheet.objects.of_snapshot(snapshot, language).get()
    return factsheet


def store_published_factsheets(snapshot: Snapshot) -> None:
    """Render and keep a newly published snapshot's factsheet in every language. A
    failure is logged, not raised: the publication stands, and the factsheet is
    rendered on its first request instead."""
    for language in LANGUAGES:
        try:
            published_factsheet(snapshot, language)
        except Exception:
            logger.exception("Factsheet of %s (%s) not rendered", snapshot.date, language)


def _render_current(language) -> Factsheet:
    # Read before the document is: a write during the render leaves it stale.
    rendered_for = content_version()
    pdf = render_factsheet(resolve_version(CURRENT), language)
    factsheet = _store(None, language, pdf, rendered_for)
    try:
        with transaction.atomic():
            Factsheet.objects.current(language).delete()
            factsheet.save()
    except IntegrityError:
        pass  # another worker kept its own meanwhile; this one is served all the same
    return factsheet


def refresh_current_factsheet(language) -> Factsheet | None:
    """Render the current profile's factsheet for the current content version and
    keep it in place of the old one. One worker at a time renders a language (a
    lock in the shared cache); the others return None and go on serving the kept
    one."""
    lock = f"factsheet-rendering:{language}"
    if not cache.add(lock, True, timeout=RENDER_LOCK_SECONDS):
        return None
    try:
        return _render_current(language)
    finally:
        cache.delete(lock)


def current_factsheet(language) -> tuple[Factsheet, bool]:
    """(the kept factsheet of the current profile, whether a write has made it
    stale). With none kept yet, one is rendered now: there is nothing older to serve."""
    stored = Factsheet.objects.current(language).first()
    if stored is None:
        return _render_current(language), False
    return stored, stored.content_version != content_version()


def filename(version_name, language):
    """The file name a visitor saves: `version_name` is "current" or the date."""
    return f"iom-panama-factsheet-{version_name}-{language}.pdf"
