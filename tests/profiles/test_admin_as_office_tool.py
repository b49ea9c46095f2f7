"""The admin reads as the office's tool: its name, menu, lists, dates and history."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from profiles.admin_tools import TOKEN_FIELD, row_token
from profiles.models import AuditEntry, KeyFigure

pytestmark = pytest.mark.django_db


def test_the_admin_is_named_for_the_office_in_both_languages(editor_client, iom_panama):
    english = editor_client.get("/admin/").content.decode()
    assert "IOM Panama — profile editor" in english and "Django administration" not in english
    spanish = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "OIM Panamá — editor del perfil" in spanish


def test_the_security_tables_come_after_the_content(admin_client, iom_panama):
    html = admin_client.get("/admin/").content.decode()
    captions = re.findall(r'<caption>\s*<a[^>]*class="section"[^>]*>([^<]+)</a>', html)
    assert captions[:3] == ["Country profile", "Projects", "Publications and news"]
    assert captions[-2:] == [
        "Security: users and roles",
        "Security: sign-in attempts and lock-outs",
    ]


def test_the_key_figure_list_reads_like_the_public_site(editor_client, iom_panama):
    response = editor_client.get(reverse("admin:profiles_keyfigure_changelist"))
    html = response.content.decode()
    assert "157,214 migrants" in html and "157214.00" not in html
    assert "August–September 2023" in html  # the period, as the public site writes it
    spanish = editor_client.get(
        reverse("admin:profiles_keyfigure_changelist"), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "157,214 personas migrantes" in spanish  # Panama groups as English does


def test_key_figures_filter_by_the_year_their_period_ends(editor_client, iom_panama):
    url = reverse("admin:profiles_keyfigure_changelist")
    html = editor_client.get(url).content.decode()
    assert "By period ending in" in html and "?period_end_year=2023" in html
    assert "Past 7 days" not in html
    response = editor_client.get(url, {"period_end_year": "2023"})
    years = {figure.period_end.year for figure in response.context["cl"].result_list}
    assert years == {2023}


def test_the_dashboard_links_to_every_stale_figure(editor_client, iom_panama):
    total = KeyFigure.objects.count()
    KeyFigure.objects.filter(slug="digital-reach").update(period_end=dt.date.today())
    html = editor_client.get("/admin/").content.decode()
    assert f"See all {total - 1} in the list of key figures" in html
    assert "Freeze a new version" in html
    listing = editor_client.get(reverse("admin:profiles_keyfigure_changelist"), {"stale": "yes"})
    assert listing.context["cl"].result_count == total - 1
    assert "digital-reach" not in {f.slug for f in listing.context["cl"].result_list}


def test_a_form_names_its_time_zone_once(editor_client, iom_panama):
    figure = KeyFigure.objects.get(slug="digital-reach")
    html = editor_client.get(reverse("admin:profiles_keyfigure_change", args=[figure.pk]))
    html = html.content.decode()
    assert html.count("Dates and times are in the office") == 1
    assert "America/Panama (UTC−05:00)" in html


def change_label(client, figure, label):
    url = reverse("admin:profiles_keyfigure_change", args=[figure.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {key: "" if value is None else value for key, value in data.items()}
    assert client.post(url, data | {"label_en": label, "value": "8000"}).status_code == 302


def test_a_field_is_restored_from_the_history(editor_client, iom_panama, editor):
    figure = KeyFigure.objects.get(slug="digital-reach")
    before_label, before_value = figure.label_en, figure.value
    change_label(editor_client, figure, "A wrong label")
    entry = AuditEntry.objects.filter(object_id=str(figure.pk)).latest("pk")
    history = reverse("admin:profiles_keyfigure_history", args=[figure.pk])
    html = editor_client.get(history).content.decode()
    assert "Restore every field of this change" in html

    restore = reverse("admin:profiles_keyfigure_restore", args=[figure.pk])
    token = row_token(KeyFigure, figure.pk)
    response = editor_client.post(
        restore, {"entry": entry.pk, "field": "label_en", TOKEN_FIELD: token}, follow=True
    )
    assert "Restored the earlier value of: Label [en]" in response.content.decode()
    figure.refresh_from_db()
    assert figure.label_en == before_label and figure.value == 8000  # only that field
    restored = AuditEntry.objects.filter(object_id=str(figure.pk)).latest("pk")
    assert restored.user == editor
    assert restored.changes == {"label_en": ["A wrong label", before_label]}

    token = row_token(KeyFigure, figure.pk)
    editor_client.post(restore, {"entry": entry.pk, TOKEN_FIELD: token})
    figure.refresh_from_db()
    assert figure.value == before_value  # every field of that change


def test_a_restore_over_an_unseen_change_is_refused(editor_client, iom_panama):
    figure = KeyFigure.objects.get(slug="digital-reach")
    change_label(editor_client, figure, "A wrong label")
    entry = AuditEntry.objects.filter(object_id=str(figure.pk)).latest("pk")
    token = row_token(KeyFigure, figure.pk)
    KeyFigure.objects.filter(pk=figure.pk).update(label_es="Cambiado por otra persona")
    response = editor_client.post(
        reverse("admin:profiles_keyfigure_restore", args=[figure.pk]),
        {"entry": entry.pk, "field": "label_en", TOKEN_FIELD: token},
        follow=True,
    )
    assert "Nothing was restored" in response.content.decode()
    assert KeyFigure.objects.get(pk=figure.pk).label_en == "A wrong label"


def test_a_viewer_without_change_rights_cannot_restore(client, iom_panama, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_keyfigure"))
    client.force_login(viewer)
    figure = KeyFigure.objects.get(slug="digital-reach")
    history = client.get(reverse("admin:profiles_keyfigure_history", args=[figure.pk]))
    assert "Restore" not in history.content.decode()
    restore = reverse("admin:profiles_keyfigure_restore", args=[figure.pk])
    assert client.post(restore, {"entry": 1}).status_code == 403


def test_publications_filter_by_the_year_they_were_published(editor_client, db):
    from tests.factories import make_publication

    make_publication(published_on=dt.date(2022, 5, 1))
    make_publication(published_on=dt.date(2024, 2, 1))
    url = reverse("admin:publications_publication_changelist")
    html = editor_client.get(url).content.decode()
    assert "By published in" in html and "Past 7 days" not in html
    assert html.index("?published_on_year=2024") < html.index("?published_on_year=2022")
    response = editor_client.get(url, {"published_on_year": "2022"})
    assert [p.published_on.year for p in response.context["cl"].result_list] == [2022]
