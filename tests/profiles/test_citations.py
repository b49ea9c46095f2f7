"""How to cite each version: the sentence in both languages on every version page, the
current profile and the API, and BibTeX, RIS and CSL-JSON downloads."""

import datetime as dt
import json

import pytest

from profiles import citations
from profiles.models import Snapshot
from profiles.snapshots import withdraw_snapshot

pytestmark = pytest.mark.django_db

ACCESSED = dt.date(2026, 12, 1)
SITE = "https://panama.iom.int"
EXPECTED = {
    "2022-10-31": ("31 October 2022", "31 de octubre de 2022"),
    "2022-12-31": ("31 December 2022", "31 de diciembre de 2022"),
    "2023-10-31": ("31 October 2023", "31 de octubre de 2023"),
    "2024-06-30": ("30 June 2024", "30 de junio de 2024"),
}


def test_every_published_version_is_cited_in_both_languages(iom_panama_versions):
    snapshots = Snapshot.objects.published().order_by("date")
    assert [s.date.isoformat() for s in snapshots] == list(EXPECTED)
    for snapshot in snapshots:
        date = snapshot.date.isoformat()
        english, spanish = EXPECTED[date]
        assert citations.citation(snapshot, "en", site=SITE, accessed=ACCESSED) == (
            f"IOM Panama ({snapshot.date.year}). Country office profile, version of {english}. "
            f"International Organization for Migration. {SITE}/en/snapshots/{date}/. "
            "Accessed 1 December 2026."
        )
        assert citations.citation(snapshot, "es", site=SITE, accessed=ACCESSED) == (
            f"OIM Panamá ({snapshot.date.year}). Perfil de la oficina de país, versión del "
            f"{spanish}. Organización Internacional para las Migraciones. "
            f"{SITE}/es/versiones/{date}/. Consultado el 1 de diciembre de 2026."
        )


def test_the_current_profile_is_cited_as_such(iom_panama):
    assert citations.citation(None, "en", site=SITE + "/", accessed=ACCESSED) == (
        "IOM Panama (2026). Country office profile, current version. "
        f"International Organization for Migration. {SITE}/en/. Accessed 1 December 2026."
    )


def test_a_withdrawn_version_says_so(iom_panama_versions, publisher):
    snapshot = withdraw_snapshot(
        Snapshot.objects.get(date="2022-10-31"), reason="Superseded", by=publisher
    )
    text = citations.citation(snapshot, "es", site=SITE, accessed=ACCESSED)
    assert "versión del 31 de octubre de 2022 (retirada)" in text


def test_every_version_page_and_the_profile_show_the_citation_and_the_licence(
    client, iom_panama_versions
):
    today = dt.date.today()
    for date, (english, spanish) in EXPECTED.items():
        html = client.get(f"/en/snapshots/{date}/").content.decode()
        assert f"Country office profile, version of {english}." in html
        assert f"http://testserver/en/snapshots/{date}/" in html
        assert f'href="/en/snapshots/{date}/cite.bib"' in html
        assert 'rel="license">CC BY 4.0</a>' in html
        assert f'href="/snapshots/{date}.hxl.csv"' in html
        html = client.get(f"/es/versiones/{date}/").content.decode()
        assert f"Perfil de la oficina de país, versión del {spanish}." in html
        assert f'href="/es/versiones/{date}/cita.ris"' in html
    home = client.get("/es/").content.decode()
    assert "Citar este perfil" in home
    assert "Perfil de la oficina de país, versión actual." in home
    assert f"Consultado el {today.day} de" in home


def test_the_citation_files(client, iom_panama_versions):
    bib = client.get("/en/snapshots/2024-06-30/cite.bib")
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == (
        'attachment; filename="iom-panama-profile-2024-06-30-en.bib"'
    )
    text = bib.content.decode()
    assert text.startswith("@online{iompanama20240630,\n  author = {{IOM Panama}},")
    assert "  url = {http://testserver/en/snapshots/2024-06-30/}," in text
    assert "  date = {2024-06-30}\n}" in text

    ris = client.get("/es/versiones/2023-10-31/cita.ris").content.decode()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - WEB"
    assert "AU  - OIM Panamá" in lines
    assert "TI  - Perfil de la oficina de país, versión del 31 de octubre de 2023" in lines
    assert "DA  - 2023/10/31" in lines
    assert lines[-2:] == ["ER  - ", ""]

    csl = json.loads(client.get("/en/cite.json").content)
    assert csl[0]["type"] == "webpage"
    assert csl[0]["URL"] == "http://testserver/en/"
    assert csl[0]["license"] == "CC BY 4.0"
    dated = json.loads(client.get("/en/snapshots/2022-12-31/cite.json").content)[0]
    assert dated["issued"] == {"date-parts": [[2022, 12, 31]]}

    assert client.get("/en/snapshots/2023-01-01/cite.bib").status_code == 404
    assert client.get("/en/snapshots/2024-06-30/cite.doc").status_code == 404
