# Quick start: `make demo` counts the bundled example, `make test` runs every check.
# Both create the virtual environment from pyproject.toml when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench bench-strategies clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tally count examples/delegate_congress/congress.toml \
	    --ballots examples/delegate_congress/ballots_bch.csv

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

# Performance (docs/performance.md): `make bench`, or `make bench BENCH_ARGS=--quick` (≤ 100k).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_pipeline.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/bench_ingest.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/bench_log.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/bench_documents.py
	$(BIN)/python benchmarks/bench_station.py
	$(BIN)/python benchmarks/bench_keystrokes.py

bench-strategies: $(STAMP)
	$(BIN)/python benchmarks/bench_strategies.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
