"""Run the site as docs/operations.md deploys it, twice, and use it as people would.

Two servers (`make serve`: DEBUG off, collectstatic with the manifest, migrate,
gunicorn with several workers) on two loopback ports share one PostgreSQL
database and one Redis. The check crawls every page of the sitemap, every
download and every snapshot page through both (no 5xx, no missing static file),
edits a key figure and imports a spreadsheet through server A's admin and reads
them through server B, then freezes and publishes a snapshot through server B and
reads it through server A.

Usage (the standard library only; .ci/run calls it):
    python .ci/production_check.py --database-url postgres://… --redis-url redis://…
"""

import argparse
import http.client
import json
import os
import re
import secrets
import subprocess
import sys
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
USERNAME = "production-check"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Browser:
    """A visitor behind the TLS proxy: it says https, keeps cookies, sends CSRF tokens.
    Both servers are reached under one host name, as behind one load balancer."""

    HOST = "localhost"

    def __init__(self, port):
        self.port = port
        self.origin = f"https://{self.HOST}"
        self.cookies = {}
        self.requests = 0

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "Host": self.HOST,
            "X-Forwarded-Proto": "https",
            "Accept-Language": "en",
            **(headers or {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        connection.close()
        self.requests += 1
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, _, rest = value.partition("=")
                self.cookies[cookie_name] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), content

    def get(self, path):
        status, headers, content = self.request("GET", path)
        check(status < 500, f"GET {path} on :{self.port} answered {status}")
        return status, headers, content

    def post(self, path, fields, files=None):
        fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        if files:
            boundary = uuid.uuid4().hex
            body = multipart(fields, files, boundary)
            content_type = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(fields, doseq=True).encode()
            content_type = "application/x-www-form-urlencoded"
        status, headers, content = self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": content_type,
                "Origin": self.origin,
                "Referer": self.origin + path,
            },
        )
        check(status < 500, f"POST {path} on :{self.port} answered {status}")
        return status, headers, content

    def login(self, password):
        self.get("/admin/login/")
        status, headers, _ = self.post(
            "/admin/login/?next=/admin/", {"username": USERNAME, "password": password}
        )
        check(status == 302, f"admin login on :{self.port} answered {status}")


def multipart(fields, files, boundary):
    parts = []
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            parts.append(
                (
                    f"--{boundary}\r\nContent-Disposition: form-data; "
                    f'name="{name}"\r\n\r\n{item}\r\n'
                ).encode()
            )
    for name, (filename, data) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


