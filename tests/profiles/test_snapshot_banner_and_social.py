"""What the public reads about a version, and the social accounts as links."""

import pytest

from profiles.models import Snapshot, SocialAccount
from tests.factories import make_country_office

pytestmark = pytest.mark.django_db


def test_the_banner_says_what_a_version_is_without_the_transcription_notes(
    client, iom_panama_versions
):
    snapshot = Snapshot.objects.get(date="2023-10-31")
    assert "lost in extraction" in snapshot.note_en  # kept for the editors, in the admin
    english = client.get("/en/snapshots/2023-10-31/").content.decode()
    spanish = client.get("/es/versiones/2023-10-31/").content.decode()
    banner = english.split('<aside class="snapshot-banner')[1].split("</aside>")[0]
    assert "lost in extraction" not in english and "Transcribed" not in english
    assert "se perdió en la extracción" not in spanish and "Transcrita" not in spanish
    assert "kept exactly as published" in banner
    assert "conservada tal como se publicó" in spanish


@pytest.mark.parametrize(
    "network,handle,url",
    [
        ("x", "@oimpanama", "https://x.com/oimpanama"),
        ("instagram", "@oimpanama", "https://www.instagram.com/oimpanama"),
        ("youtube", "@OIMPanama", "https://www.youtube.com/@OIMPanama"),
        ("youtube", "IOM Panama", "https://www.youtube.com/results?search_query=IOM+Panama"),
    ],
)
def test_a_social_account_links_to_its_page(client, network, handle, url):
    office = make_country_office()
    SocialAccount.objects.create(country_office=office, network=network, handle=handle)
    html = client.get("/en/contact/").content.decode()
    assert f'<a href="{url}">{handle}</a>' in html


def test_an_editors_link_wins_and_an_unknown_network_stays_text(client):
    office = make_country_office()
    SocialAccount.objects.create(
        country_office=office, network="facebook", handle="OIM", url="https://fb.me/oim-pa"
    )
    SocialAccount.objects.create(country_office=office, network="other", handle="@iompanama")
    html = client.get("/en/contact/").content.decode()
    assert '<a href="https://fb.me/oim-pa">OIM</a>' in html
    assert "<dd>@iompanama</dd>" in html
