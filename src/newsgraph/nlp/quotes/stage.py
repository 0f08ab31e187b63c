"""Stage ``quotes.v1``: direct, indirect and mixed quotes, each with cue and resolved speaker.

``analyse_quotes(doc)`` returns each Quote with a dict of details the record has no field
for yet: ``medium`` (statement | tweet | letter | interview | ...), ``co_speakers`` (entity
ids of the other speakers in "the US and NATO said"), ``antecedent_text`` (the phrase a
pronoun or a free-standing quote was resolved to) and ``source`` (cue | standalone |
according). The stage stores the Quotes on the Document.
"""
from __future__ import annotations

from typing import Any

from ...model import Document, Quote
from ...pipeline import Stage
from .conventions import quiet_paragraphs
from .direct import direct_candidates
from .discourse import Speakers
from .marks import Candidate, quote_mark_spans
from .indirect import indirect_candidates
from .speakers import find_medium


class QuoteStage(Stage):
    name = "quotes.v1"
    requires = ("parse", "entities")
    reads = ("actors",)
    provides = ("quotes",)

    def __call__(self, doc: Document) -> None:
        doc.quotes = extract_quotes(doc)


def extract_quotes(doc: Document) -> list[Quote]:
    """The quotes of a parsed Document, with medium and co-speakers filled in."""
    quotes = []
    for quote, details in analyse_quotes(doc):
        quote.medium = details["medium"]
        quote.co_speakers = list(details["co_speakers"])
        quotes.append(quote)
    return quotes


def analyse_quotes(doc: Document) -> list[tuple[Quote, dict[str, Any]]]:
    """Every quote of a parsed Document in text order, with its details dict."""
    text, sdoc = doc.text, doc.nlp
    if sdoc is None or not text:
        return []
    spans = quote_mark_spans(text)
    direct = direct_candidates(text, sdoc, spans)
    indirect = indirect_candidates(sdoc, spans)
    merged = _merge(text, direct, indirect, spans)
    quiet = quiet_paragraphs(text)
    merged = [c for c in merged if not any(a <= c.start < b for a, b in quiet)]
    return _resolve(doc, merged)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _merge(text: str, direct: list[Candidate], indirect: list[Candidate], spans) -> list[Candidate]:
    kept = list(direct)
    for cand in indirect:
        if any(_overlap(cand.start, cand.end, d.start, d.end) for d in direct):
            continue  # the clause is (or is inside) a direct quote already attributed
        inner = [s for s in spans if cand.start <= s.open and s.close < cand.end + 1]
        if inner:
            cand.kind = "mixed"
        if any(_overlap(cand.start, cand.end, k.start, k.end) > 0 and k.kind != "direct"
               for k in kept):
            # nested reporting verbs ("said that X warned that ..."): keep the outer one
            continue
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _medium(text: str, cand: Candidate) -> str | None:
    """The medium named in the attribution's own sentence(s), outside the quoted words."""
    points = [x for x in (cand.start, cand.end, cand.speaker_start, cand.speaker_end)
              if x is not None]
    lo, hi = min(points), max(points)
    lo = max(text.rfind(ch, 0, lo) for ch in ".!?\n") + 1
    ends = [i for i in (text.find(ch, hi) for ch in ".!?\n") if i >= 0]
    hi = min(ends) if ends else len(text)
    window = text[lo:cand.start] + " " + text[cand.end:hi]
    return find_medium(window)


def _resolve(doc: Document, cands: list[Candidate]) -> list[tuple[Quote, dict[str, Any]]]:
    text = doc.text
    speakers = Speakers(doc)
    out: list[tuple[Quote, dict[str, Any]]] = []
    for cand in cands:
        details: dict[str, Any] = {"medium": _medium(text, cand), "co_speakers": [],
                                   "antecedent_text": None, "source": cand.source}
        speaker_text = None
        if cand.speaker_start is not None and cand.speaker_end is not None:
            speaker_text = text[cand.speaker_start:cand.speaker_end].strip() or None
        quote = Quote(id="", kind=cand.kind, text=text[cand.start:cand.end], start=cand.start,
                      end=cand.end, cue=cand.cue, speaker_text=speaker_text)
        speakers.resolve(cand, quote, details)
        out.append((quote, details))
    for n, (quote, _) in enumerate(out, 1):
        quote.id = f"q{n}"
    return out
