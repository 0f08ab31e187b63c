"""Schemathesis over the OpenAPI schema: requests generated from every operation's parameters
and bodies (valid and invalid), sent to the in-process app on a store of our hand-built corpus;
no response may be a server error (5xx). The number of examples per operation is kept small
here (``NEWSGRAPH_FUZZ_EXAMPLES`` raises it for a longer local run)."""
from __future__ import annotations

import os

import pytest
from helpers import build_corpus, new_store

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (make install-dev)")
from hypothesis import HealthCheck, given, settings  # noqa: E402  (after the skip)

from newsgraph.interfaces.api import create_app  # noqa: E402

TOKEN = "fuzz-token-0123456789abcdef"
EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "12"))


def test_no_request_makes_a_server_error(tmp_path):
    db = build_corpus(new_store("duckdb", tmp_path, "corpus"))
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=TOKEN))
    failures: list[str] = []
    operations = calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            nonlocal calls
            calls += 1
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query or ''}: {response.status_code}"
                                f" {response.text[:200]}")

        run()
    assert operations >= 15 and calls >= operations  # every endpoint of the schema was tried
    assert not failures, "\n".join(failures[:20])
