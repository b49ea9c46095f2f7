"""Publications, news stories and the feed.

Page behaviour, tested on the few rows each test builds (tests/factories.py);
the real publications and stories are checked by the data-fidelity suite
(tests/profiles/test_loader.py).
"""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_publication, make_story

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_list_shows_every_publication_and_counts_them(client):
    for title in ("Shelter Manual", "Migration Profile", "Flow Monitoring"):
        make_publication(title_en=title)
    html = client.get("/en/publications/").content.decode()
    assert "3 publications" in html
    assert "Shelter Manual" in html and "Migration Profile" in html and "Flow Monitoring" in html


def test_the_kind_filter_shows_only_that_kind(client):
    make_publication(title_en="Flow report", kind="dtm_report")
    make_publication(title_en="Survey report", kind="dtm_report")
    make_publication(title_en="Shelter Manual", kind="manual")
    html = client.get("/en/publications/", {"kind": "dtm_report"}).content.decode()
    assert "2 publications" in html
    assert "Flow report" in html and "Survey report" in html
    assert "Shelter Manual" not in html


def test_the_kind_and_year_filters_combine(client):
    make_publication(title_en="Report of 2021", kind="dtm_report", published_on=dt.date(2021, 5, 1))
    make_publication(title_en="Report of 2022", kind="dtm_report", published_on=dt.date(2022, 5, 1))
    make_publication(title_en="Manual of 2021", kind="manual", published_on=dt.date(2021, 5, 1))
    html = client.get("/en/publications/", {"kind": "dtm_report", "year": "2021"}).content.decode()
    assert "1 publication<" in html
    assert "Report of 2021" in html
    assert "Report of 2022" not in html and "Manual of 2021" not in html


def test_a_year_without_publications_is_an_empty_list(client):
    make_publication(published_on=dt.date(2021, 5, 1))
    response = client.get("/en/publications/", {"year": "1999"})
    assert response.status_code == 200
    assert "No publication matches these filters." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [{"kind": "novel"}, {"year": "-1"}, {"year": "２０２３"}],
    ids=["kind", "year", "wide-year"],
)
def test_an_unknown_kind_or_malformed_year_answers_400_with_the_filter_form(client, query):
    make_publication(kind="study", published_on=dt.date(2023, 5, 1))
    response = client.get("/en/publications/", query)
    assert response.status_code == 400
    assert '<form class="filters"' in response.content.decode()


def test_a_publication_page_links_to_the_document(client):
    make_publication(slug="profile-2020", url="https://publications.iom.int/es/node/3636")
    html = client.get("/es/publicaciones/profile-2020/").content.decode()
    assert 'href="https://publications.iom.int/es/node/3636"' in html


def test_the_spanish_publication_page_shows_the_spanish_title(client):
    make_publication(
        slug="profile-2020",
        title_en="Migration Profile of Panama 2019-2020",
        title_es="Perfil Migratorio de Panamá 2019-2020",
    )
    html = client.get("/es/publicaciones/profile-2020/").content.decode()
    assert "<h1>Perfil Migratorio de Panamá 2019-2020</h1>" in html


def test_an_unknown_publication_answers_404(client):
    make_publication(slug="known")
    assert client.get("/en/publications/nope/").status_code == 404


STORY = {
    "slug": "migrants-day",
    "published_on": dt.date(2023, 12, 18),
    "body_en": "IOM assisted more than 115,000 migrants in transit.",
    "body_es": "La OIM asistió a más de 115,000 personas migrantes en tránsito.",
}


def test_a_story_reads_in_english_with_an_english_date(client):
    make_story(**STORY)
    html = client.get("/en/news/migrants-day/").content.decode()
    assert "more than 115,000 migrants in transit" in html
    assert "18 December 2023" in html


def test_a_story_reads_in_spanish_with_a_spanish_date(client):
    make_story(**STORY)
    html = client.get("/es/noticias/migrants-day/").content.decode()
    assert "más de 115,000 personas migrantes en tránsito" in html
    assert "18 de diciembre de 2023" in html


def feed_titles(response):
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_the_feed_is_served_as_atom(client):
    make_publication()
    response = client.get("/en/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert ET.fromstring(response.content).tag == f"{ATOM}feed"


def test_the_feed_lists_publications_and_stories_newest_first(client):
    make_publication(title_en="Trends, September 2022", published_on=dt.date(2022, 9, 30))
    make_story(title_en="“Act today”", published_on=dt.date(2023, 12, 18))
    make_publication(title_en="Survey, March 2023", published_on=dt.date(2023, 3, 1))
    titles = feed_titles(client.get("/en/feed/"))
    assert titles == ["“Act today”", "Survey, March 2023", "Trends, September 2022"]


def test_the_spanish_feed_is_titled_and_written_in_spanish(client):
    make_story(title_en="Act today", title_es="Actúa hoy")
    response = client.get("/es/canal/")
    root = ET.fromstring(response.content)
    assert root.find(f"{ATOM}title").text == "OIM Panamá: publicaciones y noticias"
    assert feed_titles(response) == ["Actúa hoy"]
