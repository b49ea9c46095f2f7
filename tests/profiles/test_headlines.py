"""Headline figures and their change since the previous published version, from a
made-up pair of versions."""

from profiles.document import SCHEMA_VERSION, upgrade_document
from profiles.headlines import as_of, chosen_headlines, headline_figures, previous_published


def figure(slug, value, *, headline=None, start=None, end="2024-06-30", unit="people", **extra):
    return {
        "slug": slug,
        "category": "assistance",
        "label": {"en": slug, "es": slug},
        "label_one": {"en": "", "es": ""},
        "headline": headline,
        "value": value,
        "qualifier": "exact",
        "unit": {"en": unit, "es": unit},
        "period_start": start,
        "period_end": end,
        "source": {"en": "IOM", "es": "OIM"},
    } | extra


def version(*figures):
    return {"schema_version": SCHEMA_VERSION, "staff": [], "key_figures": list(figures)}


PREVIOUS = version(
    figure("returns", 100, end="2023-10-31"),
    figure("reports", 61, end="2023-10-31", qualifier="about"),
    figure("crossings", 157214, start="2023-08-01", end="2023-09-30"),
    figure("share", 60, unit="%", start="2023-07-01", end="2023-07-31"),
)
CURRENT = version(
    figure("returns", 125, headline=1),
    figure("reports", 51, headline=2, qualifier="about"),
    figure("crossings", 500000, headline=3, start="2023-01-01", end="2023-12-31"),
    figure("new-one", 7, headline=4),
    figure("share", 65, headline=5, unit="%", start="2023-07-01", end="2023-07-31"),
    figure("not-a-headline", 3),
)


def changes():
    return {f["slug"]: f["change"] for f in headline_figures(CURRENT, PREVIOUS)}


def test_it_computes_an_increase_absolute_and_relative():
    change = changes()["returns"]
    assert change["kind"] == "increase"
    assert (change["absolute"], change["relative"], change["approximate"]) == (25, 25.0, False)


def test_it_computes_a_decrease_and_marks_an_approximate_one():
    change = changes()["reports"]
    assert change["kind"] == "decrease"
    assert (change["absolute"], change["relative"], change["approximate"]) == (-10, -16.4, True)


def test_a_figure_absent_before_is_new():
    change = changes()["new-one"]
    assert change["kind"] == "new"
    assert change["absolute"] is None and change["previous"] is None


def test_a_figure_of_another_period_is_not_compared_but_said_so():
    change = changes()["crossings"]
    assert change["kind"] == "other_period"
    assert change["absolute"] is None and change["relative"] is None
    assert change["previous"]["value"] == 157214


def test_a_share_changes_in_percentage_points():
    change = changes()["share"]
    assert (change["kind"], change["absolute"], change["points"], change["relative"]) == (
        "increase",
        5,
        True,
        None,
    )


def test_another_unit_is_not_compared():
    other = version(figure("returns", 100, unit="families", end="2023-10-31"))
    (returns, *_rest) = headline_figures(CURRENT, other)
    assert returns["change"]["kind"] == "other_unit"


def test_without_a_previous_version_there_is_no_change_at_all():
    assert all(f["change"] is None for f in headline_figures(CURRENT, None))


def test_headlines_follow_the_editors_order_and_stop_at_six():
    shuffled = version(*[figure(f"f{n}", n, headline=8 - n if n < 8 else None) for n in range(9)])
    assert [f["slug"] for f in chosen_headlines(shuffled)] == ["f7", "f6", "f5", "f4", "f3", "f2"]


def test_a_version_without_chosen_headlines_leads_with_its_first_four_figures():
    older = {
        "schema_version": 4,
        "key_figures": [
            {k: v for k, v in figure(f"f{n}", n).items() if k not in {"headline", "label_one"}}
            for n in range(6)
        ],
    }
    upgraded = upgrade_document(older)
    assert [f["headline"] for f in upgraded["key_figures"]] == [None] * 6
    assert [f["slug"] for f in chosen_headlines(upgraded)] == ["f0", "f1", "f2", "f3"]


def test_the_profile_is_dated_by_its_newest_figure_and_compared_with_the_version_before():
    assert as_of(CURRENT) == "2024-06-30"
    versions = [("2022-12-31", {}), ("2023-10-31", PREVIOUS), ("2024-06-30", CURRENT)]
    assert previous_published(versions, "2024-06-30") == ("2023-10-31", PREVIOUS)
    assert previous_published(versions, "2022-12-31") is None
