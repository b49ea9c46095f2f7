"""Site-wide middleware: the admin's content security policy, clean failure, and the
cache of whole public pages."""

import hashlib
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from ipware import get_client_ip

from profiles.content_cache import DERIVED_TIMEOUT, content_version

logger = logging.getLogger(__name__)


class AdminContentSecurityPolicy:
    """Loosen the policy for the admin only: django-import-export's preview and
    export pages use inline styles and an inline handler. Public pages keep the
    strict policy. Must come after csp.middleware.CSPMiddleware."""

    ADMIN_UPDATE = {"style-src": ["'unsafe-inline'"], "script-src": ["'unsafe-inline'"]}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_update = self.ADMIN_UPDATE
        return response


def maintenance_response():
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


class VisitorLanguageRedirect(LocaleMiddleware):
    """Django's LocaleMiddleware, whose redirect of an address without a language
    prefix (the sitemap's `x-default`: /contact/) also finds pages whose address is
    translated: Django only tries the visitor's language, so a Spanish visitor asking
    for /contact/ got a 404, /es/contact/ not being a page (/es/contacto/ is). Here
    the address is looked for in each language, the visitor's first, and the visitor
    is sent to the page in their own language: /contact/ and /contacto/ lead to
    /es/contacto/ for a Spanish reader, to /en/contact/ for anyone else."""

    def process_response(self, request, response):
        if response.status_code == 404:
            redirect = self.redirect_to_visitors_language(request)
            if redirect is not None:
                return redirect
        return super().process_response(request, response)

    def redirect_to_visitors_language(self, request):
        if translation.get_language_from_path(request.path_info):
            return None
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        visitor = translation.get_language()
        languages = [visitor, *(code for code, _name in settings.LANGUAGES if code != visitor)]
        for language in languages:
            with translation.override(language):
                match = self.resolve_prefixed(f"/{language}{request.path_info}", urlconf)
            if match is None:
                continue
            with translation.override(visitor):
                try:  # the page's address in the visitor's language, segments translated
                    target = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                except NoReverseMatch:
                    continue
            query = request.META.get("QUERY_STRING", "")
            redirect = HttpResponseRedirect(target + (f"?{query}" if query else ""))
            # It depends on the visitor's language: caches keep one per language.
            patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
            return redirect
        return None

    @staticmethod
    def resolve_prefixed(path, urlconf):
        """The match of `path` in the active language, or of `path` with a slash added."""
        for candidate in (path, f"{path}/" if settings.APPEND_SLASH else None):
            if candidate is None:
                continue
            try:
                return resolve(candidate, urlconf)
            except Resolver404:
                continue
        return None


class DatabaseUnavailable:
    """When the database cannot be reached, answer 503 with a bilingual maintenance
    page instead of a traceback. Pages whose profile document is cached never
    reach the database and keep working."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError) or (
            isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
        ):
            logger.error("Database unavailable: %s", exception)
            return maintenance_response()
        return None


def has_session(request) -> bool:
    """Whether the request carries a session (an editor's): such requests get live
    pages, never stored or cached ones, so an editor sees their own changes."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class RecentPages:
    """The pages this process served last, up to `max_bytes` of them: a page found
    here for the current content version is not fetched again from the shared
    cache, so a page served from the page cache costs one small read of the content
    version (a page of the real profile is 90 KB; its transfer from Redis was a
    third of the time)."""

    def __init__(self, max_bytes=32 * 1024 * 1024):
        self.max_bytes = max_bytes
        self.pages = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key, version):
        with self.lock:
            stored = self.pages.get(key)
            if stored is None or stored.get("version") != version:
                return None
            self.pages.move_to_end(key)
            return stored

    def add(self, key, stored):
        size = len(stored["content"])
        if size > self.max_bytes:
            return
        with self.lock:
            if key in self.pages:
                self.size -= len(self.pages.pop(key)["content"])
            self.pages[key] = stored
            self.size += size
            while self.size > self.max_bytes:
                _key, oldest = self.pages.popitem(last=False)
                self.size -= len(oldest["content"])


