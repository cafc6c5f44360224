# Two commands for newcomers:  `make lab` (set up, open the lessons)  and  `make test`.
# Everything installs into .venv from requirements.txt; re-running is quick when nothing changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: lab test validate lint execute codebook clean help

help:
	@echo "make lab       set up .venv and open the lessons in JupyterLab"
	@echo "make test      set up .venv and run every test (library, data, notebooks, lint)"
	@echo "make validate  check data/ against data/datapackage.json"
	@echo "make execute   re-run every notebook in place, refreshing its stored outputs"
	@echo "make lint      ruff check and format check"
	@echo "make codebook  refresh the generated field tables in data/README.md"

# The environment is rebuilt only when requirements*.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || { echo ">> creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo ">> installing requirements into $(VENV) (first time: about a minute)"
	@$(PY) -m pip install --disable-pip-version-check --progress-bar on --upgrade pip >/dev/null
	@$(PY) -m pip install --disable-pip-version-check --progress-bar on -r requirements.txt \
		| grep -v "already satisfied" || true
	@$(PY) -c "import pakafghan, pandas, ipywidgets, nbval" \
		|| { echo "!! install failed; see the messages above"; exit 1; }
	@touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/01_start_here.ipynb

test: $(STAMP) lint
	$(PY) -m pytest

validate: $(STAMP)
	$(PY) -m pakafghan validate data

lint: $(STAMP)
	$(BIN)/ruff check lib tests tools
	$(BIN)/ruff format --check lib tests tools

codebook: $(STAMP)
	$(PY) tools/refresh_codebook.py

execute: $(STAMP)
	$(PY) -m pakafghan.notebook_runner execute

clean:
	rm -rf $(VENV) site .pytest_cache
