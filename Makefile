# Two commands: `make run` serves the site with the real data; `make test` passes the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEV_ENV := DEBUG=1

.PHONY: install setup run serve test lint format check migrations-check messages compilemessages browser-deps pdf-deps benchmark-deps benchmark clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate pyproject.toml requirements.lock
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

install: $(VENV)/.installed pdf-deps

# WeasyPrint (the factsheet PDFs) needs Pango from Debian; the tests turn the PDFs'
# first pages into images with poppler's pdftoppm. Installed when we can (root with apt-get).
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
pdf-deps:
	@missing=""; for package in $(PDF_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# Migrate, load what is missing of the real profile (editors' changes are kept),
# make sure the development admin exists.
setup: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_iom_panama
	$(DEV_ENV) $(PY) manage.py ensure_demo_admin

run: setup
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# Production, as docs/operations.md describes it: settings from the environment
# (DEBUG off, SECRET_KEY, DATABASE_URL, REDIS_URL…), hashed static files,
# migrations, gunicorn with several workers.
BIND ?= 127.0.0.1:8000
WORKERS ?= 3
serve: install
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput
	$(PY) manage.py render_versions --stale
	exec $(BIN)/gunicorn iompanama.wsgi --bind $(BIND) --workers $(WORKERS) \
		--no-control-socket --access-logfile -

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(DEV_ENV) $(PY) manage.py check
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

# Browser tests drive Debian's Chromium; install it when we can (root with apt-get).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium libatomic1 >/dev/null; \
	fi

# One pytest worker per core (pytest-xdist), each with a test database of its own;
# a test file runs on one worker. PYTEST_ARGS adds options, e.g. -m "not browser".
PYTEST_ARGS ?=
test: install browser-deps lint check
	$(BIN)/pytest -n auto --dist loadfile $(PYTEST_ARGS)

# Regenerate the Spanish catalogue (needs gettext) and compile it.
messages: install
	$(DEV_ENV) $(PY) manage.py makemessages -l es --no-location --ignore=.venv --ignore=node_modules --ignore=tests --ignore=staticfiles
	$(DEV_ENV) $(PY) manage.py compilemessages --ignore=.venv

compilemessages: install
	$(DEV_ENV) $(PY) manage.py compilemessages --ignore=.venv

# The load generator of the HTTP figures; installed when we can (root with apt-get).
benchmark-deps:
	@if ! command -v wrk >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get install -y -qq wrk >/dev/null 2>&1 || \
		{ apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; \
	fi

# Production settings (DEBUG off), in databases and a cache namespace of the
# benchmark's own; writes its figures into docs/benchmarks.md (docs/benchmarks.md
# says how to skip parts: BENCHMARK_ARGS="--skip-http --skip-large").
benchmark: install benchmark-deps
	DEBUG=0 SECRET_KEY="$${SECRET_KEY:-benchmark-only-not-secret}" \
		$(PY) manage.py benchmark $(BENCHMARK_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
