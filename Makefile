# tiekartta: one place for the commands the README and CI use.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install demo test test-all lint eval

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# The CPU build of torch first: a plain `torch` requirement would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

install: $(BIN)/.installed

demo: install  ## ingest corpus/sample and start the API on 127.0.0.1:8000
	$(BIN)/tiekartta demo

lint: install
	$(BIN)/ruff check ingest rag api tests bench
	$(BIN)/ruff format --check ingest rag api tests bench
	$(BIN)/mypy

test: lint  ## what CI runs
	$(BIN)/python -m pytest -q

eval: install  ## the figures in the README (needs ../shared/data)
	$(BIN)/tiekartta --data-dir .tiekartta-eval ingest ../shared/data/corpus
	$(BIN)/tiekartta --data-dir .tiekartta-eval eval retrieval --qa ../shared/data/qa-dev.jsonl
	$(BIN)/tiekartta eval minutes --items ../shared/data/minutes/items --gold ../shared/data/minutes/gold.jsonl
