"""Reporting verbs: the one list (``data/reporting_verbs.yaml``) that every stage uses, in
classes: ``STATEMENT_VERBS`` (the ``statement`` and ``opinion`` verbs) assert their complement
as the subject's claim or view, the source of an event, relation or status claim in it;
``REPORTING_VERBS`` (``statement``, ``cue`` and ``speech_act`` verbs) are the cues of quotes."""
from __future__ import annotations

from ...data import load_yaml, unique_words
from .words import lemma

_CLASSES = load_yaml("reporting_verbs.yaml")
STATEMENT_VERBS = unique_words(_CLASSES["statement"] + _CLASSES["opinion"],
                               "data/reporting_verbs.yaml statement, opinion")
SPEECH_ACT_VERBS = unique_words(_CLASSES["speech_act"], "data/reporting_verbs.yaml speech_act")
REPORTING_VERBS = unique_words(
    [w for key in ("statement", "cue", "speech_act") for w in _CLASSES[key]],
    "data/reporting_verbs.yaml")
# Every verb once across all classes.
unique_words([w for words in _CLASSES.values() for w in words], "data/reporting_verbs.yaml")


def reporting_verb(tok) -> str | None:
    """The lemma when ``tok`` is a form of a reporting verb (any class), else None."""
    lem = lemma(tok, REPORTING_VERBS)
    return lem if lem in REPORTING_VERBS else None


def is_statement(tok) -> bool:
    """True when ``tok`` is a form of a verb that asserts its complement (``STATEMENT_VERBS``)."""
    return lemma(tok, STATEMENT_VERBS) in STATEMENT_VERBS
