"""A draft snapshot's admin page in a real browser: Save, Refreeze, Publish (after its
confirmation), Withdraw."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission

from profiles.models import Snapshot, StaffCount
from profiles.snapshots import freeze_snapshot

pytestmark = pytest.mark.browser
PASSWORD = "a-long-password-9"


@pytest.fixture
def publisher(site, django_user_model):
    user = django_user_model.objects.create_user("pablo", "pablo@example.org", PASSWORD)
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["profiles", "projects", "publications"]
        )
    )
    return user


@pytest.fixture
def signed_in(page, site, publisher):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(publisher.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")
    return page


def messages(page):
    return page.locator("ul.messagelist").inner_text()


def test_save_refreeze_publish_and_withdraw_a_draft(signed_in, site, publisher):
    page = signed_in
    draft = freeze_snapshot(
        date=dt.date(2025, 3, 31), title={"en": "March 2025", "es": "Marzo de 2025"}, by=publisher
    )
    change = f"{site}/admin/profiles/snapshot/{draft.pk}/change/"

    page.goto(change)
    page.locator("#id_title_en").fill("End of March 2025")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/")
    assert "was changed successfully" in messages(page)
    draft.refresh_from_db()
    assert draft.title_en == "End of March 2025"

    StaffCount.objects.create(as_of=dt.date(2025, 3, 1), national=160, international=50)
    before = draft.checksum
    page.goto(change)
    page.get_by_role("button", name="Refreeze with the current profile").click()
    page.wait_for_url(change)
    assert "The draft now holds the current profile." in messages(page)
    draft.refresh_from_db()
    assert draft.checksum != before
    assert draft.document["staff"][0]["total"] == 210
    assert draft.title_en == "End of March 2025"

    page.get_by_role("link", name="Publish…").click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{draft.pk}/publish/")
    page.get_by_role("button", name="Yes, publish it").click()
    page.wait_for_url(change)
    assert "is published" in messages(page)
    assert Snapshot.objects.get(pk=draft.pk).status == "published"

    page.get_by_role("link", name="Withdraw…").click()
    page.get_by_label("Reason for withdrawal").fill("Superseded by a correction")
    page.get_by_role("button", name="Withdraw", exact=True).click()
    page.wait_for_url(change)
    assert "The snapshot is withdrawn" in messages(page)
    withdrawn = Snapshot.objects.get(pk=draft.pk)
    assert withdrawn.status == "withdrawn"
    assert withdrawn.withdrawal_reason == "Superseded by a correction"
