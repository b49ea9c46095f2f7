"""The database itself refuses inconsistent profile data, not only the forms."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from profiles.models import KeyFigure, Office, Region, StaffCount
from projects.models import Project
from publications.models import Publication

pytestmark = pytest.mark.django_db


def refused_by_database(obj):
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def make_figure(**overrides):
    values = {
        "slug": "f",
        "category": "assistance",
        "label_en": "People",
        "value": Decimal(10),
        "period_end": dt.date(2023, 9, 30),
    }
    return KeyFigure(**values | overrides)


def test_it_refuses_a_negative_staff_count():
    refused_by_database(StaffCount(as_of=dt.date(2024, 1, 1), national=-1, international=3))


def test_it_refuses_more_mission_staff_than_staff():
    refused_by_database(
        StaffCount(as_of=dt.date(2024, 1, 1), national=10, international=5, mission=16)
    )


def test_it_derives_the_staff_total():
    count = StaffCount.objects.create(as_of=dt.date(2024, 1, 1), national=152, international=48)
    assert count.total == 200


def test_it_refuses_two_staff_counts_on_one_date():
    StaffCount.objects.create(as_of=dt.date(2024, 1, 1), national=1, international=1)
    refused_by_database(StaffCount(as_of=dt.date(2024, 1, 1), national=2, international=2))


def test_it_refuses_a_period_that_ends_before_it_starts():
    refused_by_database(make_figure(period_start=dt.date(2023, 10, 1)))


def test_it_refuses_a_percentage_over_100():
    refused_by_database(make_figure(unit_en="%", value=Decimal(101)))


def test_it_refuses_a_negative_figure():
    refused_by_database(make_figure(value=Decimal(-5)))


def test_it_explains_a_fractional_count_in_the_form_layer():
    with pytest.raises(ValidationError) as error:
        make_figure(value=Decimal("10.5")).full_clean()
    assert "whole numbers" in str(error.value)


def test_it_refuses_a_malformed_iso_code():
    refused_by_database(Region(iso_code="Panama", name_en="Panamá", kind="province"))


def test_it_refuses_half_a_coordinate():
    region = Region.objects.create(iso_code="PA-8", name_en="Panamá", kind="province")
    refused_by_database(
        Office(name_en="Office", kind="sub_office", region=region, latitude=Decimal("8.9"))
    )


def test_it_refuses_a_project_that_ends_before_it_starts():
    refused_by_database(
        Project(
            slug="p",
            title_en="P",
            start_date=dt.date(2024, 1, 1),
            end_date=dt.date(2023, 1, 1),
        )
    )


def test_it_refuses_a_publication_without_link_or_file():
    refused_by_database(Publication(slug="p", title_en="P", kind="study", language="en"))


def test_validation_messages_follow_the_editors_language():
    from django.utils import translation

    with translation.override("es"), pytest.raises(ValidationError) as error:
        StaffCount(as_of=dt.date(2024, 1, 1), national=10, international=5, mission=16).full_clean()
    assert "no puede superar" in str(error.value)
