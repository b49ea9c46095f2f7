"""Figures over time, from the published snapshots and the current profile.

A point is dated by when the figure was true (a staff count's date, a key
figure's period end), not by when the snapshot was taken, so the same fact
repeated in later versions is one point.
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from iompanama.text import in_both_languages

from .content_cache import get_or_build
from .document import SCHEMA_VERSION, current_document
from .schema import SECTIONS, items, label_of
from .snapshots import published_versions

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
                    entry = series.setdefault(key, {"key": key, "points": {}, "sources": {}})
                    entry["label"] = label or field_label
                    entry["unit"] = unit
                    entry["points"][item.get(date_field)] = item.get(field.name)
                    entry["sources"][item.get(date_field)] = item.get(field.source) or {}
    result = []
    for entry in series.values():
        points = [
            {"date": date, "value": value}
            for date, value in sorted(entry["points"].items())
            if date and isinstance(value, int | float) and not isinstance(value, bool)
        ]
        if len(points) > 1:
            sources = [entry["sources"][point["date"]] for point in points]
            result.append(entry | {"points": points, "sources": _merged([sources])})
    return result


def published_followed_versions():
    """(ISO date, document holding the followed sections) of every published version,
    oldest first (cached): what the series and the headline figures' changes read."""
    return get_or_build(
        f"published-followed:v{SCHEMA_VERSION}",
        lambda: published_versions(FOLLOWED_SECTIONS),
    )


def figures_over_time():
    """The series of the published snapshots plus the current profile (cached)."""

    def build():
        published = [document for _date, document in published_followed_versions()]
        return series_from_documents([*published, current_document()])

    return get_or_build(f"figures-over-time:v{SCHEMA_VERSION}", build)


# The staff chart stacks these series, with the total on top; every other series has
# a chart of its own.
STACKED = {"staff": ("staff.national", "staff.international")}
STACK_TOTALS = {"staff": "staff.total"}
STACK_LABELS = {"staff": _("Staff by contract type")}


def charts_of(series):
    """The charts of the figures over time: {"key", "label", "unit", "series" (the series
    drawn, bottom of a stack first), "total" (the series labelled on top of a stack, or
    None), "sources"}. A chart's key names its CSV download."""
    by_key = {entry["key"]: entry for entry in series}
    stacked = {key for parts in STACKED.values() for key in parts} | set(STACK_TOTALS.values())
    charts = []
    for chart_key, parts in STACKED.items():
        if all(part in by_key for part in parts):
            total = by_key.get(STACK_TOTALS[chart_key])
            drawn = [by_key[part] for part in parts]
            charts.append(
                {
                    "key": chart_key,
                    "label": in_both_languages(STACK_LABELS[chart_key]),
                    "unit": drawn[0]["unit"],
                    "series": drawn,
                    "total": total,
                    "sources": _merged([entry["sources"] for entry in drawn]),
                }
            )
        else:
            stacked -= {*parts, STACK_TOTALS[chart_key]}
    for entry in series:
        if entry["key"] not in stacked:
            charts.append(
                {
                    "key": entry["key"],
                    "label": entry["label"],
                    "unit": entry["unit"],
                    "series": [entry],
                    "total": None,
                    "sources": entry["sources"],
                }
            )
    return [chart | {"rows": _table_rows(chart)} for chart in charts]


def _table_rows(chart):
    """The chart's values by date, one per drawn series then the total: its table view."""
    shown = [*chart["series"], *([chart["total"]] if chart["total"] else [])]
    values = [{point["date"]: point["value"] for point in entry["points"]} for entry in shown]
    dates = sorted({date for by_date in values for date in by_date})
    return [{"date": date, "values": [by_date.get(date) for by_date in values]} for date in dates]


def chart_series(charts, key):
    """The series a chart draws, its total included: exactly what its CSV holds."""
    for chart in charts:
        if chart["key"] == key:
            return [*chart["series"], *([chart["total"]] if chart["total"] else [])]
    return None


def _merged(lists):
    """The sources of `lists`, each once, in order. A source is one whatever the
    languages a version gave it in ({"en": "IOM Panama", "es": ""} is {"en": "IOM
    Panama", "es": "OIM Panamá"}); the text in more languages is kept."""
    merged = {}
    for sources in lists:
        for source in sources:
            key = _source_key(source)
            if key and len([t for t in source.values() if t]) > len(
                [t for t in merged.get(key, {}).values() if t]
            ):
                merged[key] = source
    return list(merged.values())


