"""Check constraints evaluated in Python give the database's verdict."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint

from profiles.checks import validate_check_constraints
from profiles.models import KeyFigure, Office, Region, StaffCount

pytestmark = pytest.mark.django_db


def database_verdict(instance):
    for constraint in instance._meta.constraints:
        if isinstance(constraint, CheckConstraint):
            try:
                constraint.validate(type(instance), instance)
            except ValidationError:
                return False
    return True


def python_verdict(instance):
    try:
        validate_check_constraints(instance)
    except ValidationError:
        return False
    return True


def figure(**values):
    defaults = {
        "slug": "f",
        "category": "assistance",
        "label_en": "F",
        "value": Decimal(5),
        "period_end": dt.date(2024, 1, 31),
    }
    return KeyFigure(**defaults | values)


CASES = [
    figure(),
    figure(value=Decimal(-1)),
    figure(unit_en="%", value=Decimal(101)),
    figure(unit_en="%", value=Decimal(100)),
    figure(unit_en="people", value=Decimal(101)),
    figure(period_start=dt.date(2024, 2, 1)),
    figure(period_start=dt.date(2024, 1, 1)),
    StaffCount(as_of=dt.date(2024, 1, 1), national=10, international=5, mission=15),
    StaffCount(as_of=dt.date(2024, 1, 1), national=10, international=5, mission=16),
    StaffCount(as_of=dt.date(2024, 1, 1), national=10, international=5, mission=None),
    Region(iso_code="PA-NB", name_en="N", kind="comarca"),
    Region(iso_code="Panama", name_en="N", kind="province"),
    Region(iso_code="PA-8", name_en="N", kind="province", latitude=Decimal(91)),
    Office(name_en="O", kind="sub_office", latitude=Decimal(8), longitude=None),
    Office(name_en="O", kind="sub_office", latitude=Decimal(8), longitude=Decimal(-79)),
    Office(name_en="O", kind="sub_office", longitude=Decimal(-181), latitude=Decimal(8)),
]


@pytest.mark.parametrize("instance", CASES, ids=range(len(CASES)))
def test_python_and_database_agree(instance):
    assert python_verdict(instance) == database_verdict(instance)
