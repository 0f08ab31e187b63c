"""Time expressions (TIMEX3): find them in the text and resolve them against the anchor date.

Detection runs the rule patterns (``patterns``, with the value functions of ``values`` and
the lexicon of ``grammar``) over the text, keeps the longest non-overlapping matches whose
value function accepts them, and consults the spaCy parse for the tense of the governing verb (to place "Tuesday" or "May" before or after the
anchor) and for entity labels (to tell the year "2010" from the count "2010 people").
spaCy DATE/TIME entities the rules do not cover are kept when ``normalise`` can read them.
"""
from __future__ import annotations

import datetime as dt
import re

from ..common.intervals import Overlaps
from ..common.words import lemma
from ...model import Document, Timex
from ...pipeline import Stage
from ..parse import doc_text, token_covering
from .patterns import candidates, normalise, select
from .reference import resolve_references



_FORWARD = {"plan", "planned", "plans", "expect", "intend", "hope", "aim", "want", "due", "set",
            "schedule", "scheduled", "going", "likely", "seek", "propose", "promise", "vow",
            "pledge", "threaten", "prepare", "need", "will", "would", "expected", "poised"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "could", "might", "may", "should", "can", "must"}


def _superseded_plan(verb) -> bool:
    """A forward-looking verb in the past progressive or past perfect ("was planning",
    "had expected"): the plan belongs to the narrated past, so its times do too."""
    return lemma(verb) in _FORWARD and verb.tag_ in ("VBG", "VBN") and any(
        c.dep_ == "aux" and c.lower_ in ("was", "were", "had") for c in verb.children)


def verb_tense(verb, _depth: int = 0) -> str | None:
    """'past', 'present' or 'future' for a spaCy verb token, from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & _FUTURE_AUX or any(c.lower_ == "going" for c in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "'s"}:
        return "present"  # present perfect: "has been postponed until Saturday"
    if verb.tag_ == "VBN" and not words:
        return "past"
    if "to" in words:  # an infinitive: "planned to", "is due to" look ahead, else the head's tense
        head = verb.head
        if head is not verb and _superseded_plan(head):
            return "past"  # "was planning to vote on Tuesday": a plan of the narrated past
        if head is verb or lemma(head) in _FORWARD or head.lower_ in _FORWARD:
            return "future"
        if head.pos_ in ("VERB", "AUX") and _depth < 8:  # parses of run-on text can loop
            return verb_tense(head, _depth + 1)
        return "future"
    if verb.tag_ == "MD":
        return "future"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am", "'re"}:
        return "present"
    return None


_SINCE = re.compile(r"\bsince\s+$", re.I)


def _spacy_helpers(sdoc):
    text = doc_text(sdoc)
    ents = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]

    def tok_at(char: int):
        """The token covering character ``char``, or None."""
        i = token_covering(sdoc, char)
        return sdoc[i] if i >= 0 else None

    def tense_fn(start: int, end: int) -> str | None:
        if _SINCE.search(text, max(0, start - 8), start):
            return "past"
        tok = tok_at(start)
        if tok is None:
            return None
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX"):
                return verb_tense(tok)
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def label_fn(start: int, end: int) -> str | None:
        for s, e, label in ents:
            if s <= start < e or start <= s < end:
                return label
        return None

    def tag_fn(start: int) -> str | None:
        tok = tok_at(start)
        return tok.tag_ if tok is not None else None

    return tense_fn, label_fn, tag_fn, ents


def find_timexes(spacy_doc, anchor: dt.date | None) -> list[Timex]:
    """Every time expression in a parsed spaCy Doc, with TIMEX3 type and value."""
    text = doc_text(spacy_doc)
    tense_fn, label_fn, tag_fn, ents = _spacy_helpers(spacy_doc)
    rejected: list[tuple[int, int]] = []
    chosen = select(candidates(text, anchor, tense_fn, label_fn, tag_fn, rejected))
    taken = [(c[0], c[1]) for c in chosen] + rejected
    # an index, not a scan of every span taken for every entity (long texts): between
    # non-empty spans "s < te and ts < e" is Overlaps' test (an empty one: the plain test)
    covered = Overlaps(taken) if all(ts < te for ts, te in taken) else None
    for s, e, label in ents:  # spaCy dates the rules missed, when normalise can read them
        if label not in ("DATE", "TIME"):
            continue
        if covered is not None and s < e:
            if covered.overlaps(s, e):
                continue
        elif any(s < te and ts < e for ts, te in taken):
            continue
        got = normalise(text[s:e], anchor, tense_fn(s, e))
        if got is not None:
            chosen.append((s, e, *got, -1))
    chosen.sort(key=lambda c: c[0])
    chosen = resolve_references(chosen, anchor)
    return [Timex(text[s:e], s, e, typ, value, mod) for s, e, typ, value, mod, _ in chosen]


class TimexStage(Stage):
    """Fill ``doc.timexes`` with TIMEX3 expressions resolved against ``doc.published``."""

    name = "timex.v1"
    requires = ("parse",)
    provides = ("timexes",)

    def __call__(self, doc: Document) -> None:
        doc.timexes = find_timexes(doc.nlp, doc.published)
