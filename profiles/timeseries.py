"""Figures over time, from the published snapshots and the current profile.

A point is dated by when the figure was true (a staff count's date, a key
figure's period end), not by when the snapshot was taken, so the same fact
repeated in later versions is one point.
"""

from iompanama.text import in_both_languages

from .content_cache import get_or_build
from .document import SCHEMA_VERSION, current_document
from .schema import SECTIONS, items, label_of
from .snapshots import published_sections

# The sections that hold followed numbers: all that is read of a stored document.
FOLLOWED_SECTIONS = [
    section.key for section in SECTIONS if any(field.series for field in section.fields)
]


def series_from_documents(documents):
    """Every number declared as followed over time, with at least two dated values.

    A field followed per field (staff counts) makes one series of the field across
    the section's dated items; a field followed per item (a key figure's value)
    makes one series per item, dated by its period end. Later documents win.
    """
    series = {}
    for section in SECTIONS:
        for field in section.fields:
            if not field.series:
                continue
            date_field = field.period[1]
            field_label = None
            for document in documents:
                for item in items(document, section):
                    if field.series == "per_field":
                        key, label, unit = f"{section.series_key}.{field.name}", None, ""
                        if field_label is None:  # two translation overrides: once
                            field_label = in_both_languages(label_of(section, field))
                    else:
                        key = f"{section.series_key}.{section.item_key(item)}"
                        label, unit = item[section.name], item.get(field.unit, "")
                    entry = series.setdefault(key, {"key": key, "points": {}})
                    entry["label"] = label or field_label
                    entry["unit"] = unit
                    entry["points"][item.get(date_field)] = item.get(field.name)
    result = []
    for entry in series.values():
        points = [
            {"date": date, "value": value}
            for date, value in sorted(entry["points"].items())
            if date and isinstance(value, int | float) and not isinstance(value, bool)
        ]
        if len(points) > 1:
            result.append(entry | {"points": points})
    return result


def figures_over_time():
    """The series of the published snapshots plus the current profile (cached)."""

    def build():
        return series_from_documents([*published_sections(FOLLOWED_SECTIONS), current_document()])

    return get_or_build(f"figures-over-time:v{SCHEMA_VERSION}", build)


def _svg(number):
    """A coordinate as an SVG attribute: never localised (no decimal comma)."""
    return str(round(number, 1))


def bar_chart(points, *, width=320, height=170, padding=24):
    """Geometry of a bar chart for an SVG: one bar per point, scaled to the largest.
    Coordinates come as the strings the attributes take."""
    top = max(point["value"] for point in points) or 1
    slot = (width - padding) / len(points)
    bar = slot * 0.6
    bars = []
    for index, point in enumerate(points):
        bar_height = (height - 2 * padding) * point["value"] / top
        bars.append(
            point
            | {
                "x": _svg(padding / 2 + index * slot + (slot - bar) / 2),
                "y": _svg(height - padding - bar_height),
                "value_y": _svg(height - padding - bar_height - 4),
                "width": _svg(bar),
                "height": _svg(bar_height),
                "label_x": _svg(padding / 2 + index * slot + slot / 2),
            }
        )
    return {
        "width": str(width),
        "height": str(height),
        "baseline": str(height - padding),
        "date_y": str(height - 6),
        "bars": bars,
    }
