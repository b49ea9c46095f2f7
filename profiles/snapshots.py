"""Freezing, publishing and withdrawing dated snapshots of the profile.

Every write that touches a snapshot goes through these functions, which check
who may do it; the admin and the loader stay thin.
"""

import datetime as dt
import hashlib
import json
import logging
import re
import time
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models import Case, F, JSONField, Q, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from iompanama.text import LANGUAGES

from . import audit
from .apps import CONTENT_APPS, DERIVED_MODELS
from .diff import diff_documents, summarize
from .document import SCHEMA_VERSION, build_document, current_document, upgrade_document
from .models import Snapshot
from .schema import SECTIONS, TEXT, items, label_of
from .sources import mark_carried_over

PUBLISH_PERMISSION = "profiles.publish_snapshot"

logger = logging.getLogger(__name__)


def canonical_json(document: dict) -> bytes:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def checksum(document: dict) -> str:
    return hashlib.sha256(canonical_json(document)).hexdigest()


# The apps whose rows make up the profile document; the snapshots, what is rendered
# of them and the audit trail are not part of it.
NOT_CONTENT = {
    "profiles.snapshot",
    "profiles.auditentry",
    "profiles.renderedartefact",
    *DERIVED_MODELS,
}
# How long a freeze inside an enclosing transaction waits for editors' transactions.
LOCK_TIMEOUT = 30


def _outermost(conn):
    # True while the atomic block just opened is the outermost one: only then can
    # the isolation level still be set, before the transaction's first query.
    return len(conn.savepoint_ids) == 0


def content_tables():
    """The tables `build_document` reads, many-to-many tables included, sorted."""
    tables = {
        model._meta.db_table
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.label_lower not in NOT_CONTENT
        and model._meta.managed
        and not model._meta.proxy
    }
    return sorted(tables)


def _lock_content_tables(conn):
    """Keep every writer of the content out until the enclosing transaction ends.

    SHARE mode lets other readers (and other freezes) in, but no writer; a writer
    already in progress is waited for. The lock is taken with NOWAIT in a
    savepoint and retried: a refused attempt releases what it had taken, so a
    freeze never holds one table while waiting for another, and cannot deadlock
    with an editor's transaction that writes two tables.
    """
    tables = ", ".join(conn.ops.quote_name(table) for table in content_tables())
    deadline = time.monotonic() + LOCK_TIMEOUT
    while True:
        try:
            with transaction.atomic(using=conn.alias), conn.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {tables} IN SHARE MODE NOWAIT")
            return
        except OperationalError as error:
            if getattr(error.__cause__, "sqlstate", None) != "55P03" or (
                time.monotonic() > deadline
            ):
                raise
            time.sleep(0.02)


def frozen_document(*, languages=None) -> dict:
    """Build the document from one state of the database, whoever commits meanwhile.

    PostgreSQL's default isolation (READ COMMITTED) lets each query see commits
    made since the previous one, so a freeze could mix rows from before and after
    an editor's change. Called outside any transaction (the shell, the admin's
    freeze and refreeze views), the build runs in its own REPEATABLE READ
    transaction: one view of the database, nobody waits.

    Inside an enclosing transaction (Django's admin wraps its add view in one;
    so does a test, or a caller's `atomic`), the isolation level can no longer
    be set. Refusing would break every such caller, and reading as is would tear
    the document; instead, unless the enclosing transaction already reads one
    state (REPEATABLE READ or SERIALIZABLE), the freeze takes SHARE locks on the
    content tables, so no writer can commit until that transaction ends and
    every query of the build sees the same rows. Editors' saves wait for it (a
    freeze takes about a second), which is why the admin freezes before its
    transaction opens and this path is the fallback.

    SQLite's transactions already read one consistent state.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            if _outermost(connection):
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            else:
                with connection.cursor() as cursor:
                    cursor.execute("SHOW transaction_isolation")
                    (isolation,) = cursor.fetchone()
                if isolation not in ("repeatable read", "serializable"):
                    _lock_content_tables(connection)
        return build_document(languages=languages)


def _check_can_edit(user):
    if user is not None and not user.has_perm("profiles.add_snapshot"):
        raise PermissionDenied(_("You may not freeze snapshots."))


def _check_can_publish(user):
    if user is not None and not user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(_("Only publishers may publish or withdraw snapshots."))


def _checksum_change(before, snapshot):
    return {"checksum": [before, snapshot.checksum]}


def _set_document(snapshot, document):
    snapshot.document = document
    snapshot.schema_version = document["schema_version"]
    snapshot.checksum = checksum(document)


def check_date_free(date):
    """A date takes one live (draft or published) snapshot; a withdrawn one's date is
    free for its correction."""
    if Snapshot.objects.exclude(status=Snapshot.Status.WITHDRAWN).filter(date=date).exists():
        raise ValidationError(
            {
                "date": _(
                    "There is already a snapshot for this date. Only a withdrawn version's "
                    "date can be frozen again, for its correction."
                )
            }
        )


def _fill(snapshot: Snapshot, document: dict) -> None:
    """Give `snapshot` the document `document`, with the facts it repeats unchanged
    from the published version before it marked as carried over (`sources.py`),
    and its change summary since that version. Freezing a draft changes no other
    snapshot's summary: only published versions are compared against."""
    previous = previous_published(snapshot)
    earlier = None
    if previous is not None:
        earlier = stored_document(previous)
        document = mark_carried_over(document, earlier, previous.date.isoformat())
    _set_document(snapshot, document)
    snapshot.change_summary = summary_since(earlier, document)


