"""Django's `flush`, able to empty a SQLite database that holds published snapshots.

The database refuses to delete a published or withdrawn snapshot (see
`profiles.models.SNAPSHOT_CHANGE_REFUSED` and migration 0005). On PostgreSQL,
`flush` empties tables with TRUNCATE, which row triggers do not see; on SQLite
it runs DELETE, which they do. Emptying the whole database is what `flush` is
for (and what Django's transactional tests do after each test), so on SQLite
this command lifts the triggers of the tables it empties, empties them and puts
the triggers back, all in one transaction: nothing else runs without them.
"""

from django.core.management.commands import flush
from django.db import connections, transaction


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            placeholders = ", ".join(["%s"] * len(tables))
            cursor.execute(
                "SELECT name, sql FROM sqlite_master"
                f" WHERE type = 'trigger' AND tbl_name IN ({placeholders})",
                tables,
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
            result = super().handle(**options)
            # post_migrate (which flush sends) may have recreated them already.
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            existing = {name for (name,) in cursor.fetchall()}
            for name, sql in triggers:
                if name not in existing:
                    cursor.execute(sql)
        return result
