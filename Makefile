# Wulian (五联) — see README.md. Two commands matter: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast lint proto proto-check bench bench-path bench-stats bench-audit bench-draw bench-ballots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python -m wulian.devstack

proto: install
	$(BIN)/python proto/generate.py

proto-check: install
	$(BIN)/python proto/generate.py --check

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy wulian services

test: install proto-check lint
	$(BIN)/pytest tests

test-fast: install
	$(BIN)/pytest tests/unit

bench: install
	$(BIN)/python bench/submit.py

bench-path: install
	$(BIN)/python bench/suggestion_path.py

bench-stats: install
	$(BIN)/python bench/suggestions_stats.py

bench-audit: install
	$(BIN)/python bench/audit_log.py

bench-draw: install
	$(BIN)/python bench/draw.py

bench-ballots: install
	$(BIN)/python bench/ballots.py

clean:
	rm -rf var .pytest_cache
