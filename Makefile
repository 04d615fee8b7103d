# Empower's front door. `make run` serves the demo site; `make test` runs the suite.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
ARGS ?=
PYTEST := $(PY) -m pytest $(ARGS)
# Tests run in development mode, on a throwaway key (manage.py defaults to it).
DEV_ENV := DEBUG=true

.PHONY: help install lock run test test-postgres test-sqlite lint format precommit migrations-check mutation ci clean

help:
	@echo "make run               set up and serve the demo site on http://localhost:$(PORT)"
	@echo "make test              run the suite on PostgreSQL and on SQLite (ARGS=... for pytest)"
	@echo "make lint              ruff, mypy and the template formatter's check"
	@echo "make precommit         run the pre-commit hooks (ruff, django-upgrade, djade) on every file"
	@echo "make migrations-check  fail when models and migrations disagree"
	@echo "make mutation          mutation testing of the modules that hold rules (slow; ONLY=newsletter.sending)"
	@echo "make lock              re-pin requirements*.txt (with hashes) from requirements*.in"
	@echo "make ci                what CI runs"

# A server installs requirements.txt only; developers and CI add the test tools.
# Every file is checked against its pinned hash, so a tampered download fails.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@python=$$(scripts/find-python) || exit 1; \
	  if [ ! -x $(PY) ]; then echo "Creating $(VENV) with $$python"; $$python -m venv $(VENV); fi
	$(PY) -m pip install --quiet --quiet --disable-pip-version-check --require-hashes \
	  -r requirements.txt -r requirements-dev.txt
	@touch $@

PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock: install
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed

# Emailed links point at the port the site runs on (PORT=8080 make run).
run: export SITE_URL ?= http://localhost:$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py rebuild_search_index
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: test-postgres test-sqlite

# PostgreSQL: DATABASE_URL when it names one, otherwise a throwaway cluster.
test-postgres: install
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then \
	  echo "== PostgreSQL at DATABASE_URL"; $(DEV_ENV) $(PYTEST); \
	elif ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  echo "== PostgreSQL: NOT TESTED: no server binaries here. Install postgresql or set DATABASE_URL."; \
	  echo "   PostgreSQL-only code (SKIP LOCKED, full-text search) is exactly what breaks unseen."; \
	  if [ -n "$${ALLOW_SKIP_POSTGRES:-}" ] && [ -z "$${CI:-}" ]; then echo "   ALLOW_SKIP_POSTGRES is set: going on."; else exit 1; fi; \
	else \
	  echo "== PostgreSQL (throwaway cluster)"; $(DEV_ENV) scripts/with-postgres $(PYTEST); \
	fi

test-sqlite: install
	@echo "== SQLite"
	$(DEV_ENV) DATABASE_URL=sqlite:///$(CURDIR)/test.sqlite3 $(PYTEST)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(VENV)/bin/mypy .
	$(VENV)/bin/djade --check --target-version 6.1 $$(git ls-files 'templates/*.html')

# ruff, django-upgrade and djade over every file, as the pre-commit hook does.
precommit: install
	$(VENV)/bin/pre-commit run --all-files

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# Not in CI: slow. Starts afresh each time: mutmut's cache keeps test maps from
# earlier runs, which go stale when the modules or tests change.
# Every test run starts from a copy of mutation.sqlite3, migrated once here.
MUTATION_ENV := $(DEV_ENV) DATABASE_URL=sqlite:///$(CURDIR)/mutation.sqlite3 \
  EMPOWER_TEST_DB_TEMPLATE=$(CURDIR)/mutation.sqlite3

mutation: install
	rm -rf mutants mutation.sqlite3
	$(MUTATION_ENV) $(PY) manage.py migrate --verbosity 0
	$(MUTATION_ENV) $(VENV)/bin/mutmut run $(if $(ONLY),"$(ONLY)*")
	$(PY) scripts/mutation-report --survivors
	$(MUTATION_ENV) scripts/rule-mutations

ci: lint migrations-check test

clean:
	rm -rf $(VENV) node_modules staticfiles test.sqlite3 mutation.sqlite3 mutants .pytest_cache .ruff_cache