def _source_key(source):
    if not isinstance(source, dict):
        return str(source or "")
    return source.get("en") or source.get("es") or ""


def _svg(number):
    """A coordinate as an SVG attribute: never localised (no decimal comma)."""
    return str(round(number, 1))


# The chart's drawing units. The SVG scales with its box, which the style sheet keeps
# between 20 and 30 rem wide: text of 14 units stays at least 12 px on a phone.
WIDTH, HEIGHT = 360, 180
TOP, BOTTOM, SIDE = 32, 24, 6
LABEL_LINE = 14  # a value label moved up to clear its neighbour's
DIGIT_WIDTH = 8.2  # about how wide a digit of the value labels is, in units


def _day(iso):
    return dt.date.fromisoformat(iso).toordinal()


def _label_width(value):
    return len(f"{value:,}") * DIGIT_WIDTH


def time_chart(drawn, total=None):
    """Geometry of a chart of values over time, as SVG attribute strings.

    The series `drawn` are bars stacked bottom first, at the position of their
    date on a time axis that runs from the first 1 January to the last 31 December
    of the dates, so the distance between bars is the time between the values;
    each year is marked and named. The value over each bar is `total`'s value for
    that date when given, else the stack's sum. Labels that would touch the
    previous bar's are moved up a line.
    """
    dates = sorted({point["date"] for entry in drawn for point in entry["points"]})
    first_year, last_year = int(dates[0][:4]), int(dates[-1][:4])
    start = dt.date(first_year, 1, 1).toordinal()
    end = dt.date(last_year + 1, 1, 1).toordinal()
    plot = WIDTH - 2 * SIDE

    def x(ordinal):
        return SIDE + plot * (ordinal - start) / (end - start)

    positions = [x(_day(date)) for date in dates]
    gaps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
    bar = max(3.0, min(22.0, 0.75 * min(gaps))) if gaps else 22.0
    values = {
        entry["key"]: {point["date"]: point["value"] for point in entry["points"]}
        for entry in drawn
    }
    totals = {point["date"]: point["value"] for point in total["points"]} if total else {}
    stack_top = {date: sum(values[entry["key"]].get(date, 0) for entry in drawn) for date in dates}
    highest = max([*stack_top.values(), *totals.values()]) or 1
    scale = (HEIGHT - TOP - BOTTOM) / highest
    baseline = HEIGHT - BOTTOM
    columns, previous_label = [], None
    for date, position in zip(dates, positions, strict=True):
        parts, y = [], baseline
        for index, entry in enumerate(drawn):
            value = values[entry["key"]].get(date)
            if value is None:
                continue
            height = value * scale
            y -= height
            parts.append({"part": index, "y": _svg(y), "height": _svg(height), "value": value})
        label = totals.get(date, stack_top[date] if parts else None)
        label_y = baseline - max(stack_top[date], label or 0) * scale - 5
        if previous_label is not None and label is not None:
            left, right = previous_label
            if position - _label_width(label) / 2 < right + 3 and abs(label_y - left) < 12:
                label_y = left - LABEL_LINE
        if label is not None:
            previous_label = (label_y, position + _label_width(label) / 2)
        columns.append(
            {
                "date": date,
                "x": _svg(position - bar / 2),
                "center": _svg(position),
                "parts": parts,
                "label": label,
                "label_y": _svg(max(label_y, 12)),
            }
        )
    years = []
    step = 1 if plot / (last_year - first_year + 1) >= 40 else 2
    for year in range(first_year, last_year + 1):
        left = x(dt.date(year, 1, 1).toordinal())
        right = x(dt.date(year + 1, 1, 1).toordinal())
        shown = (year - first_year) % step == 0
        years.append(
            {"year": year, "x": _svg(left), "middle": _svg((left + right) / 2), "shown": shown}
        )
    return {
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "baseline": _svg(baseline),
        "top": str(TOP - 20),
        "year_y": _svg(HEIGHT - 7),
        "end": _svg(WIDTH - SIDE),
        "bar": _svg(bar),
        "columns": columns,
        "years": years,
    }
