"""Word lists of ``commitments.v1``: ``words()`` reads ``data/commitment_words.yaml`` (which no
other stage reads) as sets of lemmas; a word listed twice in one list is an error."""
from __future__ import annotations

import functools

from ...data import load_yaml, unique_words
from ..relations.lexicon import patterns


@functools.lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """Every list of ``data/commitment_words.yaml`` as a set; ``role_nouns`` also holds the
    role words of ``data/relation_patterns.yaml``."""
    where = "data/commitment_words.yaml"
    out = {key: unique_words(items, f"{where} {key}")
           for key, items in load_yaml("commitment_words.yaml").items()}
    pat = patterns()
    out["role_nouns"] = out["role_nouns"] | frozenset(pat["role_predicate"]) | frozenset(
        pat["copula_predicate"])
    return out
