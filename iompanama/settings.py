"""Settings for the IOM Panama profile, read from the environment.

Every variable is documented in `.env.example`. Development defaults are safe;
with DEBUG off, SECRET_KEY must be given.
"""

import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    SECRET_KEY = "development-only-insecure-key"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The site's public origin (scheme and host, no path). Absolute links (hreflang
# alternates, the sitemap, robots.txt, the data package, the factsheets'
# permalinks) use it rather than the request's host, so a page rendered ahead
# of any request (a published version's stored page) is the page a visitor gets.
# Default: the first of ALLOWED_HOSTS over HTTPS; http://127.0.0.1:8000 in development.
SITE_URL = os.environ.get("SITE_URL") or (
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)
if not re.fullmatch(r"https?://[^/\s*]+", SITE_URL):
    raise ImproperlyConfigured(
        f"SITE_URL must be a scheme and a host without a path, such as "
        f"https://profile.example.org, not {SITE_URL!r}"
    )

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "iompanama.admin_site.ProfileAdminConfig",  # django.contrib.admin, renamed and reordered
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "import_export",
    "csp",
    "axes",
    "pgtrigger",
    # django-ninja: the API's Swagger UI files (vendored in its package) for /api/.
    "ninja",
    "profiles",
    "projects",
    "publications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "iompanama.middleware.AdminContentSecurityPolicy",
    # The API reads only, from any site; each client's budget of API requests is
    # counted before the page cache answers.
    "iompanama.middleware.ReadOnlyApi",
    "iompanama.middleware.ApiRateLimit",
    # Whole public pages for anonymous visitors: before anything that reads the
    # database, so cached pages keep working when it is down.
    "iompanama.middleware.PageCache",
    "iompanama.middleware.DatabaseUnavailable",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, whose redirect of an address without a language
    # prefix also finds pages whose address is translated.
    "iompanama.middleware.VisitorLanguageRedirect",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-axes last: it locks out guessing at the admin login.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The client's address, for the lockout, through django-ipware. Each of the
# PROXY_COUNT reverse proxies appends the address it saw to X-Forwarded-For, so
# the client is the PROXY_COUNT-th address from its right; ipware counts only
# the proxies named in the header, the nearest being REMOTE_ADDR (hence - 1).
# Addresses further left are whatever the client sent: not strict, so they can
# neither choose the address nor make ipware skip the header. Without a proxy
# only REMOTE_ADDR counts.
PROXY_COUNT = env_int("PROXY_COUNT", 0)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1 if PROXY_COUNT else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if PROXY_COUNT else ["REMOTE_ADDR"]
)
IPWARE_STRICT = False
# Requests a client (its address, as the admin lockout reads it) may make to /api/v1/
# per minute, counted in the shared cache so the limit holds across workers.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)

# Only what the pages use: local assets, the map's tiles, data: URIs for Leaflet.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "https://tile.openstreetmap.org"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

ROOT_URLCONF = "iompanama.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "iompanama.context_processors.language_alternates",
            ],
        },
    },
]

WSGI_APPLICATION = "iompanama.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cached profile must be one for every worker and server, or an edit would
# reach only some of them: Redis when REDIS_URL is set, else (in production) a
# table in the database, created by `migrate`. Development's single process may
# keep a memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "iompanama.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "iompanama",
        }
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "iompanama_cache",
        }
    }

# Rendered fragments of pages ({% cache … using="fragments" %}), in each process. A
# fragment's key is made of everything it shows, so an edit elsewhere leaves it
# valid and an edit of what it shows gives it another key: the home page renders
# in 20 ms instead of 35 after an edit (docs/benchmarks.md).
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 24 * 60 * 60,
    "OPTIONS": {"MAX_ENTRIES": 5_000},
}
CACHES["fragments"] = FRAGMENT_CACHE

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["iompanama.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Panama"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "es"), "en": ("es",), "es": ("en",)}
# modeltranslation's tabs otherwise load jQuery UI from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Uploads waiting for the editor to confirm an import (an hour at most): private to
# the application, never served; beside MEDIA_ROOT unless set.
IMPORT_EXPORT_PENDING_DIR = Path(
    os.environ.get("IMPORT_EXPORT_PENDING_DIR") or MEDIA_ROOT.parent / "pending-imports"
)

# The seed documents the loader reads: ../shared/seeds beside the checkout.
IOM_SEEDS_DIR = Path(os.environ.get("IOM_SEEDS_DIR", BASE_DIR.parent / "shared" / "seeds"))

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # A load balancer checks health over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every step of every factsheet render at INFO.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
