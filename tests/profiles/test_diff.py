"""The diff of two profile documents, on small hand-made documents."""

import copy

from profiles.diff import diff_documents, summarize, word_diff


def text(en, es=""):
    return {"en": en, "es": es}


def make_document(**overrides):
    document = {
        "schema_version": 4,
        "languages": ["en", "es"],
        "choices": {
            "projects.status": {
                "active": text("active", "activo"),
                "completed": text("completed", "finalizado"),
            },
            "key_figures.qualifier": {
                "exact": text("exactly"),
                "about": text("about", "alrededor"),
            },
        },
        "office": {
            "name": text("IOM Panama", "OIM Panamá"),
            "tagline": text("Humane migration", "Migración humana"),
            "about_organization": text(""),
            "about_office": text("Three offices in Panama City.", "Tres oficinas."),
            "closing_message": text(""),
            "presence_since": 2008,
            "sites_count": 10,
            "sites_qualifier": "more_than",
        },
        "contact": {
            "street_address": text("Calle Vicente Bonilla"),
            "email": "iompanama@iom.int",
            "phone": "+507 305-3350",
        },
        "social_accounts": [{"network": "youtube", "handle": "IOM Panama", "url": ""}],
        "staff": [
            {"as_of": "2022-12-31", "total": 131, "national": 94, "international": 37},
        ],
        "regions": [{"iso_code": "PA-8", "name": text("Panamá", "Panamá")}],
        "offices": [],
        "projects": [
            {"slug": "whp", "title": text("WHP", "WHP"), "status": "active", "regions": ["PA-8"]}
        ],
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
                "label": text("DTM reports", "Informes DTM"),
                "value": 50,
                "qualifier": "exact",
                "unit": text("reports", "informes"),
                "period_end": "2023-09-30",
                "source": text("Factsheet"),
            }
        ],
    }
    document.update(overrides)
    return document


def changed_fields(diff, section):
    (change,) = [change for change in diff["lists"] if change["section"] == section]
    return {field["name"]: field for item in change["changed"] for field in item["fields"]}


def test_identical_documents_have_no_changes():
    document = make_document()
    diff = diff_documents(document, copy.deepcopy(document))
    assert diff == {"figures": [], "lists": [], "texts": []}
    assert summarize(diff) == "no changes"


