# healthportal: the two commands of the README are `make run` and `make test`.
# Every target installs what it needs and is quick when nothing changed.

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test lint format db bench chromium stop-db shell

setup: $(VENV)/.installed node_modules/.installed .env db locale/id/LC_MESSAGES/django.mo
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_semarang

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

.env: | $(VENV)/.installed
	@$(PY) scripts/make_env.py > $@
	@echo "Wrote .env for development (DJANGO_DEBUG=true, a new random DJANGO_SECRET_KEY)."

locale/id/LC_MESSAGES/django.mo: locale/id/LC_MESSAGES/django.po locale_libraries/id/LC_MESSAGES/django.po $(VENV)/.installed
	$(MANAGE) compilemessages -v 0 --ignore=.venv --ignore=node_modules

db:
	@scripts/db.sh

stop-db:
	@scripts/db.sh stop

run: setup
	@$(MANAGE) seed_demo --if-empty
	$(MANAGE) runserver $(HOST):$(PORT)

test: setup chromium
	$(VENV)/bin/ruff check .
	$(MANAGE) makemigrations --check --dry-run -v 1
	$(VENV)/bin/pytest

chromium:
	@scripts/ensure-chromium.sh

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup
	$(PY) -m bench

shell: setup
	$(MANAGE) shell
