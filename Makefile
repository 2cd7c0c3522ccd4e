# Two commands: `make run` sets everything up and serves the demo; `make test` tests it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install system-packages checker test test-postgres bench loadtest soak lint format messages makemessages clean

run: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_exhibition
	$(BIN)/python manage.py ensure_curator

install: $(INSTALLED) messages

# Compiled catalogues are built, not committed (Babel: no GNU gettext needed).
CATALOGUES := $(wildcard exhibition/locale/*/LC_MESSAGES/django.po)
messages: $(CATALOGUES:.po=.mo)

%.mo: %.po | $(INSTALLED)
	$(BIN)/pybabel compile --statistics -i $< -o $@

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

# What printing labels needs from the system (Debian/Ubuntu, as root): Pango for
# WeasyPrint, the Noto CJK font the labels embed, poppler for the label tests.
system-packages:
	apt-get install -y poppler-utils fonts-noto-cjk fontconfig libpango-1.0-0 libpangoft2-1.0-0

# The Nu HTML checker and the Mirador IIIF viewer for the tests (package.json pins
# vnu-jar, which runs on the machine's Java, and mirador). Without npm the HTML and
# IIIF viewer tests skip, or fail where REQUIRE_BROWSER is set.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
checker: $(VNU_JAR)

$(VNU_JAR): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the HTML validity test will not run"; fi

# Lint first: a style error fails in seconds, not after the suite. Then the suite on
# two workers (pytest-xdist), with the coverage report and its floor (COVERAGE_FLOOR).
# Tests go to whichever worker is free (load), in pytest-django's order: every
# transactional test last, since its flush leaves the staff role groups out (a
# flush means "empty", see exhibition/roles.py). Whole modules per worker (loadfile)
# would build each module's world once, but runs a module's transactional tests
# before the next module's tests that need the roles. The PostgreSQL outage drills
# stop a PostgreSQL server: they run in test-postgres.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist load
# Two points under what the whole suite covers (97 %: pytest-cov on `make test`,
# which prints the total): a change that leaves new code untested fails here.
COVERAGE_FLOOR := 95

test: install checker
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(PYTEST) -m "not drill" --cov --cov-report=term:skip-covered \
		--cov-fail-under=$(COVERAGE_FLOOR) $(PYTEST_ARGS)

# The same suite against PostgreSQL (one runs on this machine; see README), with
# the outage drills. The browser tests serve their own SQLite demo site, so they
# run once, in `make test`.
test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/exhibition} \
	EXPECT_DATABASE=postgresql $(PYTEST) --ignore=tests/browser $(PYTEST_ARGS)

# Benchmarks (see docs/performance.md): scale at 1k and 100k records, throughput.
# The drivers live in tests/bench/, outside the installed packages.
bench: install
	$(BIN)/python -m tests.bench run --sizes 1000 100000 --seconds 5

# 200 connections for 60 s, then database and cache outage drills (docs/security.md, Reliability).
loadtest: install
	$(BIN)/python -m tests.bench load --seconds 60

# 30 minutes of mixed load on gunicorn, PostgreSQL and Redis (docs/security.md, Reliability);
# SOAK_SECONDS shortens it. Exits non-zero on any failed check.
soak: install
	$(BIN)/python -m tests.bench.soak

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the catalogue after adding or changing translatable strings.
makemessages: install
	$(BIN)/python manage.py makemessages -l zh_Hans --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=var --ignore=media

clean:
	rm -rf $(VENV) var node_modules
