"""The figures a version of the profile leads with, and how each changed since the
previous published version.

Plain data from documents, so the home page, a snapshot's page and the printed
factsheet show the same headline figures and the same changes, for the current
profile and for any dated version alike.
"""

from .models import HEADLINE_LIMIT
from .schema import SECTIONS_BY_KEY, items

KEY_FIGURES = SECTIONS_BY_KEY["key_figures"]
# A version whose editors chose no headline figures (every version stored before
# schema 5 had no such choice) leads with its first key figures, in their order.
UNCHOSEN_HEADLINES = 4

# What a change can be: a number that went up, down or stayed; a figure the
# previous version did not have; one whose previous value covered another period
# or counted another unit, which no arithmetic compares.
INCREASE, DECREASE, UNCHANGED = "increase", "decrease", "unchanged"
NEW, OTHER_PERIOD, OTHER_UNIT = "new", "other_period", "other_unit"


def as_of(document) -> str | None:
    """The newest day any figure of the document was true (ISO date): a staff count's
    date or a key figure's period end. None when it dates none."""
    dates = [count.get("as_of") for count in document.get("staff") or []]
    dates += [figure.get("period_end") for figure in document.get("key_figures") or []]
    dates = [date for date in dates if date]
    return max(dates) if dates else None


def chosen_headlines(document) -> list[dict]:
    """The key figures the editors chose as headlines, in their headline order (the
    figures' order breaks ties), at most six; the first four when none was chosen."""
    figures = items(document, KEY_FIGURES)
    chosen = [figure for figure in figures if figure.get("headline")]
    if not chosen:
        return figures[:UNCHOSEN_HEADLINES]
    order = {id(figure): index for index, figure in enumerate(figures)}
    chosen.sort(key=lambda figure: (figure["headline"], order[id(figure)]))
    return chosen[:HEADLINE_LIMIT]


def _number(value):
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _unit(figure):
    unit = figure.get("unit") or {}
    return (unit.get("en") or unit.get("es") or "") if isinstance(unit, dict) else str(unit)


def _is_share(figure):
    return _unit(figure) == "%"


def _same_period(figure, previous):
    """Two values of a figure can be subtracted when both are counts at a date (no
    period start: a stock, "as of"), or both cover the very same period."""
    if not figure.get("period_start") and not previous.get("period_start"):
        return True
    return (figure.get("period_start"), figure.get("period_end")) == (
        previous.get("period_start"),
        previous.get("period_end"),
    )


def change_since(figure: dict, previous: dict | None) -> dict:
    """How `figure` changed since `previous`, the same figure (same key) in the previous
    published version, or None when that version did not have it.

    {"kind": one of the kinds above, "previous": the previous figure or None,
     "absolute": new − old, "relative": percent of old (one decimal; None for shares,
     whose change is in percentage points, and from zero), "approximate": either
     value was stated as "about" or "more than", "points": a share's change}
    """
    change = {
        "kind": NEW,
        "previous": previous,
        "absolute": None,
        "relative": None,
        "approximate": False,
        "points": _is_share(figure),
    }
    if previous is None:
        return change
    new, old = _number(figure.get("value")), _number(previous.get("value"))
    if _unit(figure) != _unit(previous) or new is None or old is None:
        return change | {"kind": OTHER_UNIT}
    if not _same_period(figure, previous):
        return change | {"kind": OTHER_PERIOD}
    absolute = new - old
    relative = None
    if old and not change["points"]:
        relative = round(100 * absolute / old, 1)
    kind = INCREASE if absolute > 0 else DECREASE if absolute < 0 else UNCHANGED
    approximate = any((item.get("qualifier") or "exact") != "exact" for item in (figure, previous))
    return change | {
        "kind": kind,
        "absolute": absolute,
        "relative": relative,
        "approximate": approximate,
    }


def headline_figures(document: dict, previous_document: dict | None) -> list[dict]:
    """The headline figures of `document`, each with its `change` since
    `previous_document` (the previous published version; None when there is none,
    and then each figure's change is None: nothing to compare with).

    Figures are matched across versions by their key (`schema`'s identity of key
    figures), never by their label.
    """
    before = None
    if previous_document is not None:
        before = {
            KEY_FIGURES.item_key(figure): figure for figure in items(previous_document, KEY_FIGURES)
        }
    return [
        figure
        | {
            "change": None
            if before is None
            else change_since(figure, before.get(KEY_FIGURES.item_key(figure)))
        }
        for figure in chosen_headlines(document)
    ]


def previous_published(versions, before: str | None):
    """(date, document) of the latest of `versions` ((ISO date, document) pairs, oldest
    first) dated before `before`, or None; the latest of all when `before` is None."""
    earlier = [version for version in versions if before is None or version[0] < before]
    return earlier[-1] if earlier else None
