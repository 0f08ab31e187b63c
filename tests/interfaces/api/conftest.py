"""Fixtures for the API tests: the hand-built corpus in a store, and in-process clients."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from helpers import API_TOKEN as TOKEN, build_corpus, new_store

from newsgraph.interfaces.api import create_app


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    """The three-document corpus in a DuckDB file (read by the tests, never written)."""
    return build_corpus(new_store("duckdb", tmp_path_factory.mktemp("api"), "corpus"))


@pytest.fixture
def fresh_db(tmp_path) -> str:
    """The corpus in a store of this test's own, which it may write."""
    return build_corpus(new_store("duckdb", tmp_path, "fresh"))


@pytest.fixture
def make_client():
    """``make_client(db, **create_app options)``: a TestClient; errors come back as responses."""
    clients = []

    def make(db: str, **options) -> TestClient:
        options.setdefault("token", TOKEN)
        client = TestClient(create_app(db, **options), raise_server_exceptions=False)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(corpus_db, make_client) -> TestClient:
    return make_client(corpus_db)
