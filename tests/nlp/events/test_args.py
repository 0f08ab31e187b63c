"""``events.args.quote_at``: the innermost quote covering a position, the same answer as
testing every quote (random nested and disjoint quotes)."""
from __future__ import annotations

import random

from newsgraph.model import Document, Quote
from newsgraph.nlp.events.args import quote_at


def brute(quotes, pos):
    covering = [q for q in quotes if q.start <= pos < q.end]
    return max(covering, key=lambda q: (q.start, -q.end)) if covering else None


def test_quote_at_agrees_with_a_scan():
    rng = random.Random(7)
    for round_ in range(200):
        quotes = []
        for n in range(rng.randint(0, 12)):
            start = rng.randint(0, 200)
            quotes.append(Quote(f"q{round_}-{n}", "direct", "x", start, start + rng.randint(1, 80)))
        doc = Document(text=" " * 300, quotes=quotes)
        for pos in range(0, 300, 7):
            got, want = quote_at(doc, pos), brute(quotes, pos)
            assert (got and (got.start, got.end)) == (want and (want.start, want.end)), (quotes, pos)
