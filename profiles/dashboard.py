"""The editors' dashboard on the admin index: what needs attention."""

import datetime as dt

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from modeltranslation.translator import translator

from .models import KeyFigure, Snapshot
from .roles import CONTENT_APPS
from .translation_status import needing_translation


def untranslated():
    """[(model's verbose name, count, url of exactly those rows)] for models with texts
    missing or outdated in a language; snapshots too (a published one with an empty
    Spanish title is flagged)."""
    rows = []
    registered = set(translator.get_registered_models(abstract=False))
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model not in registered:
                continue
            count = needing_translation(model._default_manager.all(), "any").count()
            if count:
                opts = model._meta
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                rows.append((opts.verbose_name_plural, count, f"{url}?translation=any"))
    return rows


def stale_figures(today=None):
    """Key figures whose period ended more than a year ago."""
    today = today or timezone.localdate()
    return KeyFigure.objects.filter(period_end__lt=today - dt.timedelta(days=365)).order_by(
        "period_end"
    )


def drafts():
    return Snapshot.objects.filter(status=Snapshot.Status.DRAFT).order_by("date")
