"""Who asserts a clause, and when: attribution and clause dates of ``relations.v1`` (also
used by ``commitments.v1``).

Attribution: the speaker of a quote whose span covers the evidence, else the subject of a
reporting verb governing the clause ("X said that ..."), else the owner of a stance noun
("X consensus is that ..."), else "according to X" in the sentence, else the author (or
"editorial" for editorials and opinion pieces with no author).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ...model import Document
from .actor_index import ActorIndex, party_words
from .reporting import is_statement
from .syntax import clause_tokens, subject_of
from .words import BE_FORMS, ends_period

UNATTRIBUTED = "unattributed report"
REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})


def author_source(doc: Document) -> str:
    """Who asserts unattributed text: the author, else "editorial" for editorials."""
    if doc.authors:
        return doc.authors[0]
    if doc.genre in ("editorial", "opinion", "analysis") or doc.has_masthead:
        return "editorial"
    return "author"


@dataclass(slots=True)
class Source:
    """Who asserts a piece of text, and all co-sources ("the Afghan government and the US")."""

    id: str
    all: list[str] = field(default_factory=list)
    via: str = "author"  # quote | reporting | stance | according | reportedly | author


def attribution(doc: Document, index: ActorIndex, tok, start: int, end: int) -> Source:
    """The source of the clause containing ``tok`` whose evidence is ``start:end``."""
    for q in doc.quotes:
        inside = (q.start <= start and end <= q.end + 1) or q.start <= tok.idx < q.end
        if inside and (q.speaker or q.speaker_text):
            ident = q.speaker or _speaker_actor(doc, index, q) or q.speaker_text
            return Source(ident, [ident, *[c for c in q.co_speakers if c != ident]], "quote")
    current = tok
    while current.head.i != current.i:
        parent = current.head
        if current.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and \
                is_statement(parent):
            subj = subject_of(parent).token
            ents = index.actors(subj) if subj is not None else []
            if ents:
                return Source(ents[0].id, [e.id for e in ents], "reporting")
        if current.dep_ == "ccomp" and parent.lower_ in BE_FORMS:
            for child in parent.children:
                if child.dep_ == "nsubj" and child.lower_ in party_words()["stance_nouns"]:
                    owners = [index.entity(c) for c in child.children
                              if c.dep_ in ("compound", "poss", "amod") and index.entity(c)]
                    if owners:
                        return Source(owners[0].id, [o.id for o in owners], "stance")
        current = parent
    sent = tok.sent
    for source in according_to(sent, nested=False):
        ents = index.actors(source)
        if ents:
            return Source(ents[0].id, [e.id for e in ents], "according")
    if any(t.lower_ in REPORT_ADVERBS for t in sent):
        return Source(UNATTRIBUTED, [UNATTRIBUTED], "reportedly")
    who = author_source(doc)
    return Source(who, [who], "author")


def according_to(sent, nested: bool = True) -> list:
    """The object of each "according to X" in the sentence, in order. ``nested`` also takes
    the object when the parser hangs it one level lower (under a child of "according")."""
    found = []
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = [g for g in t.doc[t.i + 1].children if g.dep_ == "pobj"]
            if not pobj and nested:
                pobj = [g for c in t.children for g in c.children if g.dep_ == "pobj"]
            if pobj:
                found.append(pobj[0])
    return found


def _speaker_actor(doc: Document, index: ActorIndex, quote) -> str | None:
    """The actor named inside an unresolved speaker phrase ("the Russian defence ministry")."""
    text = quote.speaker_text or ""
    if not text:
        return None
    spots, at = [], doc.text.find(text)
    while at >= 0 and len(spots) < 20:
        spots.append(at)
        at = doc.text.find(text, at + 1)
    if not spots:
        return None
    at = min(spots, key=lambda i: min(abs(i - quote.start), abs(i - quote.end)))
    span = doc.nlp.char_span(at, at + len(text), alignment_mode="expand")
    if span is None:
        return None
    ent = index.entity(span.root) or next((index.entity(t) for t in span if index.entity(t)), None)
    return ent.id if ent else None


def clause_timex(doc: Document, anchor, tokens: list, skip_unanchored: bool = True):
    """The DATE or TIME timex nearest ``anchor`` that overlaps TOKENS (its clause), or None.

    ``skip_unanchored`` passes over timexes with no value or a PAST_REF-like one."""
    spans = [(t.idx, t.idx + len(t)) for t in tokens]
    if not spans:
        return None
    # The nearest of the timexes that pass, the first one on a tie (what the first passing
    # one in a stable sort by distance is), among those within the clause's reach: not a
    # sort of every timex of the document for every clause (quadratic on long texts).
    best, best_distance = None, 0
    for tx in timexes_near(doc.timexes, min(s for s, _ in spans), max(e for _, e in spans)):
        if tx.type not in ("DATE", "TIME") or ends_period(doc.text, tx.start):
            continue  # the end of a period ("extended the lockdown until May 1") is no date of it
        if skip_unanchored and (not tx.value or tx.value.endswith("_REF")):
            continue
        if any(s < tx.end and tx.start < e for s, e in spans):
            distance = abs(tx.start - anchor.idx)
            if best is None or distance < best_distance:
                best, best_distance = tx, distance
    return best


_NEAR_INDEX: list = [None, -1, [], 0]  # timexes list, its length, their starts, longest span


def timexes_near(timexes: list, lo: int, hi: int) -> list:
    """The ``timexes`` that may overlap ``[lo, hi)`` (every one that does), in list order;
    by bisection when the list is in text order (the timex stage's), else all of them."""
    index = _NEAR_INDEX  # one list at a time: the document being analysed
    if index[0] is not timexes or index[1] != len(timexes):
        starts = [tx.start for tx in timexes]
        in_order = all(a <= b for a, b in zip(starts, starts[1:]))
        longest = max((tx.end - tx.start for tx in timexes), default=0)
        index[:] = [timexes, len(timexes), starts if in_order else None, longest]
    starts, longest = index[2], index[3]
    if starts is None:
        return timexes
    return timexes[bisect_right(starts, lo - longest):bisect_left(starts, hi)]


def clause_date(doc: Document, anchor) -> tuple[str | None, str | None]:
    """(TIMEX3 value, text) of a DATE timex in the anchor's clause, else the publication date."""
    tx = clause_timex(doc, anchor, clause_tokens(anchor))
    if tx is not None:
        return tx.value, tx.text
    return (doc.published.isoformat() if doc.published else None), None
