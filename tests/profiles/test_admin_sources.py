"""Where each fact comes from, in the admin: source documents, and the office's own
statements recorded with the editor who made them and the day."""

import datetime as dt

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from profiles.models import CountryOffice, KeyFigure, Office, Region, Source, Sourced
from tests.factories import make_country_office, make_region, make_source
from tests.imports import confirm_import

pytestmark = pytest.mark.django_db

SOURCE_FIELDS = {"source_document", "source_note_en", "source_note_es", "stated_by", "stated_on"}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def form_data(response):
    """What the browser would post back for the admin form in `response`, inlines too."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms += [formset.management_form, *formset.forms]
    for form in forms:
        for name, _field in form.fields.items():
            value = form[name].value()
            if isinstance(value, list | tuple):
                value = value[0] if value else ""
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


def figure_data(**overrides):
    return {
        "category": "assistance",
        "label_en": "People assisted",
        "label_es": "Personas asistidas",
        "slug": "people-assisted",
        "order": "0",
        "qualifier": "exact",
        "value": "120",
        "unit_en": "people",
        "unit_es": "personas",
        "period_end": "2024-06-30",
        **overrides,
    }


def names(fieldset):
    """The names of a fieldset's fields, editable or read only."""
    fields = [field.field for line in fieldset for field in line]
    return {field["name"] if isinstance(field, dict) else field.name for field in fields}


def fieldset_fields(response, title):
    for fieldset in response.context["adminform"]:
        if fieldset.name == title:
            return names(fieldset)
    return set()


def test_the_source_admin_lists_the_sources(editor_client, client, django_user_model):
    make_source(title_en="Panama factsheet, June 2024", date=dt.date(2024, 6, 30))
    make_source(slug="iom-panama-web", kind="web_page", title_en="IOM Panama, web page")
    html = editor_client.get(admin_url(Source, "changelist")).content.decode()
    assert "Panama factsheet, June 2024" in html and "IOM Panama, web page" in html
    assert '<td class="field-kind">web page</td>' in html
    assert '<td class="field-date nowrap">' in html
    found = editor_client.get(admin_url(Source, "changelist"), {"q": "web"}).content.decode()
    assert "IOM Panama, web page" in found and "Panama factsheet" not in found
    add = editor_client.get(admin_url(Source, "add"))
    assert {"title_en", "title_es"} <= set(add.context["adminform"].form.fields)

    staff = django_user_model.objects.create_user("staff", "s@example.org", "x", is_staff=True)
    client.force_login(staff)
    assert client.get(admin_url(Source, "changelist")).status_code == 403


def test_every_sourced_admin_shows_where_its_facts_come_from(editor_client):
    make_country_office()
    sourced = [model for model in admin.site._registry if issubclass(model, Sourced)]
    assert len(sourced) == 13  # social accounts are edited inline
    for model in sourced:
        if model is CountryOffice:
            url = admin_url(model, "change", CountryOffice.objects.get().pk)
        else:
            url = admin_url(model, "add")
        response = editor_client.get(url)
        assert response.status_code == 200, model
        expected = SOURCE_FIELDS | (
            {"presence_since_source", "sites_source"} if model is CountryOffice else set()
        )
        assert fieldset_fields(response, "Source") == expected, model
        others = [f for f in response.context["adminform"] if f.name != "Source"]
        assert not set().union(*map(names, others)) & expected


def test_adding_a_key_figure_without_a_source_records_the_editor_and_today(editor_client, editor):
    response = editor_client.post(admin_url(KeyFigure, "add"), figure_data())
    assert response.status_code == 302
    figure = KeyFigure.objects.get(slug="people-assisted")
    assert figure.source_document is None
    assert (figure.stated_by, figure.stated_on) == (editor, timezone.localdate())
    page = editor_client.get(admin_url(KeyFigure, "change", figure.pk)).content.decode()
    assert "Stated by" in page and "editor" in page


def test_choosing_a_source_clears_the_statement(editor_client, editor):
    editor_client.post(admin_url(KeyFigure, "add"), figure_data())
    figure = KeyFigure.objects.get(slug="people-assisted")
    source = make_source()
    url = admin_url(KeyFigure, "change", figure.pk)
    data = form_data(editor_client.get(url))
    data |= {"source_document": source.pk, "source_note_en": "In its table of assistance"}
    assert editor_client.post(url, data).status_code == 302
    figure.refresh_from_db()
    assert figure.source_document == source
    assert figure.source_note_en == "In its table of assistance"
    assert (figure.stated_by, figure.stated_on) == (None, None)


def test_changing_a_sourced_figures_value_keeps_its_source(editor_client):
    source = make_source()
    data = figure_data(source_document=source.pk)
    editor_client.post(admin_url(KeyFigure, "add"), data)
    figure = KeyFigure.objects.get(slug="people-assisted")
    assert figure.source_document == source and figure.stated_by is None
    url = admin_url(KeyFigure, "change", figure.pk)
    assert (
        editor_client.post(url, form_data(editor_client.get(url)) | {"value": "150"}).status_code
        == 302
    )
    figure.refresh_from_db()
    assert figure.value == 150 and figure.source_document == source
    assert (figure.stated_by, figure.stated_on) == (None, None)


