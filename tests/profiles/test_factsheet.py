"""The printable factsheet: each real published version and the current profile as
an A4 PDF in English and Spanish, read back with pypdf.

Part of the data-fidelity suite: the PDFs are rendered from the real IOM Panama
profile and its versions (`iom_panama_versions`).
"""

import datetime as dt
import io
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from pypdf import PdfReader

from iompanama.text import text_in_language
from profiles import factsheets
from profiles.headlines import chosen_headlines
from profiles.models import CountryOffice, Factsheet, KeyFigure, Snapshot, StaffCount
from profiles.snapshots import (
    freeze_snapshot,
    publish_snapshot,
    resolve_version,
    withdraw_snapshot,
)
from tests.factories import grow_profile

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
URLS = {
    "en": ("/en/factsheet.pdf", "/en/snapshots/{date}/factsheet.pdf"),
    "es": ("/es/ficha.pdf", "/es/versiones/{date}/ficha.pdf"),
}
# What each language's factsheet says, whatever the version.
HEADINGS = {
    "en": ["Factsheet", "Where we work", "Projects and their donors", "Cite as:"],
    "es": ["Ficha informativa", "Dónde trabajamos", "Proyectos y sus donantes", "Citar como:"],
}
DATES = {
    "en": {
        "2022-12-31": "31 December 2022",
        "2023-10-31": "31 October 2023",
        "2024-06-30": "30 June 2024",
    },
    "es": {
        "2022-12-31": "31 de diciembre de 2022",
        "2023-10-31": "31 de octubre de 2023",
        "2024-06-30": "30 de junio de 2024",
    },
}
STAFF_LINE = {"en": "{staff} staff members as of {date}", "es": "{staff} funcionarios al {date}"}
REAL_VERSIONS = [
    ("2022-12-31", 131, 94, 37),
    ("2023-10-31", 196, 153, 43),
    ("2024-06-30", 200, 152, 48),
]


def read(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(response.content))


