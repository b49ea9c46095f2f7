"""Each version's change summary is stored when it is frozen or its baseline changes,
so the archive and the admin list cost the same with 4 versions or 1,000."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from profiles.models import Snapshot, StaffCount
from profiles.snapshots import freeze_snapshot, publish_snapshot, withdraw_snapshot

pytestmark = pytest.mark.django_db


def summary(date):
    return Snapshot.objects.get(date=date).change_summary


def test_the_real_versions_have_their_summaries_in_both_languages(iom_panama_versions):
    assert summary("2022-10-31") == {"en": "first version", "es": "primera versión"}
    assert summary("2023-10-31")["en"].startswith("staff 131 → 196")
    assert summary("2023-10-31")["es"].startswith("personal 131 → 196")


def test_a_frozen_draft_is_summarised_against_the_latest_published_version(iom_panama_versions):
    StaffCount.objects.filter(as_of="2024-06-30").update(national=F("national") + 3)
    freeze_snapshot(date="2025-01-31", title={"en": "January 2025", "es": "Enero de 2025"})
    assert summary("2025-01-31")["en"].startswith("staff 200 → 203")


def test_withdrawing_a_version_resummarises_the_next_one(publisher, iom_panama_versions):
    before = summary("2024-06-30")["en"]
    withdraw_snapshot(Snapshot.objects.get(date="2023-10-31"), reason="Wrong", by=publisher)
    after = summary("2024-06-30")["en"]
    assert before.startswith("staff 196 → 200")
    assert after.startswith("staff 131 → 200")


def test_publishing_an_earlier_version_resummarises_the_next_one(publisher, iom_panama_versions):
    draft = freeze_snapshot(
        date="2024-01-31", title={"en": "January 2024", "es": "Enero de 2024"}, by=publisher
    )
    assert summary("2024-06-30")["en"].startswith("staff 196 → 200")
    publish_snapshot(draft, by=publisher)
    # Its new baseline, frozen from today's profile, has the same 200 staff.
    assert not summary("2024-06-30")["en"].startswith("staff")


def test_the_archive_reads_no_document(client, iom_panama_versions):
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/snapshots/").content.decode()
    assert "staff 131 → 196" in html
    selects = [q["sql"] for q in queries.captured_queries if "profiles_snapshot" in q["sql"]]
    assert selects and not any('"document"' in sql for sql in selects)


def test_the_admin_list_reads_no_document(editor_client, iom_panama_versions):
    with CaptureQueriesContext(connection) as queries:
        html = editor_client.get("/admin/profiles/snapshot/").content.decode()
    assert "staff 131 → 196" in html
    selects = [q["sql"] for q in queries.captured_queries if "profiles_snapshot" in q["sql"]]
    assert selects and not any('"document"' in sql for sql in selects)
