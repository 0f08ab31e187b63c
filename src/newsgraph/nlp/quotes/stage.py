"""Stage ``quotes.v1``: direct, indirect and mixed quotes, each with cue and resolved speaker.

``analyse_quotes(doc)`` returns each Quote with a dict of details the record has no field
for yet: ``medium`` (statement | tweet | letter | interview | ...), ``co_speakers`` (entity
ids of the other speakers in "the US and NATO said"), ``antecedent_text`` (the phrase a
pronoun or a free-standing quote was resolved to) and ``source`` (cue | standalone |
according). The stage stores the Quotes on the Document.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...model import Document, Quote
from ...pipeline import Stage
from .conventions import block_quotes, quiet_paragraphs
from .direct import QUOTE_CHARS, direct_candidates, speaker_from_verb
from .discourse import Speakers
from .fragments import quoted_fragments
from .marks import Candidate, quote_mark_spans
from .indirect import indirect_candidates
from ..common.intervals import DisjointOverlaps, Enclosures, Overlaps
from .speakers import find_medium


MEDIUM_REACH = 2_000  # characters around a quote searched for its sentence's ends (news: < 800)


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
    direct = direct_candidates(text, sdoc, spans) + block_quotes(text, sdoc, speaker_from_verb)
    verdicts, reproduced = quoted_fragments(sdoc, spans)
    taken = Overlaps((d.start, d.end) for d in direct)
    direct += [r for r in reproduced if not taken.overlaps(r.start, r.end)]
    indirect = indirect_candidates(sdoc, spans) + verdicts  # the parse's readings first
    merged = _merge(text, direct, indirect, spans)
    quiet = quiet_paragraphs(text)
    merged = [c for c in merged if not any(a <= c.start < b for a, b in quiet)]
    return _resolve(doc, merged)


def _merge(text: str, direct: list[Candidate], indirect: list[Candidate], spans) -> list[Candidate]:
    # a quoted verdict the direct finder took for speech ('calling the rules "unfair"') is
    # the framed object with its verdict: the mixed quote replaces the direct one inside it
    framed = Overlaps((c.start, c.end) for c in indirect if c.source == "framed")
    direct = [d for d in direct if not framed.overlaps(d.start, d.end)]
    kept = list(direct)
    # interval indexes instead of testing every quote against every other one (quadratic
    # on a text of thousands of cues); same answers as ``_overlap(...) > 0`` over the lists
    attributed = Overlaps((d.start, d.end) for d in direct)
    outer = Overlaps((d.start, d.end) for d in direct if d.kind != "direct")
    added = DisjointOverlaps()
    marks = Enclosures((s.open, s.close) for s in spans)
    for cand in indirect:
        if attributed.overlaps(cand.start, cand.end):
            continue  # the clause is (or is inside) a direct quote already attributed
        if marks.contains(cand.start, cand.end):  # a quoted stretch inside
            cand.kind = "mixed"
        if outer.overlaps(cand.start, cand.end) or added.overlaps(cand.start, cand.end):
            # nested reporting verbs ("said that X warned that ..."): keep the outer one
            continue
        kept.append(cand)
        added.add(cand.start, cand.end)
    kept.sort(key=lambda c: c.start)
    return kept


def _medium(text: str, cand: Candidate) -> str | None:
    """The medium named in the attribution's own sentence(s), outside the quoted words."""
    points = [x for x in (cand.start, cand.end, cand.speaker_start, cand.speaker_end)
              if x is not None]
    lo, hi = min(points), max(points)
    # looked for within MEDIUM_REACH characters (sentences are far shorter), not to the ends
    # of a text without punctuation, for every quote
    floor, ceiling = max(0, lo - MEDIUM_REACH), min(len(text), hi + MEDIUM_REACH)
    found = max(text.rfind(ch, floor, lo) for ch in ".!?\n")
    lo = found + 1 if found >= 0 else floor
    ends = [i for i in (text.find(ch, hi, ceiling) for ch in ".!?\n") if i >= 0]
    hi = min(ends) if ends else ceiling
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
    out = [part for item in out for part in _per_paragraph(text, *item)]
    for n, (quote, _) in enumerate(out, 1):
        quote.id = f"q{n}"
    return out


def _per_paragraph(text: str, quote: Quote, details: dict[str, Any]):
    """A direct quote running over several paragraphs (each continued paragraph reopens the
    marks) as one record per paragraph, every one with the quote's speaker and cue: each
    paragraph is its own stretch of evidence."""
    if quote.kind != "direct" or "\n" not in quote.text:
        return [(quote, details)]
    parts, pos = [], quote.start
    for piece in quote.text.split("\n"):
        a, b = pos, pos + len(piece)
        pos = b + 1
        while a < b and (text[a].isspace() or text[a] in QUOTE_CHARS):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in QUOTE_CHARS):
            b -= 1
        if b > a:
            parts.append((replace(quote, text=text[a:b], start=a, end=b,
                                  co_speakers=list(quote.co_speakers)), dict(details)))
    return parts or [(quote, details)]
