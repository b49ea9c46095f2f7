"""A pg_dump restored into an empty database keeps every snapshot intact."""

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

from profiles.loading import load_current_profile, load_historical_snapshots
from profiles.models import Snapshot

needs_postgresql = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump needs PostgreSQL"),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed"),
]


def libpq_args(database):
    options = connection.settings_dict
    args = ["--host", options["HOST"] or "127.0.0.1", "--port", str(options["PORT"] or 5432)]
    return [*args, "--username", options["USER"] or "postgres", "--dbname", database]


@needs_postgresql[0]
@needs_postgresql[1]
@pytest.mark.django_db(transaction=True)
def test_a_restored_dump_keeps_every_snapshot_checksum(tmp_path):
    load_current_profile(seeds_dir=settings.IOM_SEEDS_DIR)
    load_historical_snapshots(seeds_dir=settings.IOM_SEEDS_DIR)
    assert Snapshot.objects.count() == 4
    source = connection.settings_dict["NAME"]
    restored = f"{source}_restored"
    dump = tmp_path / "backup.dump"
    env = {**os.environ, "PGPASSWORD": connection.settings_dict.get("PASSWORD") or ""}

    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", *libpq_args(source)],
        check=True,
        env=env,
    )
    admin_db = libpq_args("postgres")
    subprocess.run(["dropdb", "--if-exists", *admin_db[:-2], restored], check=True, env=env)
    subprocess.run(["createdb", *admin_db[:-2], restored], check=True, env=env)
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", *libpq_args(restored), str(dump)], check=True, env=env
        )
        options = connection.settings_dict
        url = (
            f"postgres://{options['USER'] or 'postgres'}:{options.get('PASSWORD') or ''}@"
            f"{options['HOST'] or '127.0.0.1'}:{options['PORT'] or 5432}/{restored}"
        )
        result = subprocess.run(
            [sys.executable, "manage.py", "verify_snapshots"],
            cwd=settings.BASE_DIR,
            env={
                **env,
                "DATABASE_URL": url,
                "DEBUG": "1",
                "DJANGO_SETTINGS_MODULE": "iompanama.settings",
            },
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert "4 snapshots, every checksum intact." in result.stdout
    finally:
        subprocess.run(["dropdb", "--if-exists", *admin_db[:-2], restored], env=env)


@pytest.mark.django_db
def test_verify_snapshots_catches_a_tampered_document(iom_panama):
    import datetime as dt

    from django.core.management import call_command
    from django.core.management.base import CommandError

    from profiles.snapshots import freeze_snapshot

    draft = freeze_snapshot(date=dt.date(2025, 1, 31), title={"en": "January", "es": "Enero"})
    Snapshot.objects.filter(pk=draft.pk).update(document={**draft.document, "languages": ["xx"]})
    with pytest.raises(CommandError, match="2025-01-31"):
        call_command("verify_snapshots")


@contextlib.contextmanager
def immutability_lifted():
    """What someone with the database owner's rights could do: switch the triggers off."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ALTER TABLE needs the deferred foreign key checks of this transaction done.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE profiles_snapshot DISABLE TRIGGER USER")
            triggers = []
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master"
                " WHERE type = 'trigger' AND tbl_name = 'profiles_snapshot'"
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f"DROP TRIGGER {name}")
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE profiles_snapshot ENABLE TRIGGER USER")
        for _name, sql in triggers:
            cursor.execute(sql)


def rewrite(snapshot, *, audit_too=False):
    """Replace a published snapshot's document and checksum consistently, by raw SQL."""
    from profiles.models import AuditEntry
    from profiles.snapshots import checksum

    document = {**snapshot.document, "rewritten": True}
    forged = checksum(document)
    with immutability_lifted():
        Snapshot._base_manager.filter(pk=snapshot.pk).update(document=document, checksum=forged)
    if audit_too:
        for entry in AuditEntry.objects.filter(object_id=str(snapshot.pk)):
            if "checksum" in entry.changes:
                entry.changes["checksum"] = [entry.changes["checksum"][0] and forged, forged]
                AuditEntry.objects.filter(pk=entry.pk).update(changes=entry.changes)
    return forged


def verify(*args):
    from django.core.management import call_command

    out, err = io.StringIO(), io.StringIO()
    call_command("verify_snapshots", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_verify_snapshots_catches_a_checksum_rewritten_with_its_document(iom_panama_versions):
    assert "4 snapshots, every checksum intact." in verify()[0]
    snapshot = Snapshot.objects.get(date="2023-10-31")
    rewrite(snapshot)
    with pytest.raises(CommandError, match="2023-10-31: the checksum differs from the one rec"):
        verify()


@pytest.mark.django_db
def test_verify_snapshots_against_checksums_kept_outside_the_database(
    iom_panama_versions, tmp_path
):
    record = tmp_path / "checksums.json"
    assert "Recorded 4 public snapshots' checksums" in verify("--record", str(record))[0]
    rewrite(Snapshot.objects.get(date="2023-10-31"), audit_too=True)
    verify()  # the database agrees with itself: only an outside copy can tell
    with pytest.raises(CommandError, match="2023-10-31: the checksum differs from the one in"):
        verify("--against", str(record))

    with immutability_lifted():
        Snapshot._base_manager.filter(date="2022-12-31").delete()
    with pytest.raises(CommandError, match="2022-12-31: published in .* but not in the database"):
        verify("--against", str(record))


@pytest.mark.django_db
def test_verify_snapshots_reads_the_record_by_url(iom_panama_versions, tmp_path):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    verify("--record", str(tmp_path / "checksums.json"))
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/checksums.json"
    try:
        assert "every checksum intact" in verify("--against", url)[0]
        rewrite(Snapshot.objects.get(date="2024-06-30"), audit_too=True)
        with pytest.raises(CommandError, match="2024-06-30"):
            verify("--against", url)
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.django_db
def test_verify_snapshots_reads_a_data_package_and_an_atom_feed(iom_panama_versions, tmp_path):
    from django.utils.feedgenerator import Atom1Feed

    from profiles.management.commands.verify_snapshots import published_checksums

    public = list(Snapshot.objects.public().order_by("date"))
    package = {
        "name": "iom-panama-country-profile",
        "resources": [
            {
                "name": f"profile-{snapshot.date}",
                "path": f"https://example.org/snapshots/{snapshot.date}.csv",
                "snapshot_checksum": snapshot.checksum,
            }
            for snapshot in public
        ],
    }
    expected = {snapshot.date.isoformat(): snapshot.checksum for snapshot in public}
    assert published_checksums(json.dumps(package).encode(), "package") == expected

    feed = Atom1Feed("Versions", "https://example.org/en/snapshots/", "Dated versions")
    for snapshot in public:
        feed.add_item(
            title=str(snapshot),
            link=f"https://example.org/en/snapshots/{snapshot.date}/",
            description=f"SHA-256 checksum: {snapshot.checksum}",
        )
    (tmp_path / "feed.xml").write_text(feed.writeString("utf-8"), encoding="utf-8")
    assert "every checksum intact" in verify("--against", str(tmp_path / "feed.xml"))[0]
    rewrite(public[0], audit_too=True)
    with pytest.raises(CommandError, match=f"{public[0].date}: the checksum differs"):
        verify("--against", str(tmp_path / "feed.xml"))


@pytest.mark.django_db
def test_verify_snapshots_refuses_a_source_without_checksums(client, iom_panama_versions, tmp_path):
    """A data package that lists no snapshot checksums proves nothing."""
    package = tmp_path / "datapackage.json"
    data = client.get("/data/datapackage.json").json()
    for resource in data["resources"]:
        resource.pop("snapshot_checksum", None)
    package.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="publishes no snapshot checksums"):
        verify("--against", str(package))


@pytest.mark.django_db
def test_a_saved_copy_of_the_public_data_package_catches_a_rewritten_version(
    client, iom_panama_versions, tmp_path
):
    package = client.get("/data/datapackage.json").json()
    published = {
        r["snapshot_date"]: r["snapshot_checksum"]
        for r in package["resources"]
        if "snapshot_date" in r
    }
    assert published == {
        s.date.isoformat(): s.checksum for s in Snapshot.objects.public().order_by("date")
    }
    saved = tmp_path / "datapackage.json"
    saved.write_text(json.dumps(package))
    assert "every checksum intact" in verify("--against", str(saved))[0]
    rewrite(Snapshot.objects.get(date="2023-10-31"), audit_too=True)
    with pytest.raises(CommandError, match="2023-10-31: the checksum differs from the one in"):
        verify("--against", str(saved))
