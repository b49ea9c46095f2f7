"""Filters that render the profile document's bilingual values."""

import datetime as dt
import functools

from django import template
from django.utils import formats
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from iompanama.text import pick
from profiles.panama_map import panama_map as map_of
from profiles.sources import provenance_of_fact
from projects.models import says_acronym

register = template.Library()


@register.filter
def tr(value):
    """A translated text; one shown in the other language says so with `lang`."""
    text, fallback = pick(value)
    if fallback:
        return format_html('<span lang="{}">{}</span>', fallback, text)
    return text


@register.filter
def tr_plain(value):
    return pick(value)[0]


@functools.lru_cache(maxsize=1024)
def _paragraphs(text):
    return linebreaks(text, autoescape=True)


@register.filter
def paragraphs(value):
    """A translated multi-paragraph text as <p> elements, lines kept."""
    text, fallback = pick(value)
    html = mark_safe(_paragraphs(str(text)))  # escaped by linebreaks
    if fallback:
        return format_html('<div lang="{}">{}</div>', fallback, html)
    return html


# Formatting a number or a date for a language is a pure function of the value and
# the language, and took 7 to 28 µs a call; pages format the same ones many times.
@functools.lru_cache(maxsize=4096, typed=True)
def _number(value, language):
    return formats.number_format(value, force_grouping=True)


@functools.lru_cache(maxsize=4096, typed=True)
def _date(date, format_name, language):
    return formats.date_format(date, format_name)


def date_format(date, format_name="DATE_FORMAT"):
    """`formats.date_format` in the current language, remembered."""
    return _date(date, format_name, get_language())


@register.filter
def num(value):
    """A number grouped for the current language (1,432 / 1.432)."""
    if value is None or value == "":
        return ""
    try:
        return _number(value, get_language())
    except TypeError:  # unhashable
        return formats.number_format(value, force_grouping=True)


# The words of the sources, before a number ("almost 500", "cerca de 61").
QUALIFIERS = {
    "about": lambda: pgettext("figure qualifier", "about"),
    "almost": lambda: pgettext("figure qualifier", "almost"),
    "nearly": lambda: pgettext("figure qualifier", "nearly"),
    "more_than": lambda: pgettext("figure qualifier", "more than"),
    "over": lambda: pgettext("figure qualifier", "over"),
    "at_least": lambda: pgettext("figure qualifier", "at least"),
    "up_to": lambda: pgettext("figure qualifier", "up to"),
}
# Qualifiers that put the number above the one written: "more than 1" is plural.
ABOVE = {"more_than", "over", "at_least"}


@register.filter
def qualified(value, qualifier):
    """A number with its qualifier: "more than 10", "about 61"."""
    formatted = num(value)
    if qualifier in QUALIFIERS:
        return f"{QUALIFIERS[qualifier]()} {formatted}"
    return formatted


@register.filter
def qualifier_words(qualifier):
    """ "about", "more than": how exact a number is, in words; "" for an exact one."""
    return QUALIFIERS[qualifier]() if qualifier in QUALIFIERS else ""


def parse_date(value):
    if not value:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


@register.filter
def isodate(value, format_name="DATE_FORMAT"):
    date = parse_date(value)
    return date_format(date, format_name) if date else ""


def _month(date):
    return date_format(date, "F")


@register.filter
def period(figure):
    """When a figure was true: "July 2023", "August–September 2023", "to 31 October 2022"."""
    start, end = parse_date(figure.get("period_start")), parse_date(figure.get("period_end"))
    if end is None:
        return ""
    if start is None:
        return _("as of %(date)s") % {"date": date_format(end, "DATE_FORMAT")}
    if (start.year, start.month) == (end.year, end.month) and start.day == 1:
        return date_format(end, "YEAR_MONTH_FORMAT")
    if (
        start.year == end.year
        and start.day == 1
        and start.month == 1
        and end.month == 12
        and end.day == 31
    ):
        return str(end.year)
    if start.year == end.year and start.day == 1:
        return _("%(start)s–%(end)s") % {
            "start": _month(start),
            "end": date_format(end, "YEAR_MONTH_FORMAT"),
        }
    return _("%(start)s to %(end)s") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(end, "DATE_FORMAT"),
    }


@register.filter
def percent_of(part, whole):
    try:
        return round(100 * part / whole)
    except (TypeError, ZeroDivisionError):
        return 0


