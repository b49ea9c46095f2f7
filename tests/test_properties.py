"""Property-based tests: random text and numbers never crash validation, the
document builder or the CSV writer."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profiles.document import build_document
from profiles.exports import FACT_COLUMNS, escape_formula, fact_rows, starts_a_formula, write_csv
from profiles.models import KeyFigure, StaffCount

pytestmark = pytest.mark.django_db

# Text as editors paste it, minus NUL, which no database column stores.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300
)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
numbers = st.decimals(
    min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False
)
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(
    label=texts, value=numbers, unit=st.sampled_from(["", "%", "people"]), start=dates, end=dates
)
def test_key_figure_validation_accepts_or_explains(db, label, value, unit, start, end):
    figure = KeyFigure(
        slug="random",
        category="assistance",
        label_en=label,
        value=value,
        unit_en=unit,
        period_start=start,
        period_end=end,
    )
    try:
        figure.full_clean()
    except ValidationError as error:
        assert error.message_dict
    else:
        assert value >= 0 and start <= end and label != ""


@FAST
@given(
    national=st.integers(-5, 10**6),
    international=st.integers(-5, 10**6),
    mission=st.none() | st.integers(-5, 10**6),
)
def test_staff_count_validation_accepts_or_explains(db, national, international, mission):
    count = StaffCount(
        as_of=dt.date(2024, 1, 1), national=national, international=international, mission=mission
    )
    try:
        count.full_clean()
    except ValidationError as error:
        assert error.message_dict
    else:
        assert national >= 0 and international >= 0
        assert mission is None or 0 <= mission <= national + international


@FAST
@given(label_en=texts, label_es=texts, value=st.decimals(min_value=0, max_value=10**9, places=0))
def test_the_document_and_its_csv_survive_any_text(iom_panama, label_en, label_es, value):
    KeyFigure.objects.filter(slug="digital-reach").update(
        label_en=label_en, label_es=label_es, value=Decimal(value)
    )
    document = build_document()
    rows = fact_rows(document)
    parsed = list(csv.DictReader(io.StringIO(write_csv(rows, FACT_COLUMNS).decode("utf-8-sig"))))
    assert len(parsed) == len(rows)
    labels = [r for r in parsed if r["item_key"] == "digital-reach" and r["field"] == "label"]
    if not (label_en or label_es):
        assert labels == []  # an empty text is no fact
        return
    (label,) = labels
    assert label["value_en"] == escape_formula(label_en)
    assert label["value_es"] == escape_formula(label_es)


@given(value=texts)
def test_escaped_cells_never_start_a_formula(value):
    escaped = escape_formula(value)
    assert not starts_a_formula(escaped)
    assert escaped.endswith(value)
