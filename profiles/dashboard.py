"""The editors' dashboard on the admin index: what needs attention."""

import datetime as dt

from django.apps import apps
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from modeltranslation.translator import translator

from .models import KeyFigure, Snapshot
from .roles import CONTENT_APPS


def missing_translation(field):
    """Rows where one language has the text and the other has not."""
    english, spanish = f"{field}_en", f"{field}_es"

    def empty(name):
        return Q(**{f"{name}__isnull": True}) | Q(**{name: ""})

    return (~empty(english) & empty(spanish)) | (empty(english) & ~empty(spanish))


def untranslated():
    """[(model's verbose name, count, changelist url)] for models with missing texts."""
    rows = []
    registered = set(translator.get_registered_models(abstract=False))
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model is Snapshot or model not in registered:
                continue
            condition = Q()
            for field in translator.get_options_for_model(model).fields:
                condition |= missing_translation(field)
            count = model._default_manager.filter(condition).count()
            if count:
                opts = model._meta
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                rows.append((opts.verbose_name_plural, count, url))
    return rows


def stale_figures(today=None):
    """Key figures whose period ended more than a year ago."""
    today = today or timezone.localdate()
    return KeyFigure.objects.filter(period_end__lt=today - dt.timedelta(days=365)).order_by(
        "period_end"
    )


def drafts():
    return Snapshot.objects.filter(status=Snapshot.Status.DRAFT).order_by("date")
