"""What a visitor sees at 390 and 1280 px in both languages, with map tiles blocked:
nothing wider than the screen, no word or number broken, the SVG map on screen and
in print, a compact header, and search finding what visitors type."""

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

PAGES = [
    ("projects", "/en/projects/", "/es/proyectos/"),
    ("project", "/en/projects/wha-regional-avr/", "/es/proyectos/wha-regional-avr/"),
    ("publications", "/en/publications/", "/es/publicaciones/"),
    ("map", "/en/map/", "/es/mapa/"),
    ("contact", "/en/contact/", "/es/contacto/"),
    ("search", "/en/search/?q=Dari%C3%A9n", "/es/buscar/?q=personal"),
    ("snapshot", "/en/snapshots/2023-10-31/", "/es/versiones/2023-10-31/"),
    (
        "compare",
        "/en/snapshots/compare/?a=2022-12-31&b=current",
        "/es/versiones/comparar/?a=2022-12-31&b=current",
    ),
]

# Visible elements that stick out of the viewport (the off-screen tile map that never
# loaded is hidden, so it does not count).
WIDER_THAN_VIEWPORT = """() => [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width > 0 && s.visibility !== 'hidden' && s.display !== 'none'
        && (r.right > innerWidth + 1 || r.left < -1);
}).slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40))"""

# A word broken inside a cell would stick out once breaking inside words is not
# allowed: compare each cell's scrollWidth with its width under that rule.
BROKEN_WORDS = """() => [...document.querySelectorAll(
        'td, th, dd, dt, li, h1, h2, h3, .card p, .snapshot-banner p')].filter(e => {
    if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden'
        || e.closest('.visually-hidden') || e.clientWidth <= 1
        || (e.closest('thead')
            && e.closest('thead').getBoundingClientRect().width <= 1)) return false;
    const saved = e.style.cssText;
    e.style.overflowWrap = 'normal';
    e.style.wordBreak = 'normal';
    e.style.hyphens = 'manual';
    const broken = e.scrollWidth > e.clientWidth + 1;
    e.style.cssText = saved;
    return broken;
}).slice(0, 5).map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40))"""


def context_at(browser, site, width, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    # Only this machine's server: map tiles and every other outside request fail.
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(site) else route.abort(),
    )
    return context


@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_is_wider_than_the_screen_or_breaks_a_word(browser, versions, width):
    context = context_at(browser, versions, width)
    page = context.new_page()
    for name, english, spanish in PAGES:
        for language, path in (("en", english), ("es", spanish)):
            page.goto(f"{versions}{path}")
            where = f"{name} {language} {width}px"
            assert page.evaluate("document.documentElement.scrollWidth") <= width, where
            assert page.evaluate(WIDER_THAN_VIEWPORT) == [], where
            assert page.evaluate(BROKEN_WORDS) == [], where
            screenshot(page, f"visitor-{name}-{language}-{width}")
    context.close()


def test_the_phone_header_is_compact_and_its_menu_opens_without_javascript(browser, site):
    context = context_at(browser, site, 390, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/es/proyectos/")
    assert page.locator(".site-header").bounding_box()["height"] < 80
    projects_link = page.get_by_role("link", name="Publicaciones", exact=True)
    assert not projects_link.is_visible()
    page.get_by_text("Menú").click()
    assert projects_link.is_visible()
    assert page.locator("#site-search").is_visible()
    screenshot(page, "visitor-menu-open-es-390")
    context.close()


def test_the_closing_message_stays_inside_the_column(browser, site):
    context = context_at(browser, site, 390)
    page = context.new_page()
    page.goto(f"{site}/en/")
    page.locator("#closing-heading").click()  # the message is one click away, in a disclosure
    message = page.locator("details:has(#closing-heading) p").first
    assert message.bounding_box()["x"] >= 12  # the page's gutter, not the screen's edge
    context.close()


@pytest.mark.parametrize("path", ["/en/map/", "/es/contacto/", "/en/"])
def test_the_svg_map_shows_with_tiles_blocked_and_in_print(browser, site, path):
    context = context_at(browser, site, 390)
    page = context.new_page()
    page.goto(f"{site}{path}")
    svg = page.locator(".panama-map__svg").first
    assert svg.is_visible()
    assert svg.bounding_box()["height"] > 100
    figure = page.locator(".panama-map").first
    assert figure.locator(".panama-map__region").count() == 13 + 2  # + the legend's swatches
    assert figure.locator("path.panama-map__region--present").count() == 8
    assert figure.locator(".panama-map__pin").count() == 4
    assert figure.locator(".panama-map__legend").is_visible()
    page.emulate_media(media="print")
    assert svg.is_visible()
    assert svg.bounding_box()["height"] > 100
    # The legend names the pins; the home page numbers its office list beside the map instead.
    numbered = ".panama-map__offices" if path != "/en/" else ".places .panama-map__number"
    assert page.locator(numbered).first.is_visible()
    name = path.strip("/").replace("/", "-") or "home"
    screenshot(page, f"visitor-map-print-{name}")
    context.close()


def test_the_map_page_prints_its_svg_map(page, site):
    page.goto(f"{site}/en/map/")
    page.emulate_media(media="print")
    assert page.locator(".panama-map__svg").is_visible()
    assert page.locator("#map").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.pdf(format="A4").startswith(b"%PDF")


@pytest.mark.parametrize(
    "path,group,title,target",
    [
        ("/en/search/?q=DTM", "Profile and key figures", "DTM reports published", "/en/#figures-"),
        ("/en/search/?q=DTM", "Publications", "Population Flow Monitoring", "/en/publications/"),
        ("/es/buscar/?q=personal", "Perfil y cifras clave", "Personal", "/es/#staff-heading"),
        ("/en/search/?q=Dari%C3%A9n", "Offices and regions", "Darién sub-office", "/en/contact/"),
        ("/en/search/?q=darien", "Projects", "Crossing the Darién", "/en/projects/"),
        ("/es/buscar/?q=DARIEN", "Proyectos", "cruzan el Darién", "/es/proyectos/"),
    ],
)
def test_search_finds_what_visitors_type_on_the_right_pages(page, site, path, group, title, target):
    page.goto(f"{site}{path}")
    section = page.locator(".search-group", has=page.get_by_role("heading", name=group))
    result = section.get_by_role("link").filter(has_text=title).first
    assert result.is_visible()
    assert section.locator("mark").count() >= 1
    href = result.get_attribute("href")
    assert href.startswith(target)
    result.click()
    page.wait_for_load_state()
    if "#" in href:
        assert page.locator(f"#{href.split('#')[1]}").count() == 1, href


def test_the_search_page_has_one_search_box(page, site):
    page.goto(f"{site}/en/search/?q=staff")
    assert page.get_by_role("searchbox").count() == 1