def test_clearing_a_source_makes_the_row_the_editors_statement(editor_client, editor):
    figure_source = make_source()
    editor_client.post(admin_url(KeyFigure, "add"), figure_data(source_document=figure_source.pk))
    figure = KeyFigure.objects.get(slug="people-assisted")
    url = admin_url(KeyFigure, "change", figure.pk)
    data = form_data(editor_client.get(url))
    del data["source_document"]
    editor_client.post(url, data)
    figure.refresh_from_db()
    assert figure.source_document is None
    assert (figure.stated_by, figure.stated_on) == (editor, timezone.localdate())


def test_an_unchanged_save_keeps_an_earlier_statement(editor_client, editor, django_user_model):
    other = django_user_model.objects.create_user("other", "o@example.org", "x")
    editor_client.post(admin_url(KeyFigure, "add"), figure_data())
    figure = KeyFigure.objects.get(slug="people-assisted")
    KeyFigure.objects.filter(pk=figure.pk).update(stated_by=other, stated_on=dt.date(2024, 1, 2))
    url = admin_url(KeyFigure, "change", figure.pk)
    data = form_data(editor_client.get(url)) | {"order": "3", "source_note_en": "Our count"}
    editor_client.post(url, data)
    figure.refresh_from_db()
    assert (figure.order, figure.stated_by, figure.stated_on) == (3, other, dt.date(2024, 1, 2))


def test_a_row_added_through_an_inline_is_the_editors_statement(editor_client, editor):
    region = make_region()
    url = admin_url(Region, "change", region.pk)
    data = form_data(editor_client.get(url))
    prefix = next(name for name in data if name.endswith("-TOTAL_FORMS")).removesuffix(
        "-TOTAL_FORMS"
    )
    data |= {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-name_en": "Field office",
        f"{prefix}-0-name_es": "Oficina de terreno",
        f"{prefix}-0-kind": Office._meta.get_field("kind").choices[0][0],
        f"{prefix}-0-city_en": "David",
        f"{prefix}-0-city_es": "David",
        f"{prefix}-0-order": "0",
        f"{prefix}-0-region": region.pk,
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    office = Office.objects.get(region=region)
    assert (office.stated_by, office.stated_on) == (editor, timezone.localdate())


HEADER = "slug,category,label_en,label_es,qualifier,value,unit_en,unit_es,period_end"


def upload(client, content, **headers):
    file = SimpleUploadedFile("figures.csv", content.encode())
    return client.post(
        admin_url(KeyFigure, "import"), {"import_file": file, "format": 0}, **headers
    )


@pytest.fixture
def pending_imports(settings, tmp_path):
    settings.IMPORT_EXPORT_PENDING_DIR = tmp_path / "pending-imports"


@pytest.mark.parametrize(
    "language,message",
    [
        ("en", "there is no source document “no-such-factsheet”. Allowed values: factsheet-"),
        (
            "es",
            "no existe documento de origen «no-such-factsheet». Valores permitidos: factsheet-",
        ),
    ],
)
def test_an_import_row_with_an_unknown_source_is_refused(
    editor_client, pending_imports, language, message
):
    make_source()
    content = (
        f"{HEADER},source_document\n"
        "people-assisted,assistance,People,Personas,exact,12,people,personas,2024-06-30,"
        "no-such-factsheet\n"
    )
    response = upload(editor_client, content, HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert message in html
    assert not response.context.get("confirm_form")
    assert not KeyFigure.objects.exists()


def test_an_imported_row_without_a_source_is_the_importing_users_statement(
    editor_client, editor, pending_imports
):
    source = make_source(slug="factsheet-2024-06")
    content = (
        f"{HEADER},source_document,source_note_en,source_note_es\n"
        "people-assisted,assistance,People,Personas,exact,12,people,personas,2024-06-30,,,\n"
        "sourced-figure,assistance,Kits,Kits,exact,40,kits,kits,2024-06-30,"
        "factsheet-2024-06,In its table,En su tabla\n"
    )
    preview = upload(editor_client, content)
    assert preview.context["result"].totals["new"] == 2
    done = confirm_import(editor_client, KeyFigure, preview.context["confirm_form"].initial)
    assert "Import finished." in done.page
    own = KeyFigure.objects.get(slug="people-assisted")
    assert (own.stated_by, own.stated_on) == (editor, timezone.localdate())
    sourced = KeyFigure.objects.get(slug="sourced-figure")
    assert sourced.source_document == source and sourced.source_note_es == "En su tabla"
    assert (sourced.stated_by, sourced.stated_on) == (None, None)


def test_an_import_changing_a_fact_records_the_importing_user(
    editor_client, editor, pending_imports, django_user_model
):
    other = django_user_model.objects.create_user("other", "o@example.org", "x")
    editor_client.post(admin_url(KeyFigure, "add"), figure_data())
    KeyFigure.objects.update(stated_by=other, stated_on=dt.date(2024, 1, 2))
    content = (
        f"{HEADER}\n"
        "people-assisted,assistance,People assisted,Personas asistidas,exact,130,people,"
        "personas,2024-06-30\n"
    )
    preview = upload(editor_client, content)
    assert preview.context["result"].totals["update"] == 1
    confirm_import(editor_client, KeyFigure, preview.context["confirm_form"].initial)
    figure = KeyFigure.objects.get()
    assert figure.value == 130
    assert (figure.stated_by, figure.stated_on) == (editor, timezone.localdate())
