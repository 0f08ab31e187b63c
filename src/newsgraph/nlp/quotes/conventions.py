"""Layouts of real reporting the cue finders do not cover, and paragraphs that hold no quotes.

* **A colon after a clause with any verb** introduces the words of its subject: "X wrote on
  social media: “…”", "X praised the officer on Twitter: “…”", "X addressed the crowd: “…”".
  The quote must read as speech (several words, a sentence end or a long stretch), the clause
  must be active and have a subject: a passive or a verbless lead-in ("The list: “…”") gives
  nothing here.
* **Interview questions and captions** are not quotes (the gold guide's conventions): a
  paragraph led by a speaker label such as "((WN)) :" or a bare ":" is an interviewer's
  question; a paragraph with an image credit ("Image: …") is a caption.
"""
from __future__ import annotations

import re

from ..common.words import lemma
from ..parse import last_token_before
from .marks import Candidate, MarkSpan

_SENTENCE = re.compile(r"[.!?…]['’”\"\])]*\s*$")
_QUESTION_LABEL = re.compile(r"^\s*(?:\(\([^)\n]{1,20}\)\)\s*)?:\s")
_CAPTION = re.compile(r"\bImage:\s")
_MIN_WORDS = 4


def _speech_like(content: str) -> bool:
    words = len(content.split())
    return words >= _MIN_WORDS and (_SENTENCE.search(content) is not None or words >= 8)


def colon_intro(text: str, sdoc, span: MarkSpan, speaker_from_verb) -> Candidate | None:
    """``X praised the officer on Twitter: “…”``: the quote after a colon that ends a clause
    with an active verb and a subject, attributed to that subject (cue: the verb)."""
    para_start = text.rfind("\n", 0, span.open) + 1
    if not text[para_start:span.open].rstrip().endswith(":"):
        return None
    if not _speech_like(text[span.start:span.end]):
        return None
    i = last_token_before(sdoc, span.open)
    if i < 0 or sdoc[i].text != ":":
        return None
    colon = sdoc[i]
    verb = colon.head
    while verb.pos_ not in ("VERB",) and verb.head.i != verb.i and verb.idx >= para_start:
        verb = verb.head
    if verb.pos_ != "VERB" or verb.idx < para_start or verb.i > colon.i or \
            lemma(verb) in ("be", "have") or any(c.dep_ in ("auxpass", "nsubjpass")
                                                 for c in verb.children):
        return None
    found = speaker_from_verb(verb, stop_before=colon.idx)
    if found is None:
        return None
    cand = Candidate("direct", span.start, span.end, verb.text, lemma(verb))
    cand.speaker_start, cand.speaker_end, cand.speaker_tokens = found
    return cand


def quiet_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the paragraphs that hold no quotes: interview questions, captions."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if _QUESTION_LABEL.match(line) or _CAPTION.search(line):
            out.append((pos, end))
        pos = end + 1
    return out
