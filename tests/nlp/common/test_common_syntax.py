"""The one subject finder (nlp.common.syntax.subject_of), on sentences we write."""
from __future__ import annotations

import pytest

from newsgraph.nlp.common.syntax import CLAUSE_LINKS, subject_of


def token(doc, word):
    return next(t for t in doc.nlp if t.text == word)


@pytest.mark.parametrize("text, verb, subject, passive, agents, via", [
    ("The minister visited Kabul.", "visited", "minister", False, [], "own"),
    ("The talks were held by the envoys.", "held", "talks", True, ["envoys"], "own"),
    ("The envoy urged the rebels to leave the city.", "leave", "rebels", False, [], "object"),
    ("The rebels promised the envoy to leave the city.", "leave", "rebels", False, [], "xcomp"),
    ("He was indicted by the court and will resign soon.", "resign", "He", False, [], "conj"),
    ("Officials who spoke on Monday denied the report.", "spoke", "Officials", False, [], "own"),
    ("The treaty, which was signed by Iran, collapsed.", "signed", "treaty", True, ["Iran"], "own"),
    ("The troops stationed there by NATO left.", "stationed", "troops", True, ["NATO"], "modified"),
    ("There were protests in the capital.", "were", None, False, [], "own"),
])
def test_subject_of(parsed, text, verb, subject, passive, agents, via):
    found = subject_of(token(parsed(text), verb))
    assert (found.token.text if found.token is not None else None) == subject
    assert found.passive is passive
    assert [a.text for a in found.agents] == agents
    assert found.via == via


def test_links_are_the_callers_choice(parsed):
    doc = parsed("The general said the army would attack, adding that it was ready.")
    adding = token(doc, "adding")
    assert subject_of(adding).token.text == "general"  # advcl is a default link
    assert subject_of(adding, CLAUSE_LINKS - {"advcl"}).token is None


def test_pruned_subtree_is_the_subtree_without_what_crosses_a_link(parsed):
    from newsgraph.nlp.common.factuality import CLAUSE_DEPS
    from newsgraph.nlp.common.syntax import crosses, pruned_subtree

    doc = parsed("The minister, who arrived on Monday, said that the talks he had hoped for "
                 "would resume if the envoy agreed, and officials said they were ready.")
    for tok in doc.nlp:
        expected = [t for t in tok.subtree if t.i == tok.i or not crosses(t, tok, CLAUSE_DEPS)]
        assert pruned_subtree(tok, CLAUSE_DEPS) == expected


def test_pruned_subtree_stops_at_the_links_on_a_deep_tree(parsed):
    # One sentence of nested reports: the clause of the first verb is a few tokens, though
    # its subtree is the whole text (walking up from each of those tokens is quadratic).
    from newsgraph.nlp.common.syntax import pruned_subtree

    doc = parsed('Iran said "' * 100)
    said = doc.nlp[1]
    assert len(list(said.subtree)) > 200
    assert [t.text for t in pruned_subtree(said, ("ccomp",))] == ["Iran", "said", '"']
