"""Every download answers HEAD as it answers GET: the same status and headers (type,
length, ETag, caching, file name), no body; and a HEAD never leaves an empty body in
the page cache for the next GET.

The downloads are read from the URL conf, not listed here: every route of the
`downloads` and `files` namespaces, every route of the pages' URL conf that names a
file (it does not end in a slash: the factsheet PDFs, the citations) and the Atom
feed. A new download is checked as soon as it has a URL; one whose arguments this
file cannot fill makes the test fail rather than be skipped."""

import itertools

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from iompanama.middleware import PageCache
from profiles import converters
from profiles.models import Snapshot
from profiles.timeseries import charts_of, figures_over_time
from publications.models import Publication
from tests.factories import make_publication
from tests.publications.test_uploads import pdf_bytes

FILE_NAMESPACES = {"downloads", "files"}  # outside the language prefix
FEEDS = {"publications:feed"}


def routes(patterns=None, namespace=None, localized=False):
    """(name, pattern, localized) of every named route of the URL conf."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace])) or None
            is_i18n = localized or entry.pattern.__class__.__name__ == "LocalePrefixPattern"
            yield from routes(entry.url_patterns, inner, is_i18n)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join(filter(None, [namespace, entry.name])), entry.pattern, localized


def is_download(name, pattern, localized):
    with translation.override("en"):
        route = str(pattern)
    if name.split(":")[0] in FILE_NAMESPACES:
        return True
    # A page's route ends in a slash, or is empty (the home page).
    return localized and (name in FEEDS or (route != "" and not route.endswith("/")))


DOWNLOADS = sorted(
    (name, localized)
    for name, pattern, localized in routes()
    if is_download(name, pattern, localized)
)
PATTERNS = {name: pattern for name, pattern, _localized in routes()}


def test_the_downloads_are_found_in_the_url_conf():
    names = {name for name, _localized in DOWNLOADS}
    assert {
        "downloads:snapshot",
        "downloads:current",
        "downloads:snapshot-hxl",
        "downloads:current-hxl",
        "downloads:series",
        "downloads:series-hxl",
        "downloads:chart-data",
        "downloads:compare",
        "downloads:datapackage",
        "files:publication-file",
        "profiles:factsheet",
        "profiles:snapshot-factsheet",
        "profiles:citation",
        "profiles:snapshot-citation",
        "publications:feed",
    } <= names
    assert not names & {"profiles:home", "profiles:contact", "profiles:snapshot-detail"}


def argument_values(name, argument, converter):
    """Every value an argument of a download takes on the site."""
    if isinstance(converter, converters.IsoDateConverter):
        return list(Snapshot.objects.published().order_by("date").values_list("date", flat=True))
    if isinstance(converter, converters.DataFormatConverter):  # csv|json|xlsx and the like
        return converter.regex.split("|")
    if (name, argument) == ("downloads:chart-data", "key"):
        return [chart["key"] for chart in charts_of(figures_over_time())]
    if (name, argument) == ("files:publication-file", "slug"):
        return list(Publication.objects.exclude(file="").values_list("slug", flat=True))
    pytest.fail(f"No values known for {argument!r} of {name}: tell this test where they are")


def urls_of(name, localized):
    arguments = PATTERNS[name].converters
    choices = [argument_values(name, arg, conv) for arg, conv in arguments.items()]
    urls = []
    for values in itertools.product(*choices):
        kwargs = dict(zip(arguments, values, strict=True))
        for language in ("en", "es") if localized else ("en",):
            with translation.override(language):
                urls.append(reverse(name, kwargs=kwargs))
    assert urls, name
    return urls


@pytest.fixture
def publication_with_pdf(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_publication(slug="shelter-manual", file=SimpleUploadedFile("m.pdf", pdf_bytes()))


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("name,localized", DOWNLOADS, ids=[name for name, _ in DOWNLOADS])
def test_every_download_answers_head_like_get_without_a_body(
    client, iom_panama_versions, publication_with_pdf, name, localized
):
    for url in urls_of(name, localized):
        # HEAD first: the page cache is empty, so the GET after it gets what the HEAD
        # left there, which must be the whole file.
        head = client.head(url)
        get = client.get(url)
        assert head.status_code == get.status_code == 200, url
        assert body(head) == b"", url
        content = body(get)
        assert content, url
        assert dict(head.headers) == dict(get.headers), url
        assert "Content-Type" in head and "Cache-Control" in head, url
        if "Content-Length" in get:
            assert int(head["Content-Length"]) == len(content), url
        # And again once the GET's response is the cached one.
        assert dict(client.head(url).headers) == dict(get.headers), url


def test_every_download_has_a_file_name_but_the_feed_and_the_data_package(
    client, iom_panama_versions, publication_with_pdf
):
    for name, localized in DOWNLOADS:
        if name in FEEDS or name == "downloads:datapackage":
            continue
        url = urls_of(name, localized)[0]
        assert "filename=" in client.head(url)["Content-Disposition"], url


@pytest.mark.parametrize("url", ["/data/current.csv", "/data/datapackage.json", "/en/feed/"])
def test_a_head_first_leaves_the_whole_file_for_the_next_get(client, iom_panama_versions, url):
    fresh = client.get(url).content
    cache.clear()
    assert client.head(url).content == b""
    assert client.get(url).content == fresh != b""


def test_the_page_cache_never_stores_a_body_emptied_for_a_head(iom_panama_versions):
    """Whatever empties a HEAD's body before the page cache sees it (a view, a
    middleware), the cache does not keep it for the next GET."""

    def emptied_for_head(request):
        response = HttpResponse(b"date,value\n2024-06-30,200\n", content_type="text/csv")
        response["Content-Length"] = str(len(response.content))
        if request.method == "HEAD":
            response.content = b""
        return response

    middleware = PageCache(emptied_for_head)
    factory = RequestFactory()
    assert middleware(factory.head("/data/current.csv")).content == b""
    assert middleware(factory.get("/data/current.csv")).content == b"date,value\n2024-06-30,200\n"


def test_a_publication_file_refuses_other_methods(client, db, publication_with_pdf):
    assert client.head("/files/publications/shelter-manual.pdf").status_code == 200
    response = client.put("/files/publications/shelter-manual.pdf")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
