"""A pg_dump restored into an empty database keeps every snapshot intact."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
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

    draft = freeze_snapshot(date=dt.date(2025, 1, 31), title="January")
    Snapshot.objects.filter(pk=draft.pk).update(document={**draft.document, "languages": ["xx"]})
    with pytest.raises(CommandError, match="2025-01-31"):
        call_command("verify_snapshots")