def freeze(snapshot: Snapshot, *, by=None, document=None) -> Snapshot:
    """Fill an unsaved draft (date, title, note set) with the frozen profile and save it."""
    _check_can_edit(by)
    check_date_free(snapshot.date)
    snapshot.status = Snapshot.Status.DRAFT
    snapshot.created_by = by
    _fill(snapshot, document if document is not None else frozen_document())
    snapshot.full_clean(exclude=["document", "created_by"])
    with transaction.atomic():
        snapshot.save()
        audit.record(
            snapshot,
            audit.AuditEntry.Action.FROZEN,
            user=by,
            changes=_checksum_change("", snapshot),
        )
    return snapshot


def freeze_snapshot(*, date, title, note=None, by=None, document=None) -> Snapshot:
    """Freeze the current profile (or `document`) into a draft snapshot for `date`.

    `title` and `note` are texts or {"en": …, "es": …}.
    """
    snapshot = Snapshot(date=date)
    for field, value in (("title", title), ("note", note or "")):
        values = value if isinstance(value, dict) else {"en": value}
        for language, text in values.items():
            setattr(snapshot, f"{field}_{language}", text)
    return freeze(snapshot, by=by, document=document)


def refreeze_snapshot(snapshot: Snapshot, *, by=None) -> Snapshot:
    """Replace a draft's document with the current profile."""
    _check_can_edit(by)
    if snapshot.is_public:
        raise ValidationError(Snapshot.immutable_message())
    before = snapshot.checksum
    # The document is read first, in a transaction of its own when there is none yet.
    _fill(snapshot, frozen_document())
    with transaction.atomic():
        snapshot.save()
        audit.record(
            snapshot,
            audit.AuditEntry.Action.REFROZEN,
            user=by,
            changes=_checksum_change(before, snapshot),
        )
    return snapshot


def publish_snapshot(snapshot: Snapshot, *, by=None, reviewed_checksum=None) -> Snapshot:
    """Publish a draft. With `reviewed_checksum` (what the publisher saw), a draft
    refrozen since then is refused rather than published unseen."""
    _check_can_publish(by)
    if snapshot.status != Snapshot.Status.DRAFT:
        raise ValidationError(_("Only a draft snapshot can be published."))
    if checksum(snapshot.document) != snapshot.checksum:
        raise ValidationError(_("The snapshot's document does not match its checksum."))
    if not (snapshot.title_es or "").strip():
        raise ValidationError(
            _("Give the version a Spanish title before publishing it: the archive shows it.")
        )
    expected = snapshot.checksum if reviewed_checksum is None else reviewed_checksum
    with transaction.atomic():
        published = Snapshot.objects.filter(
            pk=snapshot.pk, status=Snapshot.Status.DRAFT, checksum=expected
        ).update(status=Snapshot.Status.PUBLISHED, published_at=timezone.now(), published_by=by)
        if not published:
            raise ValidationError(
                _(
                    "This draft was refrozen or published by someone else since you opened "
                    "it. Review it again before publishing."
                )
            )
        snapshot.refresh_from_db()
        # The checksum as published: `verify_snapshots` compares the stored one with it.
        audit.record(
            snapshot,
            audit.AuditEntry.Action.PUBLISHED,
            user=by,
            changes={
                "status": ["draft", "published"],
                "checksum": [snapshot.checksum, snapshot.checksum],
            },
        )
        store_change_summaries(snapshot.date)
    _render(snapshot)
    # The factsheet is part of the published version, rendered once and kept; after
    # the commit, so the publication does not wait on it nor fail with it.
    from .factsheets import store_published_factsheets  # it renders through this module

    transaction.on_commit(lambda: store_published_factsheets(snapshot))
    return snapshot


