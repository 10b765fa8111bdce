# lagebild — the two quick-start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= lagebild.duckdb

.PHONY: demo test test-all setup lint bench eval clean constraints

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# constraints.txt pins the versions the tests last passed with (scripts/freeze-constraints.sh);
# packages it does not list are installed within pyproject.toml's ranges
CONSTRAINTS := $(if $(wildcard constraints.txt),-c constraints.txt,)

# after installing, load both pipelines once: that builds the on-disk caches (the linker's
# surface matcher with its compound index, ~20 s CPU; the pattern files) that the first
# `lagebild` command would otherwise build
$(VENV)/.installed: $(BIN)/activate pyproject.toml $(wildcard constraints.txt)
	$(BIN)/pip install --quiet $(CONSTRAINTS) -e ".[test,kb,ray]"
	$(BIN)/python -c "from lagebild.pipeline import load; load('de'); load('en')"
	touch $@

setup: $(VENV)/.installed

## analyse the shipped example articles into $(DB) and show what was found
demo: setup
	$(BIN)/lagebild ingest examples/ --db $(DB)
	$(BIN)/lagebild documents --db $(DB)
	$(BIN)/lagebild show $$($(BIN)/lagebild documents --db $(DB) --format jsonl --limit 1 | $(BIN)/python -c "import json,sys; print(json.loads(sys.stdin.readline())['id'])") --db $(DB)

## the default test suite (what CI runs)
test: setup
	$(BIN)/python -m pytest -q -m "not slow"

## everything, including slow tests
test-all: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/throughput.py

## regenerate constraints.txt from the venv (after the tests passed)
constraints: setup
	bash scripts/freeze-constraints.sh $(VENV)

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
