"""Print performance figures and write them into docs/benchmarks.md.

Never touches the configured database: every part runs in databases the command
creates and drops itself (SQLite files in a temporary folder, or, when the
configured database is PostgreSQL, databases `iompanama_benchmark_<pid>_…` on
the same server), and in a cache namespace of its own. The parts:

1. imports and exports on the real IOM Panama profile (`load_iom_panama`);
2. every public page of the real profile: queries, and the median time in
   process uncached (the content version bumped before each request, as an
   edit does), with the document cached but the page rendered, and from the
   page cache;
3. HTTP throughput and latency under gunicorn (2 workers, production
   settings) with `wrk`: a trivial view, /healthz, a static file, the home page
   and a published snapshot page from the page cache, then, on a server without
   the page cache, the home page rendered and the snapshot page as stored;
4. a synthetic large profile (`profiles.synthetic`): the same pages, the freeze,
   the exports, the diff of its two latest versions, the archive.

Figures are wall clock on this machine; query counts are exact.
"""

import datetime as dt
import gc
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation

from profiles import artefacts, exports
from profiles.content_cache import content_changed
from profiles.diff import diff_documents
from profiles.document import build_document
from profiles.models import Snapshot
from profiles.resources import KeyFigureResource
from profiles.snapshots import canonical_json, freeze_snapshot, stored_document
from profiles.spreadsheets import SpreadsheetCSV
from profiles.synthetic import Sizes, build_large_profile
from projects.resources import ProjectResource

HEADER = "slug,category,label_en,label_es,qualifier,value,unit_en,unit_es,period_end\r\n"
DOCS = Path(settings.BASE_DIR) / "docs" / "benchmarks.md"
PAGE_CACHE = "iompanama.middleware.PageCache"
CACHE_TABLE = "iompanama_cache"
TARGET_QUERIES = 20
# The framework's floor: a view that answers a constant, behind every middleware.
# Under /healthz, which the page cache leaves alone, so that the page cache does not
# answer for it.
TRIVIAL_VIEW = "/healthz/trivial"
BENCHMARK_URLS = f"""from django.http import HttpResponse
from django.urls import path

from iompanama.urls import urlpatterns


def trivial(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path({TRIVIAL_VIEW.lstrip("/")!r}, trivial), *urlpatterns]
"""
VENDORS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def key_figure_csv(rows: int) -> bytes:
    lines = [
        f"bench-{n},assistance,Figure {n},Cifra {n},exact,{n},people,personas,2024-06-30\r\n"
        for n in range(rows)
    ]
    return (HEADER + "".join(lines)).encode()


def project_csv(rows: int) -> bytes:
    header = "slug,title_en,title_es,status,regions,thematic_areas\r\n"
    lines = [
        f"bench-project-{n},Project {n},Proyecto {n},active,PA-8;PA-5,health\r\n"
        for n in range(rows)
    ]
    return (header + "".join(lines)).encode()


class Rollback(Exception):
    pass


def median_ms(times):
    return statistics.median(times) * 1000


def fmt_ms(value):
    if value is None:
        return "–"
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Pages


def public_pages(client, latest_snapshot):
    """(label, URL) of every public page: the sitemap's pages in both languages, the
    latest published snapshot's page, the archive, the comparison, the feed and the
    downloads."""
    body = client.get("/sitemap.xml", secure=True).content.decode()
    found = re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", body)
    found += re.findall(r'hreflang="[a-z]{2}" href="https?://[^/"]+(/[^"]*)"', body)
    pages = [(url, url) for url in dict.fromkeys(found) if re.match(r"^/(en|es)/", url)]
    date = latest_snapshot.date.isoformat() if latest_snapshot else None
    for language, archive in (("en", "snapshots"), ("es", "versiones")):
        pages.append((f"/{language}/{archive}/ (archive)", f"/{language}/{archive}/"))
        if date:
            pages.append(
                (f"/{language}/{archive}/{date}/ (snapshot)", f"/{language}/{archive}/{date}/")
            )
    pages += [
        ("/en/snapshots/compare/ (latest → current)", "/en/snapshots/compare/"),
        ("/en/search/?q=migration", "/en/search/?q=migration"),
        ("/en/feed/", "/en/feed/"),
        ("/sitemap.xml", "/sitemap.xml"),
        ("/data/current.csv", "/data/current.csv"),
        ("/data/current.json", "/data/current.json"),
        ("/data/current.xlsx", "/data/current.xlsx"),
        ("/data/figures-over-time-long.csv", "/data/figures-over-time-long.csv"),
        ("/data/figures-over-time-wide.csv", "/data/figures-over-time-wide.csv"),
        ("/data/datapackage.json", "/data/datapackage.json"),
        ("/data/compare.csv (latest → current)", "/data/compare.csv"),
    ]
    if date:
        pages += [(f"/snapshots/{date}.{fmt}", f"/snapshots/{date}.{fmt}") for fmt in ("csv",)]
    return pages


