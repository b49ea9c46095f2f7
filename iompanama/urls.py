from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from profiles import api
from profiles.urls import download_urlpatterns
from publications.urls import file_urlpatterns

from .sitemaps import SITEMAPS
from .views import favicon, healthz, robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("", include(download_urlpatterns)),
    path("", include(file_urlpatterns)),
    path("api/", api.documentation, name="api-documentation"),
    path("api/v1/", api.index, name="api-index"),
    path("api/v1/", api.api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", api.unknown_endpoint),
]

urlpatterns += i18n_patterns(
    path("", include("profiles.urls")),
    path("", include("projects.urls")),
    path("", include("publications.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
