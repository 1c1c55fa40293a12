# aggregator: ketamine evidence from PubMed. `make` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the compiled build of the hot modules (aggregator/native.py): rebuilt when a source changes
NATIVE := $(VENV)/.native

.PHONY: help report test bench weekly eval fetch status digest lint clean distclean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# a failed build is reported and the pure-Python modules run (same results, ~20% slower)
$(NATIVE): $(STAMP) $(wildcard aggregator/*.py)
	@$(BIN)/python -m aggregator.native_build \
		|| echo "make: the compiled modules were not built (see above); running pure Python" >&2
	@touch $(NATIVE)

venv: $(NATIVE) ## create .venv, install the package, compile its hot modules (done by every target on first use)

report: $(NATIVE) ## fetch what is new (if PubMed is reachable) and write reports/latest.html + CSV
	@$(BIN)/aggregator fetch || { rc=$$?; if [ $$rc -eq 3 ]; then echo "make report: PubMed unreachable; building the report from the stored data" >&2; else exit $$rc; fi; }
	$(BIN)/aggregator report

test: $(NATIVE) ## run the test suite (no network)
	$(BIN)/python -m pytest

bench: $(NATIVE) ## run the benchmarks and print a table (writes docs/benchmarks.md)
	$(BIN)/python benchmarks/run.py

weekly: $(NATIVE) ## the scheduled job: incremental fetch, refresh, tag, digest, send
	$(BIN)/aggregator weekly

eval: $(NATIVE) ## score the tagger on the labelled records in ../shared/labels
	$(BIN)/python -m aggregator.evaluate

status: $(NATIVE) ## what is stored, last runs, watermarks
	$(BIN)/aggregator status

lint: $(STAMP) ## static checks: ruff (package, tests, benchmarks), mypy --strict; fails on findings
	$(BIN)/python -m ruff check aggregator tests benchmarks
	$(BIN)/python -m mypy aggregator

clean: ## remove caches and generated reports (keeps the store in data/)
	rm -rf .pytest_cache .hypothesis .bench build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find reports -mindepth 1 ! -name .gitkeep -exec rm -rf {} +

distclean: clean ## also remove .venv and the store
	rm -rf $(VENV) data
