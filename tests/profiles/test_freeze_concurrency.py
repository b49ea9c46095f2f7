"""A freeze reads one state of the database, even while editors commit changes.

An editor's change that touches two tables in one transaction must be in a
frozen document entirely or not at all. Each test commits such changes from a
thread with its own connection while the admin freezes or refreezes, over many
trials. SQLite serialises writers and its transactions read one state, so these
tests need PostgreSQL.
"""

import datetime as dt
import threading
import time

import pytest
from django.db import close_old_connections, connection, transaction
from django.test import Client
from django.urls import reverse

from profiles.models import KeyFigure, Snapshot, StaffCount
from profiles.snapshots import frozen_document

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite serialises writers: nothing to tear"
    ),
    pytest.mark.django_db(transaction=True),
]

TRIALS = 20


@pytest.fixture
def marked(iom_panama):
    """The latest staff count and the first key figure, which the writer sets to one marker."""
    staff = StaffCount.objects.latest_first().first()
    figure = KeyFigure.objects.order_by("pk").first()
    return staff, figure


@pytest.fixture
def writer(marked):
    """A thread that keeps committing one marker to two tables in one transaction."""
    staff, figure = marked
    stop = threading.Event()
    commits = []
    errors = []

    def run():
        try:
            marker = 1000
            while not stop.is_set():
                marker += 1
                with transaction.atomic():
                    StaffCount.objects.filter(pk=staff.pk).update(international=marker)
                    KeyFigure.objects.filter(pk=figure.pk).update(value=marker)
                commits.append(marker)
                time.sleep(0.001)
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    # Let the writer get going before the first freeze.
    deadline = time.monotonic() + 10
    while not commits and time.monotonic() < deadline:
        time.sleep(0.01)
    yield commits
    stop.set()
    thread.join(timeout=30)
    close_old_connections()
    assert not errors, errors


def pair(document, figure_slug):
    """(staff marker, key figure marker) as the document holds them."""
    staff = document["staff"][0]["international"]
    (figure,) = [item for item in document["key_figures"] if item["slug"] == figure_slug]
    return staff, figure["value"]


def torn(documents, figure_slug):
    pairs = [pair(document, figure_slug) for document in documents]
    return [(staff, figure) for staff, figure in pairs if staff != figure]


def test_freezing_from_the_admin_reads_one_state(editor, marked, writer):
    _staff, figure = marked
    client = Client()
    client.force_login(editor)
    first = dt.date(2030, 1, 1)
    for trial in range(TRIALS):
        response = client.post(
            reverse("admin:profiles_snapshot_add"),
            {"date": (first + dt.timedelta(days=trial)).isoformat(), "title_en": f"Trial {trial}"},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    frozen = Snapshot.objects.filter(date__gte=first).order_by("date")
    assert frozen.count() == TRIALS
    # The writer committed between the freezes: they did not all read the same state.
    assert len({pair(snapshot.document, figure.slug) for snapshot in frozen}) > 1
    assert torn([snapshot.document for snapshot in frozen], figure.slug) == []


def test_refreezing_from_the_admin_reads_one_state(editor, marked, writer):
    _staff, figure = marked
    client = Client()
    client.force_login(editor)
    response = client.post(
        reverse("admin:profiles_snapshot_add"), {"date": "2030-06-30", "title_en": "Refrozen"}
    )
    assert response.status_code == 302
    snapshot = Snapshot.objects.get(date=dt.date(2030, 6, 30))
    url = reverse("admin:profiles_snapshot_refreeze", args=[snapshot.pk])
    documents = []
    for _trial in range(TRIALS):
        response = client.post(url)
        assert response.status_code == 302
        snapshot.refresh_from_db()
        documents.append(snapshot.document)
    assert len({pair(document, figure.slug) for document in documents}) > 1
    assert torn(documents, figure.slug) == []


def test_freezing_inside_an_enclosing_transaction_reads_one_state(marked, writer):
    """Called inside someone else's transaction, the freeze still reads one state."""
    _staff, figure = marked
    documents = []
    for _trial in range(TRIALS // 2):
        with transaction.atomic():
            StaffCount.objects.exists()  # the enclosing transaction has already begun
            documents.append(frozen_document())
    assert len({pair(document, figure.slug) for document in documents}) > 1
    assert torn(documents, figure.slug) == []