class PageCache:
    """Whole public pages and downloads for anonymous visitors, from the cache every
    worker shares, with a strong ETag, Last-Modified and conditional GET (304).

    A page is stored with the content version it was rendered for
    (`profiles.content_cache`), which every write bumps, and is served only while
    that version is current, so the next response after an edit is rendered anew
    on every worker. Each process keeps the pages it served last (`RecentPages`)
    and reads only the content version from the shared cache to serve them.

    A request that carries a session cookie (an editor) is never served from the
    cache nor stored in it. Responses say how long a proxy or CDN may
    keep them (`Cache-Control`); a view that says so itself (an immutable
    snapshot download) keeps its own.

    HEAD is answered like GET: the view renders the whole response, which is stored
    as for a GET, and the server sends its headers without the body.
    """

    METHODS = {"GET", "HEAD"}
    SKIPPED_PREFIXES = ("/admin/", "/healthz", "/static/", "/media/")
    PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300"

    def __init__(self, get_response):
        self.get_response = get_response
        self.recent = RecentPages()

    def __call__(self, request):
        if not self.is_anonymous_public_read(request):
            response = self.get_response(request)
            if request.method in self.METHODS and not request.path.startswith("/static/"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        # Only pages without a query string are stored: any other URL a visitor can
        # make up would fill the cache. Those still get an ETag, hence 304s.
        key = None if request.META.get("QUERY_STRING") else self.key(request)
        version, stored = self.read(key)
        if stored is None:
            response = self.get_response(request)
            if not self.is_storable(response):
                return response
            self.add_validators(response)
            self.write(key, response, version)
        else:
            response = self.thaw(stored)
        if "Cache-Control" not in response:
            response["Cache-Control"] = self.PUBLIC_CACHE_CONTROL
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )

    def read(self, key):
        """The content version and the page stored under `key` for it (None when
        none is). The page cache is an optimisation: when the cache cannot be read
        (the database cache while the database is down), the page is rendered, and
        the view's own failure answers (503)."""
        if key is None:
            return None, None
        try:
            version = content_version()
            stored = self.recent.get(key, version)
            if stored is None:
                stored = cache.get(key)
                if stored is not None and stored.get("version") == version:
                    self.recent.add(key, stored)
        except Exception:  # any cache backend's error
            logger.warning("Page cache unavailable", exc_info=True)
            return None, None
        if stored is None or stored.get("version") != version:
            return version, None
        return version, stored

    def write(self, key, response, version):
        """Store the page under the content version read before it was rendered: a
        write meanwhile has bumped the version, so the page is never served."""
        if key is None or version is None:
            return
        try:
            stored = self.freeze(response) | {"version": version}
            cache.set(key, stored, timeout=DERIVED_TIMEOUT)
            self.recent.add(key, stored)
        except Exception:  # any cache backend's error
            logger.warning("Page cache unavailable", exc_info=True)

    def is_anonymous_public_read(self, request):
        return (
            request.method in self.METHODS
            and not has_session(request)
            and not request.path.startswith(self.SKIPPED_PREFIXES)
        )

    @staticmethod
    def key(request):
        """The page's key; the page stored under it says which content version it
        was rendered for."""
        url = request.build_absolute_uri()
        if request.path.startswith("/api/"):
            # The API's language comes from Accept-Language, not from the path.
            url += "#" + translation.get_language_from_request(request)
        digest = hashlib.sha256(url.encode()).hexdigest()
        # A page is rendered anew each day too: citations say when they were read.
        return f"page:{timezone.localdate()}:{digest}"

    @staticmethod
    def is_storable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
            # Only a whole body: never one emptied for a HEAD, which the next GET
            # would get from the cache.
            and response.get("Content-Length", str(len(response.content)))
            == str(len(response.content))
        )

    @staticmethod
    def add_validators(response):
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()

    @staticmethod
    def freeze(response):
        return {
            "status": response.status_code,
            "content": response.content,
            "headers": list(response.headers.items()),
        }

    @staticmethod
    def thaw(stored):
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        return response


