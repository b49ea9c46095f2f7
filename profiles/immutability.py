"""Published snapshots kept as published by the database itself, on SQLite.

PostgreSQL gets its triggers from django-pgtrigger (`Snapshot.Meta.triggers`,
migration 0005). SQLite gets the same rules as plain triggers. SQLite drops a
table's triggers whenever a migration rebuilds the table (adding a column with a
default does), so they are (re)created after every `migrate`, not only once.
"""

MESSAGE = "A published snapshot cannot be changed or deleted; it can only be withdrawn"

SQLITE_TRIGGERS = {
    "profiles_snapshot_public_unchanged": f"""
        CREATE TRIGGER IF NOT EXISTS profiles_snapshot_public_unchanged
        BEFORE UPDATE ON profiles_snapshot
        FOR EACH ROW WHEN OLD.status IN ('published', 'withdrawn') AND (
            NEW.document IS NOT OLD.document
            OR NEW.checksum IS NOT OLD.checksum
            OR NEW.date IS NOT OLD.date
            OR NEW.schema_version IS NOT OLD.schema_version
            OR (NEW.status IS NOT OLD.status
                AND NOT (OLD.status = 'published' AND NEW.status = 'withdrawn'))
        )
        BEGIN SELECT RAISE(ABORT, '{MESSAGE} (change refused)'); END
    """,
    "profiles_snapshot_public_undeleted": f"""
        CREATE TRIGGER IF NOT EXISTS profiles_snapshot_public_undeleted
        BEFORE DELETE ON profiles_snapshot
        FOR EACH ROW WHEN OLD.status IN ('published', 'withdrawn')
        BEGIN SELECT RAISE(ABORT, '{MESSAGE} (deletion refused)'); END
    """,
}


def ensure_sqlite_triggers(using="default", **_kwargs):
    """A post_migrate receiver: the SQLite triggers exist once the table does."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if "profiles_snapshot" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        for sql in SQLITE_TRIGGERS.values():
            cursor.execute(sql)
