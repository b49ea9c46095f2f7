"""Publications, news stories and the feed."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_list_shows_every_publication(client, iom_panama):
    html = client.get("/en/publications/").content.decode()
    assert "9 publications" in html
    assert "Temporary Accommodation Management Manual" in html


def test_it_filters_by_kind_and_year(client, iom_panama):
    html = client.get("/en/publications/", {"kind": "dtm_report"}).content.decode()
    assert "4 publications" in html
    html = client.get("/en/publications/", {"kind": "dtm_report", "year": "2021"}).content.decode()
    assert "1 publication<" in html
    assert "Panama Province and West Panama Survey Report" in html


def test_a_publication_page_links_to_the_document(client, iom_panama):
    html = client.get("/es/publicaciones/panama-migration-profile-2019-2020/").content.decode()
    assert "Perfil Migratorio de Panamá 2019-2020" in html
    assert 'href="https://publications.iom.int/es/node/3636"' in html


def test_the_story_reads_in_both_languages(client, iom_panama):
    en = client.get("/en/news/act-today-international-migrants-day-2023/").content.decode()
    es = client.get("/es/noticias/act-today-international-migrants-day-2023/").content.decode()
    assert "more than 115,000 migrants in transit" in en
    assert "18 December 2023" in en
    assert "más de 115,000 personas migrantes en tránsito" in es
    assert "18 de diciembre de 2023" in es


def test_the_feed_lists_publications_and_stories(client, iom_panama):
    response = client.get("/en/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles[0].startswith("“Act today”")
    assert (
        "Migration Trends in Central America, North America and the Caribbean - September 2022"
        in titles
    )
    spanish = ET.fromstring(client.get("/es/canal/").content)
    assert spanish.find(f"{ATOM}title").text == "OIM Panamá: publicaciones y noticias"
