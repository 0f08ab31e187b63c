"""Shared fixtures: one spaCy model per test session and Documents built by hand."""
from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest

from newsgraph.model import Document
from newsgraph.nlp.parse import ParseStage

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def parse_stage() -> ParseStage:
    return ParseStage()


@pytest.fixture
def parsed(parse_stage):
    """Build a parsed Document from text we write: ``parsed("text", "2021-04-13")``."""

    def make(text: str, published: str | None = None) -> Document:
        doc = Document(text=text, published=dt.date.fromisoformat(published) if published else None)
        doc.provided.update({"text", "metadata"})
        parse_stage.process_batch([doc])
        return doc

    return make


@pytest.fixture
def coded(parsed):
    """``coded("text")``: a parsed Document run through the entities and events stages."""
    from newsgraph.nlp.entities import EntityStage
    from newsgraph.nlp.events.stage import EventStage

    def make(text: str, published: str = "2021-04-13", quotes=None) -> Document:
        doc = parsed(text, published)
        EntityStage().process_batch([doc])
        if quotes is not None:  # quotes given by hand, as the quotes stage would provide them
            doc.quotes = quotes
            doc.provided.add("quotes")
        EventStage().process_batch([doc])
        assert not doc.errors, doc.errors
        return doc

    return make


def read_inputs(paths, **options):
    """(documents, error lines, warnings) of reading PATHS as ``newsgraph ingest`` does."""
    from newsgraph.errors import InputError
    from newsgraph.ingest.readers import IngestOptions, iter_inputs

    opts = IngestOptions(**options)
    items = list(iter_inputs([str(p) for p in paths], opts))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    return docs, errors, opts.warnings


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the public gold sets live in ../shared)")
    return path


# --- the two stores: every test that takes `backend_kind` runs on DuckDB and on PostgreSQL ---

POSTGRES_ENV = "NEWSGRAPH_TEST_POSTGRES"
_SCHEMAS: list[str] = []


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def backend_kind(request) -> str:
    """Which store the test writes: a DuckDB file, or a fresh schema on the PostgreSQL server
    named by $NEWSGRAPH_TEST_POSTGRES (skipped with the reason when it is not set)."""
    if request.param == "postgres" and not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"PostgreSQL store tests need ${POSTGRES_ENV}: run eval \"$(bash .ci/postgres)\" first")
    return request.param


def new_store(kind: str, folder: Path, name: str = "store") -> str:
    """A new, empty store target of KIND: a DuckDB path in FOLDER or a PostgreSQL URL whose
    search_path is a schema of its own (dropped at the end of the session)."""
    if kind == "duckdb":
        return str(folder / f"{name}.duckdb")
    import psycopg

    url = os.environ[POSTGRES_ENV]
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    _SCHEMAS.append(schema)
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def store_target(backend_kind, tmp_path):
    """``store_target(name)``: a new empty store of this test's kind."""
    return lambda name="store": new_store(backend_kind, tmp_path, name)


@pytest.fixture(scope="session", autouse=True)
def _drop_test_schemas():
    yield
    if _SCHEMAS and os.environ.get(POSTGRES_ENV):
        import psycopg

        with psycopg.connect(os.environ[POSTGRES_ENV], autocommit=True) as con:
            for schema in _SCHEMAS:
                con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def as_json(value):
    """A JSON column's value: DuckDB returns the text, psycopg the parsed value."""
    import json

    return json.loads(value) if isinstance(value, str) else value