def _render(snapshot, *, withdrawn=False):
    """Render what visitors are served of `snapshot` (`profiles.artefacts`). A failed
    render is logged, not raised: the snapshot is published or withdrawn, and what
    was not stored is rendered when first asked for."""
    from . import artefacts  # the artefacts render through the views, which import this module

    try:
        with transaction.atomic():
            if withdrawn:
                artefacts.render_withdrawn(snapshot)
            else:
                artefacts.render_published(snapshot)
    except Exception:  # any error of any template or writer
        logger.exception("Rendering the snapshot of %s failed", snapshot.date)


def recorded_checksums() -> dict:
    """{snapshot id: the checksum the audit trail recorded when it was published}.

    The publication entry records it; snapshots published before it did fall
    back to their last freeze or refreeze, after which a public snapshot's
    document cannot change.
    """
    Action = audit.AuditEntry.Action
    entries = (
        audit.AuditEntry.objects.filter(
            content_type__app_label="profiles",
            content_type__model="snapshot",
            action__in=[Action.FROZEN, Action.REFROZEN, Action.PUBLISHED],
        )
        .order_by("at", "pk")
        .values_list("object_id", "action", "changes")
    )
    frozen, published = {}, {}
    for object_id, action, changes in entries:
        value = (changes or {}).get("checksum")
        if not (isinstance(value, list) and len(value) == 2):
            continue
        target = published if action == Action.PUBLISHED else frozen
        if action == Action.PUBLISHED and object_id in published:
            continue  # the first publication is the one visitors saw
        target[object_id] = value[1]
    return {int(pk): value for pk, value in (frozen | published).items() if pk.isdigit()}


def withdraw_snapshot(snapshot: Snapshot, *, reason, by=None) -> Snapshot:
    _check_can_publish(by)
    if snapshot.status != Snapshot.Status.PUBLISHED:
        raise ValidationError(_("Only a published snapshot can be withdrawn."))
    reasons = reason if isinstance(reason, dict) else {translation.get_language() or "en": reason}
    if not any((text or "").strip() for text in reasons.values()):
        raise ValidationError({"withdrawal_reason": _("Say why the snapshot is withdrawn.")})
    Snapshot.objects.filter(pk=snapshot.pk).update(
        status=Snapshot.Status.WITHDRAWN,
        withdrawn_at=timezone.now(),
        **{f"withdrawal_reason_{language}": text for language, text in reasons.items()},
    )
    snapshot.refresh_from_db()
    audit.record(
        snapshot,
        audit.AuditEntry.Action.WITHDRAWN,
        user=by,
        changes={"status": ["published", "withdrawn"], "withdrawal_reason": ["", reasons]},
    )
    store_change_summaries(snapshot.date)
    _render(snapshot, withdrawn=True)
    return snapshot


def stored_document(snapshot: Snapshot) -> dict:
    """The snapshot's document in the current schema, whatever schema it was stored in."""
    return upgrade_document(snapshot.document)


def published_sections(keys):
    """Sections `keys` of every published snapshot, oldest first, as documents holding
    those sections only."""
    return [document for _date, document in published_versions(keys)]


def published_versions(keys):
    """(ISO date, document holding sections `keys` only) of every published snapshot,
    oldest first.

    One query whatever the number of versions: the database reads the sections out
    of stored documents of the current schema (a JSON key each), so many large
    versions are not decoded whole; a document of an older schema comes whole, to
    be upgraded.
    """
    older = ~Q(schema_version=SCHEMA_VERSION)
    rows = (
        Snapshot.objects.published()
        .annotate(
            older_document=Case(When(older, then=F("document")), output_field=JSONField()),
            **{
                f"section_{key}": Case(
                    When(older, then=None), default=F(f"document__{key}"), output_field=JSONField()
                )
                for key in keys
            },
        )
        .order_by("date")
        .values_list("date", "older_document", *(f"section_{key}" for key in keys))
    )
    return [
        (
            date.isoformat(),
            upgrade_document(document)
            if document is not None
            else {"schema_version": SCHEMA_VERSION} | dict(zip(keys, sections, strict=True)),
        )
        for date, document, *sections in rows
    ]


CURRENT = "current"
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class VersionError(ValueError):
    """A version asked for in a URL that is not a date (`status` 400) or has no public
    snapshot (404); the message is in the visitor's language."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Version:
    """A version of the profile: a public snapshot's, or the current one."""

    name: str  # "current" or the date, YYYY-MM-DD
    document: dict
    snapshot: Snapshot | None = None


