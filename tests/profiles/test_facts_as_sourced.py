"""Every fact as its source states it (issue 17): each number with its qualifier
stands in the source document it names, nothing is inferred without a mark,
carried-over facts say which version they come from and are no change.

These tests read the seed documents themselves (`settings.IOM_SEEDS_DIR`)."""

import csv
import io
import itertools
import json
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from profiles.diff import diff_documents
from profiles.loading import (
    CORRECTION_REASON,
    load_historical_snapshots,
    provenance_problems,
    read_seed_documents,
)
from profiles.models import KeyFigure, Snapshot
from profiles.schema import SECTIONS, items
from profiles.seed import current
from profiles.snapshots import stored_document
from profiles.sources import mark_carried_over
from profiles.templatetags.profile_tags import figure_value

pytestmark = pytest.mark.django_db

VERSION_DATES = ["2022-10-31", "2022-12-31", "2023-10-31", "2024-06-30"]
DOC_OF_SOURCE = {source["slug"]: doc for doc, source in current.SOURCES.items()}


@pytest.fixture(scope="module")
def seeds():
    return {
        doc: re.sub(r"\s+", " ", text.replace("**", "").replace("\u00a0", " ")).lower()
        for doc, text in read_seed_documents(settings.IOM_SEEDS_DIR).items()
    }


def version(date):
    return stored_document(Snapshot.objects.on_date(date))


def source_text(seeds, document, provenance):
    assert provenance and provenance["source"], "a sourced fact"
    return seeds[DOC_OF_SOURCE[provenance["source"]]]


def language_of(doc):
    return "es" if doc == "003" else "en"


# The one number a source writes in words (004: "more than half a million").
IN_WORDS = {"500,000": "half a million"}


def written(value_text):
    """A number as the page shows it, in the form the sources write numbers: "1,432"
    stays, "60%" loses its sign (the sources put it after markup)."""
    value_text = value_text.rstrip("%").lower()
    for number, words in IN_WORDS.items():
        value_text = value_text.replace(number, words)
    return value_text


@pytest.mark.parametrize("date", VERSION_DATES)
def test_every_figure_and_its_qualifier_stand_in_the_source_it_names(
    iom_panama_versions, seeds, date
):
    document = version(date)
    checked = 0
    for figure in document["key_figures"]:
        doc = DOC_OF_SOURCE[figure["provenance"]["source"]]
        with translation.override(language_of(doc)):
            shown = written(figure_value(figure))  # "almost 500", "más de 10"
        text = seeds[doc]
        # Spanish and English group thousands differently; the sources use a comma.
        assert shown in text or shown.replace("\u00a0", ",") in text, (
            f"{date} {figure['slug']}: “{shown}” is not in {doc}"
        )
        checked += 1
    assert checked == len(document["key_figures"]) > 0


@pytest.mark.parametrize("date", VERSION_DATES)
def test_staff_counts_and_the_offices_figures_stand_in_their_sources(
    iom_panama_versions, seeds, date
):
    document = version(date)
    for count in document["staff"]:
        text = source_text(seeds, document, count["provenance"])
        for field in ("national", "international"):
            assert re.search(rf"\b{count[field]}\b", text), (date, count["as_of"], field)
    office = document["office"]
    if office.get("presence_since"):
        own = office["provenance_of"]["presence_since"]
        assert str(office["presence_since"]) in source_text(seeds, document, own)
    if office.get("sites_count"):
        doc = DOC_OF_SOURCE[office["provenance_of"]["sites_count"]["source"]]
        with translation.override(language_of(doc)):
            from profiles.templatetags.profile_tags import qualified

            shown = qualified(office["sites_count"], office["sites_qualifier"]).lower()
        assert shown in seeds[doc], (date, shown, doc)


def test_almost_and_nearly_are_kept_in_both_languages(iom_panama_versions):
    client = Client()
    english = re.sub(r"<[^>]+>", "", client.get("/en/snapshots/2022-10-31/").content.decode())
    assert "almost 500" in english and "nearly 50" in english
    assert "about 500" not in english and "about 50" not in english
    spanish = re.sub(r"<[^>]+>", "", client.get("/es/").content.decode())
    assert "cerca de 61" in spanish and "casi 500" in spanish


