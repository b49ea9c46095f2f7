"""Figures over time, from the published snapshots and the current profile.

A point is dated by when the figure was true (a staff count's date, a key
figure's period end), not by when the snapshot was taken, so the same fact
repeated in later versions is one point.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .content_cache import get_or_build
from .document import LANGUAGES, SCHEMA_VERSION, current_document, upgrade_document
from .models import Snapshot

STAFF_SERIES = [
    ("staff.total", _("Staff, total"), "total"),
    ("staff.national", _("National staff"), "national"),
    ("staff.international", _("International staff"), "international"),
]


def in_both_languages(text):
    """A translatable label as {"en": …, "es": …}, like the document's own texts."""
    labels = {}
    for language in LANGUAGES:
        with translation.override(language):
            labels[language] = str(text)
    return labels


def published_documents():
    """(date, document) of every published snapshot, oldest first."""
    rows = Snapshot.objects.published().order_by("date").values_list("date", "document")
    return [(date, upgrade_document(document)) for date, document in rows]


def series_from_documents(documents):
    """Every staff count and every numeric key figure with at least two dated values."""
    staff = {}
    figures = {}
    for document in documents:
        for count in document["staff"]["history"]:
            staff[count["as_of"]] = count
        for figure in document["key_figures"]:
            entry = figures.setdefault(figure["slug"], {"figure": figure, "points": {}})
            entry["figure"] = figure  # the newest label and unit win
            entry["points"][figure["period_end"]] = figure["value"]
    series = [
        {
            "key": key,
            "label": in_both_languages(label),
            "unit": "",
            "points": [
                {"date": date, "value": staff[date][field]}
                for date in sorted(staff)
                if staff[date][field] is not None
            ],
        }
        for key, label, field in STAFF_SERIES
    ]
    for slug, entry in figures.items():
        series.append(
            {
                "key": f"figure.{slug}",
                "label": entry["figure"]["label"],
                "unit": entry["figure"]["unit"],
                "points": [
                    {"date": date, "value": value}
                    for date, value in sorted(entry["points"].items())
                    if isinstance(value, int | float)
                ],
            }
        )
    return [item for item in series if len(item["points"]) > 1]


def figures_over_time():
    """The series of the published snapshots plus the current profile (cached)."""

    def build():
        documents = [document for _date, document in published_documents()]
        return series_from_documents([*documents, current_document()])

    return get_or_build(f"figures-over-time:v{SCHEMA_VERSION}", build)


def bar_chart(points, *, width=320, height=170, padding=24):
    """Geometry of a bar chart for an SVG: one bar per point, scaled to the largest."""
    top = max(point["value"] for point in points) or 1
    slot = (width - padding) / len(points)
    bar = slot * 0.6
    bars = []
    for index, point in enumerate(points):
        bar_height = (height - 2 * padding) * point["value"] / top
        bars.append(
            point
            | {
                "x": round(padding / 2 + index * slot + (slot - bar) / 2, 1),
                "y": round(height - padding - bar_height, 1),
                "value_y": round(height - padding - bar_height - 4, 1),
                "width": round(bar, 1),
                "height": round(bar_height, 1),
                "label_x": round(padding / 2 + index * slot + slot / 2, 1),
            }
        )
    return {
        "width": width,
        "height": height,
        "baseline": height - padding,
        "date_y": height - 6,
        "bars": bars,
    }