def test_changed_figures_have_old_new_absolute_and_relative_change():
    old = make_document()
    new = make_document(
        staff=[
            {"as_of": "2023-10-31", "total": 196, "national": 153, "international": 43},
            {"as_of": "2022-12-31", "total": 131, "national": 94, "international": 37},
        ]
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
    assert rows["staff.total"]["label"] == {"en": "Staff, total", "es": "Personal, total"}
    assert rows["figure.dtm-reports"]["change"] == 1
    assert rows["figure.dtm-reports"]["relative"] == 2.0


def test_added_and_removed_items():
    old = make_document()
    new = make_document(
        regions=[
            {"iso_code": "PA-8", "name": text("Panamá", "Panamá")},
            {"iso_code": "PA-2", "name": text("Coclé", "Coclé")},
        ],
        projects=[{"slug": "mmf", "title": text("MMF", "MMF"), "status": "active"}],
    )
    lists = {change["section"]: change for change in diff_documents(old, new)["lists"]}
    assert lists["regions"]["added"] == [text("Coclé", "Coclé")]
    assert lists["regions"]["removed"] == []
    assert lists["projects"]["added"] == [text("MMF", "MMF")]
    assert lists["projects"]["removed"] == [text("WHP", "WHP")]


def test_an_added_institutional_section_is_an_added_item():
    old = make_document()
    section = {"kind": "mandate", "title": text("Mandate", "Mandato"), "body": text("IOM…")}
    new = make_document(institutional_sections=[section])
    (change,) = diff_documents(old, new)["lists"]
    assert change["section"] == "institutional_sections"
    assert change["added"] == [text("Mandate", "Mandato")]


def test_a_project_going_from_active_to_completed_is_a_changed_field():
    old = make_document()
    new = copy.deepcopy(old)
    new["projects"][0]["status"] = "completed"
    status = changed_fields(diff_documents(old, new), "projects")["status"]
    assert status["old"] == text("active", "activo")
    assert status["new"] == text("completed", "finalizado")


def test_a_figures_period_source_and_qualifier_changes_are_changed_fields():
    old = make_document()
    new = copy.deepcopy(old)
    new["key_figures"][0] |= {
        "period_end": "2024-06-30",
        "source": text("Website"),
        "qualifier": "about",
    }
    fields = changed_fields(diff_documents(old, new), "key_figures")
    assert fields["period_end"]["old"] == "2023-09-30"
    assert fields["period_end"]["new"] == "2024-06-30"
    assert fields["source"]["new"] == text("Website")
    assert fields["qualifier"]["new"] == text("about", "alrededor")


def test_a_renamed_item_is_a_changed_name():
    old = make_document()
    new = copy.deepcopy(old)
    new["projects"][0]["title"] = text("Western Hemisphere Program", "Programa Hemisferio")
    diff = diff_documents(old, new)
    title = changed_fields(diff, "projects")["title"]
    assert (title["old"], title["new"]) == (text("WHP", "WHP"), new["projects"][0]["title"])
    assert summarize(diff) == "1 item changed"


def test_changed_contact_details_and_social_accounts_are_changed_fields():
    old = make_document()
    new = copy.deepcopy(old)
    new["contact"] |= {"phone": "+507 305-3300", "email": "panama@iom.int"}
    new["social_accounts"][0]["url"] = "https://www.youtube.com/@iompanama"
    diff = diff_documents(old, new)
    contact = changed_fields(diff, "contact")
    assert contact["phone"]["new"] == "+507 305-3300"
    assert contact["email"]["old"] == "iompanama@iom.int"
    url = changed_fields(diff, "social_accounts")["url"]
    assert url["new"] == "https://www.youtube.com/@iompanama"


def test_a_new_handle_is_another_social_account():
    old = make_document()
    new = copy.deepcopy(old)
    new["social_accounts"][0]["handle"] = "OIM Panamá"
    (change,) = diff_documents(old, new)["lists"]
    assert (change["added"], change["removed"]) == (["OIM Panamá"], ["IOM Panama"])


def test_changed_relations_are_listed_by_their_keys():
    old = make_document()
    new = copy.deepcopy(old)
    new["projects"][0]["regions"] = ["PA-8", "PA-EM"]
    regions = changed_fields(diff_documents(old, new), "projects")["regions"]
    assert (regions["old"], regions["new"]) == ("PA-8", "PA-8; PA-EM")


def test_changed_texts_mark_the_changed_words():
    old = make_document()
    new = copy.deepcopy(old)
    new["contact"]["street_address"]["en"] = "Calle Luis Bonilla"
    (change,) = diff_documents(old, new)["texts"]
    assert change["key"] == "contact.office.street_address"
    assert change["segments"] == [
        ("equal", "Calle "),
        ("delete", "Vicente "),
        ("insert", "Luis "),
        ("equal", "Bonilla"),
    ]


def test_texts_compare_in_a_language_both_versions_have():
    old = make_document()
    new = copy.deepcopy(old)
    new["office"]["about_office"] = text("Four offices in Panama City.")
    (change,) = diff_documents(old, new, language="es")["texts"]
    assert change["language"] == "en"


def test_word_diff_handles_insertions_only():
    assert word_diff("a b", "a x b") == [("equal", "a "), ("insert", "x "), ("equal", "b")]


def test_summary_names_staff_and_counts_the_rest():
    old = make_document()
    new = make_document(
        staff=[{"as_of": "2023-10-31", "total": 196, "national": 153, "international": 43}],
        projects=[],
    )
    assert summarize(diff_documents(old, new)) == (
        "staff 131 → 196; 3 figures changed; 1 item removed"
    )


def test_a_summary_written_where_there_was_none_is_a_changed_text():
    old = make_document()
    old["projects"][0]["summary"] = text("")
    new = copy.deepcopy(old)
    new["projects"][0]["summary"] = text("Assistance to migrants in transit.")
    (change,) = diff_documents(old, new)["texts"]
    assert change["key"] == "projects.whp.summary"
    assert change["segments"] == [("insert", "Assistance to migrants in transit.")]


def test_a_cleared_text_is_a_changed_text():
    old = make_document()
    new = copy.deepcopy(old)
    new["office"]["about_office"] = text("")
    (change,) = diff_documents(old, new)["texts"]
    assert change["segments"] == [("delete", "Three offices in Panama City.")]


def test_a_version_that_adds_the_spanish_translation_changes_nothing():
    old = make_document(languages=["en"])
    old["office"]["about_office"] = text("Three offices in Panama City.")
    old["projects"][0]["title"] = text("WHP")
    new = copy.deepcopy(old) | {"languages": ["en", "es"]}
    new["office"]["about_office"] = text("Three offices in Panama City.", "Tres oficinas.")
    new["projects"][0]["title"] = text("WHP", "Programa WHP")
    assert diff_documents(old, new, language="es") == {"figures": [], "lists": [], "texts": []}
