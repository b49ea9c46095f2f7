"""What is made of a public snapshot (its page in each language, its data files),
rendered once and served as stored.

A published snapshot's document never changes, so neither does what is rendered
from it, except the page's banner (withdrawn or not, links to the previous and
next published versions) and whatever the code that renders it changes. So:

- publishing a snapshot renders and stores every artefact below;
- withdrawing one renders its pages again (the data files stay as they are);
- both render the pages of the versions whose previous or next link changed;
- each stored artefact carries the fingerprint of the code that rendered it
  (`renderer_version()`); one rendered by other code, or missing, is rendered
  when asked for, and `manage.py render_versions` renders them all ahead.

The artefacts are rows of `RenderedArtefact` in the database, which every worker
and server reads, which deploys leave alone and which the backups carry.
Registering another artefact of a version (the PDF factsheet) is one `register`
call with a function from a snapshot to bytes; its view answers
`stored_response(date, name)`.
"""

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date
from django.utils.translation import gettext as _

from . import exports
from .document import SCHEMA_VERSION
from .models import RenderedArtefact, Snapshot
from .snapshots import stored_document

# A version's data never changes, but a withdrawn version's date can be given to
# its correction, so a dated URL's bytes can: caches keep a data file a day, then
# revalidate it by its ETag. A page's banner changes too (withdrawal, new
# neighbours), and a page links static files by the hashed names a deploy
# replaces, so pages keep the page cache's policy (`iompanama.middleware.PageCache`).
DATED_FILE = "public, max-age=86400"


@dataclass(frozen=True)
class Artefact:
    name: str
    content_type: str
    render: Callable[[Snapshot], bytes]
    # A page: its banner shows the status and the neighbouring versions, so it is
    # rendered again when those change; anything else is immutable.
    shows_status: bool = False
    # A download's file name, from the snapshot's date: "iom-panama-profile-{date}.csv".
    filename: str = ""


ARTEFACTS: dict[str, Artefact] = {}


def register(name, content_type, render, *, shows_status=False, filename=""):
    ARTEFACTS[name] = Artefact(name, content_type, render, shows_status, filename)


def page_name(language: str) -> str:
    return f"page-{language}"


def render_page(snapshot: Snapshot, *, language: str) -> bytes:
    """The snapshot's page as an anonymous visitor gets it: the view's live render
    of its URL, for a request that carries nothing but that URL."""
    from .views import SnapshotDetailView  # the views serve what this module stores

    with translation.override(language):
        request = HttpRequest()
        request.method = "GET"
        request.path = request.path_info = reverse(
            "profiles:snapshot-detail", kwargs={"date": snapshot.date}
        )
        request.user = AnonymousUser()
        view = SnapshotDetailView.as_view(serve_stored=False)
        return view(request, date=snapshot.date).render().content


def render_data(snapshot: Snapshot, *, fmt: str) -> bytes:
    document = stored_document(snapshot)
    return exports.write_document(document, fmt, date=snapshot.date.isoformat())


HTML = "text/html; charset=utf-8"

register("page-en", HTML, functools.partial(render_page, language="en"), shows_status=True)
register("page-es", HTML, functools.partial(render_page, language="es"), shows_status=True)
for _fmt in ("csv", "json", "xlsx"):
    register(
        _fmt,
        exports.CONTENT_TYPES[_fmt],
        functools.partial(render_data, fmt=_fmt),
        filename=f"iom-panama-profile-{{date}}.{_fmt}",
    )


def pages() -> list[Artefact]:
    return [artefact for artefact in ARTEFACTS.values() if artefact.shows_status]


# Files whose change changes what is rendered. Read once per process (a few
# milliseconds): a deploy starts new processes.
RENDERER_FILES = [
    "templates/**/*.html",
    "iompanama/*.py",
    "profiles/*.py",
    "profiles/templatetags/*.py",
    "projects/*.py",
    "publications/*.py",
    "locale/*/LC_MESSAGES/*.mo",
    "requirements.lock",
]


@functools.cache
def renderer_version() -> str:
    """A fingerprint of the code, templates, translations, static file names and
    settings that render the artefacts: an artefact stored under another one is stale."""
    digest = hashlib.sha256(f"{SCHEMA_VERSION} {settings.SITE_URL}".encode())
    root = settings.BASE_DIR
    for path in sorted({path for pattern in RENDERER_FILES for path in root.glob(pattern)}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    manifest = settings.STATIC_ROOT / "staticfiles.json"  # hashed static file names
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:32]