def page_kinds(latest_snapshot):
    """One page of each kind, for the large profile (whose sitemap has thousands)."""
    date = latest_snapshot.date.isoformat()
    return [
        ("home (en)", "/en/"),
        ("home (es)", "/es/"),
        ("contact", "/en/contact/"),
        ("map", "/en/map/"),
        ("projects", "/en/projects/"),
        ("project", "/en/projects/bench-project-0/"),
        ("publications", "/en/publications/"),
        ("publication", "/en/publications/bench-publication-0/"),
        ("news", "/en/news/"),
        ("news story", "/en/news/bench-story-0/"),
        ("search", "/en/search/?q=migration"),
        ("feed", "/en/feed/"),
        ("sitemap.xml", "/sitemap.xml"),
        ("archive", "/en/snapshots/"),
        ("snapshot", f"/en/snapshots/{date}/"),
        ("compare (latest → current)", "/en/snapshots/compare/"),
        ("current.csv", "/data/current.csv"),
        ("current.json", "/data/current.json"),
        ("current.xlsx", "/data/current.xlsx"),
        ("snapshot .csv", f"/snapshots/{date}.csv"),
        ("figures over time .csv", "/data/figures-over-time-long.csv"),
        ("datapackage.json", "/data/datapackage.json"),
        ("compare.csv", "/data/compare.csv"),
    ]


def kind_of(url):
    """The kind of a page of the real profile, to set its queries beside the large one's."""
    patterns = [
        (r"^/(en|es)/$", lambda m: f"home ({m.group(1)})"),
        (r"^/(en|es)/(contact|contacto)/$", "contact"),
        (r"^/(en|es)/(map|mapa)/$", "map"),
        (r"^/(en|es)/(projects|proyectos)/$", "projects"),
        (r"^/(en|es)/(projects|proyectos)/[^/]+/$", "project"),
        (r"^/(en|es)/(publications|publicaciones)/$", "publications"),
        (r"^/(en|es)/(publications|publicaciones)/[^/]+/$", "publication"),
        (r"^/(en|es)/(news|noticias)/$", "news"),
        (r"^/(en|es)/(news|noticias)/[^/]+/$", "news story"),
        (r"^/en/search/", "search"),
        (r"^/en/feed/$", "feed"),
        (r"^/sitemap.xml$", "sitemap.xml"),
        (r"^/en/snapshots/$", "archive"),
        (r"^/en/snapshots/\d{4}-\d{2}-\d{2}/$", "snapshot"),
        (r"^/en/snapshots/compare/$", "compare (latest → current)"),
        (r"^/data/current.csv$", "current.csv"),
        (r"^/data/current.json$", "current.json"),
        (r"^/data/current.xlsx$", "current.xlsx"),
        (r"^/snapshots/.*\.csv$", "snapshot .csv"),
        (r"^/data/figures-over-time-long.csv$", "figures over time .csv"),
        (r"^/data/datapackage.json$", "datapackage.json"),
        (r"^/data/compare.csv$", "compare.csv"),
    ]
    for pattern, kind in patterns:
        match = re.match(pattern, url)
        if match:
            return kind(match) if callable(kind) else kind
    return None


def host():
    return next(
        (h for h in settings.ALLOWED_HOSTS if h and not h.startswith((".", "*", "["))), "localhost"
    )


