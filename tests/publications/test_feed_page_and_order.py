"""Publications newest first, the feed's summaries, and the feed as a page."""

import datetime as dt

import pytest

from publications.models import Publication
from tests.factories import make_publication, make_story

pytestmark = pytest.mark.django_db


def titles(client, path):
    html = client.get(path).content.decode()
    return [part.split("</a>")[0].split(">")[-1] for part in html.split('class="card__title"')[1:]]


def test_publications_are_listed_newest_first_by_the_date_they_are_known_by(client):
    make_publication(title_en="A old", published_on=dt.date(2020, 1, 1))
    make_publication(title_en="B undated", published_on=None)
    make_publication(title_en="C period", published_on=None, period_end=dt.date(2022, 7, 31))
    make_publication(title_en="D new", published_on=dt.date(2023, 5, 1))
    assert titles(client, "/en/publications/") == ["D new", "C period", "A old", "B undated"]


def test_a_publication_card_shows_its_cover_date_and_summary(client, iom_panama):
    html = client.get("/es/publicaciones/").content.decode()
    first = html.split('<li class="card')[1].split("</li>")[0]
    assert "septiembre de 2022" in first  # the newest: September 2022


def test_a_publication_without_summary_is_described_in_the_feed(client):
    make_publication(
        title_en="Flow monitoring",
        summary_en="",
        summary_es="",
        kind=Publication.Kind.DTM_REPORT,
        language=Publication.Language.SPANISH,
        published_on=None,
        period_start=dt.date(2022, 6, 1),
        period_end=dt.date(2022, 7, 31),
    )
    xml = client.get("/en/feed/").content.decode()
    assert (
        '<summary type="html">DTM report, June–July 2022. Language: Spanish. Publication date '
        "not known: this entry is dated by the day the publication was added to the site."
        "</summary>"
    ) in xml


def test_the_feed_page_gives_the_address_and_the_latest_entries(client):
    make_story(title_en="A day in Darién", summary_en="What happened there.")
    html = client.get("/es/seguir/").content.decode()
    assert 'value="http://testserver/es/canal/"' in html
    english = client.get("/en/follow/").content.decode()
    assert "A day in Darién" in english and "What happened there." in english


def test_the_footer_leads_to_the_feed_page_not_the_raw_feed(client):
    html = client.get("/en/contact/").content.decode()
    assert '<a href="/en/follow/">Follow our news (feed)</a>' in html
    assert 'rel="alternate" type="application/atom+xml"' in html  # feed readers still find it
