"""The API's documentation at /api/ in a real browser: offline, under the site's own
content security policy, accessible, in both languages and at phone and desktop
widths; the citation block on a version page."""

import pytest

from .conftest import axe_violations, screenshot

pytestmark = pytest.mark.browser


def strict_page(browser, site, width):
    """A page under the site's real policy (no bypass), that reaches nothing else."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(site) else route.abort(),
    )
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    return context, page, problems


@pytest.mark.parametrize("width,label", [(390, "phone"), (1280, "desktop")])
def test_the_console_runs_offline_under_the_strict_policy(browser, site, versions, width, label):
    context, page, problems = strict_page(browser, site, width)
    for language in ("en", "es"):
        page.goto(f"{site}/api/?lang={language}")
        assert page.locator("html").get_attribute("lang") == language
        # Swagger UI read the OpenAPI document and drew every operation.
        page.wait_for_selector(".swagger-ui .opblock-summary-path")
        assert page.locator(".swagger-ui .opblock").count() == 11
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"{label}-api-{language}")
    page.locator(".swagger-ui .opblock-summary-path", has_text="/api/v1/series/{key}").click()
    page.get_by_role("button", name="Try it out").click()
    page.locator(".swagger-ui input[placeholder='key']").fill("staff.total")
    page.get_by_role("button", name="Execute").click()
    page.wait_for_selector(".swagger-ui .responses-table .response-col_status")
    assert "196" in page.locator(".swagger-ui .live-responses-table").inner_text()
    context.close()
    assert problems == []


def test_the_documentation_passes_axe_without_the_console(page, site):
    page.goto(f"{site}/api/?lang=es")
    page.wait_for_selector(".swagger-ui .opblock")
    # The site's own part of the page; Swagger UI's console is a third-party widget.
    page.evaluate("document.getElementById('swagger-ui').remove()")
    assert axe_violations(page) == []


@pytest.mark.parametrize("width,label", [(390, "phone"), (1280, "desktop")])
def test_a_version_page_shows_how_to_cite_it(browser, site, versions, width, label):
    context, page, problems = strict_page(browser, site, width)
    for path, name in (
        ("/en/snapshots/2024-06-30/", "version-en"),
        ("/es/versiones/2023-10-31/", "version-es"),
    ):
        page.goto(f"{site}{path}")
        cite = page.locator("#cite")
        cite.scroll_into_view_if_needed()
        assert cite.locator(".cite__text").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        cite.screenshot(path=str(screenshot_path(f"{label}-cite-{name}")))
    context.close()
    assert problems == []


def screenshot_path(name):
    from .conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"
