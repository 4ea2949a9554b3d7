# Two commands set up a fresh machine: `make briefs` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BRIEFS := $(VENV)/bin/briefs
STAMP := $(VENV)/.installed
# Debian packages: pdftotext for PDF checks, a browser for the HTML tests, fonts covering Vietnamese.
DEBIAN_PACKAGES := poppler-utils chromium fonts-noto-core

.PHONY: briefs data test eval bench lab system clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ipykernel install --sys-prefix --name policy-briefs --display-name "Python (policy briefs)"
	touch $(STAMP)

system:
	@scripts/ensure-system-packages.sh $(DEBIAN_PACKAGES)

data: $(STAMP)
	$(BRIEFS) build

briefs: $(STAMP) system data
	$(BRIEFS) run --all

test: $(STAMP) system
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) -m analysis.extract.evaluate

bench: $(STAMP)
	$(PY) -m analysis.bench

lab: $(STAMP) data
	$(VENV)/bin/jupyter lab notebooks/

clean:
	rm -rf $(VENV) data/processed/*.duckdb data/processed/parquet reports/*/
