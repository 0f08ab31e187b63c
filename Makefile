# The two quick-start commands: `make demo` and `make test`. Both set up .venv first.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
DB ?= newsgraph.duckdb

.PHONY: install install-dev install-web install-browser demo serve test eval clean

# The product alone (the demo needs nothing more).
install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

# Plus what the tests exercise: pytest, the export libraries, the Ray engine, the PostgreSQL
# driver (the PostgreSQL tests run when $$NEWSGRAPH_TEST_POSTGRES names a server), Playwright
# with Debian's chromium for the browser tests, and the web pages' libraries.
install-dev: $(VENV)/.installed-dev install-web install-browser

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,export,ray,postgres]'
	touch $@

# The web pages' chart and graph libraries, from npm (package-lock.json), copied into the
# package so `newsgraph serve` serves them from this machine.
WEB_VENDOR := src/newsgraph/interfaces/web/static/vendor
install-web: $(WEB_VENDOR)/.installed

$(WEB_VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(WEB_VENDOR)
	cp node_modules/chart.js/dist/chart.umd.min.js node_modules/cytoscape/dist/cytoscape.min.js $(WEB_VENDOR)/
	touch $@

# Debian's chromium for the browser tests (skipped, saying why, where it cannot be installed).
install-browser:
	bash .ci/chromium

demo: install
	$(BIN)/newsgraph ingest examples/ --db $(DB)
	$(BIN)/newsgraph stats --db $(DB)
	$(BIN)/newsgraph analyze examples/ --format table

# The web pages and the REST API over the demo's store.
serve: install install-web
	$(BIN)/newsgraph serve --db $(DB)

test: install-dev
	$(BIN)/pytest

eval: install-dev
	$(BIN)/newsgraph eval --check

clean:
	rm -rf $(VENV) $(DB) .pytest_cache node_modules $(WEB_VENDOR) build/test-artifacts
