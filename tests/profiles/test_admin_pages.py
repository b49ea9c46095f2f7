"""Every admin list, add and change page opens for an editor, in both languages."""

import pytest
from django.contrib import admin
from django.urls import reverse

from profiles.audit import record
from profiles.imports import start_record
from profiles.models import AuditEntry, ImportRecord, KeyFigure, Snapshot

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in {"profiles", "projects", "publications"}
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m._meta.label)
def test_admin_pages_open(request, editor_client, iom_panama, model, language):
    if model is Snapshot:
        request.getfixturevalue("iom_panama_versions")
    if model is AuditEntry:
        record(KeyFigure.objects.first(), AuditEntry.Action.CHANGED, changes={"value": ["1", "2"]})
    if model is ImportRecord:
        start_record(user=None, model=KeyFigure, file_name="figures.csv", data=b"slug\n")
    opts = model._meta
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    changelist = editor_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), **headers
    )
    assert changelist.status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"the real data has no {opts.verbose_name}"
    change = editor_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]), **headers
    )
    assert change.status_code == 200
    assert f'lang="{language}"' in change.content.decode()


def test_the_admin_speaks_spanish(editor_client, iom_panama):
    response = editor_client.get(
        reverse("admin:profiles_staffcount_changelist"), HTTP_ACCEPT_LANGUAGE="es"
    )
    assert "recuentos de personal" in response.content.decode().lower()


def test_the_admin_refuses_visitors(client):
    response = client.get(reverse("admin:profiles_keyfigure_changelist"))
    assert response.status_code == 302


def test_a_second_country_office_cannot_be_added(editor_client, iom_panama):
    response = editor_client.get(reverse("admin:profiles_countryoffice_add"))
    assert response.status_code == 403


def test_staff_count_form_shows_a_clear_error(editor_client, iom_panama):
    response = editor_client.post(
        reverse("admin:profiles_staffcount_add"),
        {"as_of": "2025-01-01", "national": "10", "international": "5", "mission": "99"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert response.status_code == 200
    assert (
        "El personal de la misión no puede superar el total del personal."
        in response.content.decode()
    )


def test_translation_tabs_load_jquery_ui_locally(editor_client, iom_panama):
    figure = KeyFigure.objects.first()
    response = editor_client.get(reverse("admin:profiles_keyfigure_change", args=[figure.pk]))
    html = response.content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "//ajax.googleapis.com" not in html and "cdn" not in html.lower()
