"""The database itself keeps a published snapshot as it was published.

The model's guards stop ordinary saves; these tests go around them (the base
manager, a status walk-around, raw SQL) and expect the database's triggers to
refuse, on SQLite and on PostgreSQL alike, leaving the row unchanged.
"""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import DatabaseError, IntegrityError, connection, transaction

from profiles.models import Snapshot
from profiles.snapshots import checksum, freeze_snapshot, publish_snapshot, withdraw_snapshot

pytestmark = pytest.mark.django_db
DAY = dt.date(2025, 3, 31)
FROZEN = ["date", "document", "schema_version", "checksum", "status"]


@pytest.fixture
def published(iom_panama, publisher):
    draft = freeze_snapshot(
        date=DAY, title={"en": "March 2025", "es": "Marzo de 2025"}, by=publisher
    )
    return publish_snapshot(draft, by=publisher)


def stored(snapshot):
    return Snapshot._base_manager.filter(pk=snapshot.pk).values(*FROZEN).get()


def refused():
    """The database refuses the statement; the savepoint keeps the test's transaction usable."""
    return _Refused()


class _Refused:
    def __enter__(self):
        self.raises = pytest.raises(DatabaseError)
        self.raises.__enter__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()

    def __exit__(self, *exc_info):
        self.atomic.__exit__(*exc_info)
        result = self.raises.__exit__(*exc_info)
        assert isinstance(self.raises.excinfo.value, IntegrityError), self.raises.excinfo.value
        assert "published snapshot cannot be changed or deleted" in str(self.raises.excinfo.value)
        return result


def test_the_status_walk_around_is_refused(published):
    """Back to draft, save a new document, publish again: the first step already fails."""
    before = stored(published)
    with refused():
        Snapshot.objects.filter(pk=published.pk).update(status="draft")
    published.refresh_from_db()
    published.status = "draft"
    published.document = {**published.document, "office": None}
    published.checksum = checksum(published.document)
    with refused():
        # The stored row is still published: the model's guard and the database refuse.
        Snapshot._base_manager.filter(pk=published.pk).update(
            status="draft", document=published.document, checksum=published.checksum
        )
    assert stored(published) == before


@pytest.mark.parametrize(
    "change",
    [
        {"document": {"schema_version": 3, "office": None}},
        {"checksum": "0" * 64},
        {"date": dt.date(2025, 4, 1)},
        {"schema_version": 2},
        {"status": "draft"},
    ],
    ids=["document", "checksum", "date", "schema_version", "status"],
)
def test_base_manager_updates_are_refused(published, change):
    before = stored(published)
    with refused():
        Snapshot._base_manager.filter(pk=published.pk).update(**change)
    assert stored(published) == before


def test_base_manager_and_model_deletes_are_refused(published):
    before = stored(published)
    with refused():
        Snapshot._base_manager.filter(pk=published.pk).delete()
    with refused():
        # Django's own deletion of the instance, past the model's delete().
        Snapshot._base_manager.filter(pk=published.pk)._raw_delete(connection.alias)
    assert stored(published) == before


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE profiles_snapshot SET checksum = %s WHERE id = %s",
        "UPDATE profiles_snapshot SET document = %s WHERE id = %s",
        "UPDATE profiles_snapshot SET status = %s WHERE id = %s",
        "DELETE FROM profiles_snapshot WHERE id = %s",
    ],
    ids=["checksum", "document", "status", "delete"],
)
def test_raw_sql_is_refused(published, sql):
    values = {
        "checksum": ["0" * 64],
        "document": ['{"schema_version": 3}'],
        "status": ["draft"],
    }
    params = next((v for k, v in values.items() if f"SET {k}" in sql), []) + [published.pk]
    before = stored(published)
    with refused(), connection.cursor() as cursor:
        cursor.execute(sql, params)
    assert stored(published) == before


def test_a_withdrawn_snapshot_stays_withdrawn(published, publisher):
    withdraw_snapshot(published, reason="Superseded", by=publisher)
    before = stored(published)
    for status in ("published", "draft"):
        with refused():
            Snapshot._base_manager.filter(pk=published.pk).update(status=status)
    with refused():
        Snapshot._base_manager.filter(pk=published.pk).delete()
    assert stored(published) == before


def test_withdrawing_and_editing_texts_still_work(published, publisher):
    Snapshot._base_manager.filter(pk=published.pk).update(title_es="Marzo de 2025")
    published.refresh_from_db()
    published.note_en = "Figures as of the end of March."
    published.save()
    withdrawn = withdraw_snapshot(published, reason="Wrong staff figure", by=publisher)
    assert withdrawn.status == "withdrawn"
    assert stored(withdrawn)["checksum"] == checksum(withdrawn.document)


def test_drafts_stay_free_to_change_and_delete(iom_panama, editor):
    draft = freeze_snapshot(date=DAY, title={"en": "March 2025", "es": "Marzo de 2025"}, by=editor)
    Snapshot._base_manager.filter(pk=draft.pk).update(checksum="0" * 64, date=DAY)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM profiles_snapshot WHERE id = %s", [draft.pk])
    assert not Snapshot.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_flush_empties_published_snapshots_and_the_guard_comes_back(iom_panama_versions):
    """Django's transactional tests flush the database after each test: that must work."""
    assert Snapshot.objects.published().count() == 4
    call_command("flush", interactive=False, verbosity=0)
    assert not Snapshot._base_manager.exists()

    title = {"en": "March 2025", "es": "Marzo de 2025"}
    snapshot = publish_snapshot(freeze_snapshot(date=DAY, title=title))
    with pytest.raises(IntegrityError):
        Snapshot._base_manager.filter(pk=snapshot.pk).delete()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own triggers")
@pytest.mark.django_db(transaction=True)
def test_the_sqlite_triggers_exist_after_every_migration_even_a_table_rebuild():
    from profiles.immutability import SQLITE_TRIGGERS

    def triggers():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master"
                " WHERE type = 'trigger' AND tbl_name = 'profiles_snapshot'"
            )
            return {name for (name,) in cursor.fetchall()}

    assert triggers() == set(SQLITE_TRIGGERS)
    # A migration that adds a column with a default rebuilds the table and drops them.
    call_command("migrate", "profiles", "0006", verbosity=0)
    call_command("migrate", verbosity=0)
    assert triggers() == set(SQLITE_TRIGGERS)