@pytest.mark.parametrize("date", VERSION_DATES)
def test_nothing_stands_without_a_source_or_a_statement(iom_panama_versions, date):
    document = version(date)
    for section in SECTIONS:
        for item in items(document, section):
            provenance = item["provenance"]
            assert provenance["source"] or provenance["stated_on"], (date, section.key, item)
            assert provenance["source"] in document["sources"] or not provenance["source"]
    for project in document["projects"]:
        # No factsheet gives a project's status, regions or themes.
        assert project["status"] == ""
        assert project["regions"] == [] and project["thematic_areas"] == []
    for publication in document["publications"]:
        assert publication["published_on"] is None  # no factsheet dates them


def test_a_donor_named_only_in_a_projects_title_says_so(iom_panama_versions):
    norway = next(d for d in version("2024-06-30")["donors"] if d["slug"] == "norway")
    assert norway["provenance"]["source"] == "factsheet-2024"
    assert "title of one of its projects" in norway["provenance"]["note"]["en"]
    page = Client().get("/en/").content.decode()
    assert "Named in the title of one of its projects, not in a list of donors" in page


def test_the_sources_content_the_profile_lacked_is_loaded(iom_panama_versions):
    topics = KeyFigure.objects.get(slug="host-community-workshop-participants").note_en
    assert topics.startswith("Topics: Communication for Development")
    finding = KeyFigure.objects.get(slug="dtm-not-informed-of-route-dangers").note_en
    assert "Economic or financial reasons" in finding
    campaign = next(
        s for s in version("2022-10-31")["institutional_sections"] if s["kind"] == "campaigns"
    )
    assert campaign["body"]["en"] == "somoslomismo"
    assert "Economic or financial reasons" in Client().get("/en/").content.decode()


def carried(document, section_key):
    section = next(s for s in SECTIONS if s.key == section_key)
    return {
        section.item_key(item): item["provenance"]["carried_from"]
        for item in items(document, section)
        if item["provenance"]["carried_from"]
    }


def test_carried_over_facts_name_the_version_they_come_from(iom_panama_versions):
    december = version("2022-12-31")
    assert carried(december, "donors") == {"canada-ircc": "2022-10-31", "switzerland": "2022-10-31"}
    assert december["office"]["presence_since"] == 2008
    assert december["office"]["provenance_of"]["presence_since"]["carried_from"] == "2022-10-31"
    october_2023 = version("2023-10-31")
    assert len(carried(october_2023, "projects")) == 9
    assert set(carried(october_2023, "projects").values()) == {"2022-12-31"}
    # The September 2023 activity figures in the 2024 version.
    figures_2024 = carried(version("2024-06-30"), "key_figures")
    assert figures_2024["darien-crossings-aug-sep-2023"] == "2023-10-31"
    page = Client().get("/en/snapshots/2022-12-31/").content.decode()
    assert "carried over from the version of 31 October 2022" in page


@pytest.mark.parametrize(("old", "new"), list(itertools.pairwise(VERSION_DATES)))
def test_a_carried_over_fact_is_no_change_in_the_comparison(iom_panama_versions, old, new):
    diff = diff_documents(version(old), version(new))
    after = version(new)
    for change in diff["lists"]:
        # Where a carried-over figure moved among the headline figures, that placing is
        # the only change the comparison lists for it.
        facts_changed = {
            item["key"]
            for item in change["changed"]
            if {field["name"] for field in item["fields"]} - {"headline"}
        }
        carried_keys = set(carried(after, change["section"]))
        assert not carried_keys & facts_changed, (old, new, change["section"])
        section = next(s for s in SECTIONS if s.key == change["section"])
        added = {
            section.item_key(i) for i in items(after, section) if i[section.name] in change["added"]
        }
        assert not carried_keys & added
    for row in diff["figures"]:
        if row["key"] == "office.presence_since":
            assert row["new"] is not None, "the year of arrival is carried, not dropped"


def test_the_comparison_no_longer_shows_the_year_of_arrival_vanishing(iom_panama_versions):
    page = (
        Client()
        .get(reverse("profiles:snapshot-compare"), {"a": "2022-10-31", "b": "2022-12-31"})
        .content.decode()
    )
    assert "In Panama since" not in page  # unchanged (carried over), so not listed


