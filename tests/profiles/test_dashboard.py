"""The editors' dashboard on the admin index."""

import datetime as dt

import pytest

from profiles.models import AreaOfWork
from profiles.snapshots import freeze_snapshot

pytestmark = pytest.mark.django_db


def test_the_dashboard_lists_what_needs_attention(editor_client, iom_panama, editor):
    AreaOfWork.objects.filter(slug="labour-migration").update(name_es="")
    freeze_snapshot(date=dt.date(2025, 1, 31), title="January 2025", by=editor)
    html = editor_client.get("/admin/").content.decode()
    assert "Texts missing or outdated in a language" in html
    assert 'href="/admin/profiles/areaofwork/?translation=any">Areas of work</a>: 1' in html
    assert "Figures older than a year" in html
    assert "key figures were last true more than a year ago" in html
    assert "2025-01-31 — January 2025" in html


def test_the_dashboard_speaks_spanish(editor_client, iom_panama):
    html = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Requiere atención" in html
    assert "Todos los textos existen en inglés y en español." in html
