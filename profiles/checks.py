"""Evaluate a model's check constraints in Python, for validating many rows fast.

Django validates a CheckConstraint with one database query per constraint and
row. An import of thousands of rows would spend most of its time there, so the
simple conditions our models use (comparisons, isnull, regex, F() sums, AND,
OR, NOT) are evaluated here; anything else falls back to Django's own check.
The database still enforces every constraint on write.
"""

import operator
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, F, Q
from django.db.models.expressions import CombinedExpression, Value

COMPARISONS = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}
ARITHMETIC = {"+": operator.add, "-": operator.sub}


class Unsupported(Exception):
    pass


def _field_value(instance, name):
    # A translated field's own column holds the default language's text.
    localized = f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    if hasattr(type(instance), localized):
        return getattr(instance, localized)
    return getattr(instance, name)


def _value(instance, expression):
    if isinstance(expression, F):
        return _field_value(instance, expression.name)
    if isinstance(expression, Value):
        return expression.value
    if isinstance(expression, CombinedExpression):
        if expression.connector not in ARITHMETIC:
            raise Unsupported(expression)
        left, right = _value(instance, expression.lhs), _value(instance, expression.rhs)
        return (
            None if left is None or right is None else ARITHMETIC[expression.connector](left, right)
        )
    if hasattr(expression, "resolve_expression"):
        raise Unsupported(expression)
    return expression


def _lookup(instance, key, expected):
    name, _, lookup = key.partition("__")
    lookup = lookup or "exact"
    actual = _field_value(instance, name)
    expected = _value(instance, expected)
    if lookup == "isnull":
        return (actual is None) == expected
    if lookup == "regex":
        return actual is not None and re.search(expected, actual) is not None
    if lookup not in COMPARISONS or "__" in lookup:
        raise Unsupported(key)
    if actual is None or expected is None:
        return None  # SQL: a comparison with NULL is unknown, which a CHECK accepts
    return COMPARISONS[lookup](actual, expected)


def _evaluate(instance, condition):
    results = []
    for child in condition.children:
        if isinstance(child, Q):
            results.append(_evaluate(instance, child))
        else:
            results.append(_lookup(instance, *child))
    if condition.connector == Q.AND:
        result = False if False in results else (None if None in results else True)
    else:
        result = True if True in results else (None if None in results else False)
    if condition.negated and result is not None:
        result = not result
    return result


def validate_check_constraints(instance):
    """Raise ValidationError for each check constraint the instance breaks."""
    errors = []
    for constraint in instance._meta.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        try:
            passed = _evaluate(instance, constraint.condition) is not False
        except Unsupported:
            try:
                constraint.validate(type(instance), instance)
            except ValidationError as error:
                errors.extend(error.error_list)
            continue
        if not passed:
            errors.append(ValidationError(constraint.get_violation_error_message()))
    if errors:
        raise ValidationError(errors)
