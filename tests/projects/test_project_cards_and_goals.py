"""Project cards with donors, dates and regions; goals named in words."""

import datetime as dt

import pytest

from projects.models import GlobalCompactObjective, SustainableDevelopmentGoal
from tests.factories import make_donor, make_project, make_region

pytestmark = pytest.mark.django_db


def test_a_project_card_shows_donor_dates_regions_and_summary(client):
    darien = make_region(iso_code="PA-5", name_en="Darién")
    norway = make_donor(name_en="Government of Norway")
    make_project(
        title_en="Response plan",
        summary_en="Help for people on the move.",
        start_date=dt.date(2023, 1, 1),
        end_date=dt.date(2024, 12, 31),
        regions=[darien],
        donors=[norway],
    )
    card = client.get("/en/projects/").content.decode().split('<li class="card">')[1]
    card = card.split("</li>")[0]
    for text in (
        "Help for people on the move.",
        "<dt>Donors</dt><dd>Government of Norway</dd>",
        "<dt>Dates</dt><dd>1 January 2023 – 31 December 2024</dd>",
        "<dt>Regions</dt><dd>Darién</dd>",
    ):
        assert text in card


def test_a_project_names_its_goals_and_objectives_in_both_languages(client):
    SustainableDevelopmentGoal.objects.create(
        number=3, name_en="Good health and well-being", name_es="Salud y bienestar"
    )
    GlobalCompactObjective.objects.create(
        number=1,
        name_en="Collect and utilize accurate data",
        name_es="Recopilar y utilizar datos exactos",
    )
    project = make_project(slug="health")
    project.sdg_goals.set(SustainableDevelopmentGoal.objects.all())
    project.compact_objectives.set(GlobalCompactObjective.objects.all())
    english = client.get("/en/projects/health/").content.decode()
    spanish = client.get("/es/proyectos/health/").content.decode()
    assert "<li>Goal 3: Good health and well-being</li>" in english
    assert "<li>Objective 1: Collect and utilize accurate data</li>" in english
    assert "<li>Objetivo 3: Salud y bienestar</li>" in spanish
    assert "<li>Objetivo 1: Recopilar y utilizar datos exactos</li>" in spanish
