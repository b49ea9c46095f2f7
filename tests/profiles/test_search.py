"""Search over everything a visitor reads, in the visitor's language, accents ignored."""

import re

import pytest

pytestmark = pytest.mark.django_db
QUERIES_WITH_A_CACHED_DOCUMENT = 0


def results(client, path, query):
    html = client.get(path, {"q": query}).content.decode()
    groups = {}
    for section in html.split('<section class="search-group"')[1:]:
        label = re.search(r"<h2[^>]*>([^<]+)<", section).group(1).strip()
        titles = re.findall(r'search-results__title"><a href="([^"]+)">(.*?)</a>', section)
        groups[label] = [(url, re.sub(r"</?mark>", "", title)) for url, title in titles]
    return html, groups


def test_it_finds_key_figures_and_publications_for_dtm(client, iom_panama):
    html, groups = results(client, "/en/search/", "DTM")
    figures = [title for _url, title in groups["Profile and key figures"]]
    assert any("DTM" in title for title in figures)
    assert len(groups["Publications"]) == 4  # the DTM reports, found by their kind
    assert "<mark>DTM</mark>" in html


def test_it_finds_the_staff_in_spanish(client, iom_panama):
    _html, groups = results(client, "/es/buscar/", "personal")
    assert ("/es/#staff-heading", "Personal") in groups["Perfil y cifras clave"]


def test_it_finds_offices_regions_and_projects_with_or_without_accents(client, iom_panama):
    _html, with_accent = results(client, "/en/search/", "Darién")
    _html, without = results(client, "/en/search/", "DARIEN")
    assert with_accent == without
    places = [title for _url, title in with_accent["Offices and regions"]]
    assert "Darién sub-office" in places and "Darién" in places
    assert any("Darién" in title for _url, title in with_accent["Projects"])


def test_it_finds_a_project_by_its_donor(client, iom_panama):
    _html, groups = results(client, "/en/search/", "norway")
    assert [url for url, _title in groups["Projects"]] == ["/en/projects/norway-rmrp-contribution/"]


def test_a_result_has_a_snippet_with_the_matched_words_marked(client, iom_panama):
    html, _groups = results(client, "/en/search/", "legal orientation")
    snippet = html.split('class="search-results__snippet">')[1].split("</p>")[0]
    assert snippet
    title = html.split('class="search-results__title">')[1].split("</p>")[0]
    assert "<mark>legal</mark> <mark>orientation</mark>" in title


def test_matched_words_are_escaped(client, iom_panama):
    html = client.get("/en/search/", {"q": "<script>"}).content.decode()
    assert "<script>" not in html.split("<main")[1].split("</main>")[0]


def test_the_query_count_does_not_grow_with_the_results(
    client, iom_panama, django_assert_max_num_queries
):
    client.get("/en/search/", {"q": "zzzz"})  # the document is built and cached once
    # Searching reads the cached document: no query for no results, none for many.
    with django_assert_max_num_queries(QUERIES_WITH_A_CACHED_DOCUMENT):
        client.get("/en/search/", {"q": "nothing-matches-this"})
    with django_assert_max_num_queries(QUERIES_WITH_A_CACHED_DOCUMENT):
        client.get("/es/buscar/", {"q": "a"})
