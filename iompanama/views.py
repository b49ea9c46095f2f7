"""Site-wide views: the health check for load balancers, robots.txt, /favicon.ico."""

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request):
    sitemap_url = f"{settings.SITE_URL}/sitemap.xml"
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says; send them to
    the icon under its static (in production hashed, long-cached) name."""
    response = HttpResponseRedirect(static("icons/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def _cache_ok():
    try:
        cache.set("healthz", "ok", timeout=10)
        return cache.get("healthz") == "ok"
    except Exception:  # any cache backend's connection error
        return False


@require_safe
def healthz(request):
    """Database and cache status, for a load balancer: 200 when both answer, else 503."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    response = JsonResponse(body, status=200 if all(checks.values()) else 503)
    response["Cache-Control"] = "no-store"
    return response