class Pages:
    """Requests in process: uncached (content version bumped first, as an edit does),
    with the document cached (no page cache), and from the page cache. With `cold`,
    also uncached with no rendered fragment kept either (a new process's first
    request)."""

    def __init__(self, *, cold=False):
        self.cold = cold
        self.client = Client(HTTP_HOST=host())
        middleware = [name for name in settings.MIDDLEWARE if name != PAGE_CACHE]
        self.without_page_cache = override_settings(MIDDLEWARE=middleware)
        self.uncached_client = Client(HTTP_HOST=host())
        with self.without_page_cache:  # loads its middleware
            self.uncached_client.get("/robots.txt", secure=True)

    def get(self, client, url):
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        if response.streaming:
            return b"".join(response.streaming_content)
        return response.content

    def measure(self, url, runs):
        # A first uncached request counts the queries (recording them takes time:
        # it is timed only when it is the one run, of a page that takes seconds).
        content_changed()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            size = len(self.get(self.client, url))
            uncached = [time.perf_counter() - start] if runs == 1 else []
        cache_side = [q for q in queries.captured_queries if is_cache_query(q["sql"])]
        count = len(queries.captured_queries) - len(cache_side)
        for _run in range(runs if runs > 1 else 0):
            content_changed()
            start = time.perf_counter()
            self.get(self.client, url)
            uncached.append(time.perf_counter() - start)
        cold = []
        for _run in range(runs if self.cold else 0):
            caches["fragments"].clear()
            content_changed()
            start = time.perf_counter()
            self.get(self.client, url)
            cold.append(time.perf_counter() - start)
        with self.without_page_cache:
            document_cached = []
            for _run in range(runs):
                start = time.perf_counter()
                self.get(self.uncached_client, url)
                document_cached.append(time.perf_counter() - start)
        cached = []
        for _run in range(max(runs, 5)):
            start = time.perf_counter()
            self.get(self.client, url)
            cached.append(time.perf_counter() - start)
        return {
            "queries": count,
            "cache_queries": len(cache_side),
            "bytes": size,
            "uncached": median_ms(uncached),
            "cold": median_ms(cold) if cold else None,
            "document_cached": median_ms(document_cached),
            "cached": median_ms(cached),
        }


def is_cache_query(sql):
    """A statement of the database cache: on its table, or the savepoints of its writes
    (a page that only reads opens no transaction of its own)."""
    return CACHE_TABLE in sql or sql.startswith(
        ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")
    )


# HTTP


class Server:
    """gunicorn as `make serve` starts it: production settings, 2 workers."""

    def __init__(self, env, workdir, workers=2):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(Path(workdir) / "gunicorn.log", "wb")  # noqa: SIM115
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "iompanama.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--no-control-socket",
            "--access-logfile",
            "-",
        ]
        self.process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=self.log, stderr=self.log
        )

    def wait(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CommandError(f"gunicorn exited ({self.log.name})")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise CommandError("gunicorn did not answer /healthz in time")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


WRK_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1, "s": 1000}