def test_the_csv_says_where_each_fact_comes_from(iom_panama_versions):
    response = Client().get("/snapshots/2022-12-31.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    canada = [r for r in rows if r["section"] == "donors" and r["item_key"] == "canada-ircc"]
    assert canada and all(
        r["source_document"] == "Factsheet “Snapshot – IOM”, late 2022"
        and r["source_date"] == "2022-10-31"
        and r["carried_from"] == "2022-10-31"
        for r in canada
    )
    staff = [r for r in rows if r["section"] == "staff"]
    assert staff and all(r["source_date"] == "2022-12-31" and not r["carried_from"] for r in staff)


def test_the_seed_check_refuses_an_inferred_status_tag_or_date(settings):
    documents = read_seed_documents(settings.IOM_SEEDS_DIR)

    class Inferred:
        SOURCES_OF = current.SOURCES_OF
        COUNTRY_OFFICE = current.COUNTRY_OFFICE
        KEY_FIGURES = [current.KEY_FIGURES[0] | {"qualifier": "about"}]
        STAFF_COUNTS = []
        DONORS = [{"slug": "norway-guess", "quote": "Government of Norway", "doc": "001"}]
        PROJECTS = [{"slug": "p", "status": "active", "regions": ["PA-5"], "thematic_areas": []}]
        PUBLICATIONS = [{"slug": "q", "published_on": "2022-09-30"}]

    problems = provenance_problems(documents, Inferred)
    assert any("legal-orientation: about" in p for p in problems)
    assert "donor norway-guess: not named in 001" in problems
    assert "project p: no source gives its status" in problems
    assert "project p: no source gives its regions" in problems
    assert "publication q: no source gives its date" in problems


def test_versions_published_before_facts_were_sourced_are_corrected(iom_panama, publisher):
    old = json.loads(
        (
            settings.BASE_DIR / "tests/profiles/fixtures/snapshot-2024-06-30-schema-3.json"
        ).read_text()
    )
    stale = Snapshot.objects.create(
        date="2024-06-30",
        title_en="Old",
        title_es="Vieja",
        document=old,
        schema_version=old["schema_version"],
        status=Snapshot.Status.DRAFT,
    )
    from profiles.snapshots import checksum, publish_snapshot

    Snapshot.objects.filter(pk=stale.pk).update(checksum=checksum(old))
    stale.refresh_from_db()
    publish_snapshot(stale)

    stats = load_historical_snapshots(seeds_dir=settings.IOM_SEEDS_DIR)

    assert stats["corrected"] == 1 and stats["created"] == 3
    stale.refresh_from_db()
    assert stale.status == Snapshot.Status.WITHDRAWN
    assert stale.withdrawal_reason_en == CORRECTION_REASON["en"]
    assert stale.withdrawal_reason_es == CORRECTION_REASON["es"]
    correction = Snapshot.objects.on_date("2024-06-30")
    assert correction.pk != stale.pk and correction.document["schema_version"] >= 6
    archive = Client().get("/es/").content.decode()
    assert archive  # the site still answers
    assert load_historical_snapshots(seeds_dir=settings.IOM_SEEDS_DIR)["unchanged"] == 4


def test_marking_carried_over_facts_leaves_the_frozen_document_as_it_is(iom_panama_versions):
    earlier = Snapshot.objects.get(date="2023-10-31")
    later = stored_document(Snapshot.objects.get(date="2024-06-30"))
    before = json.dumps(later, sort_keys=True)
    unmarked = json.loads(before)
    for section in SECTIONS:
        for item in items(unmarked, section):
            for provenance in [item.get("provenance"), *(item.get("provenance_of") or {}).values()]:
                if provenance:
                    provenance.pop("carried_from", None)
    marked = mark_carried_over(unmarked, stored_document(earlier), "2023-10-31")
    carried = [
        item
        for section in SECTIONS
        for item in items(marked, section)
        if (item.get("provenance") or {}).get("carried_from")
    ]
    assert carried, "nothing was carried over"
    assert not any(
        (item.get("provenance") or {}).get("carried_from")
        for section in SECTIONS
        for item in items(unmarked, section)
    )
