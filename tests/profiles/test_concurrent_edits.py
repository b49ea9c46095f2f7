"""Two editors saving the same object at the same moment: exactly one save wins."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from profiles.models import KeyFigure

TRIALS = 10


@pytest.fixture
def two_editors(transactional_db, django_user_model):
    from django.contrib.auth.models import Permission

    clients = []
    for name in ("ana", "luis"):
        user = django_user_model.objects.create_user(name, is_staff=True)
        user.user_permissions.set(Permission.objects.filter(codename="change_keyfigure"))
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def form_values(client, url):
    form = client.get(url).context["adminform"].form
    return {name: "" if form[name].value() is None else form[name].value() for name in form.fields}


def save_together(clients, url, values):
    """Both clients post their form at once, each through its own database connection."""
    start = threading.Barrier(len(clients))
    responses = [None] * len(clients)

    def save(index):
        try:
            start.wait()
            responses[index] = clients[index].post(url, values[index])
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need a server database"
)
def test_of_two_simultaneous_saves_one_wins_and_the_other_is_told(two_editors, iom_panama):
    figure = KeyFigure.objects.get(slug="digital-reach")
    url = reverse("admin:profiles_keyfigure_change", args=[figure.pk])
    for trial in range(TRIALS):
        values = [
            form_values(client, url) | {"value": str(1000 * trial + offset)}
            for offset, client in enumerate(two_editors, start=1)
        ]
        responses = save_together(two_editors, url, values)
        statuses = sorted(response.status_code for response in responses)
        assert statuses == [200, 302], f"trial {trial}: {statuses}"
        loser = next(response for response in responses if response.status_code == 200)
        winner = values[[r.status_code for r in responses].index(302)]
        assert "Someone else saved this" in loser.content.decode()
        # The loser's input is kept in the form for review.
        kept = loser.context["adminform"].form["value"].value()
        assert kept != winner["value"]
        assert KeyFigure.objects.get(pk=figure.pk).value == int(winner["value"])