def wrk(url, seconds, connections=4):
    """(requests per second, p50 ms, p99 ms, errors) from wrk on `url`."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-H",
        "X-Forwarded-Proto: https",
        "-H",
        "Host: localhost",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latencies = {p: float(v) * UNITS[u] for p, v, u in WRK_LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rate": rate,
        "p50": latencies.get("50"),
        "p99": latencies.get("99"),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


class Command(BaseCommand):
    help = (
        "Print benchmark figures (imports, exports, pages, HTTP, a large profile) and write "
        "them into docs/benchmarks.md. Uses databases of its own, never the configured one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=5000, help="Rows of the import runs.")
        parser.add_argument("--runs", type=int, default=5, help="Requests per page and mode.")
        parser.add_argument("--large-runs", type=int, default=2)
        parser.add_argument("--http-seconds", type=int, default=5)
        parser.add_argument("--projects", type=int, default=Sizes.projects)
        parser.add_argument("--publications", type=int, default=Sizes.publications)
        parser.add_argument("--key-figures", type=int, default=Sizes.key_figures)
        parser.add_argument("--snapshots", type=int, default=Sizes.snapshots)
        parser.add_argument("--skip-imports", action="store_true")
        parser.add_argument("--skip-pages", action="store_true")
        parser.add_argument("--skip-http", action="store_true")
        parser.add_argument("--skip-large", action="store_true")
        parser.add_argument(
            "--no-docs", action="store_true", help="Print only; leave docs/benchmarks.md."
        )

    # Output

    def say(self, text=""):
        self.stdout.write(text)
        self.stdout.flush()

    def timed(self, label, function, rows=None):
        start = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - start
        rate = f", {rows / seconds:,.0f} rows/s" if rows else ""
        self.say(f"{label}: {seconds * 1000:,.0f} ms{rate}")
        self.results.setdefault("timings", []).append(
            {"label": label, "ms": seconds * 1000, "rate": rows / seconds if rows else None}
        )
        return result

    # Databases and cache

    @contextmanager
    def database(self, label):
        """A new database for this part, migrated, dropped afterwards; the connection
        points at it meanwhile."""
        creation = connection.creation
        test_settings = connection.settings_dict.setdefault("TEST", {})
        saved_test_name = test_settings.get("NAME")
        if connection.vendor == "sqlite":
            test_settings["NAME"] = str(Path(self.workdir) / f"{label}.sqlite3")
        else:
            test_settings["NAME"] = f"iompanama_benchmark_{os.getpid()}_{label}"
        old_name = creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            yield
        finally:
            connection.close()
            creation.destroy_test_db(old_name, verbosity=0)
            test_settings["NAME"] = saved_test_name

    def database_url(self):
        db = connection.settings_dict
        if connection.vendor == "sqlite":
            return f"sqlite:///{db['NAME']}"
        credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        server = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
        return f"postgres://{credentials}@{server}/{db['NAME']}"

    def cache_settings(self):
        """The production cache, in a namespace of the benchmark's: Redis under a key
        prefix of its own when REDIS_URL is set, else the database cache (each
        benchmark database has its own table)."""
        if settings.REDIS_URL:
            return {
                "default": {
                    "BACKEND": "iompanama.cache.RedisCache",
                    "LOCATION": settings.REDIS_URL,
                    "KEY_PREFIX": self.key_prefix,
                },
                "fragments": settings.FRAGMENT_CACHE,
            }
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "iompanama_cache",
            },
            "fragments": settings.FRAGMENT_CACHE,
        }

    def forget_cache(self):
        """Delete the benchmark's keys from Redis (the database cache goes with its
        database)."""
        if not settings.REDIS_URL:
            return
        from django.core.cache import cache

        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*"))
        if keys:
            client.delete(*keys)

    # The run

    def handle(self, *args, **options):
        if settings.DEBUG:
            raise CommandError(
                "Run the benchmark with DEBUG off (production settings): `make benchmark`, "
                "or DEBUG=0 SECRET_KEY=… python manage.py benchmark."
            )
        self.options = options
        self.results = {
            "date": dt.datetime.now(dt.UTC).date().isoformat(),
            "vendor": connection.vendor,
            "cache": "Redis" if settings.REDIS_URL else "database cache",
            "python": sys.version.split()[0],
            "cpus": os.cpu_count(),
        }
        self.key_prefix = f"iompanama-benchmark-{os.getpid()}"
        self.workdir = tempfile.mkdtemp(prefix="iompanama-benchmark-")
        started = time.perf_counter()
        call_command("collectstatic", interactive=False, verbosity=0)
        translation.activate(settings.LANGUAGE_CODE)
        try:
            with override_settings(CACHES=self.cache_settings()):
                try:
                    self.run()
                finally:
                    self.forget_cache()
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)
        self.results["seconds"] = time.perf_counter() - started
        self.say(f"\nWhole run: {self.results['seconds']:,.0f} s")
        if not options["no_docs"]:
            write_docs(self.results)
            self.say(f"Written into {DOCS.relative_to(settings.BASE_DIR)}.")

    def run(self):
        options = self.options
        self.say(
            f"database: {connection.vendor}, cache: {self.results['cache']}, "
            f"{os.cpu_count()} CPUs, Python {self.results['python']}"
        )
        with self.database("real"):
            self.say("\n# The real IOM Panama profile")
            self.load_real_profile()
            if not options["skip_imports"]:
                self.imports(options["rows"])
            if not options["skip_pages"]:
                self.render_target()
                self.real_pages(options["runs"])
            if not options["skip_http"]:
                self.http(options["http_seconds"])
        if not options["skip_large"]:
            with self.database("large"):
                self.large(options)

    def load_real_profile(self):
        from profiles.loading import load_current_profile, load_historical_snapshots

        seeds = settings.IOM_SEEDS_DIR if Path(settings.IOM_SEEDS_DIR).is_dir() else None
        start = time.perf_counter()
        load_current_profile(seeds_dir=seeds)
        load_historical_snapshots(seeds_dir=seeds)
        self.say(f"loaded in {time.perf_counter() - start:,.1f} s")

    # 1. Imports and exports

    def import_figures(self, rows, *, dry_run):
        dataset = SpreadsheetCSV().create_dataset(key_figure_csv(rows))
        result = KeyFigureResource().import_data(dataset, dry_run=dry_run)
        assert not result.has_errors() and not result.has_validation_errors()
        return result

    def imports(self, rows):
        self.say(f"\n## Imports and exports (real profile plus {rows:,} rows)")
        try:
            with transaction.atomic():
                self.import_runs(rows)
                raise Rollback
        except Rollback:
            pass

    def import_runs(self, rows):
        self.timed(
            f"key figures, CSV import dry run ({rows:,} new rows)",
            lambda: self.import_figures(rows, dry_run=True),
            rows,
        )
        self.timed(
            f"key figures, CSV import ({rows:,} new rows, bulk)",
            lambda: self.import_figures(rows, dry_run=False),
            rows,
        )
        self.timed(
            f"key figures, CSV re-import unchanged ({rows:,} rows)",
            lambda: self.import_figures(rows, dry_run=False),
            rows,
        )
        project_rows = max(rows // 10, 1)
        dataset = SpreadsheetCSV().create_dataset(project_csv(project_rows))
        self.timed(
            f"projects with regions and areas, CSV import ({project_rows:,} new rows)",
            lambda: ProjectResource().import_data(dataset, dry_run=False),
            project_rows,
        )
        with CaptureQueriesContext(connection) as queries:
            document = self.timed("profile document build", build_document)
        self.say(f"profile document build: {len(queries.captured_queries)} queries")
        self.results["build_queries"] = len(queries.captured_queries)
        facts = exports.fact_rows(document)
        self.timed(
            f"profile CSV export ({len(facts):,} facts)",
            lambda: exports.write_csv(facts, exports.FACT_COLUMNS),
            len(facts),
        )
        self.timed(
            f"profile XLSX export ({len(facts):,} facts)",
            lambda: exports.write_xlsx([("profile", exports.FACT_COLUMNS, facts)]),
            len(facts),
        )

    # 2. Pages of the real profile

    def render_target(self, runs=30):
        """The home page rendered in process with a memory cache, so that no cache
        backend's reads and writes count: the rendering alone."""
        self.say(f"\n## The home page's rendering, memory cache (median of {runs})")
        memory = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": self.key_prefix,
            },
            "fragments": settings.FRAGMENT_CACHE,
        }
        rows = []
        gc.collect()  # what loading the profile left, not the page's own garbage
        with override_settings(CACHES=memory):
            pages = Pages(cold=True)
            for url in ("/en/", "/es/"):
                figures = pages.measure(url, runs)
                rows.append({"page": url, "url": url} | figures)
                self.say(self.page_line(url, figures))
        self.results["render"] = rows

    def real_pages(self, runs):
        self.say(
            f"\n## Every public page, in process (median of {runs}; ms: uncached / "
            "document cached / page cached)"
        )
        pages = Pages()
        latest = Snapshot.objects.published().order_by("-date").first()
        rows = []
        for label, url in public_pages(pages.client, latest):
            figures = pages.measure(url, runs)
            rows.append({"page": label, "url": url} | figures)
            self.say(self.page_line(label, figures))
        self.results["real_pages"] = rows

    def page_line(self, label, f):
        cache = f" (+{f['cache_queries']} on the cache table)" if f["cache_queries"] else ""
        return (
            f"{label}: {f['queries']} queries{cache}, {f['bytes'] / 1024:,.0f} KB, "
            f"{fmt_ms(f['uncached'])} / {fmt_ms(f['document_cached'])} / {fmt_ms(f['cached'])} ms"
        )

    # 3. HTTP

    def http(self, seconds):
        self.say(f"\n## HTTP under gunicorn, 2 workers, wrk 1 thread 4 connections, {seconds} s")
        if shutil.which("wrk") is None:
            self.say(
                "wrk is missing: no HTTP figures. Install it (Debian: apt-get install -y wrk) "
                "and run again, or pass --skip-http."
            )
            self.results["http_missing"] = True
            return
        from django.contrib.staticfiles.storage import staticfiles_storage

        latest = Snapshot.objects.published().order_by("-date").first()
        snapshot_page = f"/en/snapshots/{latest.date.isoformat()}/"
        as_deployed = [
            ("trivial view: a bare view behind every middleware", TRIVIAL_VIEW),
            ("/healthz (a query, a cache write and read)", "/healthz"),
            ("static file (WhiteNoise)", staticfiles_storage.url("css/site.css")),
            ("home page /en/, page cached", "/en/"),
            (f"published snapshot page {snapshot_page}, page cached", snapshot_page),
        ]
        page_cache_off = [
            ("home page /en/, uncached (page rendered from the cached document)", "/en/"),
            (f"published snapshot page {snapshot_page}, as stored (one query)", snapshot_page),
        ]
        results = self.load_test(as_deployed, seconds, page_cache=True)
        results += self.load_test(page_cache_off, seconds, page_cache=False)
        self.results["http"] = results

    def load_test(self, targets, seconds, *, page_cache):
        server = Server(self.server_environment(page_cache=page_cache), self.workdir)
        results = []
        try:
            server.wait()
            for label, path in targets:
                for _warm in range(3):
                    request = urllib.request.Request(
                        server.base + path, headers={"X-Forwarded-Proto": "https"}
                    )
                    with urllib.request.urlopen(request, timeout=30) as response:
                        assert response.status == 200, (path, response.status)
                figures = wrk(server.base + path, seconds)
                results.append({"label": label, "path": path, "page_cache": page_cache} | figures)
                self.say(
                    f"{label}: {figures['rate']:,.0f} requests/s, p50 {fmt_ms(figures['p50'])} ms, "
                    f"p99 {fmt_ms(figures['p99'])} ms"
                    + (f", {figures['errors']} errors" if figures["errors"] else "")
                )
        finally:
            server.stop()
        return results

    def server_environment(self, *, page_cache=True):
        """Production settings, as `make serve` has them, on the benchmark's database and
        cache namespace, with the trivial view added (and the page cache left out when
        `page_cache` is false): a settings module and a URL conf of a few lines in the
        benchmark's folder."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
        }
        env |= {
            "DEBUG": "0",
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": self.database_url(),
            "MEDIA_ROOT": str(Path(self.workdir) / "media"),
            "IMPORT_EXPORT_PENDING_DIR": str(Path(self.workdir) / "pending"),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            # Persistent connections, as .env.example sets them for production.
            "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE") or "60",
            "DJANGO_SETTINGS_MODULE": "benchmark_settings",
            "PYTHONPATH": os.pathsep.join([self.workdir, str(settings.BASE_DIR)]),
        }
        lines = [
            "from iompanama.settings import *  # noqa: F403",
            'ROOT_URLCONF = "benchmark_urls"',
        ]
        if settings.REDIS_URL:
            env["REDIS_URL"] = settings.REDIS_URL
            lines.append(f"CACHES['default']['KEY_PREFIX'] = {self.key_prefix!r}  # noqa: F405")
        if not page_cache:
            lines.append(f"MIDDLEWARE.remove({PAGE_CACHE!r})  # noqa: F405")
        Path(self.workdir, "benchmark_settings.py").write_text("\n".join(lines) + "\n")
        Path(self.workdir, "benchmark_urls.py").write_text(BENCHMARK_URLS)
        return env

    # 4. The large profile

    def large(self, options):
        sizes = Sizes(
            projects=options["projects"],
            publications=options["publications"],
            key_figures=options["key_figures"],
            snapshots=options["snapshots"],
        )
        self.say(
            f"\n# A synthetic large profile: {sizes.projects:,} projects, "
            f"{sizes.publications:,} publications, {sizes.key_figures:,} key figures, "
            f"{sizes.snapshots} published versions"
        )
        start = time.perf_counter()
        build_large_profile(sizes)
        self.say(f"built in {time.perf_counter() - start:,.1f} s")
        large = {"sizes": vars(sizes) | {"stories": sizes.stories, "donors": sizes.donors}}
        self.results["large"] = large

        # Freeze: the document from one state of the database, stored as a draft.
        start = time.perf_counter()
        snapshot = freeze_snapshot(date=dt.date(2099, 1, 1), title="Benchmark freeze")
        large["freeze_s"] = time.perf_counter() - start
        large["document_mb"] = len(canonical_json(snapshot.document)) / 1e6
        self.say(
            f"freeze of the profile: {large['freeze_s']:,.2f} s, "
            f"document {large['document_mb']:,.1f} MB"
        )
        document = snapshot.document

        # Exports of the current profile.
        facts = exports.fact_rows(document)
        large["facts"] = len(facts)
        for name, function in (
            ("CSV", lambda: exports.write_csv(facts, exports.FACT_COLUMNS)),
            ("JSON", lambda: exports.write_json(document)),
            ("XLSX", lambda: exports.write_xlsx([("profile", exports.FACT_COLUMNS, facts)])),
        ):
            start = time.perf_counter()
            function()
            seconds = time.perf_counter() - start
            large[f"export_{name}"] = len(facts) / seconds
            self.say(f"{name} export: {len(facts):,} facts, {len(facts) / seconds:,.0f} rows/s")

        # The diff of the two latest versions.
        old, new = Snapshot.objects.published().order_by("-date")[:2][::-1]
        old_document, new_document = stored_document(old), stored_document(new)
        start = time.perf_counter()
        diff_documents(old_document, new_document)
        large["diff_s"] = time.perf_counter() - start
        self.say(f"diff of the two latest versions: {large['diff_s'] * 1000:,.0f} ms")

        runs = options["large_runs"]
        self.say(
            f"\n## Pages of the large profile (median of {runs}; ms: uncached / document "
            "cached / page cached)"
        )
        # Publishing renders a version's pages and files; the synthetic versions are
        # written in bulk, so the measured one is rendered as its publication would.
        artefacts.render_artefacts(new)
        pages = Pages()
        rows = []
        for label, url in page_kinds(new):
            # The spreadsheet takes seconds (see its export rate): once is enough.
            figures = pages.measure(url, 1 if url.endswith(".xlsx") else runs)
            rows.append({"page": label, "url": url} | figures)
            self.say(self.page_line(label, figures))
        large["pages"] = rows


# docs/benchmarks.md


def _marker(vendor, end=False):
    return f"<!-- benchmark:{vendor}:{'end' if end else 'start'} -->"


def write_docs(results):
    """Replace this database's generated section of docs/benchmarks.md (or add it)."""
    vendor = results["vendor"]
    section = "\n".join([_marker(vendor), render(results), _marker(vendor, end=True)])
    text = DOCS.read_text()
    start, end = text.find(_marker(vendor)), text.find(_marker(vendor, end=True))
    if start != -1 and end != -1:
        text = text[:start] + section + text[end + len(_marker(vendor, end=True)) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOCS.write_text(text)


def _queries(row):
    """Queries of the page, and those of the database cache if it is the cache."""
    cache = row.get("cache_queries")
    return f"{row['queries']} (+{cache})" if cache else str(row["queries"])


def _verdict(ok):
    return "met" if ok else "**missed**"


def render(results):
    lines = [
        f"### {VENDORS.get(results['vendor'], results['vendor'])}, {results['cache']} "
        f"(generated by `make benchmark` on {results['date']})",
        "",
        f"{results['cpus']} CPUs shared with other work, Python {results['python']}, "
        f"whole run {results.get('seconds', 0):,.0f} s. Times are medians, in milliseconds; "
        "*uncached* is the first request after an edit (the content version bumped: the "
        "document, the figures over time and the page are built again), *document cached* "
        "renders the page from the cached document (no page cache), *page cached* is served "
        "by the page cache.",
        "",
    ]
    if results.get("timings"):
        lines += ["| imports and exports (real profile) | time | rate |", "| --- | --- | --- |"]
        for timing in results["timings"]:
            rate = f"{timing['rate']:,.0f} rows/s" if timing["rate"] else ""
            lines.append(f"| {timing['label']} | {fmt_ms(timing['ms'])} ms | {rate} |")
        lines.append("")
    real = results.get("real_pages") or []
    if real:
        lines += [
            "| page (real profile) | queries | KB | uncached | document cached | page cached |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for row in real:
            lines.append(
                f"| `{row['page']}` | {_queries(row)} | {row['bytes'] / 1024:,.0f} | "
                f"{fmt_ms(row['uncached'])} | {fmt_ms(row['document_cached'])} | "
                f"{fmt_ms(row['cached'])} |"
            )
        lines.append("")
    render_rows = results.get("render") or []
    if render_rows:
        lines += [
            "| home page, memory cache (the rendering alone) | queries | uncached "
            "| uncached, no fragment kept | document cached | page cached |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for row in render_rows:
            lines.append(
                f"| `{row['page']}` | {row['queries']} | {fmt_ms(row['uncached'])} | "
                f"{fmt_ms(row.get('cold'))} | {fmt_ms(row['document_cached'])} | "
                f"{fmt_ms(row['cached'])} |"
            )
        lines.append("")
    if results.get("http_missing"):
        lines += ["HTTP: not measured, wrk is missing (`apt-get install -y wrk`).", ""]
    http = results.get("http") or []
    if http:
        trivial = http[0]["rate"]
        static = next((h["rate"] for h in http if h["path"].startswith("/static/")), None)
        lines += [
            "| HTTP, gunicorn 2 workers, wrk 4 connections | requests/s | p50 ms | p99 ms "
            "| × trivial view | × static file |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for row in http:
            lines.append(
                f"| {row['label']} | {row['rate']:,.0f} | {fmt_ms(row['p50'])} | "
                f"{fmt_ms(row['p99'])} | {row['rate'] / trivial:.2f} | "
                f"{row['rate'] / static:.2f} |"
            )
        lines.append("")
    large = results.get("large")
    if large:
        sizes = large["sizes"]
        lines += [
            f"Synthetic large profile (`profiles/synthetic.py`): {sizes['projects']:,} projects, "
            f"{sizes['publications']:,} publications, {sizes['stories']:,} news stories, "
            f"{sizes['key_figures']:,} key figures, {sizes['donors']:,} donors, "
            f"{sizes['snapshots']} published versions.",
            "",
            "| large profile | figure |",
            "| --- | --- |",
            f"| freeze (document build, checksum, change summary, save) | "
            f"{large['freeze_s']:,.2f} s |",
            f"| document size | {large['document_mb']:,.1f} MB |",
            f"| CSV export ({large['facts']:,} facts) | {large['export_CSV']:,.0f} rows/s |",
            f"| JSON export | {large['export_JSON']:,.0f} facts/s |",
            f"| XLSX export | {large['export_XLSX']:,.0f} rows/s |",
            f"| diff of the two latest versions | {large['diff_s'] * 1000:,.0f} ms |",
        ]
        archive = next((row for row in large["pages"] if row["page"] == "archive"), None)
        if archive:
            lines.append(
                f"| archive page with {sizes['snapshots']} versions: uncached / page cached | "
                f"{fmt_ms(archive['uncached'])} / {fmt_ms(archive['cached'])} ms |"
            )
        lines.append("")
        real_kinds = {}
        for row in real:
            kind = kind_of(row["url"])
            if kind:
                real_kinds.setdefault(kind, set()).add(row["queries"])
        lines += [
            "| page (large profile) | queries | queries, real profile | KB | uncached "
            "| document cached | page cached |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for row in large["pages"]:
            same = real_kinds.get(row["page"])
            real_queries = ", ".join(str(q) for q in sorted(same)) if same else "–"
            lines.append(
                f"| `{row['page']}` | {_queries(row)} | {real_queries} | "
                f"{row['bytes'] / 1024:,.0f} | {fmt_ms(row['uncached'])} | "
                f"{fmt_ms(row['document_cached'])} | {fmt_ms(row['cached'])} |"
            )
        lines.append("")
    lines += render_targets(results)
    return "\n".join(lines)


def render_targets(results):
    lines = ["| target | measured | |", "| --- | --- | --- |"]
    real = results.get("real_pages") or []
    large = results.get("large") or {}
    counts = [row["queries"] for row in real] + [row["queries"] for row in large.get("pages", [])]
    if counts:
        lines.append(
            f"| every public page ≤ {TARGET_QUERIES} queries | at most {max(counts)} | "
            f"{_verdict(max(counts) <= TARGET_QUERIES)} |"
        )
    if real and large:
        by_kind = {}
        for row in real:
            kind = kind_of(row["url"])
            if kind:
                by_kind.setdefault(kind, set()).add(row["queries"])
        differ = [
            row["page"]
            for row in large["pages"]
            if row["page"] in by_kind and by_kind[row["page"]] != {row["queries"]}
        ]
        lines.append(
            "| the same number of queries whatever the volume | "
            + (("differs: " + ", ".join(differ)) if differ else "same on every page")
            + f" | {_verdict(not differ)} |"
        )
    home = next((row for row in results.get("render") or [] if row["url"] == "/en/"), None)
    if home:
        # The "uncached": the document cached, the page rendered.
        lines.append(
            f"| home page < 20 ms in process, page not cached (real profile, memory "
            f"cache; the document rebuilt too: {fmt_ms(home['uncached'])} ms) | "
            f"{fmt_ms(home['document_cached'])} ms | {_verdict(home['document_cached'] < 20)} |"
        )
    http = results.get("http") or []
    if http:
        trivial = http[0]["rate"]
        static = next(h["rate"] for h in http if h["path"].startswith("/static/"))
        cached = [h for h in http if h.get("page_cache", True)]
        stored = [h for h in http if not h.get("page_cache", True)]
        home_rate = next(h["rate"] for h in cached if h["path"] == "/en/")
        snapshot = next(h["rate"] for h in cached if "/snapshots/" in h["path"])
        lines.append(
            f"| cached home page ≥ 80 % of the trivial view's throughput | "
            f"{100 * home_rate / trivial:.0f} % | {_verdict(home_rate >= 0.8 * trivial)} |"
        )
        lines.append(
            f"| published snapshot page ≥ 50 % of a static file's throughput | "
            f"{100 * snapshot / static:.0f} % | {_verdict(snapshot >= 0.5 * static)} |"
        )
        as_stored = next((h["rate"] for h in stored if "/snapshots/" in h["path"]), None)
        if as_stored:
            lines.append(
                f"| the same, page cache off (served as stored) | "
                f"{100 * as_stored / static:.0f} % | {_verdict(as_stored >= 0.5 * static)} |"
            )
    if large:
        lines.append(
            f"| freeze of the large profile < 2 s | {large['freeze_s']:,.2f} s | "
            f"{_verdict(large['freeze_s'] < 2)} |"
        )
        lines.append(
            f"| CSV export > 100,000 rows/s | {large['export_CSV']:,.0f} rows/s | "
            f"{_verdict(large['export_CSV'] > 100_000)} |"
        )
    lines.append("")
    return lines


def dump(results, path):
    Path(path).write_text(json.dumps(results, indent=1, default=str))
