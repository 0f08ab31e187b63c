"""Shared fixtures: one spaCy model per test session, Documents built by hand, the two stores.
Plain helper functions and builders live in ``helpers.py``."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from helpers import POSTGRES_ENV, SCHEMAS, new_store
from newsgraph.model import Document
from newsgraph.pipeline import build


@pytest.fixture(scope="session")
def parse_stage():
    """The parse stage, from a pipeline made by ``pipeline.build`` (spaCy loaded once)."""
    return build(["parse.v1"]).stages[0]


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
    # The stages of a checked pipeline, run one by one so that quotes can be given by hand.
    _parse, entities, events = build(["parse.v1", "entities.v1", "events.v1"]).stages

    def make(text: str, published: str = "2021-04-13", quotes=None) -> Document:
        doc = parsed(text, published)
        entities.process_batch([doc])
        if quotes is not None:  # quotes given by hand, as the quotes stage would provide them
            doc.quotes = quotes
            doc.provided.add("quotes")
        events.process_batch([doc])
        assert not doc.errors, doc.errors
        return doc

    return make


# --- the two stores: every test that takes `backend_kind` runs on DuckDB and on PostgreSQL ---



@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def backend_kind(request) -> str:
    """Which store the test writes: a DuckDB file, or a fresh schema on the PostgreSQL server
    named by $NEWSGRAPH_TEST_POSTGRES (skipped with the reason when it is not set)."""
    if request.param == "postgres" and not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"PostgreSQL store tests need ${POSTGRES_ENV}: run eval \"$(bash .ci/postgres)\" first")
    return request.param


@pytest.fixture
def store_target(backend_kind, tmp_path):
    """``store_target(name)``: a new empty store of this test's kind."""
    return lambda name="store": new_store(backend_kind, tmp_path, name)


@pytest.fixture(scope="session", autouse=True)
def _drop_test_schemas():
    yield
    if SCHEMAS and os.environ.get(POSTGRES_ENV):
        import psycopg

        with psycopg.connect(os.environ[POSTGRES_ENV], autocommit=True) as con:
            for schema in SCHEMAS:
                con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


