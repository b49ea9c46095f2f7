"""Project-wide checks: migrations are complete and the Spanish catalogue is compiled."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.mark.django_db
def test_migrations_are_complete():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_the_spanish_catalogue_is_compiled():
    with translation.override("es"):
        assert translation.gettext("Who we are") == "Quiénes somos"
        assert translation.gettext("staff count") == "recuento de personal"
