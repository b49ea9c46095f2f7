"""The diff of two profile documents, on small hand-made documents."""

import copy

from profiles.diff import diff_documents, summarize, word_diff


def make_document(**overrides):
    document = {
        "schema_version": 2,
        "languages": ["en", "es"],
        "office": {
            "name": {"en": "IOM Panama", "es": "OIM Panamá"},
            "tagline": {"en": "Humane migration", "es": "Migración humana"},
            "about_organization": {"en": "", "es": ""},
            "about_office": {"en": "Three offices in Panama City.", "es": "Tres oficinas."},
            "closing_message": {"en": "", "es": ""},
            "presence_since": 2008,
            "sites": {"count": 10, "qualifier": "more_than"},
            "contact": {"street_address": {"en": "Calle Vicente Bonilla", "es": ""}},
        },
        "staff": {"current": {"total": 131, "national": 94, "international": 37, "mission": None}},
        "counts": {"regions": 1, "offices": 0, "projects": 1, "publications": 0},
        "regions": [{"iso_code": "PA-8", "name": {"en": "Panamá", "es": "Panamá"}}],
        "offices": [],
        "projects": [{"slug": "whp", "title": {"en": "WHP", "es": "WHP"}}],
        "publications": [],
        "stories": [],
        "donors": [],
        "thematic_areas": [],
        "areas_of_work": [],
        "key_actors": [],
        "institutional_sections": [],
        "key_figures": [
            {
                "slug": "dtm-reports",
                "label": {"en": "DTM reports", "es": "Informes DTM"},
                "value": 50,
                "unit": {"en": "reports", "es": "informes"},
            }
        ],
    }
    document.update(overrides)
    return document


def test_identical_documents_have_no_changes():
    document = make_document()
    diff = diff_documents(document, copy.deepcopy(document))
    assert diff == {"figures": [], "lists": [], "texts": []}
    assert summarize(diff) == "no changes"


def test_changed_figures_have_old_new_absolute_and_relative_change():
    old = make_document()
    new = make_document(
        staff={"current": {"total": 196, "national": 153, "international": 43, "mission": 25}}
    )
    new["key_figures"][0]["value"] = 51
    rows = {row["key"]: row for row in diff_documents(old, new)["figures"]}
    assert rows["staff.total"] | {"label": None} == {
        "key": "staff.total",
        "label": None,
        "old": 131,
        "new": 196,
        "change": 65,
        "relative": 49.6,
        "unit": "",
    }
    assert rows["staff.mission"]["old"] is None and rows["staff.mission"]["change"] is None
    assert rows["figure.dtm-reports"]["change"] == 1
    assert rows["figure.dtm-reports"]["relative"] == 2.0


def test_added_and_removed_items():
    old = make_document()
    new = make_document(
        regions=[
            {"iso_code": "PA-8", "name": {"en": "Panamá", "es": "Panamá"}},
            {"iso_code": "PA-2", "name": {"en": "Coclé", "es": "Coclé"}},
        ],
        projects=[{"slug": "mmf", "title": {"en": "MMF", "es": "MMF"}}],
    )
    lists = {change["section"]: change for change in diff_documents(old, new)["lists"]}
    assert lists["regions"]["added"] == [{"en": "Coclé", "es": "Coclé"}]
    assert lists["regions"]["removed"] == []
    assert lists["projects"]["added"] == [{"en": "MMF", "es": "MMF"}]
    assert lists["projects"]["removed"] == [{"en": "WHP", "es": "WHP"}]


def test_changed_texts_mark_the_changed_words():
    old = make_document()
    new = copy.deepcopy(old)
    new["office"]["contact"]["street_address"]["en"] = "Calle Luis Bonilla"
    (text,) = diff_documents(old, new)["texts"]
    assert text["key"] == "office.street_address"
    assert text["segments"] == [
        ("equal", "Calle "),
        ("delete", "Vicente "),
        ("insert", "Luis "),
        ("equal", "Bonilla"),
    ]


def test_texts_compare_in_a_language_both_versions_have():
    old = make_document()
    new = copy.deepcopy(old)
    new["office"]["about_office"] = {"en": "Four offices in Panama City.", "es": ""}
    (text,) = diff_documents(old, new, language="es")["texts"]
    assert text["language"] == "en"


def test_word_diff_handles_insertions_only():
    assert word_diff("a b", "a x b") == [("equal", "a "), ("insert", "x "), ("equal", "b")]


def test_summary_names_staff_and_counts_the_rest():
    old = make_document()
    new = make_document(
        staff={"current": {"total": 196, "national": 153, "international": 43, "mission": None}},
        projects=[],
        counts={"regions": 1, "offices": 0, "projects": 0, "publications": 0},
    )
    assert summarize(diff_documents(old, new)) == (
        "staff 131 → 196; 3 figures changed; 1 item removed"
    )
