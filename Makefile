# Every target creates .venv itself when it is missing, so each works on a
# fresh machine with only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck pytest bench fuzz coverage-table clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev,prov,dask]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/provenance report seeds/000_ef366a290e0a1be4.txt --format markdown \
		--url https://www.eurasiareview.com/16082012-russia-and-belarus-20-years-of-diplomatic-relations-oped/

lint: install
	$(BIN)/ruff check provenance tests $(wildcard benchmarks scripts)
	$(BIN)/ruff format --check provenance tests $(wildcard benchmarks scripts)

typecheck: install
	$(BIN)/mypy --strict provenance

pytest: install
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_hardening.py

bench: install
	$(BIN)/python benchmarks/bench_labels.py

coverage-table: install
	$(BIN)/python scripts/coverage_table.py --write docs/data.md

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .hypothesis
