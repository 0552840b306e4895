# Every target creates .venv itself when it is missing, so each works on a
# fresh machine with only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-spark test-wheel lint typecheck pytest test-pythons bench corpus fuzz coverage-table data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev,prov,dask,bods,polars,arrow]'
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

# The suite runs under coverage; the figure (lines and branches of provenance/) is printed at the end.
pytest: install
	$(BIN)/python -m coverage erase
	$(BIN)/python -m coverage run -m pytest -q
	@$(BIN)/python -m coverage report --format=total | sed 's/^/coverage: /; s/$$/% of provenance (lines and branches)/'

# The suite under the oldest and the newest Python the project supports (3.11 and 3.14), each in
# a venv of its own; an interpreter this machine lacks is reported and skipped.
test-pythons:
	@for version in 3.11 3.14; do \
	  if command -v python$$version >/dev/null 2>&1; then \
	    python$$version -m venv .venv-$$version && \
	    .venv-$$version/bin/python -m pip install --quiet -e '.[test,prov,dask]' && \
	    .venv-$$version/bin/python -m pytest -q || exit 1; \
	  else echo "test-pythons: python$$version is not installed here: skipped"; fi; \
	done

test: lint typecheck pytest

# The docs where users are: the wheel of this tree in a fresh venv (only `pip install`, no extra), and
# every doctest of README.md and docs/*.md run there from a folder outside the repository; blocks
# marked `<!-- doctest-requires: MODULE -->` skip when MODULE is missing. Prints passed/failed/skipped.
test-wheel: install
	$(BIN)/python scripts/test_wheel.py

# The Spark adapter's tests (marked `spark`, left out of `make test`): the `spark` extra, a local
# Spark session (Java 17), about a minute, most of it the JVM starting.
SPARK_STAMP := $(VENV)/.spark-installed

$(SPARK_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[spark]'
	touch $(SPARK_STAMP)

test-spark: $(SPARK_STAMP)
	$(BIN)/python -m pytest -q -m spark tests

fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_hardening.py tests/test_fuzz_cli.py

bench: install
	$(BIN)/python benchmarks/bench_labels.py
	$(BIN)/python benchmarks/bench_frame.py
	$(BIN)/python benchmarks/bench_corpus.py
	$(BIN)/python benchmarks/bench_startup.py

# The article parser and its peers (the `corpus` extra, skipped when absent) on the real pages in
# ../shared/corpus/articles (skipped when absent): title, authors and date right, side by side.
corpus: install
	$(BIN)/python benchmarks/bench_corpus.py

# The bundled third-party layers and the shipped snapshot, from ../shared/data (see docs/data.md); run it after
# any change to provenance/data/*.toml.
data: install
	$(BIN)/python scripts/build_data.py

coverage-table: install
	$(BIN)/python scripts/coverage_table.py --write docs/data.md

clean:
	rm -rf $(VENV) .venv-3.* .mypy_cache .ruff_cache .hypothesis .coverage
