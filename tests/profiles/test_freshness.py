"""Every write path reaches the public pages: admin, import, command, data migration,
snapshot publication. Each test first reads the pages so that they are cached."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from profiles.content_cache import content_version
from profiles.models import KeyFigure, Snapshot
from profiles.snapshots import freeze_snapshot, publish_snapshot
from tests.imports import confirm_import

pytestmark = pytest.mark.django_db

LEGAL_ORIENTATION = (
    "legal-orientation,assistance,"
    '"Migrants residing in the country who received legal orientation and advice '
    '(migration, work and family)",'
    '"Personas migrantes residentes en el país que recibieron orientación y asesoría legal '
    '(migratoria, laboral y familiar)",'
    "exact,{value},,,,2023-09-30\n"
)
HEADER = "slug,category,label_en,label_es,qualifier,value,unit_en,unit_es,period_start,period_end"


def shows(client, text):
    """Whether the home page and the current data download both show `text`."""
    page = client.get("/en/").content.decode()
    data = client.get("/data/current.csv").content.decode("utf-8-sig")
    return text in page, text in data


def test_an_admin_edit_reaches_the_pages(client, editor_client, iom_panama):
    assert shows(client, "777") == (False, False)
    figure = KeyFigure.objects.get(slug="legal-orientation")
    url = reverse("admin:profiles_keyfigure_change", args=[figure.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {name: "" if form[name].value() is None else form[name].value() for name in form.fields}
    response = editor_client.post(url, data | {"value": "777"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert shows(client, "777") == (True, True)


def test_a_spreadsheet_import_reaches_the_pages(client, editor_client, iom_panama):
    assert shows(client, "777") == (False, False)
    content = (HEADER + "\n" + LEGAL_ORIENTATION.format(value=777)).encode()
    upload = SimpleUploadedFile("figures.csv", content)
    preview = editor_client.post(
        reverse("admin:profiles_keyfigure_import"), {"import_file": upload, "format": 0}
    )
    assert preview.context["result"].totals["update"] == 1
    confirm_import(editor_client, KeyFigure, preview.context["confirm_form"].initial)
    assert KeyFigure.objects.get(slug="legal-orientation").value == 777
    assert shows(client, "777") == (True, True)


def test_the_loader_command_reaches_the_pages(client, iom_panama):
    KeyFigure.objects.filter(slug="legal-orientation").delete()
    assert shows(client, "legal orientation") == (False, False)
    call_command("load_iom_panama", stdout=io.StringIO())
    assert shows(client, "legal orientation") == (True, True)


def test_a_data_migration_reaches_the_pages(client, iom_panama):
    shows(client, "777")
    # A data migration writes through historical models: no model signal is sent.
    KeyFigure.objects.filter(slug="legal-orientation").update(value=777)
    assert shows(client, "777") == (False, False)
    call_command("migrate", "--noinput", verbosity=0)
    assert shows(client, "777") == (True, True)


def test_publishing_a_snapshot_bumps_the_content_version(client, iom_panama_versions):
    client.get("/data/figures-over-time-long.csv")
    before = content_version()
    snapshot = freeze_snapshot(
        date="2025-01-31", title={"en": "January 2025", "es": "Enero de 2025"}
    )
    frozen = content_version()
    publish_snapshot(Snapshot.objects.get(pk=snapshot.pk))
    assert before != frozen != content_version()
    assert "31 January 2025" in client.get("/en/snapshots/").content.decode()
