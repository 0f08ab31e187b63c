# The two quick-start commands: `make demo` and `make test`. Both set up .venv first.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
DB ?= newsgraph.duckdb

.PHONY: install demo test eval check clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,export]'
	touch $@

demo: install
	$(BIN)/newsgraph ingest examples/ --db $(DB)
	$(BIN)/newsgraph stats --db $(DB)
	$(BIN)/newsgraph analyze examples/ --format table

test: install
	$(BIN)/pytest

eval: install
	$(BIN)/newsgraph eval --check

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