class PageParser(HTMLParser):
    """Links, assets and the fields of every form on a page."""

    def __init__(self):
        super().__init__()
        self.links, self.assets, self.forms = set(), set(), []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.add(attrs["href"])
        if tag in {"link", "script", "img", "source"}:
            for name in ("href", "src"):
                if attrs.get(name, "").startswith("/static/"):
                    self.assets.add(attrs[name])
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": {}})
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        if tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    fields.setdefault(attrs["name"], []).append(attrs.get("value", "on"))
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                fields[attrs["name"]] = attrs.get("value", "")
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
            fields.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in attrs:
            fields[self._select] = attrs.get("value", "")
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            fields[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data.lstrip("\n")


def parse(content):
    parser = PageParser()
    parser.feed(content.decode("utf-8", "replace"))
    return parser


class Crawler:
    def __init__(self, browser):
        self.browser = browser
        self.seen_assets = set()
        self.pages = 0

    def page(self, path):
        status, headers, content = self.browser.get(path)
        for _redirect in range(3):
            if status not in {301, 302}:
                break
            status, headers, content = self.browser.get(urlsplit(headers["Location"]).path)
        check(status == 200, f"{path} on :{self.browser.port} answered {status}")
        self.pages += 1
        if headers.get("Content-Type", "").startswith("text/html"):
            parsed = parse(content)
            for asset in parsed.assets - self.seen_assets:
                asset_status, _, _ = self.browser.get(asset)
                check(asset_status == 200, f"{asset} (on {path}) answered {asset_status}")
                self.seen_assets.add(asset)
            return parsed
        return content

    def everything(self):
        _, _, sitemap = self.browser.get("/sitemap.xml")
        locations = re.findall(rb"<loc>([^<]+)</loc>|href=\"([^\"]+)\"", sitemap)
        urls = {urlsplit((loc or href).decode()).path for loc, href in locations}
        check(len(urls) > 10, f"the sitemap lists only {len(urls)} URLs")
        for path in sorted(urls):
            self.page(path)
        package = json.loads(self.page("/data/datapackage.json"))
        for resource in package["resources"]:
            for path in (
                [resource["path"]] if isinstance(resource["path"], str) else resource["path"]
            ):
                self.page(urlsplit(path).path)
        for archive in ("/en/snapshots/", "/es/versiones/"):
            parsed = self.page(archive)
            snapshot_pages = {
                link
                for link in parsed.links
                if re.fullmatch(r"/(en|es)/\w+/\d{4}-\d\d-\d\d/", link)
            }
            check(snapshot_pages, f"{archive} links no snapshot page")
            for link in sorted(snapshot_pages):
                self.page(link)
                date = link.rstrip("/").rsplit("/", 1)[1]
                for fmt in ("csv", "json", "xlsx"):
                    self.page(f"/snapshots/{date}.{fmt}")
        for path in (
            "/robots.txt",
            "/healthz",
            "/en/feed/",
            "/en/snapshots/compare/?a=2022-12-31&b=current",
        ):
            self.page(path)
        return self.pages


def admin_form(browser, path):
    """The fields of the page's main form (the one with the most fields; not the
    header's log-out form)."""
    status, _, content = browser.get(path)
    check(status == 200, f"{path} answered {status}")
    forms = [form for form in parse(content).forms if "logout" not in form["action"]]
    check(forms, f"no form on {path}")
    return max(forms, key=lambda form: len(form["fields"]))["fields"]


def form_errors(content):
    """The text of the error lists on an admin page, to say why a form was refused."""
    lists = re.findall(rb'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', content, re.S)
    return [re.sub(rb"<[^>]+>", b" ", item).decode().strip() for item in lists]


def changelist_id(browser, app_model, text):
    _, _, content = browser.get(f"/admin/{app_model}/?q={text}")
    ids = re.findall(rf"/admin/{app_model}/(\d+)/change/".encode(), content)
    check(ids, f"no {app_model} matching {text!r}")
    return int(ids[0])


def anonymous_page(visitor, path):
    """A page as an anonymous visitor gets it: from the shared page cache when fresh."""
    status, _, content = visitor.get(path)
    check(status == 200, f"{path} on :{visitor.port} answered {status}")
    return content


def edit_on_a_read_on_b(editor_a, visitor_b):
    pk = changelist_id(editor_a, "profiles/keyfigure", "digital")
    path = f"/admin/profiles/keyfigure/{pk}/change/"
    fields = admin_form(editor_a, path)
    new_value = 987_654 + secrets.randbelow(1000)
    fields["value"] = str(new_value)
    status, _, content = editor_a.post(path, fields)
    check(status == 302, f"saving a key figure on A answered {status}: {form_errors(content)}")
    shown = f"{new_value:,}".encode()
    check(shown in anonymous_page(visitor_b, "/en/"), f"B's home page lacks {shown!r} saved on A")
    data = anonymous_page(visitor_b, "/data/current.csv")
    check(str(new_value).encode() in data, "B's current.csv lacks the value saved on A")


def import_on_a_read_on_b(editor_a, visitor_b):
    csv = (
        "slug,category,label_en,label_es,qualifier,value,unit_en,unit_es,period_start,period_end\n"
        "production-check,communications,Production check figure,Cifra de comprobación,"
        "exact,4242,,,,2024-06-30\n"
    ).encode()
    path = "/admin/profiles/keyfigure/import/"
    fields = admin_form(editor_a, path)
    fields["format"] = "0"
    status, _, preview = editor_a.post(path, fields, files={"import_file": ("figures.csv", csv)})
    check(status == 200, f"the import preview on A answered {status}")
    confirm = next(
        (form["fields"] for form in parse(preview).forms if "process_import" in form["action"]),
        None,
    )
    check(confirm is not None, f"no confirmation form in the preview: {preview[:600]!r}")
    # The confirmation streams a progress page while it imports, and ends it so.
    status, _, done = editor_a.post("/admin/profiles/keyfigure/process_import/", confirm)
    check(status == 200, f"confirming the import on A answered {status}")
    check(b'class="import-done"' in done, f"the import on A did not finish: {done[-600:]!r}")
    page = anonymous_page(visitor_b, "/en/")
    check(b"Production check figure" in page, "B's home page lacks the figure imported on A")


def delete_on_b_read_on_a(editor_b, visitor_a):
    pk = changelist_id(editor_b, "profiles/keyfigure", "production-check")
    status, _, _ = editor_b.post(f"/admin/profiles/keyfigure/{pk}/delete/", {"post": "yes"})
    check(status == 302, f"deleting a key figure on B answered {status}")
    page = anonymous_page(visitor_a, "/en/")
    check(b"Production check figure" not in page, "A's home page still shows a figure deleted on B")


def loader_then_read_on_both(env, editor_a, visitors):
    pk = changelist_id(editor_a, "profiles/keyfigure", "legal-orientation")
    status, _, _ = editor_a.post(f"/admin/profiles/keyfigure/{pk}/delete/", {"post": "yes"})
    check(status == 302, f"deleting a key figure on A answered {status}")
    for visitor in visitors:
        page = anonymous_page(visitor, "/en/")
        check(b"legal orientation" not in page, f":{visitor.port} shows a deleted figure")
    manage(env, "load_iom_panama")  # creates what is missing
    for visitor in visitors:
        page = anonymous_page(visitor, "/en/")
        check(b"legal orientation" in page, f":{visitor.port} lacks a figure the loader restored")


def publish_on_b_read_on_a(editor_b, visitor_a, date):
    fields = admin_form(editor_b, "/admin/profiles/snapshot/add/")
    fields.update(
        date=date,
        title_en="Production check",
        title_es="Comprobación de producción",
        note_en="",
        note_es="",
        _continue="1",
    )
    status, headers, content = editor_b.post("/admin/profiles/snapshot/add/", fields)
    check(status == 302, f"freezing on B answered {status}: {form_errors(content)}")
    pk = re.search(r"/admin/profiles/snapshot/(\d+)/change/", headers["Location"]).group(1)
    # Publish what the confirmation page shows: its form carries the checksum reviewed.
    _, _, page = editor_b.get(f"/admin/profiles/snapshot/{pk}/publish/")
    seen = re.search(rb'name="checksum" value="([0-9a-f]{64})"', page).group(1).decode()
    status, _, _ = editor_b.post(f"/admin/profiles/snapshot/{pk}/publish/", {"checksum": seen})
    check(status == 302, f"publishing on B answered {status}")
    archive = anonymous_page(visitor_a, "/en/snapshots/")
    check(b"31 December 2031" in archive, "A's archive lacks the snapshot published on B")
    anonymous_page(visitor_a, f"/en/snapshots/{date}/")
    anonymous_page(visitor_a, f"/snapshots/{date}.csv")
    return pk


def withdraw_on_a_read_on_b(editor_a, visitor_b, pk, date):
    reason = "Withdrawn by the production check"
    status, _, _ = editor_a.post(f"/admin/profiles/snapshot/{pk}/withdraw/", {"reason": reason})
    check(status == 302, f"withdrawing on A answered {status}")
    page = anonymous_page(visitor_b, f"/en/snapshots/{date}/")
    check(reason.encode() in page, "B's page of a version withdrawn on A does not say so")


def etags_agree_across_servers(visitor_a, visitor_b):
    """One shared cache: B answers 304 to the ETag A gave for the same page."""
    for path in ("/en/", "/es/proyectos/", "/data/current.csv"):
        _, headers, _ = visitor_a.get(path)
        status, _, body = visitor_b.request("GET", path, headers={"If-None-Match": headers["ETag"]})
        check(status == 304 and not body, f"{path}: B answered {status} to A's ETag")


def manage(env, *args):
    """Run a management command as an operator would; fail on any error it logs too
    (a version whose pages fail to render is logged, not raised)."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode or "Traceback" in result.stderr:
        raise SystemExit(f"manage.py {' '.join(args)} failed")


def start_server(env, port, log):
    process = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"BIND=127.0.0.1:{port}", "WORKERS=2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        check(process.poll() is None, f"the server on :{port} stopped; see {log.name}")
        try:
            status, _, _ = Browser(port).request("GET", "/healthz")
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(1)
    raise Failure(f"the server on :{port} did not answer /healthz within 240 s")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis-url", required=True)
    parser.add_argument("--ports", default="8101,8102")
    parser.add_argument("--logs", type=Path, default=ROOT / "test-artifacts")
    options = parser.parse_args()
    port_a, port_b = (int(port) for port in options.ports.split(","))
    options.logs.mkdir(exist_ok=True)
    password = secrets.token_urlsafe(16)
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": options.database_url,
        "REDIS_URL": options.redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SUPERUSER_PASSWORD": password,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    servers = []
    try:
        # What docs/operations.md says to run once on a new database.
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        manage(env, "load_iom_panama")
        manage(
            env, "createsuperuser", "--noinput", "--username", USERNAME, "--email", "ci@example.org"
        )
        for port in (port_a, port_b):
            log = open(options.logs / f"server-{port}.log", "w")  # noqa: SIM115 - lives with the server
            servers.append(start_server(env, port, log))
        a, b = Browser(port_a), Browser(port_b)
        for browser in (a, b):
            pages = Crawler(browser).everything()
            print(f"crawled {pages} pages and downloads through :{browser.port}: none failed")
        a.login(password)
        b.login(password)
        visitors = [Browser(port_a), Browser(port_b)]
        for visitor in visitors:  # every page read once: in the cache when the writes come
            anonymous_page(visitor, "/en/")
            anonymous_page(visitor, "/data/current.csv")
        etags_agree_across_servers(*visitors)
        print("B answers 304 to the ETags A gives: one shared cache")
        edit_on_a_read_on_b(a, visitors[1])
        print("a key figure saved in A's admin is on B's next anonymous page and download")
        import_on_a_read_on_b(a, visitors[1])
        print("a key figure imported in A's admin is on B's next anonymous page")
        delete_on_b_read_on_a(b, visitors[0])
        print("a key figure deleted in B's admin is gone from A's next anonymous page")
        loader_then_read_on_both(env, a, visitors)
        print("a figure restored by load_iom_panama is on both servers' next anonymous page")
        date = "2031-12-31"
        pk = publish_on_b_read_on_a(b, visitors[0], date)
        print("a snapshot frozen and published through B is on A's archive, page and CSV")
        withdraw_on_a_read_on_b(a, visitors[1], pk, date)
        print("a snapshot withdrawn through A says so on B's next anonymous page")
    except Failure as failure:
        print(f"production check FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        for server in servers:
            stop(server)
    print("Production check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
