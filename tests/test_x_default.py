"""The sitemap's `x-default` alternate of a page, its address without a language
prefix (/contact/), leads every visitor to the page in their language, whatever
that language calls the page (/es/contacto/)."""

import xml.etree.ElementTree as ET

import pytest

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ORIGIN = "http://testserver"

# (Accept-Language, the language of the page the visitor should land on). A visitor
# whose language the site does not have, or who says none, gets the default, English.
VISITORS = [("es-PA,es;q=0.9", "es"), ("en-GB", "en"), ("fr-FR", "en"), ("", "en")]


def sitemap_alternates(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


def local(url):
    assert url.startswith(ORIGIN), url
    return url.removeprefix(ORIGIN)


def test_every_pages_x_default_leads_each_visitor_to_the_page_in_their_language(
    client, iom_panama_versions
):
    alternates = sitemap_alternates(client)
    assert len(alternates) > 50
    checked = set()
    for location, links in alternates.items():
        assert set(links) == {"en", "es", "x-default"}, location
        x_default = local(links["x-default"])
        if x_default in checked:  # the English and the Spanish entry share it
            continue
        checked.add(x_default)
        for accept_language, language in VISITORS:
            response = client.get(x_default, follow=True, HTTP_ACCEPT_LANGUAGE=accept_language)
            assert response.status_code == 200, (x_default, accept_language)
            assert response.redirect_chain, x_default  # the x-default is not a page itself
            assert response.redirect_chain[-1][0] == local(links[language]), (
                x_default,
                accept_language,
            )
    assert {"/", "/contact/", "/snapshots/2023-10-31/", "/factsheet.pdf"} <= checked


@pytest.mark.parametrize(
    "path,accept_language,target",
    [
        ("/contact/", "es", "/es/contacto/"),
        ("/contact/", "en", "/en/contact/"),
        ("/contacto/", "en", "/en/contact/"),  # the Spanish address, for an English reader
        ("/contacto/", "es", "/es/contacto/"),
        ("/projects/?region=PA-5", "es", "/es/proyectos/?region=PA-5"),  # the query is kept
        ("/contact", "es", "/es/contacto/"),  # the slash added, as Django does
    ],
)
def test_an_address_without_language_is_redirected_in_the_visitors_language(
    client, iom_panama, path, accept_language, target
):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target
    assert {"Accept-Language", "Cookie"} <= {part.strip() for part in response["Vary"].split(",")}


def test_an_address_that_is_no_page_in_any_language_is_still_a_404(client, iom_panama):
    for accept_language in ("en", "es"):
        assert client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=accept_language).status_code == 404
        assert client.get("/es/contact/", HTTP_ACCEPT_LANGUAGE=accept_language).status_code == 404
