"""Layouts of real reporting the cue finders do not cover, and paragraphs that hold no quotes.

* **A colon after a clause with any verb** introduces the words of its subject: "X wrote on
  social media: “…”", "X praised the officer on Twitter: “…”", "X addressed the crowd: “…”".
  The quote must read as speech (several words, a sentence end or a long stretch), the clause
  must be active and have a subject: a passive or a verbless lead-in ("The list: “…”") gives
  nothing here.
* **A block quote**: a paragraph without marks after a reporting clause that ends in a colon
  ("The ministry said in a statement:" and the statement's words as the next paragraph).
* **Interview questions and captions** are not quotes (the gold guide's conventions): a
  paragraph led by a speaker label such as "((WN)) :" or a bare ":" is an interviewer's
  question; a paragraph with an image credit ("Image: …") is a caption.
"""
from __future__ import annotations

import re

from ..common.reporting import reporting_verb
from ..common.words import lemma
from ..parse import last_token_before
from .marks import Candidate, MarkSpan, paragraphs

_SENTENCE = re.compile(r"[.!?…]['’”\"\])]*\s*$")
_QUESTION_LABEL = re.compile(r"^\s*(?:\(\([^)\n]{1,20}\)\)\s*)?:\s")
_CAPTION = re.compile(r"\bImage:\s")
_MIN_WORDS = 4
_BLOCK_WORDS = 6  # a block quote is a stretch of speech, not a label or a name
QUOTE_OPENERS = "\"'“‘«„"


def _speech_like(content: str) -> bool:
    words = len(content.split())
    return words >= _MIN_WORDS and (_SENTENCE.search(content) is not None or words >= 8)


def _colon_verb(sdoc, colon, para_start: int):
    """The active verb with a subject whose clause the colon ends, or None."""
    verb = colon.head
    while verb.pos_ not in ("VERB",) and verb.head.i != verb.i and verb.idx >= para_start:
        verb = verb.head
    if verb.pos_ != "VERB" or verb.idx < para_start or verb.i > colon.i or \
            lemma(verb) in ("be", "have") or any(c.dep_ in ("auxpass", "nsubjpass")
                                                 for c in verb.children):
        return None
    return verb


def _reporting_before(sdoc, colon, para_start: int):
    """The last active reporting verb of the paragraph before its final colon (the parse
    may hang the colon on the block after it)."""
    for tok in reversed(sdoc[:colon.i]):
        if tok.idx < para_start or tok.text in (".", "!", "?"):
            return None
        if tok.pos_ == "VERB" and reporting_verb(tok) is not None and not any(
                c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return tok
    return None


def _from_colon(sdoc, colon, para_start: int, start: int, end: int, speaker_from_verb,
                reporting_only: bool = False) -> Candidate | None:
    verb = _reporting_before(sdoc, colon, para_start) if reporting_only else \
        _colon_verb(sdoc, colon, para_start)
    if verb is None:
        return None
    found = speaker_from_verb(verb, stop_before=colon.idx)
    if found is None:
        return None
    cand = Candidate("direct", start, end, verb.text, lemma(verb))
    cand.speaker_start, cand.speaker_end, cand.speaker_tokens = found
    return cand


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
    return _from_colon(sdoc, sdoc[i], para_start, span.start, span.end, speaker_from_verb)


def block_quotes(text: str, sdoc, speaker_from_verb) -> list[Candidate]:
    """A paragraph set off after a reporting clause that ends in a colon, without quotation
    marks ("The ministry said in a statement:" then the statement's paragraph): a direct
    quote of that paragraph, attributed to the clause's subject. Only after a reporting verb
    ("said", "wrote", "denied"): a colon after other verbs opens lists and programmes."""
    out = []
    parts = paragraphs(text)
    for (a, b), (c, d) in zip(parts, parts[1:]):
        intro, block = text[a:b].rstrip(), text[c:d].strip()
        if not intro.endswith(":") or not block or block[0] in QUOTE_OPENERS or \
                not _speech_like(block) or len(block.split()) < _BLOCK_WORDS:
            continue
        i = last_token_before(sdoc, a + len(intro))
        if i < 0 or sdoc[i].text != ":":
            continue
        start = c + (len(text[c:d]) - len(text[c:d].lstrip()))
        cand = _from_colon(sdoc, sdoc[i], a, start, start + len(block), speaker_from_verb,
                           reporting_only=True)
        if cand is not None:
            cand.source = "block"
            out.append(cand)
    return out


def quiet_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the paragraphs that hold no quotes: interview questions, captions."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if _QUESTION_LABEL.match(line) or _CAPTION.search(line):
            out.append((pos, end))
        pos = end + 1
    return out
