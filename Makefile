# Two commands for newcomers:  `make lab` (set up, open the lessons)  and  `make test`.
# Everything installs into .venv from requirements.txt; re-running is quick when nothing changed.

PYTHON        ?= python3
NPM           ?= npm
CHROMIUM      ?= /usr/bin/chromium
VENV          := .venv
BIN           := $(VENV)/bin
PY            := $(BIN)/python
STAMP         := $(VENV)/.installed
NODE_STAMP    := node_modules/.package-lock.json
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: lab test test-browser browser-deps html validate lint execute codebook bench clean help

help:
	@echo "make lab           set up .venv and open the lessons in JupyterLab"
	@echo "make test          set up .venv and run every test (library, data, notebooks, browser, lint)"
	@echo "make validate      check data/ against data/datapackage.json"
	@echo "make execute       re-run every notebook in place, refreshing its stored outputs"
	@echo "make html          build the offline static site in site/ (open site/index.html)"
	@echo "make test-browser  only the browser tests (JupyterLab and the static site in Chromium)"
	@echo "make browser-deps  install Debian's chromium for the browser tests (needs root)"
	@echo "make bench         measure lessons, kernels, loading, validation at scale, widgets"
	@echo "make lint          ruff check and format check"
	@echo "make codebook      refresh the generated field tables in data/README.md"

# The environment is rebuilt only when requirements.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || { echo ">> creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo ">> installing requirements into $(VENV) (first time: about a minute)"
	@$(PY) -m pip install --disable-pip-version-check --progress-bar on --upgrade pip >/dev/null
	@$(PY) -m pip install --disable-pip-version-check --progress-bar on -r requirements.txt \
		| grep -v "already satisfied" || true
	@$(PY) -c "import pakafghan, pandas, ipywidgets, nbval, playwright" \
		|| { echo "!! install failed; see the messages above"; exit 1; }
	@touch $(STAMP)

# JupyterLab settings for this environment: no news pop-up, widget state saved with notebooks.
$(LAB_OVERRIDES): tools/jupyter_settings/overrides.json $(STAMP)
	@mkdir -p $(dir $@)
	@cp tools/jupyter_settings/overrides.json $@

lab: $(STAMP) $(LAB_OVERRIDES)
	$(BIN)/jupyter lab notebooks/01_start_here.ipynb

test: $(STAMP) $(LAB_OVERRIDES) lint browser-deps $(NODE_STAMP)
	$(PY) -m pytest

test-browser: $(STAMP) $(LAB_OVERRIDES) browser-deps $(NODE_STAMP)
	$(PY) -m pytest -p no:cacheprovider tests/browser

# Debian's Chromium for the browser tests (Playwright's own browser download does not work
# here). Without root or apt-get the tests skip and say why; under CI=true that is an error.
browser-deps:
	@if [ -x "$(CHROMIUM)" ]; then \
		echo ">> browser tests: using $(CHROMIUM)"; \
	elif [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
		echo "!! browser tests will be SKIPPED: $(CHROMIUM) is missing and it can only be"; \
		echo "!! installed here as root with apt-get (Debian/Ubuntu): sudo make browser-deps"; \
		test "$$CI" != true; \
	else \
		echo ">> installing Debian's chromium for the browser tests (about 40 s)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null \
		|| { echo "!! apt-get could not install chromium: browser tests will be skipped"; \
			test "$$CI" != true; }; \
	fi

# The widget renderer and require.js for the static site, from the npm registry (package-lock).
$(NODE_STAMP): package.json package-lock.json
	@if command -v $(NPM) >/dev/null 2>&1; then \
		echo ">> installing the static site's JavaScript (npm ci)"; \
		$(NPM) ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else \
		echo "!! npm not found: the static-site tests will be SKIPPED and make html cannot run"; \
		echo "!! (Debian: apt-get install -y npm)"; \
		test "$$CI" != true; \
	fi

html: $(STAMP) $(NODE_STAMP)
	$(PY) tools/build_site.py site

validate: $(STAMP)
	$(PY) -m pakafghan validate data

lint: $(STAMP)
	$(BIN)/ruff check lib tests tools bench
	$(BIN)/ruff format --check lib tests tools bench

codebook: $(STAMP)
	$(PY) tools/refresh_codebook.py

execute: $(STAMP)
	$(PY) -m pakafghan.notebook_runner execute

bench: $(STAMP)
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) site node_modules build .pytest_cache
