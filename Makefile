# Two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUTPUT_DIR := $(or $(PIPELINE_OUTPUT_DIR),outputs)
export DAGSTER_HOME ?= $(abspath $(OUTPUT_DIR))/.dagster

.PHONY: run test lint format ui score bench faults clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(BIN)/python -m pip install -q -r requirements-dev.lock
	touch $@

## Materialize every asset from the raw directory into the output directory.
run: $(VENV)/.runtime
	@mkdir -p "$(DAGSTER_HOME)"
	$(BIN)/dagster asset materialize -m pipeline.definitions --select '*' \
	  --config-json '{"loggers": {"console": {"config": {"log_level": "INFO"}}}}'
	@$(BIN)/python -m pipeline.summary

## Lint and the whole test suite.
test: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## The Dagster UI on http://127.0.0.1:3000 (loopback only).
ui: $(VENV)/.runtime
	@mkdir -p "$(DAGSTER_HOME)"
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p $(or $(PORT),3000)

## Strict precision/recall against the gold, ours beside quantulum3's.
score: $(VENV)/.dev
	$(BIN)/python -m pipeline.scoring

## The fault matrix (case, expected, observed), run for real in temporary folders.
faults: $(VENV)/.dev
	$(BIN)/python -m pipeline.faults

## Benchmark against the peer; writes bench/results.md and bench/results.png.
bench: $(VENV)/.dev
	$(BIN)/python -m bench.run

clean:
	rm -rf outputs/* .pytest_cache .ruff_cache