def compared_versions(a=None, b=None) -> tuple[Version, Version]:
    """The two versions a comparison shows: `a` defaults to the latest published
    version (the current profile when there is none), `b` to the current profile."""
    if not a:
        latest = Snapshot.objects.published().order_by("-date").values_list("date", flat=True)
        a = latest[0].isoformat() if latest else CURRENT
    return resolve_version(a), resolve_version(b or CURRENT)


def resolve_version(value) -> Version:
    """The one reading of "a date or current" in URLs: the compare page, the compare
    CSV and the downloads all resolve a version here."""
    if value == CURRENT:
        return Version(CURRENT, current_document())
    try:
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise VersionError(
            _("“%(value)s” is not a date; use the form YYYY-MM-DD.") % {"value": value}, 400
        ) from None
    snapshot = Snapshot.objects.on_date(date)
    if snapshot is None:
        raise VersionError(_("There is no published snapshot of %(date)s.") % {"date": value}, 404)
    return Version(value, stored_document(snapshot), snapshot)


def summary_since(previous: dict | None, document: dict) -> dict:
    """{"en": …, "es": …}: one line of what changed since `previous`."""
    diff = diff_documents(previous, document) if previous is not None else None
    summary = {}
    for language in LANGUAGES:
        with translation.override(language):
            summary[language] = summarize(diff) if diff is not None else _("first version")
    return summary


def store_change_summaries(since) -> None:
    """Store the change summary of every snapshot from date `since` up to the next
    published one: those whose baseline (the latest published version before
    them) a freeze, publication or withdrawal on that date may have changed."""
    if isinstance(since, str):
        since = dt.date.fromisoformat(since)
    rows = list(Snapshot.objects.filter(date__gte=since).order_by("date").defer("document"))
    baseline = Snapshot.objects.published().filter(date__lt=since).order_by("-date").first()
    previous = stored_document(baseline) if baseline else None
    for snapshot in rows:
        document = stored_document(Snapshot.objects.get(pk=snapshot.pk))
        Snapshot.objects.filter(pk=snapshot.pk).update(
            change_summary=summary_since(previous, document)
        )
        if snapshot.status == Snapshot.Status.PUBLISHED:
            if snapshot.date > since:
                break  # later snapshots keep this one as their baseline
            previous = document


@dataclass(frozen=True)
class MissingText:
    section: str
    item: str
    field: str


def missing_spanish(document: dict) -> list[MissingText]:
    """Every text of `document` written in English and not in Spanish, in the
    document's order; Spanish pages show those in English."""
    missing = []
    for section in SECTIONS:
        text_fields = [field for field in section.fields if field.kind == TEXT]
        for item in items(document, section):
            for field in text_fields:
                value = item.get(field.name) or {}
                if (value.get("en") or "").strip() and not (value.get("es") or "").strip():
                    name = "" if section.single else item.get(section.name)
                    name = name.get("en", "") if isinstance(name, dict) else str(name or "")
                    missing.append(
                        MissingText(str(section.label), name, str(label_of(section, field)))
                    )
    return missing


def previous_published(snapshot: Snapshot) -> Snapshot | None:
    """The version visitors see as the one before `snapshot`: the latest published
    one of an earlier date."""
    return Snapshot.objects.published().filter(date__lt=snapshot.date).order_by("-date").first()


@dataclass(frozen=True)
class PublicationReview:
    """What a publisher confirms: what the draft changes and what it lacks."""

    snapshot: Snapshot
    previous: Snapshot | None
    diff: dict
    missing_texts: list
    missing_title: bool
    missing_note: bool

    @property
    def has_changes(self):
        return self.previous is None or any(self.diff.values())

    @property
    def can_publish(self):
        return self.snapshot.status == Snapshot.Status.DRAFT and not self.missing_title


def review_publication(snapshot: Snapshot, *, language) -> PublicationReview:
    previous = previous_published(snapshot)
    document = stored_document(snapshot)
    diff = (
        diff_documents(stored_document(previous), document, language=language)
        if previous is not None
        else {"figures": [], "lists": [], "texts": []}
    )
    return PublicationReview(
        snapshot=snapshot,
        previous=previous,
        diff=diff,
        missing_texts=missing_spanish(document),
        missing_title=not (snapshot.title_es or "").strip(),
        missing_note=bool((snapshot.note_en or "").strip())
        and not (snapshot.note_es or "").strip(),
    )