@register.inclusion_tag("profiles/_map.html")
def panama_map(document, heading_id="map-heading", svg_stylesheet="", offices_beside=False):
    """The inline SVG map of Panama with its legend (profiles/panama_map.py).

    With `offices_beside`, the page lists the offices beside the map with their pins'
    numbers, so the legend leaves them out.

    `svg_stylesheet`, CSS put inside the SVG, is for the printed factsheet: WeasyPrint
    draws an inline SVG with the SVG's own styles only, not the page's. Pages style
    the map from site.css (a `<style>` would break their strict CSP)."""
    return {
        "map": map_of(document),
        "heading_id": heading_id,
        "svg_stylesheet": svg_stylesheet,
        "offices_beside": offices_beside,
    }


@register.filter
def figure_label(figure):
    """The key figure's label that agrees with its value: its label for a value of one
    when the value is exactly one (English and Spanish, the site's languages, use the
    singular for one and only for one; "more than 1" takes the plural), else its label."""
    one = figure.get("label_one")
    if (
        figure.get("value") == 1
        and figure.get("qualifier") not in ABOVE
        and isinstance(one, dict)
        and any(one.values())
    ):
        return one
    return figure.get("label")


@register.filter
def figure_value(figure):
    """A key figure's value as the page shows it: qualified, with a % sign for a share."""
    value = qualified(figure.get("value"), figure.get("qualifier"))
    return f"{value}%" if pick(figure.get("unit") or "")[0] == "%" else value


@register.filter
def with_acronym(title, acronym):
    """A translated title followed by its acronym in brackets, unless the title already
    names it: "Migration Management Framework (MMF)" stays as it is."""
    if says_acronym(pick(title)[0], acronym):
        return tr(title)
    return format_html("{} <abbr>({})</abbr>", tr(title), acronym)


@register.filter
def signed(value):
    """A change with its sign: "+10", "−3" (a true minus sign), grouped for the language."""
    if value is None:
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{num(abs(value))}"


def _amount(change):
    """How much a figure changed: "+10 (+19.6%)", "about +10", "+5 percentage points"."""
    absolute = change["absolute"]
    if change["points"]:
        amount = ngettext(
            "%(amount)s percentage point", "%(amount)s percentage points", abs(absolute)
        ) % {"amount": signed(absolute)}
    elif change["relative"] is not None:
        amount = _("%(amount)s (%(percent)s%%)") % {
            "amount": signed(absolute),
            "percent": signed(change["relative"]),
        }
    else:
        amount = signed(absolute)
    if change["approximate"]:
        about = pgettext("approximate change", "about")
        return f"{about} {amount}"
    return amount


@register.filter
def trend(change, previous_date):
    """A headline figure's change since the previous published version, in words."""
    if not change:
        return ""
    date = isodate(previous_date)
    kind = change["kind"]
    if kind == "increase":
        return _("Up %(amount)s since %(date)s") % {"amount": _amount(change), "date": date}
    if kind == "decrease":
        return _("Down %(amount)s since %(date)s") % {"amount": _amount(change), "date": date}
    if kind == "unchanged":
        return _("Unchanged since %(date)s") % {"date": date}
    if kind == "new":
        return _("New: not in the version of %(date)s") % {"date": date}
    previous = change["previous"]
    if kind == "other_period":
        return _(
            "Not compared: the version of %(date)s gave %(value)s for another period (%(period)s)"
        ) % {"date": date, "value": figure_value(previous), "period": period(previous)}
    return _("Not compared: the version of %(date)s counted this figure in another unit") % {
        "date": date
    }


def provenance_words(provenance, sources):
    """Where a fact comes from, in a sentence: "As stated in the Factsheet “IOM in
    Panama”, October 2023; carried over from the version of 31 October 2023"."""
    if not provenance:
        return ""
    source = (sources or {}).get(provenance.get("source") or "")
    if provenance.get("source") and not source:
        return ""  # a source this page was not given
    if source:
        words = _("As stated in: %(source)s") % {"source": tr_plain(source["title"])}
    elif provenance.get("stated_on"):
        words = _("Stated by the office on %(date)s") % {
            "date": date_format(parse_date(provenance["stated_on"]), "DATE_FORMAT")
        }
    else:
        words = _("Stated by the office")
    note = tr_plain(provenance.get("note") or "")
    if note:
        words = f"{words} ({note})"
    if provenance.get("carried_from"):
        words += "; " + _("carried over from the version of %(date)s") % {
            "date": date_format(parse_date(provenance["carried_from"]), "DATE_FORMAT")
        }
    return words


@register.simple_tag
def provenance(item, sources, field=None):
    """The provenance line under a fact (`profiles.sources`); nothing for a version
    that did not record it."""
    words = provenance_words(provenance_of_fact(item, field), sources)
    return format_html('<span class="provenance">{}</span>', words) if words else ""
