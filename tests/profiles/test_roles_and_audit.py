"""Roles, the audit trail and edit conflicts in the admin."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from profiles.models import AuditEntry, KeyFigure, Snapshot
from profiles.snapshots import freeze_snapshot, publish_snapshot, withdraw_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model):
    def make(name, role):
        user = django_user_model.objects.create_user(name)
        call_command("assign_role", name, role, stdout=None)
        user.refresh_from_db()
        client = Client()
        client.force_login(user)
        return user, client

    return {"editor": make("ana", "editor"), "publisher": make("pablo", "publisher")}


def test_the_groups_exist_with_their_rights(db):
    editors, publishers = Group.objects.get(name="Editors"), Group.objects.get(name="Publishers")
    assert not editors.permissions.filter(codename="publish_snapshot").exists()
    assert publishers.permissions.filter(codename="publish_snapshot").exists()
    assert editors.permissions.filter(codename="change_keyfigure").exists()
    assert not publishers.permissions.filter(codename="change_auditentry").exists()


def test_editors_may_edit_every_content_model_even_one_added_after_the_groups(db):
    """The groups were made by a migration before the sources existed; every migrate
    gives them the rights of the models added since."""
    editors = Group.objects.get(name="Editors")
    rights = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_source", "change_source", "view_source"} <= rights
    assert {"view_factsheet", "view_renderedartefact"} <= rights
    assert not rights & {"change_factsheet", "change_renderedartefact", "change_auditentry"}


@pytest.mark.django_db(transaction=True)
def test_the_groups_outlive_a_flush():
    call_command("flush", interactive=False, verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) == {"Editors", "Publishers"}
    assert (
        Group.objects.get(name="Publishers")
        .permissions.filter(codename="publish_snapshot")
        .exists()
    )


def test_assign_role_makes_staff_and_can_remove(people, django_user_model):
    ana, _client = people["editor"]
    assert ana.is_staff and list(ana.groups.values_list("name", flat=True)) == ["Editors"]
    call_command("assign_role", "ana", "none")
    ana.refresh_from_db()
    assert not ana.is_staff and not ana.groups.exists()


@pytest.mark.parametrize(
    "path,anonymous,editor,publisher",
    [
        ("/admin/", 302, 200, 200),
        ("/admin/profiles/keyfigure/", 302, 200, 200),
        ("/admin/profiles/keyfigure/import/", 302, 200, 200),
        ("/admin/profiles/snapshot/add/", 302, 200, 200),
        ("/admin/auth/user/", 302, 403, 403),
        ("/admin/profiles/auditentry/", 302, 200, 200),
        ("/en/", 200, 200, 200),
        ("/en/snapshots/", 200, 200, 200),
    ],
)
def test_who_may_open_what(client, iom_panama, people, path, anonymous, editor, publisher):
    assert client.get(path).status_code == anonymous
    assert people["editor"][1].get(path).status_code == editor
    assert people["publisher"][1].get(path).status_code == publisher


def test_only_the_publisher_role_publishes(iom_panama, people):
    ana, pablo = people["editor"][0], people["publisher"][0]
    draft = freeze_snapshot(
        date=dt.date(2025, 1, 31), title={"en": "January", "es": "Enero"}, by=ana
    )
    with pytest.raises(Exception, match="Only publishers"):
        publish_snapshot(draft, by=ana)
    publish_snapshot(draft, by=pablo)
    assert Snapshot.objects.get(pk=draft.pk).status == "published"


def test_an_admin_change_is_recorded_field_by_field(iom_panama, people):
    ana, client = people["editor"]
    figure = KeyFigure.objects.get(slug="digital-reach")
    url = reverse("admin:profiles_keyfigure_change", args=[figure.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data["value"] = "8000"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(object_id=str(figure.pk), action="changed")
    assert entry.user == ana
    assert entry.changes == {"value": ["7663.00", "8000"]}
    history = client.get(reverse("admin:profiles_keyfigure_history", args=[figure.pk]))
    html = history.content.decode()
    assert "Audit trail" in html and "7663.00" in html and "8000" in html and "ana" in html


def test_snapshot_actions_are_recorded(iom_panama, people):
    ana, pablo = people["editor"][0], people["publisher"][0]
    snapshot = freeze_snapshot(
        date=dt.date(2025, 1, 31), title={"en": "January", "es": "Enero"}, by=ana
    )
    publish_snapshot(snapshot, by=pablo)
    withdraw_snapshot(snapshot, reason="Wrong figure", by=pablo)
    actions = list(
        AuditEntry.objects.filter(object_id=str(snapshot.pk))
        .order_by("pk")
        .values_list("action", "user__username")
    )
    assert actions == [("frozen", "ana"), ("published", "pablo"), ("withdrawn", "pablo")]


def test_a_save_over_an_unseen_change_is_refused_and_keeps_the_input(iom_panama, people):
    ana_client, pablo_client = people["editor"][1], people["publisher"][1]
    figure = KeyFigure.objects.get(slug="digital-reach")
    url = reverse("admin:profiles_keyfigure_change", args=[figure.pk])

    def opened(client):
        form = client.get(url).context["adminform"].form
        data = {name: form[name].value() for name in form.fields}
        return {key: ("" if value is None else value) for key, value in data.items()}

    ana_form, pablo_form = opened(ana_client), opened(pablo_client)
    assert pablo_client.post(url, pablo_form | {"value": "7000"}).status_code == 302
    response = ana_client.post(url, ana_form | {"value": "9999"}, HTTP_ACCEPT_LANGUAGE="es")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Otra persona guardó este registro (cifra clave) después de que usted lo abriera" in html
    assert 'value="9999"' in html  # Ana's input is kept
    assert KeyFigure.objects.get(pk=figure.pk).value == 7000
    resubmitted = response.context["adminform"].form.data.dict()
    again = ana_client.post(url, resubmitted)
    assert again.status_code == 302, again.context["adminform"].form.errors
    assert KeyFigure.objects.get(pk=figure.pk).value == 9999


def test_a_change_to_the_other_language_is_a_conflict_too(iom_panama, people):
    ana_client = people["editor"][1]
    figure = KeyFigure.objects.get(slug="digital-reach")
    url = reverse("admin:profiles_keyfigure_change", args=[figure.pk])
    form = ana_client.get(url).context["adminform"].form
    ana_form = {name: form[name].value() or "" for name in form.fields}
    KeyFigure.objects.filter(pk=figure.pk).update(label_es="Alcance digital")
    response = ana_client.post(url, ana_form | {"value": "1"})
    assert response.status_code == 200
    assert KeyFigure.objects.get(pk=figure.pk).value == 7663
