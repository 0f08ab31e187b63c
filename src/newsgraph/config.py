"""Defaults, overridable by environment variables (NEWSGRAPH_DB, NEWSGRAPH_STAGES)."""
from __future__ import annotations

import os

DEFAULT_STAGES = (
    "parse.v1", "entities.v1", "actors.v1", "timex.v1", "quantities.v1", "quotes.v1", "genre.v1",
    "events.v1", "relations.v1", "commitments.v1",
)
DEFAULT_DB = "newsgraph.duckdb"
DEFAULT_BATCH_SIZE = 16


def stage_names() -> list[str]:
    """The stages to run: NEWSGRAPH_STAGES (comma-separated) or the defaults."""
    raw = os.environ.get("NEWSGRAPH_STAGES")
    return [s.strip() for s in raw.split(",") if s.strip()] if raw else list(DEFAULT_STAGES)


def db_path() -> str:
    return os.environ.get("NEWSGRAPH_DB", DEFAULT_DB)
