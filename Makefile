# Two commands for newcomers:  `make lab` (set up, open the lessons)  and  `make test`.
# Both install into .venv: `make lab` only what the lessons need (requirements.txt), `make test`
# also the test tools (requirements-dev.txt). Re-running is quick when nothing changed.

PYTHON        ?= python3
NPM           ?= npm
CHROMIUM      ?= /usr/bin/chromium
# USE_UV=no installs with pip only (uv is faster and gives the same packages).
USE_UV        ?= yes
VENV          := .venv
BIN           := $(VENV)/bin
PY            := $(BIN)/python
LESSONS_STAMP := $(VENV)/.installed-lessons
STAMP         := $(VENV)/.installed
NODE_STAMP    := node_modules/.package-lock.json
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: lab lab-setup test test-setup test-browser browser-deps html handouts validate lint \
	execute editions learner-bundle \
	codebook bench classroom classroom-bench clean help

help:
	@echo "make lab           set up .venv (lessons only) and open the lessons in JupyterLab"
	@echo "make test          set up .venv (lessons and test tools) and run every test"
	@echo "make lab-setup     only set up .venv for the lessons; make test-setup: for the tests"
	@echo "make validate      check data/ against data/datapackage.json"
	@echo "make editions      generate every lesson's editions from lessons/ (runs them too)"
	@echo "make execute       the same as make editions"
	@echo "make learner-bundle  the lessons without solutions, as build/learner-bundle(.zip)"
	@echo "make html          build the offline static site in site/ (open site/index.html)"
	@echo "make handouts      every lesson (both editions) and the article as PDFs in build/handouts/"
	@echo "make test-browser  only the browser tests (JupyterLab and the static site in Chromium)"
	@echo "make browser-deps  install Debian's chromium and pdftoppm for the browser tests (root)"
	@echo "make bench         measure lessons, kernels, loading, validation at scale, widgets"
	@echo "make classroom     a JupyterHub for a class on 127.0.0.1 (prints its password; Ctrl-C)"
	@echo "make classroom-bench  30 simulated learners on that hub, two faults (under 10 min)"
	@echo "make lint          ruff check and format check"
	@echo "make codebook      refresh the generated field tables in data/README.md"
	@echo "USE_UV=no make ... installs with pip instead of uv"

$(PY):
	@echo ">> creating $(VENV) with $(PYTHON)"
	@$(PYTHON) -m venv $(VENV)

# $(call found,MODULE ...): fails, naming them, unless every module can be imported (found, not
# imported: importing JupyterLab and pandas to check would take seconds).
found = $(PY) -c "import importlib.util as u, sys; \
	missing = [m for m in sys.argv[1:] if u.find_spec(m) is None]; \
	missing and sys.exit('!! install failed, missing: ' + ' '.join(missing))" $(1)

# $(call install,FILE): install a requirements file into .venv with uv when it can be had (one
# already in .venv or on PATH, else uv from PyPI into .venv), else with pip. uv reads no pip
# configuration: it uses PyPI (or UV_INDEX_URL / UV_EXTRA_INDEX_URL when set).
define install
	@uv=""; \
	if [ "$(USE_UV)" != no ]; then \
		if [ -x $(BIN)/uv ]; then uv=$(BIN)/uv; \
		elif command -v uv >/dev/null 2>&1; then uv=uv; \
		elif $(PY) -m pip install --disable-pip-version-check --quiet uv >/dev/null 2>&1; \
			then uv=$(BIN)/uv; \
		else echo "!! uv could not be installed from PyPI: using pip (slower)"; fi; \
	fi; \
	if [ -n "$$uv" ]; then echo ">> installing $(1) into $(VENV) with uv"; fi; \
	if [ -n "$$uv" ] && $$uv pip install --python $(PY) -r $(1); then :; else \
		if [ -n "$$uv" ]; then echo "!! uv could not install $(1): trying pip"; fi; \
		echo ">> installing $(1) into $(VENV) with pip (first time: a minute or more)"; \
		$(PY) -m pip install --disable-pip-version-check --progress-bar off -r $(1); \
	fi
endef

# The lessons' environment: rebuilt only when requirements.txt or pyproject.toml change.
$(LESSONS_STAMP): requirements.txt pyproject.toml | $(PY)
	$(call install,requirements.txt)
	@$(call found,pakafghan pandas matplotlib ipywidgets networkx jupyterlab ipykernel nbval)
	@touch $@