class ApiRateLimit:
    """At most API_RATE_LIMIT requests a minute to /api/v1/ per client address (read
    through django-ipware as for the admin lockout), counted in the shared cache so
    the limit holds across workers and servers; past it, a 429 problem with
    `Retry-After`. When the cache cannot count, requests pass."""

    PREFIX = "/api/v1/"
    WINDOW = 60  # seconds
    clock = staticmethod(time.time)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.PREFIX):
            return self.get_response(request)
        limit = settings.API_RATE_LIMIT
        now = int(self.clock())
        window_ends = (now // self.WINDOW + 1) * self.WINDOW
        count = self.count(request, window_ends)
        if count is not None and count > limit:
            return self.refuse(request, retry_after=window_ends - now)
        response = self.get_response(request)
        if count is not None:
            response["RateLimit-Limit"] = str(limit)
            response["RateLimit-Remaining"] = str(max(0, limit - count))
            response["RateLimit-Reset"] = str(window_ends - now)
        return response

    def count(self, request, window_ends):
        client, _routable = get_client_ip(
            request,
            proxy_count=settings.AXES_IPWARE_PROXY_COUNT,
            request_header_order=settings.AXES_IPWARE_META_PRECEDENCE_ORDER,
        )
        key = f"api-rate:{client or 'unknown'}:{window_ends}"
        try:
            cache.add(key, 0, timeout=self.WINDOW + 5)
            return cache.incr(key)
        except Exception:  # any cache backend's error: do not refuse for our failure
            logger.warning("API rate limit unavailable", exc_info=True)
            return None

    @staticmethod
    def refuse(request, retry_after):
        from profiles.api import problem

        lang = request.GET.get("lang")
        if lang not in dict(settings.LANGUAGES):
            lang = translation.get_language_from_request(request)
        with translation.override(lang):
            response = problem(
                request,
                429,
                translation.gettext(
                    "Too many requests from your address. Try again in %(seconds)s seconds."
                )
                % {"seconds": retry_after},
            )
        response["Content-Language"] = lang
        patch_vary_headers(response, ["Accept-Language"])
        response["Retry-After"] = str(retry_after)
        response["Cache-Control"] = "no-store"
        return response


class ReadOnlyApi:
    """The API under /api/v1/ reads only, from any web page: HEAD answers as GET (the
    server sends no body), OPTIONS answers a CORS preflight, any other method is a
    405 problem; every answer may be read by scripts of other sites (the data is
    public, CC BY 4.0, and no cookie is read)."""

    PREFIX = "/api/v1/"
    ALLOWED = "GET, HEAD, OPTIONS"
    CORS = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Expose-Headers": (
            "ETag, Content-Language, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
            "RateLimit-Reset"
        ),
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.PREFIX):
            return self.get_response(request)
        if request.method == "HEAD":
            request.method = "GET"
            response = self.get_response(request)
            request.method = "HEAD"
            if not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
        elif request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = self.ALLOWED
            response["Access-Control-Allow-Methods"] = "GET, HEAD"
            response["Access-Control-Allow-Headers"] = "Accept-Language, If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method != "GET":
            response = self.refuse(request)
        else:
            response = self.get_response(request)
        for name, value in self.CORS.items():
            response[name] = value
        return response

    def refuse(self, request):
        from profiles.api import problem

        lang = request.GET.get("lang")
        if lang not in dict(settings.LANGUAGES):
            lang = translation.get_language_from_request(request)
        with translation.override(lang):
            response = problem(
                request,
                405,
                translation.gettext("The API only reads: use GET."),
            )
        response["Allow"] = self.ALLOWED
        response["Content-Language"] = lang
        return response
