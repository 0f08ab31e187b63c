"""Shared fixtures: one spaCy model per test session and Documents built by hand."""
from __future__ import annotations

import datetime as dt
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


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the public gold sets live in ../shared)")
    return path
