"""Freezing, publishing, withdrawing, and the immutability of published snapshots."""

import datetime as dt
import hashlib
import json
from html.parser import HTMLParser

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from profiles.document import SCHEMA_VERSION
from profiles.models import ImmutableSnapshotError, Snapshot, StaffCount
from profiles.snapshots import (
    freeze_snapshot,
    publish_snapshot,
    refreeze_snapshot,
    withdraw_snapshot,
)

pytestmark = pytest.mark.django_db
DAY = dt.date(2025, 3, 31)


@pytest.fixture
def draft(iom_panama, editor):
    return freeze_snapshot(date=DAY, title={"en": "March 2025", "es": "Marzo de 2025"}, by=editor)


@pytest.fixture
def published(draft, publisher):
    return publish_snapshot(draft, by=publisher)


def test_freezing_stores_the_document_its_schema_and_checksum(draft):
    canonical = json.dumps(
        draft.document, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode()
    assert draft.status == "draft"
    assert draft.checksum == hashlib.sha256(canonical).hexdigest()
    assert draft.schema_version == draft.document["schema_version"] == SCHEMA_VERSION
    assert draft.document["staff"][0]["total"] == 200


def test_one_snapshot_per_date(draft, editor):
    with pytest.raises(ValidationError) as error:
        freeze_snapshot(date=DAY, title="Again", by=editor)
    assert "There is already a snapshot for this date." in str(error.value)


def test_a_visitor_without_rights_cannot_freeze(iom_panama, django_user_model):
    visitor = django_user_model.objects.create_user("visitor")
    with pytest.raises(PermissionDenied):
        freeze_snapshot(date=DAY, title="No", by=visitor)


def test_an_editor_cannot_publish(draft, editor):
    with pytest.raises(PermissionDenied):
        publish_snapshot(draft, by=editor)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_publisher_publishes(published, publisher):
    assert published.status == "published"
    assert published.published_by == publisher
    assert published.published_at is not None


def test_refreezing_a_draft_takes_the_current_profile(draft, editor):
    StaffCount.objects.create(as_of=dt.date(2025, 3, 1), national=160, international=50)
    refreeze_snapshot(draft, by=editor)
    assert draft.document["staff"][0]["total"] == 210


def test_a_published_snapshot_cannot_be_refrozen(published, editor):
    with pytest.raises(ValidationError):
        refreeze_snapshot(published, by=editor)


@pytest.mark.parametrize(
    "change",
    [
        lambda s: setattr(s, "document", {**s.document, "schema_version": 2, "office": None}),
        lambda s: setattr(s, "date", dt.date(2025, 4, 1)),
        lambda s: setattr(s, "checksum", "0" * 64),
    ],
    ids=["document", "date", "checksum"],
)
def test_saving_a_change_to_a_published_snapshot_is_refused(published, change):
    change(published)
    with pytest.raises(ImmutableSnapshotError):
        published.save()


def test_queryset_updates_and_deletes_are_refused(published):
    with pytest.raises(ImmutableSnapshotError):
        Snapshot.objects.filter(pk=published.pk).update(document={})
    with pytest.raises(ImmutableSnapshotError):
        Snapshot.objects.all().delete()
    with pytest.raises(ImmutableSnapshotError):
        published.delete()
    assert Snapshot.objects.get(pk=published.pk).checksum == published.checksum


def test_a_draft_can_be_deleted(draft):
    draft.delete()
    assert not Snapshot.objects.exists()


def test_withdrawing_needs_a_publisher_and_a_reason(published, editor, publisher):
    with pytest.raises(PermissionDenied):
        withdraw_snapshot(published, reason="Wrong staff figure", by=editor)
    with pytest.raises(ValidationError):
        withdraw_snapshot(published, reason=" ", by=publisher)
    withdrawn = withdraw_snapshot(published, reason="Wrong staff figure", by=publisher)
    assert withdrawn.status == "withdrawn"
    assert withdrawn.withdrawn_at is not None


def test_a_withdrawn_permalink_says_so_and_when(client, published, publisher):
    withdraw_snapshot(published, reason="Wrong staff figure", by=publisher)
    html = client.get("/en/snapshots/2025-03-31/").content.decode()
    assert "This version was withdrawn on" in html
    assert "Wrong staff figure" in html


def test_drafts_are_invisible_to_the_public(client, draft):
    assert client.get("/en/snapshots/2025-03-31/").status_code == 404
    assert "2025-03-31" not in client.get("/en/snapshots/").content.decode()
    response = client.get("/en/snapshots/compare/", {"a": "2025-03-31", "b": "current"})
    assert response.status_code == 404


def test_the_admin_freezes_a_draft(editor_client, iom_panama):
    response = editor_client.post(
        reverse("admin:profiles_snapshot_add"),
        {"date": "2025-05-31", "title_en": "May 2025", "title_es": "Mayo de 2025"},
    )
    assert response.status_code == 302
    snapshot = Snapshot.objects.get(date=dt.date(2025, 5, 31))
    assert snapshot.status == "draft"
    assert snapshot.title_es == "Mayo de 2025"
    assert snapshot.created_by.username == "editor"


def test_the_admin_refuses_a_second_snapshot_for_a_date(editor_client, draft):
    response = editor_client.post(
        reverse("admin:profiles_snapshot_add"), {"date": "2025-03-31", "title_en": "Again"}
    )
    assert response.status_code == 200
    assert "There is already a snapshot for this date." in response.content.decode()


def test_the_admin_previews_a_draft_as_the_public_will_see_it(editor_client, draft):
    response = editor_client.get(reverse("admin:profiles_snapshot_preview", args=[draft.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview of a draft" in html
    assert "<strong>200</strong> staff" in html


def test_only_a_publisher_publishes_from_the_admin(editor_client, publisher_client, draft):
    url = reverse("admin:profiles_snapshot_publish", args=[draft.pk])
    editor_client.post(url, {"checksum": draft.checksum})
    draft.refresh_from_db()
    assert draft.status == "draft"
    publisher_client.post(url, {"checksum": draft.checksum})
    draft.refresh_from_db()
    assert draft.status == "published"


def test_a_draft_refrozen_since_the_publisher_opened_it_is_not_published(
    editor, publisher_client, draft
):
    from profiles.models import StaffCount
    from profiles.snapshots import refreeze_snapshot

    url = reverse("admin:profiles_snapshot_publish", args=[draft.pk])
    confirmation = publisher_client.get(url)
    seen = draft.checksum
    assert f'name="checksum" value="{seen}"' in confirmation.content.decode()
    StaffCount.objects.filter(as_of="2024-06-30").update(national=1)
    refreeze_snapshot(draft, by=editor)
    response = publisher_client.post(url, {"checksum": seen}, follow=True)
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert "Review it again before publishing" in response.content.decode()


def test_the_admin_cannot_delete_or_edit_a_published_snapshot(publisher_client, published):
    delete = publisher_client.get(reverse("admin:profiles_snapshot_delete", args=[published.pk]))
    assert delete.status_code == 403
    change = reverse("admin:profiles_snapshot_change", args=[published.pk])
    publisher_client.post(change, {"date": "2030-01-01", "title_en": "Changed"})
    published.refresh_from_db()
    assert published.date == DAY and published.title_en == "March 2025"


def test_the_admin_withdraws_with_a_reason(publisher_client, published):
    url = reverse("admin:profiles_snapshot_withdraw", args=[published.pk])
    assert publisher_client.get(url).status_code == 200
    publisher_client.post(url, {"reason": "Superseded by a correction"})
    published.refresh_from_db()
    assert published.status == "withdrawn"
    assert published.withdrawal_reason == "Superseded by a correction"


def test_the_admin_lists_what_changed_since_the_previous_version(
    editor_client, iom_panama_versions
):
    html = editor_client.get(reverse("admin:profiles_snapshot_changelist")).content.decode()
    assert "staff 131 → 196" in html
    assert "staff 196 → 200" in html
    assert "first version" in html


class FormNesting(HTMLParser):
    """The deepest nesting of <form> elements, and the forms by id."""

    def __init__(self):
        super().__init__()
        self.depth = self.deepest = 0
        self.forms = {}
        self.buttons = []
        self._current = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)
            self._current.append(attrs)
            if attrs.get("id"):
                self.forms[attrs["id"]] = {**attrs, "inputs": []}
        elif tag == "input" and self._current:
            owner = self._current[-1].get("id")
            if owner in self.forms:
                self.forms[owner]["inputs"].append(attrs)
        if tag == "input" and attrs.get("form"):
            self.buttons.append(attrs)

    def handle_endtag(self, tag):
        if tag == "form":
            self.depth -= 1
            self._current.pop()


def test_a_draft_s_admin_page_nests_no_forms(publisher_client, draft):
    html = publisher_client.get(reverse("admin:profiles_snapshot_change", args=[draft.pk]))
    page = FormNesting()
    page.feed(html.content.decode())
    assert page.deepest == 1
    assert "snapshot_form" in page.forms
    actions = {
        "Refreeze with the current profile": reverse(
            "admin:profiles_snapshot_refreeze", args=[draft.pk]
        ),
    }
    # Publishing starts on its confirmation page, a link.
    publish = reverse("admin:profiles_snapshot_publish", args=[draft.pk])
    assert f'href="{publish}"' in html.content.decode()
    assert {button["value"] for button in page.buttons} == set(actions)
    for button in page.buttons:
        form = page.forms[button["form"]]
        assert form["action"] == actions[button["value"]]
        assert form["method"] == "post"
        expected = ["csrfmiddlewaretoken", *(["checksum"] if button["value"] == "Publish" else [])]
        assert [field["name"] for field in form["inputs"]] == expected


def test_a_published_snapshot_s_admin_page_nests_no_forms(publisher_client, published):
    html = publisher_client.get(reverse("admin:profiles_snapshot_change", args=[published.pk]))
    page = FormNesting()
    page.feed(html.content.decode())
    assert page.deepest == 1
    assert page.buttons == []