def fingerprint(artefact: Artefact) -> str:
    """The renderer version an artefact is stored under. A page cites its version with
    the day it is read ("Accessed …"), so a page's changes with the day: it is
    rendered again on the day's first visit."""
    if not artefact.shows_status:
        return renderer_version()
    day = timezone.localdate().isoformat()
    return hashlib.sha256(f"{renderer_version()} {day}".encode()).hexdigest()[:32]


def store(snapshot: Snapshot, artefact: Artefact) -> RenderedArtefact:
    """Render `artefact` of `snapshot` and store it, replacing what was stored."""
    content = artefact.render(snapshot)
    row = RenderedArtefact(
        snapshot=snapshot,
        name=artefact.name,
        content=content,
        checksum=hashlib.sha256(content).hexdigest(),
        renderer=fingerprint(artefact),
        rendered_at=timezone.now(),
    )
    # An upsert: two workers asked for the same missing artefact both store it.
    RenderedArtefact.objects.bulk_create(
        [row],
        update_conflicts=True,
        unique_fields=["snapshot", "name"],
        update_fields=["content", "checksum", "renderer", "rendered_at"],
    )
    return row


def render_artefacts(snapshot: Snapshot, artefacts=None) -> None:
    for artefact in ARTEFACTS.values() if artefacts is None else artefacts:
        store(snapshot, artefact)


def versions_around(snapshot: Snapshot):
    """The other public snapshots whose previous or next published version the
    publication or withdrawal of `snapshot` changes: those from the published
    version before it to the one after it."""
    published = Snapshot.objects.published().exclude(pk=snapshot.pk)
    before = published.filter(date__lt=snapshot.date).order_by("-date").first()
    after = published.filter(date__gt=snapshot.date).order_by("date").first()
    around = Snapshot.objects.public().exclude(pk=snapshot.pk)
    if before is not None:
        around = around.filter(date__gte=before.date)
    if after is not None:
        around = around.filter(date__lte=after.date)
    return around.order_by("date")


def render_published(snapshot: Snapshot) -> None:
    """After `snapshot` was published: all of it, and its neighbours' pages."""
    render_artefacts(snapshot)
    for neighbour in versions_around(snapshot):
        render_artefacts(neighbour, pages())


def render_withdrawn(snapshot: Snapshot) -> None:
    """After `snapshot` was withdrawn: its pages (the banner), and its neighbours'."""
    render_artefacts(snapshot, pages())
    for neighbour in versions_around(snapshot):
        render_artefacts(neighbour, pages())


def render_versions(*, stale_only=False, dates=None) -> int:
    """Render and store the artefacts of every public snapshot (of `dates` if given)
    from its stored document: after a change of the schema, the templates or the
    code. With `stale_only`, only those missing or rendered by other code. Returns
    how many were rendered."""
    RenderedArtefact.objects.exclude(name__in=ARTEFACTS).delete()  # no longer registered
    current = set(RenderedArtefact.objects.values_list("snapshot_id", "name", "renderer"))
    snapshots = Snapshot.objects.public().order_by("date")
    if dates is not None:
        snapshots = snapshots.filter(date__in=dates)
    rendered = 0
    for snapshot in snapshots.iterator(chunk_size=20):
        for artefact in ARTEFACTS.values():
            if not (stale_only and (snapshot.pk, artefact.name, fingerprint(artefact)) in current):
                store(snapshot, artefact)
                rendered += 1
    return rendered


def stored_response(date, name: str) -> HttpResponse:
    """Artefact `name` of the public snapshot of `date` as stored, with its checksum as
    ETag; rendered and stored first when missing or stale. 404 without such a snapshot.

    One query when stored and current.
    """
    artefact = ARTEFACTS[name]
    row = (
        RenderedArtefact.objects.filter(
            snapshot__in=Snapshot.objects.shown().filter(date=date),
            name=name,
            renderer=fingerprint(artefact),
        )
        .order_by("-snapshot__published_at")
        .only("content", "checksum", "rendered_at")
        .first()
    )
    if row is None:
        snapshot = Snapshot.objects.on_date(date)
        if snapshot is None:
            raise Http404(_("There is no published snapshot of this date."))
        row = store(snapshot, artefact)
    response = HttpResponse(bytes(row.content), content_type=artefact.content_type)
    response["ETag"] = f'"{row.checksum}"'
    response["Last-Modified"] = http_date(row.rendered_at.timestamp())
    if not artefact.shows_status:
        response["Cache-Control"] = DATED_FILE
    if artefact.filename:
        filename = artefact.filename.format(date=date.isoformat())
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
