"""Word lists of ``relations.v1`` (also used by ``commitments.v1``): ``patterns()`` reads
``data/relation_patterns.yaml``. Words are lemmas, tested with ``common.words``."""
from __future__ import annotations

import functools

from ...data import load_yaml, unique_words

SET_KEYS = ("designation_verbs", "designation_words", "provision_verbs", "tie_nouns",
            "tie_keep_verbs", "tie_cut_verbs", "protection_nouns", "former_role_words",
            "body_role_words", "not_of_the_state_words", "subordinate_role_words",
            "state_body_heads")


@functools.lru_cache(maxsize=1)
def patterns() -> dict:
    """The word lists of ``data/relation_patterns.yaml``, as sets where that helps; a word
    listed twice in one list, or under two predicates, is an error."""
    data = dict(load_yaml("relation_patterns.yaml"))
    where = "data/relation_patterns.yaml"
    for key in SET_KEYS:
        data[key] = unique_words(data[key], f"{where} {key}")
    for key, target in (("provision_nouns", "provision_noun_predicate"),
                        ("copula_nouns", "copula_predicate"), ("role_predicates", "role_predicate")):
        pairs = [(w, p) for p, ws in data[key].items() for w in ws]
        unique_words([w for w, _ in pairs], f"{where} {key}")
        data[target] = dict(pairs)
    return data
