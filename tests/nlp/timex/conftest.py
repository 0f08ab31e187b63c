"""Fixtures of the timex tests: ``timexes(text, published)`` -> [(text, type, value), ...]
of a text we write, parsed and run through timex.v1 (anchored on ANCHOR by default)."""
from __future__ import annotations

import pytest

from newsgraph.nlp.timex.stage import TimexStage

ANCHOR = "2021-04-13"  # a Tuesday, ISO week 15


@pytest.fixture
def timexes(parsed):
    def run(text: str, published: str = ANCHOR):
        doc = parsed(text, published)
        TimexStage()(doc)
        return [(t.text, t.type, t.value) for t in doc.timexes]

    return run
