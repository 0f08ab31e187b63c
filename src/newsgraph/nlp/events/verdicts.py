"""Verdicts: a speaker's judgement of a party or of its act. Praise is SUPPORT, criticism
ACCUSE (mode ``disapprove``), in the two framings news uses for them:

* a framing verb with the thing judged and the judgement: "X called Y 'lousy'", "X branded Y
  a disaster", "X described Y as a hero" (``verdict_verbs`` in ``data/event_words.yaml``);
* a statement whose content judges its subject by a copula: "X tweeted that Y 'was a warm
  and gentle soul'", "X said Y is 'a model of honesty'" (the statement verbs of
  ``common.reporting``).

The polarity of the judgement comes from VADER (``vaderSentiment``, MIT), a lexicon and
rule-based sentiment analyser whose lexicon ships in the package: a compound score of at
least ``PRAISE`` is praise, at most ``-PRAISE`` criticism, anything between no event ("called
the deal 'null and void'" scores 0 and stays unjudged). The trigger is the framing or
statement verb, which the general rules leave alone; the roles are the verb's (the speaker
acts, the one judged receives).
"""
from __future__ import annotations

import functools

from ..common.reporting import STATEMENT_VERBS
from ..common.words import BE_FORMS
from . import lexicon as lex
from .args import participants
from .candidates import is_actor_like, lemma
from .nominal import noun_entry
from .typecase import Entry, TypeCase

PRAISE = 0.35  # VADER compound score from which a judgement counts
_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "acomp", "attr", "ccomp"})
# Subjects of no verdict on a party: a situation ("it was a sad day", "that's cool") or the
# speaker's own self ("I've been through everything", "we are proud").
_NOT_JUDGED = frozenset({"it", "that", "this", "these", "those", "which", "what", "there",
                         "i", "we", "you", "me", "us"})


@functools.lru_cache(maxsize=1)
def _analyser():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def polarity(text: str) -> float:
    """VADER's compound score of ``text``, -1 (criticism) to 1 (praise)."""
    return _analyser().polarity_scores(text)["compound"]


def _phrase(tok) -> str:
    return tok.doc[tok.left_edge.i: tok.right_edge.i + 1].text


def judgeable(tok) -> bool:
    """A party, a party's act or product ("the prime minister's deal"), an event noun or an
    act noun (``judged_act_nouns``): what a verdict can be about."""
    if is_actor_like(tok) or noun_entry(tok) is not None or lemma(tok) in lex.JUDGED_ACT_NOUNS:
        return True
    return any(c.dep_ in ("poss", "compound") and is_actor_like(c) for c in tok.children)


def _framed_judgement(verb):
    """(judged, judgement text) of a framing verb: "called Y Z", "branded Y Z", "described Y
    as Z"; the parse may hang Y on Z ("called the deal 'lousy'": deal under lousy)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma(verb) in lex.VERDICT_AS_VERBS:
        judgement = next((_phrase(c) for c in verb.children
                          if c.dep_ == "prep" and c.lower_ == "as"), None)
        return (objects[0], judgement) if objects and judgement else None
    if len(objects) > 1:  # "branded the plan a disaster": the parse gives two objects
        return objects[0], _phrase(objects[-1])
    complements = [c for c in verb.children if c.dep_ in _COMPLEMENT_DEPS and c.i > verb.i]
    if objects:
        return objects[0], " ".join(_phrase(c) for c in complements if c.i > objects[0].i)
    for comp in complements:
        judged = next((c for c in comp.children if c.dep_ in ("npadvmod", "nsubj", "dobj")
                       and c.i < comp.i), None)
        if judged is not None:
            return judged, comp.doc[judged.right_edge.i + 1: comp.right_edge.i + 1].text
    return None


def _reported_judgement(verb):
    """(judged, judgement text) in a statement's content: "said (that) Y was Z"."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lower_ not in BE_FORMS:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        # a predicate with a clause of its own is an intent or a state, not a judgement
        # ("said France is ready to contribute troops": AGREE by its own rule)
        judged = [c for c in clause.children if c.dep_ in ("attr", "acomp")
                  and lemma(c) not in lex.INTENT_ADJECTIVES
                  and not any(g.dep_ in ("xcomp", "ccomp") for g in c.children)]
        if subject is not None and judged:
            return subject, " ".join(_phrase(c) for c in judged)
    return None


def _judgement(tok):
    lem = lemma(tok)
    if lem in lex.VERDICT_VERBS:
        return _framed_judgement(tok)
    if lem in STATEMENT_VERBS:
        return _reported_judgement(tok)
    return None


def verdict_recipients(case: TypeCase) -> Entry | None:
    """The one judged receives a verdict: the party itself, or the party whose act or
    product is judged ("called the prime minister's deal 'lousy'": the prime minister)."""
    if case.entry is None or case.entry[0] not in ("SUPPORT", "ACCUSE") or case.doc is None:
        return case.entry
    found = _judgement(case.tok)
    if found is None:
        return case.entry
    judged = found[0]
    heads = [judged] if is_actor_like(judged) else [
        c for c in judged.children if c.dep_ in ("poss", "compound") and is_actor_like(c)]
    taken = {p.get("entity") or p["text"] for p in case.actors or ()}
    case.recipients = [p for p in participants(case.doc, heads)
                       if (p.get("entity") or p["text"]) not in taken]
    return case.entry


def verdict(case: TypeCase) -> Entry | None:
    """SUPPORT or ACCUSE for a framing or statement verb whose judgement is praise or
    criticism (module docstring), else None."""
    tok = case.tok
    found = _judgement(tok)
    if found is None or not found[1].strip() or not judgeable(found[0]) or \
            found[0].lower_ in _NOT_JUDGED:
        return None
    score = polarity(found[1])
    if score >= PRAISE:
        return "SUPPORT", None, [tok]
    if score <= -PRAISE:
        return "ACCUSE", "disapprove", [tok]
    return None
