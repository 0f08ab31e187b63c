"""Fixtures of the quotes tests: the stages before quotes.v1 once per module, and
``quotes(text)``, a Document of text we write run through them and ``analyse_quotes``."""
from __future__ import annotations

import pytest

from newsgraph.model import Document
from newsgraph.nlp.quotes.stage import analyse_quotes
from newsgraph.pipeline import build


@pytest.fixture(scope="module")
def upstream():
    """The stages that run before quotes.v1 in the default pipeline."""
    return build(["parse.v1", "entities.v1", "actors.v1"])


@pytest.fixture
def quotes(upstream):
    """``quotes(text)`` -> (Document, [(Quote, details), ...])."""
    def run(text: str):
        doc = Document(text=text)
        doc.provided.update({"text", "metadata"})
        docs = upstream.run_batch([doc], keep_parse=True)
        return docs[0], analyse_quotes(docs[0])

    return run
