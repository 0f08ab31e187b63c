# The two quick-start commands: `make demo` and `make test`. Both set up .venv first.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
DB ?= newsgraph.duckdb

.PHONY: install install-dev demo test eval clean

# The product alone (the demo needs nothing more).
install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

# Plus what the tests exercise: pytest, the export libraries, the Ray engine and the
# PostgreSQL driver (the PostgreSQL tests run when $$NEWSGRAPH_TEST_POSTGRES names a server).
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,export,ray,postgres]'
	touch $@

demo: install
	$(BIN)/newsgraph ingest examples/ --db $(DB)
	$(BIN)/newsgraph stats --db $(DB)
	$(BIN)/newsgraph analyze examples/ --format table

test: install-dev
	$(BIN)/pytest

eval: install-dev
	$(BIN)/newsgraph eval --check

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