# The test tools on top: again only when a requirements file or pyproject.toml changes.
$(STAMP): requirements-dev.txt $(LESSONS_STAMP)
	$(call install,requirements-dev.txt)
	@$(call found,nbclient nbconvert playwright hypothesis frictionless packaging repo2docker xdist pypdf jupyterhub)
	@test -x $(BIN)/ruff || { echo "!! install failed: ruff missing"; exit 1; }
	@touch $@

# JupyterLab settings for this environment: no news pop-up, widget state saved with notebooks.
$(LAB_OVERRIDES): tools/jupyter_settings/overrides.json $(LESSONS_STAMP)
	@mkdir -p $(dir $@)
	@cp tools/jupyter_settings/overrides.json $@

lab-setup: $(LESSONS_STAMP) $(LAB_OVERRIDES)

# The project's folder as JupyterLab's root (not notebooks/), so the lessons' links to data/ open.
lab: lab-setup
	$(BIN)/jupyter lab --ServerApp.root_dir=. notebooks/01_start_here.ipynb

test-setup: $(STAMP) $(LAB_OVERRIDES)

# Two pytest-xdist workers (one module each at a time: --dist loadfile): the tests wait on
# kernels, servers and browsers, so two share the cores well. TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: test-setup lint browser-deps $(NODE_STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

test-browser: test-setup browser-deps $(NODE_STAMP)
	$(PY) -m pytest -p no:cacheprovider tests/browser

# $(call debian,PROGRAM,PACKAGES,WHAT NEEDS IT): use PROGRAM, or install Debian's PACKAGES with
# apt-get when running as root; elsewhere say what will be skipped (under CI=true, an error).
define debian
	@if command -v $(1) >/dev/null 2>&1; then \
		echo ">> $(3): using $$(command -v $(1))"; \
	elif [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
		echo "!! $(3) will be SKIPPED: $(1) is missing and it can only be installed"; \
		echo "!! here as root with apt-get (Debian/Ubuntu: $(2)): sudo make browser-deps"; \
		test "$$CI" != true; \
	else \
		echo ">> installing Debian's $(2) for $(3)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $(2) >/dev/null \
		|| { echo "!! apt-get could not install $(2): $(3) will be skipped"; \
			test "$$CI" != true; }; \
	fi
endef

# Debian's Chromium for the browser tests (Playwright's own browser download does not work
# here; about 40 s), and pdftoppm for the handout tests' page pictures.
browser-deps:
	$(call debian,$(CHROMIUM),chromium chromium-driver,the browser tests)
	$(call debian,pdftoppm,poppler-utils,the handouts' page pictures)

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
	$(PY) -m tools.build_site site

# Every lesson printed to PDF, instructor and learner edition, and the article on one page, in
# build/handouts/ (tools/handouts.py, tools/print.css; Debian's Chromium from browser-deps).
handouts: test-setup browser-deps $(NODE_STAMP)
	$(PY) -m tools.handouts build/handouts

validate: $(LESSONS_STAMP)
	$(PY) -m pakafghan validate data

lint: $(STAMP)
	$(BIN)/ruff check lib tests tools bench
	$(BIN)/ruff format --check lib tests tools bench

codebook: $(LESSONS_STAMP)
	$(PY) tools/refresh_codebook.py

# Every edition of every lesson from its source in lessons/ (tools/editions.py): the learner
# edition (notebooks/), the instructor edition (notebooks/instructor/, executed) and the learner
# edition executed (lessons/executed/, for the site and handouts). `make execute` is the same.
editions: $(STAMP)
	$(PY) -m tools.editions

execute: editions

# The lessons for learners, with no solutions and no instructor material, as a folder and a zip
# (build/learner-bundle/), ready for a separate branch or repository behind an nbgitpuller link.
learner-bundle: $(STAMP)
	$(PY) -m tools.learner_bundle build/learner-bundle

bench: $(STAMP)
	$(PY) -m bench.run

# A real JupyterHub (from .venv) and its proxy (node_modules) on 127.0.0.1, state in build/; every
# process it started is stopped on Ctrl-C. LEARNERS simulated learners use it (at most 40).
LEARNERS ?= 30
classroom: test-setup $(NODE_STAMP)
	$(PY) -m tools.classroom serve

# Its figures go to docs/classroom-bench.json, from which deploy/z2jh/values.yaml and the README's
# sizing table are derived (tests/test_z2jh.py checks they agree).
classroom-bench: test-setup $(NODE_STAMP)
	$(PY) -m tools.classroom bench --learners $(LEARNERS) --out docs/classroom-bench.json
	$(PY) -m tools.classroom values

clean:
	rm -rf $(VENV) site node_modules build dist .pytest_cache
