"""The home page as a factsheet, in a real browser, at a phone's and a desktop's width
in both languages, with the real profile and its published versions."""

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

WIDTHS = [(390, "phone"), (1280, "desktop")]
HEIGHT_BUDGET = 4000  # px at 1280, with the real data

# Elements wider than the viewport, or whose box overflows it.
TOO_WIDE = """() => [...document.querySelectorAll('body *')].filter(e => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1);
}).map(e => e.tagName + '.' + e.className)"""

# Words split over two lines (a break at a hyphen or a dash is not one).
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement || !node.parentElement.offsetParent) continue;
    const re = /[^\\s\\-–—]+/g; let m;  // a hyphen or a dash may end a line
    while ((m = re.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""

# Rendered size of every chart label, in CSS pixels.
CHART_LABEL_SIZES = """() => [...document.querySelectorAll('.chart svg text')].map(t =>
  parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""


@pytest.mark.parametrize("width,label", WIDTHS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_home_page_fits_the_screen_and_the_budget(browser, versions, width, label, language):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{versions}/{language}/")
    screenshot(page, f"{label}-home-factsheet-{language}")
    assert page.evaluate(TOO_WIDE) == []
    assert page.evaluate(BROKEN_WORDS) == []
    assert min(page.evaluate(CHART_LABEL_SIZES)) >= 12
    height = page.evaluate("document.documentElement.scrollHeight")
    if width == 1280:
        assert height < HEIGHT_BUDGET, height
    # Everything stays reachable: every key figure is in the page, behind its summary.
    page.locator(".all-figures > summary").click()
    assert (
        page.locator(".all-figures .figure").count() + page.locator(".headline-figure").count()
        == 28
    )
    screenshot(page, f"{label}-home-all-figures-{language}")
    context.close()


def test_headline_figures_show_their_change_since_the_previous_version(page, versions):
    page.goto(f"{versions}/en/")
    masthead = page.locator(".masthead__date a")
    assert masthead.inner_text() == "Profile as of 30 June 2024"
    cards = page.locator(".headline-figure")
    assert 4 <= cards.count() <= 6
    reports = cards.filter(has_text="DTM reports published")
    assert "Up about +10 (+19.6%) since 31 October 2023" in reports.inner_text()
    crossings = cards.filter(has_text="crossed the Darién jungle")
    assert "New: not in the version of 31 October 2023" in crossings.inner_text()
    page.goto(f"{versions}/es/")
    reports = page.locator(".headline-figure").filter(has_text="Informes de la DTM")
    assert "Subió cerca de +10 (+19.6 %) desde el 31 de octubre de 2023" in reports.inner_text()


def test_a_chart_switches_to_its_table_without_javascript(browser, versions):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{versions}/en/")
    staff = page.locator(".chart").filter(has_text="Staff by contract type")
    assert staff.locator("svg").is_visible() and not staff.locator("table").is_visible()
    staff.get_by_text("Table", exact=True).click()
    assert staff.locator("table").is_visible() and not staff.locator("svg").is_visible()
    assert staff.locator("tbody tr").count() == 3
    assert page.evaluate(BROKEN_WORDS) == []
    assert "Source: IOM Panama factsheet, late 2022" in staff.inner_text()
    screenshot(page, "desktop-home-chart-table-en")
    context.close()


def test_the_printed_factsheet_holds_every_figure(page, versions):
    page.goto(f"{versions}/en/")
    page.emulate_media(media="print")
    assert page.locator(".all-figures .figure").first.is_visible()
    assert page.locator(".chart svg").first.is_visible()
    assert not page.locator(".chart__switch").first.is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")
