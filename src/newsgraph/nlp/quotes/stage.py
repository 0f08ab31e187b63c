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
from .direct import direct_candidates, is_pronoun
from .marks import Candidate, quote_mark_spans
from .indirect import indirect_candidates
from .speakers import find_medium
from .speakers import Resolved, nearest_antecedent, pronoun_agrees, resolve_phrase

_ANTECEDENT_WINDOW = 1500  # characters back that a pronoun or a bare quote may reach


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
    text, entities = doc.text, doc.entities
    out: list[tuple[Quote, dict[str, Any]]] = []
    history: list[tuple[int, Quote, Resolved, str | None]] = []
    for cand in cands:
        details: dict[str, Any] = {"medium": _medium(text, cand), "co_speakers": [],
                                   "antecedent_text": None, "source": cand.source}
        speaker_text = None
        if cand.speaker_start is not None and cand.speaker_end is not None:
            speaker_text = text[cand.speaker_start:cand.speaker_end].strip() or None
        quote = Quote(id="", kind=cand.kind, text=text[cand.start:cand.end], start=cand.start,
                      end=cand.end, cue=cand.cue, speaker_text=speaker_text)
        res: Resolved | None = None
        anchor = cand.speaker_start if cand.speaker_start is not None else cand.start
        recent = [h for h in history if anchor - h[0] <= _ANTECEDENT_WINDOW]
        if speaker_text and is_pronoun(speaker_text):
            prev = recent[-1] if recent else None
            if prev is not None and pronoun_agrees(speaker_text, prev[2]):
                _copy(quote, prev[1])
                res = prev[2]
                details["antecedent_text"] = prev[3] or prev[1].speaker_text
            else:
                ent = nearest_antecedent(entities, speaker_text, anchor, _ANTECEDENT_WINDOW,
                                         doc.nlp)
                if ent is not None:
                    quote.speaker, quote.speaker_name = ent.id, ent.name
                    details["antecedent_text"] = ent.name
                    res = Resolved(ent, [], "person" if ent.type == "PERSON" else "group",
                                   speaker_text.lower() in ("they", "we"))
        elif speaker_text:
            res = resolve_phrase(entities, cand.speaker_start, cand.speaker_end,
                                 cand.speaker_tokens)
            if res.entity is not None:
                quote.speaker, quote.speaker_name = res.entity.id, res.entity.name
                details["co_speakers"] = [e.id for e in res.others]
        elif cand.source == "standalone" and recent:
            prev = recent[-1]
            _copy(quote, prev[1])
            res = prev[2]
            details["antecedent_text"] = prev[3] or prev[1].speaker_text
        if res is None and (speaker_text or cand.source != "standalone"):
            res = Resolved(None, [], "unknown", False)
        if res is not None:
            history.append((cand.end, quote, res, details["antecedent_text"] or speaker_text))
        out.append((quote, details))
    for n, (quote, _) in enumerate(out, 1):
        quote.id = f"q{n}"
    return out


def _copy(quote: Quote, prev: Quote) -> None:
    quote.speaker, quote.speaker_name = prev.speaker, prev.speaker_name
