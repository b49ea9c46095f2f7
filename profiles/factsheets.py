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
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from iompanama.text import LANGUAGES

from . import citations
from .content_cache import content_version
from .headlines import as_of, headline_figures, previous_published
from .models import Factsheet, Snapshot
from .pages import with_relations
from .presentation import for_pages
from .snapshots import CURRENT, Version, checksum, resolve_version, stored_document
from .timeseries import published_followed_versions

logger = logging.getLogger(__name__)

STYLESHEET = "css/factsheet.css"
# Put inside the map's SVG, the only styles WeasyPrint draws an inline SVG with.
MAP_STYLESHEET = "css/factsheet-map.css"
# How many of the newest publications the factsheet lists.
SELECTED_PUBLICATIONS = 5
# A factsheet summarises: past these, a list says how many more the site has. Each
# is several times the real profile's; a profile of 1,000 projects and 1,000 key
# figures listed whole took 35 pages and 16 s of CPU to render.
MOST_PROJECTS = 40
MOST_KEY_FIGURES = 60
# A render that takes longer than this is assumed to have died; another may start.
RENDER_LOCK_SECONDS = 120


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
    # The home page's date, previous version and headline figures (`profiles.views.HomeView`).
    version_date = snapshot.date.isoformat() if snapshot else as_of(version.document)
    previous = previous_published(published_followed_versions(), version_date)
    headlines = headline_figures(version.document, previous[1] if previous else None)
    # A published PDF is made once and kept: it bears its version's date, and so does
    # the "accessed" date of its citation. The current one bears the day it was made.
    made_on = snapshot.date if snapshot else timezone.localdate()
    doc = for_pages(version.document)
    return {
        "doc": doc,
        "language": language,
        "snapshot": snapshot,
        "as_of": version_date or made_on,
        "made_on": made_on,
        "checksum": snapshot.checksum if snapshot else checksum(version.document),
        "headline_figures": headlines,
        "previous_version_date": previous[0] if previous else None,
        "staff": doc["staff"]["current"],
        "projects": _projects(doc),
        "publications": _selected_publications(doc),
        "key_figures": _figure_groups(doc, {figure["slug"] for figure in headlines}),
        "permalink": citations.permalink(snapshot, language, site=settings.SITE_URL),
        "site_url": settings.SITE_URL,
        "cite_as": citations.citation(snapshot, language, site=settings.SITE_URL, accessed=made_on),
        "missing_language": language not in version.document.get("languages", LANGUAGES),
        "map_stylesheet": _map_stylesheet(),
    }


def _map_stylesheet():
    return mark_safe(Path(finders.find(MAP_STYLESHEET)).read_text())  # our own file


def _pdf_identifier(version: Version, language, digest):
    # The same version and language give the same file identifier, so rendering a
    # version again gives the same bytes.
    return hashlib.sha256(f"{digest}:{language}".encode()).hexdigest()[:32].encode()


def _import_weasyprint():
    """WeasyPrint, without the process-wide setting its import makes: it switches
    Pillow to accept truncated images, which would let a damaged upload pass the
    image validators in every later request of the worker. The images our
    factsheets embed were all decoded in full when they were uploaded."""
    import weasyprint
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return weasyprint


def render_factsheet(version: Version, language) -> bytes:
    """The factsheet of `version` in `language`, as PDF bytes."""
    weasyprint = _import_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    CSS, HTML = weasyprint.CSS, weasyprint.HTML

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