def text_of(reader):
    """The text of every page, each run of white space one blank."""
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def embedded_fonts(reader):
    """{font name: whether its file is embedded} of every font the pages use."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def link_targets(reader):
    return {
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
        and "/URI" in annotation.get_object().get("/A", {})
    }


def save_first_page(pdf: bytes, name):
    """The first page as PNG in test-artifacts/, to look at."""
    if not shutil.which("pdftoppm"):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("pdftoppm (poppler-utils) is missing")
        return
    ARTIFACTS.mkdir(exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            source,
            source.with_suffix(""),
        ],
        check=True,
    )
    assert source.with_suffix(".png").stat().st_size > 10_000


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("date,staff,national,international", REAL_VERSIONS)
def test_each_real_version_is_a_two_page_factsheet_of_its_own_figures(
    client, iom_panama_versions, language, date, staff, national, international
):
    response = client.get(URLS[language][1].format(date=date))
    reader = read(response)
    assert len(reader.pages) == 2
    text = text_of(reader)
    assert STAFF_LINE[language].format(staff=staff, date=DATES[language][date]) in text
    for heading in HEADINGS[language]:
        assert heading in text, heading
    assert DATES[language][date] in text
    assert str(national) in text and str(international) in text
    snapshot = Snapshot.objects.get(date=date)
    assert snapshot.checksum in text.replace(" ", "")
    assert reader.trailer["/Root"]["/Lang"] == language
    metadata = reader.metadata
    office = resolve_version(date).document["office"]["name"]
    assert metadata.author == text_in_language(office, language)
    assert DATES[language][date] in metadata.title
    assert metadata.creation_date.date() == dt.date.fromisoformat(date)
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert all("Source-Sans-3" in name for name in fonts), fonts
    permalink = f"{settings.SITE_URL}{URLS[language][1].format(date=date).rsplit('/', 1)[0]}/"
    links = link_targets(reader)
    assert permalink in links
    assert "mailto:iompanama@iom.int" in links
    save_first_page(response.content, f"factsheet-{date}-{language}")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_current_profile_is_a_two_page_factsheet(client, iom_panama_versions, language):
    response = client.get(URLS[language][0])
    reader = read(response)
    assert len(reader.pages) == 2
    text = text_of(reader)
    assert "Ngäbe-Buglé" in text  # the comarca's diacritics, in the shipped font
    # Compared, as on the home page, with the version before the profile's date.
    assert (
        "since 31 October 2023" if language == "en" else "desde el 31 de octubre de 2023"
    ) in text
    assert reader.trailer["/Root"]["/Lang"] == language
    assert all(embedded_fonts(reader).values())
    assert f"{settings.SITE_URL}/{language}/" in link_targets(reader)
    save_first_page(response.content, f"factsheet-current-{language}")


@pytest.mark.parametrize(
    "language,since",
    [
        ("en", "Up about +10 (+19.6%) since 31 October 2023"),
        ("es", "Subió cerca de +10 (+19.6 %) desde el 31 de octubre de 2023"),
    ],
)
def test_the_headline_figures_are_the_home_pages_with_the_same_trend_wording(
    client, iom_panama_versions, language, since
):
    home = client.get(f"/{language}/")
    text = text_of(read(client.get(URLS[language][0])))
    chosen = home.context["headline_figures"]
    assert len(chosen) == 5
    for figure in chosen:
        assert text_in_language(figure["label"], language) in text, figure["slug"]
    assert since in home.content.decode() and since in text
    # Earlier versions compare with the version before them, as their pages do.
    text = text_of(read(client.get("/en/snapshots/2023-10-31/factsheet.pdf")))
    assert "Unchanged since 31 December 2022" in text
    first = text_of(read(client.get("/en/snapshots/2022-10-31/factsheet.pdf")))
    assert "Unchanged since" not in first and "New: not in the version" not in first


def test_the_editors_choice_of_headline_figures_is_the_factsheets(iom_panama_versions):
    from profiles.content_cache import content_changed

    KeyFigure.objects.update(headline=None)
    KeyFigure.objects.filter(slug="donated-meals").update(headline=1)
    content_changed()
    context = factsheets.factsheet_context(resolve_version("current"), "en")
    assert [figure["slug"] for figure in context["headline_figures"]] == ["donated-meals"]


@pytest.mark.parametrize(
    "language,legend",
    [
        ("en", ["Region of presence", "Other provinces and comarcas", "Darién sub-office"]),
        ("es", ["Región de presencia", "Otras provincias y comarcas", "Suboficina de Darién"]),
    ],
)
def test_the_factsheet_draws_the_map_of_panama_with_regions_and_offices(
    iom_panama_versions, language, legend
):
    version = resolve_version("2024-06-30")
    with translation.override(language):
        html = render_to_string(
            "profiles/factsheet.html", factsheets.factsheet_context(version, language)
        )
    # Every province and comarca drawn, the regions of presence shaded, an office a pin.
    assert html.count('class="panama-map__region') >= 13
    assert html.count('panama-map__region--present" d="') == 8
    assert html.count('class="panama-map__pin"') == 4
    assert ".panama-map__region--present {" in html  # the SVG carries its own styles
    text = text_of(PdfReader(io.BytesIO(factsheets.render_factsheet(version, language))))
    for words in legend:
        assert words in text, words


def test_the_english_only_versions_say_so_in_spanish(client, iom_panama_versions):
    text = text_of(read(client.get("/es/versiones/2023-10-31/ficha.pdf")))
    assert "Esta versión se publicó solo en inglés" in text


def test_a_published_factsheet_is_rendered_once_and_served_byte_identical(
    client, iom_panama_versions, django_assert_max_num_queries
):
    url = "/en/snapshots/2024-06-30/factsheet.pdf"
    first = client.get(url)
    # A day, not for ever: a withdrawn version's date can be given to its correction.
    assert first["Cache-Control"] == "public, max-age=86400"
    assert (
        first["Content-Disposition"] == 'inline; filename="iom-panama-factsheet-2024-06-30-en.pdf"'
    )
    stored = Factsheet.objects.get(snapshot__date="2024-06-30", language="en")
    assert first["ETag"] == f'"{stored.checksum}"'
    rendered_at = stored.rendered_at
    from django.core.cache import cache

    cache.clear()  # past the page cache, to the stored file
    with django_assert_max_num_queries(3):
        second = client.get(url)
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert Factsheet.objects.get(pk=stored.pk).rendered_at == rendered_at
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_rendering_a_version_again_gives_the_same_bytes(iom_panama_versions):
    version = resolve_version("2022-12-31")
    assert factsheets.render_factsheet(version, "es") == factsheets.render_factsheet(version, "es")


def test_publishing_renders_and_keeps_the_factsheet_in_both_languages(
    iom_panama, publisher, django_capture_on_commit_callbacks
):
    draft = freeze_snapshot(
        date=dt.date(2025, 1, 31), title={"en": "January 2025", "es": "Enero de 2025"}, by=publisher
    )
    assert not Factsheet.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        publish_snapshot(draft, by=publisher)
    kept = Factsheet.objects.filter(snapshot=draft)
    assert sorted(kept.values_list("language", flat=True)) == ["en", "es"]
    assert all(PdfReader(io.BytesIO(bytes(f.pdf))).pages for f in kept)


def test_the_current_factsheet_changes_after_an_edit_without_a_visitor_waiting(
    client, iom_panama_versions
):
    before = client.get("/en/factsheet.pdf")
    assert "207 staff" not in text_of(read(before))
    StaffCount.objects.create(as_of=dt.date(2025, 3, 31), national=160, international=47)
    office = CountryOffice.objects.get()
    office.tagline_en = "A tagline edited today"
    office.save()
    # The response right after the edit is the kept factsheet, kept out of the page
    # cache; the new one is rendered once that response has been sent.
    stale = client.get("/en/factsheet.pdf")
    assert stale.content == before.content
    assert "no-store" in stale["Cache-Control"]
    after = client.get("/en/factsheet.pdf")
    assert after.content != before.content and after["ETag"] != before["ETag"]
    text = text_of(read(after))
    assert "207" in text and "A tagline edited today" in text
    assert Factsheet.objects.filter(snapshot=None, language="en").count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "/en/snapshots/2099-01-01/factsheet.pdf",
        "/es/versiones/2099-01-01/ficha.pdf",
        "/en/snapshots/2024-13-45/factsheet.pdf",
        "/en/snapshots/not-a-date/factsheet.pdf",
        "/es/factsheet.pdf",
    ],
)
def test_bad_factsheet_urls_answer_404(client, iom_panama_versions, url):
    assert client.get(url).status_code == 404


def test_a_drafts_factsheet_is_not_public(client, iom_panama):
    freeze_snapshot(date=dt.date(2025, 1, 31), title="Draft")
    assert client.get("/en/snapshots/2025-01-31/factsheet.pdf").status_code == 404


def test_a_withdrawn_versions_factsheet_answers_with_the_withdrawal_notice(
    client, iom_panama_versions, publisher
):
    withdraw_snapshot(
        Snapshot.objects.get(date="2023-10-31"), reason="Wrong staff figures.", by=publisher
    )
    response = client.get("/es/versiones/2023-10-31/ficha.pdf")
    assert response.status_code == 410
    html = response.content.decode()
    assert "fue retirada" in html and "Wrong staff figures." in html


def test_every_version_links_its_factsheet(client, iom_panama_versions):
    assert 'href="/en/factsheet.pdf"' in client.get("/en/").content.decode()
    assert "Download the factsheet (PDF)" in client.get("/en/").content.decode()
    snapshot_page = client.get("/es/versiones/2023-10-31/").content.decode()
    assert 'href="/es/versiones/2023-10-31/ficha.pdf"' in snapshot_page
    assert "Descargar la ficha informativa (PDF)" in snapshot_page


def test_the_sitemap_and_the_data_package_list_every_factsheet(client, iom_panama_versions):
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {loc.text for loc in root.iter(f"{namespace}loc")}
    assert {
        "http://testserver/en/factsheet.pdf",
        "http://testserver/es/ficha.pdf",
        "http://testserver/en/snapshots/2022-12-31/factsheet.pdf",
        "http://testserver/es/versiones/2024-06-30/ficha.pdf",
    } <= locations
    package = client.get("/data/datapackage.json").json()
    pdfs = {r["name"]: r for r in package["resources"] if r["format"] == "pdf"}
    assert len(pdfs) == 2 * (1 + Snapshot.objects.published().count())
    assert pdfs["factsheet-2023-10-31-es"]["path"] == (
        "http://testserver/es/versiones/2023-10-31/ficha.pdf"
    )
    assert pdfs["factsheet-2023-10-31-es"]["snapshot_checksum"] == (
        Snapshot.objects.get(date="2023-10-31").checksum
    )


def test_a_large_profile_flows_onto_more_pages_with_running_headers(iom_panama_versions):
    grow_profile(4)
    pdf = factsheets.render_factsheet(resolve_version("current"), "en")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "factsheet-large-profile-en.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages > 2
    for number, page in enumerate(reader.pages[1:], start=2):
        text = page.extract_text()
        assert f"{number} / {pages}" in text
        assert "IOM Panama · Factsheet" in text
        # No page holds only a few lines (the running header and footer are 4).
        assert len(text.splitlines()) > 12, (number, text)
    # A factsheet summarises: past 60 key figures it says how many more the site has.
    headlines = len(chosen_headlines(resolve_version("current").document))
    more = KeyFigure.objects.count() - headlines - factsheets.MOST_KEY_FIGURES
    assert f"And {more} more key figures:" in text_of(reader)


def test_render_factsheets_fills_in_what_is_missing_and_keeps_what_is_kept(iom_panama_versions):
    from django.core.management import call_command

    call_command("render_factsheets", stdout=io.StringIO())
    published = Snapshot.objects.published().count()
    assert Factsheet.objects.exclude(snapshot=None).count() == 2 * published
    assert Factsheet.objects.filter(snapshot=None).count() == 2
    kept = dict(Factsheet.objects.values_list("pk", "checksum"))
    output = io.StringIO()
    call_command("render_factsheets", stdout=output)
    assert "Factsheets rendered: 0." in output.getvalue()
    assert dict(Factsheet.objects.values_list("pk", "checksum")) == kept
