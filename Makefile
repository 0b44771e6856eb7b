# abierto: the two commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every dependency pinned with its hashes: what CI tested is what installs (docs/security.md).
LOCK := requirements/dev.lock
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails and in load_demo's closing block point to the server actually started.
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: lock audit run test test-fast hooks install lint typecheck format messages migrate demo serve-dev e2e-deps ocr-deps clean serve worker

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Re-pin after changing pyproject.toml's dependencies: both lock files, with hashes, for every
# platform (uv resolves; pip installs). `make audit` checks the pins against known advisories.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv>=0.9,<1"
	$(BIN)/python -m uv pip compile pyproject.toml --universal --generate-hashes \
	  --python-version 3.11 --custom-compile-command "make lock" -o requirements/base.lock
	$(BIN)/python -m uv pip compile pyproject.toml --extra dev --universal --generate-hashes \
	  --python-version 3.11 --custom-compile-command "make lock" -o requirements/dev.lock

audit: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "pip-audit>=2.7,<3"
	$(BIN)/python -m pip_audit --require-hashes --disable-pip -r requirements/base.lock
	$(BIN)/python -m pip_audit --require-hashes --disable-pip -r requirements/dev.lock

# Compiles the English catalogue (Spanish is the source language, so it needs none).
messages: install
	@if command -v msgfmt >/dev/null; then \
	  DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv -v 0; \
	else echo "msgfmt (Debian's gettext) not found: the English interface stays untranslated."; fi

migrate: install
	mkdir -p var
	DEBUG=1 $(BIN)/python manage.py migrate --no-input -v 0

demo: migrate
	@DEBUG=1 SITE_URL=$(SITE_URL) $(BIN)/python manage.py load_demo

# load_demo ends with the links and the demo logins; migrate has already run the system
# checks, so runserver adds only its own few lines after them.
run: messages demo
	@DEBUG=1 SITE_URL=$(SITE_URL) DJANGO_RUNSERVER_HIDE_WARNING=true \
	  $(BIN)/python manage.py runserver --skip-checks $(HOST):$(PORT)

# Debian's chromium drives the end-to-end tests; never a downloaded browser.
e2e-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium (sudo apt-get install chromium) to run the e2e tests."; fi; }

# Scanned actas are read by Tesseract's Spanish model and poppler's pdftoppm (Debian packages).
ocr-deps:
	@if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx spa \
	  && command -v pdftoppm >/dev/null; then echo "OCR: tesseract (spa) and pdftoppm are installed."; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-spa poppler-utils >/dev/null \
	  || { echo "Could not install tesseract-ocr tesseract-ocr-spa poppler-utils with apt-get: scanned actas will be refused with a message until they are installed."; exit 1; }; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo apt-get update -qq && \
	  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-spa poppler-utils >/dev/null; \
	else echo "Install the OCR of scanned actas as root: apt-get install tesseract-ocr tesseract-ocr-spa poppler-utils (until then a scanned acta is refused with a message in Spanish)."; fi

# Production: gunicorn on loopback behind a proxy, settings only from the environment
# (docs/deploy.md). DEBUG is never on here; SECRET_KEY and ALLOWED_HOSTS are required.
serve: messages
	@unset DEBUG; missing=""; \
	  for name in SECRET_KEY ALLOWED_HOSTS; do \
	    file="$${name}_FILE"; \
	    if [ -z "$${!name}" ] && [ -z "$${!file}" ]; then missing="$$missing $$name"; fi; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    echo "make serve needs these in the environment (or <NAME>_FILE):$$missing"; \
	    echo "See docs/deploy.md. For development, use 'make run'."; exit 2; fi
	env -u DEBUG $(BIN)/python manage.py collectstatic --no-input -v 0
	env -u DEBUG $(BIN)/python manage.py migrate --no-input -v 0
	env -u DEBUG BIND=$${BIND:-$(HOST):$(PORT)} $(BIN)/gunicorn -c gunicorn.conf.py

# A background worker for every queue (e-mails, acta reading, renditions).
worker: install
	env -u DEBUG $(BIN)/python manage.py db_worker --queue-name '*' --no-reload

# Line coverage of abierto/ (tests and migrations left out) may not fall below the figure it had
# when the floor was set (docs/development.md): raise COVERAGE_FLOOR when coverage rises, never
# lower it. CI measures it on the SQLite run; its PostgreSQL run passes COV_ARGS= to skip it.
COVERAGE_FLOOR ?= 95
COV_ARGS ?= --cov --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR)

test: messages e2e-deps
	$(BIN)/pytest -q -n auto $(COV_ARGS) $(PYTEST_ARGS)

# Your own loop: everything but the browser and subprocess tests, without coverage.
test-fast: messages
	$(BIN)/pytest -q -n auto -m "not e2e and not slow" $(PYTEST_ARGS)

# The checks CI runs, before each commit (and the fast suite before each push).
hooks: install
	$(BIN)/pre-commit install --hook-type pre-commit --hook-type pre-push

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install
	$(BIN)/mypy abierto conftest.py

clean:
	rm -rf $(VENV) var/static
