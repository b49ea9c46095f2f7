"""The public site in a real browser: languages, filters, keyboard, print and axe."""

import pytest

from .conftest import axe_violations, screenshot

pytestmark = pytest.mark.browser

PUBLIC_PAGES = [
    ("home", "/en/", "/es/"),
    ("projects", "/en/projects/", "/es/proyectos/"),
    ("project", "/en/projects/wha-regional-avr/", "/es/proyectos/wha-regional-avr/"),
    ("publications", "/en/publications/", "/es/publicaciones/"),
    (
        "publication",
        "/en/publications/migration-governance-profile-panama/",
        "/es/publicaciones/migration-governance-profile-panama/",
    ),
    ("news", "/en/news/", "/es/noticias/"),
    (
        "story",
        "/en/news/act-today-international-migrants-day-2023/",
        "/es/noticias/act-today-international-migrants-day-2023/",
    ),
    ("map", "/en/map/", "/es/mapa/"),
    ("contact", "/en/contact/", "/es/contacto/"),
    ("search", "/en/search/?q=darien", "/es/buscar/?q=darien"),
    ("not-found", "/en/nowhere/", "/es/ninguna-parte/"),
]


def test_the_home_page_in_both_languages_and_the_switch(page, site):
    page.goto(f"{site}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "IOM Panama"
    assert "200" in page.locator(".stats").inner_text()
    page.get_by_role("link", name="español").click()
    page.wait_for_url(f"{site}/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "OIM Panamá"
    page.goto(f"{site}/es/proyectos/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site}/en/projects/")


def test_filtering_projects(page, site):
    # No source gives a project's regions (issue 17): an editor tags one.
    from profiles.content_cache import content_changed
    from profiles.models import Region
    from projects.models import Project

    for slug in ("medical-assistance-darien", "gbv-local-government-darien"):
        Project.objects.get(slug=slug).regions.set([Region.objects.get(iso_code="PA-5")])
    content_changed()
    page.goto(f"{site}/en/projects/")
    page.get_by_label("Region").select_option(label="Darién")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/en/projects/?region=PA-5**")
    assert page.get_by_role("status").inner_text() == "2 projects"
    titles = page.locator(".card__title").all_inner_texts()
    assert "Medical Assistance to Migrants Crossing the Darién" in titles


def test_every_main_section_is_reached_by_keyboard(page, site):
    page.goto(f"{site}/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto(f"{site}/en/")
    reached = set()
    for _ in range(30):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.getAttribute('href')"))
    for path in (
        "/en/",
        "/en/projects/",
        "/en/publications/",
        "/en/news/",
        "/en/map/",
        "/en/contact/",
    ):
        assert path in reached
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_the_home_page_prints_as_a_factsheet(page, site):
    page.goto(f"{site}/en/")
    page.emulate_media(media="print")
    assert page.locator(".site-nav").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator(".hero h1").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 20_000


def test_the_map_draws_every_place_without_tiles(page, site):
    page.goto(f"{site}/en/map/")
    # Leaflet is set up off screen and shown only once a tile loads; none can here.
    page.wait_for_selector(".leaflet-container", state="attached")
    assert page.locator("path.leaflet-interactive").count() == 12
    assert not page.locator(".leaflet-container").is_visible()
    assert page.locator(".panama-map__svg").is_visible()
    assert page.locator(".panama-map__pin").count() == 4
    assert "Darién sub-office" in page.locator(".map-list").inner_text()


@pytest.mark.parametrize("name,english,spanish", PUBLIC_PAGES, ids=[p[0] for p in PUBLIC_PAGES])
def test_public_pages_pass_axe(page, site, name, english, spanish):
    for language, path in (("en", english), ("es", spanish)):
        page.goto(f"{site}{path}")
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], f"{language} {path}"


@pytest.mark.parametrize("width,label", [(360, "phone"), (1280, "desktop")])
def test_screenshots(browser, site, width, label):
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(site) else route.abort(),
    )
    page = context.new_page()
    for name, english, _spanish in PUBLIC_PAGES[:8]:
        page.goto(f"{site}{english}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        screenshot(page, f"{label}-{name}-en")
    page.goto(f"{site}/es/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "home-es"
    screenshot(page, f"{label}-home-es")
    context.close()


def test_from_the_archive_to_a_snapshot_to_a_comparison(page, versions):
    site = versions
    page.goto(f"{site}/en/")
    page.get_by_role("link", name="Versions").click()
    page.wait_for_url(f"{site}/en/snapshots/")
    page.get_by_role("link", name="31 December 2022").click()
    page.wait_for_url(f"{site}/en/snapshots/2022-12-31/")
    assert (
        "You are viewing the profile as of 31 December 2022"
        in page.locator(".snapshot-banner").inner_text()
    )
    assert "131" in page.locator(".stats").inner_text()
    page.get_by_role("link", name="Next version (31 October 2023)").click()
    page.wait_for_url(f"{site}/en/snapshots/2023-10-31/")
    page.get_by_role("link", name="Compare with the current profile").click()
    page.wait_for_url("**/en/snapshots/compare/?a=2023-10-31&b=current")
    staff_row = page.locator("tr", has_text="Staff, total")
    assert staff_row.locator("td").all_inner_texts() == ["196", "200", "+4", "+2.0 %"]
    page.get_by_label("From").select_option("2022-12-31")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/en/snapshots/compare/?a=2022-12-31&b=current")
    assert page.locator("tr", has_text="Staff, total").locator("td").first.inner_text() == "131"
    assert axe_violations(page) == []
    screenshot(page, "desktop-compare-en")


@pytest.mark.parametrize(
    "path",
    [
        "/en/snapshots/",
        "/es/versiones/2022-12-31/",
        "/es/versiones/comparar/?a=2022-10-31&b=current",
    ],
)
def test_snapshot_pages_pass_axe(page, versions, path):
    page.goto(f"{versions}{path}")
    assert axe_violations(page) == []


def test_pages_and_admin_work_under_the_real_content_security_policy(
    browser, versions, django_user_model
):
    site = versions
    django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-password-9")
    context = browser.new_context()  # no bypass: the site's own policy applies
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(site) else route.abort(),
    )
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(str(error)))
    for path in ("/en/", "/es/mapa/", "/en/snapshots/compare/?a=2022-12-31&b=current"):
        page.goto(f"{site}{path}")
    page.goto(f"{site}/en/map/")
    page.wait_for_selector(".leaflet-container", state="attached")
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("a-long-password-9")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")
    page.goto(f"{site}/admin/profiles/keyfigure/")
    page.get_by_role("link", name="People reached through digital media").click()
    page.wait_for_selector(".ui-tabs")  # modeltranslation's language tabs, from local jQuery UI
    assert (
        page.get_by_role("tab", name="Spanish").is_visible() or page.locator(".ui-tabs-nav").count()
    )
    context.close()
    assert violations == []


@pytest.mark.parametrize("width,label", [(390, "phone"), (1280, "desktop")])
def test_the_archive_pages_through_many_versions(browser, versions, width, label):
    import datetime as dt

    from profiles.document import SCHEMA_VERSION
    from profiles.models import Snapshot

    Snapshot.objects.bulk_create(
        Snapshot(
            date=dt.date(2000, 1, 31) + dt.timedelta(days=30 * n),
            title=f"Monthly update {n}",
            status=Snapshot.Status.PUBLISHED,
            published_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            document={"schema_version": SCHEMA_VERSION},
            schema_version=SCHEMA_VERSION,
            checksum="0" * 64,
            change_summary={"en": "staff 10 → 12", "es": "personal 10 → 12"},
        )
        for n in range(30)
    )
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{versions}/en/snapshots/")
    assert page.locator(".archive > li").count() == 20
    page.get_by_role("link", name="Older versions").click()
    page.wait_for_url(f"{versions}/en/snapshots/?page=2")
    assert page.locator(".pagination").inner_text().startswith("Page 2 of 2")
    assert page.locator(".archive > li").count() == 14
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    screenshot(page, f"{label}-archive-page-2-en")
    page.goto(f"{versions}/es/versiones/")
    page.get_by_role("link", name="Versiones anteriores").click()
    page.wait_for_url(f"{versions}/es/versiones/?page=2")
    assert page.get_by_role("link", name="Versiones más recientes").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"{label}-archive-page-2-es")
    context.close()
