"""Event context: attribution (quote speaker, reporting verb, "according to"), date
(its own timex only) and place."""
from __future__ import annotations

from typing import Any

from ...model import Document
from ..common import factuality as fact
from ..common.attribution import REPORT_ADVERBS, UNATTRIBUTED, according_to, clause_timex
from ..common.syntax import clause_tokens
from ..common.reporting import STATEMENT_VERBS
from .args import participant, participants, subject_heads
from .candidates import PLACE_PREPS, PLACE_TYPES, Candidate, lemma
from .geo import geocode


def _quote_speaker(doc: Document, start: int, end: int) -> str | None:
    if "quotes" not in doc.provided:
        return None
    names = {e.id: e.name for e in doc.entities}
    for q in doc.quotes:
        if q.start <= start and end <= q.end:
            first = q.speaker_name or q.speaker or q.speaker_text
            if not first:
                return None
            others = [names.get(c, c) for c in q.co_speakers]
            return " and ".join(dict.fromkeys([first, *others]))
    return None


def attribution(doc: Document, cand: Candidate) -> tuple[str | None, Any]:
    """(attributed_to, reporting-verb token) for an event."""
    tok = cand.anchor
    speaker = _quote_speaker(doc, tok.idx, tok.idx + len(tok))
    if speaker:  # keep the reporting verb of an indirect quote ("X declared that Y must ...",
        # also from a verb below the quoted clause: "... that Y must allocate funds to help")
        current = tok
        while current.head.i != current.i:
            parent = current.head
            if lemma(parent) in STATEMENT_VERBS and current.dep_ in (
                    "ccomp", "parataxis", "xcomp", "advcl", "dobj"):
                return speaker, parent
            current = parent
        return speaker, None
    current = tok
    while current.head.i != current.i:
        parent = current.head
        if lemma(parent) in STATEMENT_VERBS and current.dep_ in (
                "ccomp", "parataxis", "xcomp", "advcl", "conj", "dobj"):
            if current.dep_ != "conj":
                name = _speaker_name(doc, parent)
                if name:
                    return name, parent
        current = parent
    root = current
    for child in root.children:  # "..., officials said" parsed as a parataxis of the event
        if child.dep_ in ("parataxis", "ccomp") and lemma(child) in STATEMENT_VERBS \
                and child.i > tok.i:
            name = _speaker_name(doc, child)
            if name:
                return name, child
    sent = tok.sent
    for source in according_to(sent)[:1]:
        return _names(doc, source), None
    chain = fact.modal_chain(tok)
    if any(c.lower_ in REPORT_ADVERBS for t in chain for c in t.children) or \
            any(t.lower_ in REPORT_ADVERBS for t in sent if t.head in chain):
        return UNATTRIBUTED, None
    return None, None


def _speaker_name(doc: Document, verb) -> str | None:
    heads, _ = subject_heads(verb)
    if not heads:
        return None
    return _names(doc, heads[0])


def _names(doc: Document, tok) -> str:
    return " and ".join(p["name"] for p in participants(doc, [tok]))


# An event's own clause also leaves out open complements, conjoined and adnominal clauses.
EVENT_CLAUSE_LEAVES_OUT = ("ccomp", "advcl", "relcl", "xcomp", "parataxis", "conj", "acl", "csubj")


def event_clause_tokens(anchor) -> list:
    """The tokens of an event anchor's own clause (``syntax.clause_tokens``, narrower)."""
    return clause_tokens(anchor, EVENT_CLAUSE_LEAVES_OUT)


def event_date(doc: Document, cand: Candidate) -> tuple[str | None, str | None]:
    """(value, text) of the event's date: its own timex, else none. A background event has
    no date of its own; the publication date is not given to it (annotation guide 5.8)."""
    tokens = event_clause_tokens(cand.anchor)
    if cand.nominal is not None and cand.nominal.i != cand.anchor.i:
        tokens += [t for t in cand.nominal.subtree if t not in tokens]
    if "timexes" in doc.provided:
        tx = clause_timex(doc, cand.anchor, tokens, skip_unanchored=False)
        if tx is None:  # "On Monday the army shelled X and killed ...": the time of the act
            governor = _governing_act(cand.anchor)
            if governor is not None:
                tx = clause_timex(doc, governor, event_clause_tokens(governor))
        if tx is not None:
            return tx.value, tx.text
    else:
        for ent in cand.anchor.doc.ents:
            if ent.label_ in ("DATE", "TIME") and any(t in tokens for t in ent):
                return None, ent.text
    return None, None  # no own time: never the publication date (guide 5.8)


def _governing_act(anchor):
    """The verb whose clause an event continues: the head of a conjoined or participial
    clause ("shelled X and killed ...", "launched an attack, killing ..."), else None."""
    tok = anchor
    if tok.dep_ in ("conj", "advcl") and tok.head.pos_ in ("VERB", "AUX") and \
            tok.tag_ in ("VBD", "VBG", "VBN"):
        return tok.head
    return None


def event_location(doc: Document, cand: Candidate, taken: set[int]) -> dict[str, Any] | None:
    """The place of an event: "in/at/near PLACE" on the trigger or event noun, geocoded."""
    holders = [cand.anchor] + ([cand.nominal] if cand.nominal is not None else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in PLACE_TYPES and pobj.i not in taken:
                        item = participant(doc, pobj)
                        place = {"name": item["name"], "country": None, "lat": None,
                                 "lon": None, "entity": item["entity"], "text": item["text"]}
                        geo = geocode(item["name"], item.get("code")) or \
                            geocode(item["text"], item.get("code"))
                        if geo:
                            place.update(country=geo["country"], lat=geo["lat"],
                                         lon=geo["lon"], geonameid=geo["geonameid"],
                                         kind=geo["kind"])
                        return place
    return None


# Group nouns that stand for the parties of a process ("the negotiating sides", "both
# parties", "the two sides").
SIDE_NOUNS = frozenset({"side", "sides", "party", "parties"})
SIDE_MODIFIERS = frozenset({"negotiating", "warring", "both", "two", "conflicting",
                            "opposing", "rival", "fighting"})
BILATERAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})


def _is_sides(item: dict[str, Any], sdoc) -> bool:
    if item.get("entity"):
        return False
    words = (item.get("text") or "").lower().replace("-", " ").split()
    return bool(words) and words[-1] in SIDE_NOUNS and bool(set(words) & SIDE_MODIFIERS)


def resolve_sides(doc: Document, events: list) -> None:
    """"The negotiating sides" -> the parties of the closest earlier two-sided event whose
    participants are named entities (the talks between X and Y named before)."""
    parties: list[dict[str, Any]] | None = None
    for ev in events:
        for role in ("actor", "recipient"):
            items = getattr(ev, role)
            if parties and any(_is_sides(p, doc.nlp) for p in items):
                kept = [p for p in items if not _is_sides(p, doc.nlp)]
                sides = next(p for p in items if _is_sides(p, doc.nlp))
                setattr(ev, role, kept + [dict(p, text=sides["text"], start=sides["start"],
                                               end=sides["end"], via=sides["text"])
                                          for p in parties])
        named = [p for p in ev.actor + ev.recipient if p.get("entity") or
                 (p.get("name") or " ")[0].isupper() and not p.get("via")]
        if ev.event in BILATERAL_TYPES and len({p.get("entity") or p["name"]
                                                for p in named}) >= 2:
            parties = [{k: v for k, v in p.items() if k != "via"} for p in named]
