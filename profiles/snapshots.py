"""Freezing, publishing and withdrawing dated snapshots of the profile.

Every write that touches a snapshot goes through these functions, which check
who may do it; the admin and the loader stay thin.
"""

import hashlib
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .diff import diff_documents, summarize
from .document import build_document, current_document, upgrade_document
from .models import Snapshot

PUBLISH_PERMISSION = "profiles.publish_snapshot"


def canonical_json(document: dict) -> bytes:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def checksum(document: dict) -> str:
    return hashlib.sha256(canonical_json(document)).hexdigest()


def _outermost(conn):
    # True while the atomic block just opened is the outermost one: only then can
    # the isolation level still be set, before the transaction's first query.
    return len(conn.savepoint_ids) == 0


def frozen_document(*, languages=None) -> dict:
    """Build the document inside one transaction that reads one state of the database.

    PostgreSQL's default isolation lets each query see commits made since the
    previous one, so a freeze could mix rows from before and after an edit;
    REPEATABLE READ gives the whole build one view. SQLite's transactions
    already read one consistent state.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql" and _outermost(connection):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
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


def freeze(snapshot: Snapshot, *, by=None, document=None) -> Snapshot:
    """Fill an unsaved draft (date, title, note set) with the frozen profile and save it."""
    _check_can_edit(by)
    if Snapshot.objects.filter(date=snapshot.date).exists():
        raise ValidationError(
            {"date": _("There is already a snapshot for %(date)s.") % {"date": snapshot.date}}
        )
    snapshot.status = Snapshot.Status.DRAFT
    snapshot.created_by = by
    _set_document(snapshot, document if document is not None else frozen_document())
    snapshot.full_clean(exclude=["document", "created_by"])
    snapshot.save()
    audit.record(
        snapshot, audit.AuditEntry.Action.FROZEN, user=by, changes=_checksum_change("", snapshot)
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
    _set_document(snapshot, frozen_document())
    snapshot.save()
    audit.record(
        snapshot,
        audit.AuditEntry.Action.REFROZEN,
        user=by,
        changes=_checksum_change(before, snapshot),
    )
    return snapshot


def publish_snapshot(snapshot: Snapshot, *, by=None) -> Snapshot:
    _check_can_publish(by)
    if snapshot.status != Snapshot.Status.DRAFT:
        raise ValidationError(_("Only a draft snapshot can be published."))
    if checksum(snapshot.document) != snapshot.checksum:
        raise ValidationError(_("The snapshot's document does not match its checksum."))
    Snapshot.objects.filter(pk=snapshot.pk, status=Snapshot.Status.DRAFT).update(
        status=Snapshot.Status.PUBLISHED, published_at=timezone.now(), published_by=by
    )
    snapshot.refresh_from_db()
    audit.record(
        snapshot,
        audit.AuditEntry.Action.PUBLISHED,
        user=by,
        changes={"status": ["draft", "published"]},
    )
    return snapshot


def withdraw_snapshot(snapshot: Snapshot, *, reason, by=None) -> Snapshot:
    _check_can_publish(by)
    if snapshot.status != Snapshot.Status.PUBLISHED:
        raise ValidationError(_("Only a published snapshot can be withdrawn."))
    if not reason.strip():
        raise ValidationError({"withdrawal_reason": _("Say why the snapshot is withdrawn.")})
    Snapshot.objects.filter(pk=snapshot.pk).update(
        status=Snapshot.Status.WITHDRAWN, withdrawn_at=timezone.now(), withdrawal_reason=reason
    )
    snapshot.refresh_from_db()
    audit.record(
        snapshot,
        audit.AuditEntry.Action.WITHDRAWN,
        user=by,
        changes={"status": ["published", "withdrawn"], "withdrawal_reason": ["", reason]},
    )
    return snapshot


def delete_draft(snapshot: Snapshot, *, by=None):
    _check_can_edit(by)
    snapshot.delete()


def stored_document(snapshot: Snapshot) -> dict:
    """The snapshot's document in the current schema, whatever schema it was stored in."""
    return upgrade_document(snapshot.document)


def document_for(date_or_current) -> dict:
    """The document of a public snapshot by date, or the current one for "current"."""
    if date_or_current in (None, "", "current"):
        return current_document()
    return stored_document(Snapshot.objects.public().get(date=date_or_current))


def change_summaries(snapshots, *, is_baseline=lambda snapshot: True):
    """{snapshot id: one line of what changed since the previous baseline snapshot}.

    `snapshots` come oldest first; only those `is_baseline` accepts are compared
    against (the public archive skips withdrawn versions).
    """
    summaries = {}
    previous = None
    for snapshot in snapshots:
        document = stored_document(snapshot)
        summaries[snapshot.pk] = (
            summarize(diff_documents(previous, document)) if previous else _("first version")
        )
        if is_baseline(snapshot):
            previous = document
    return summaries
