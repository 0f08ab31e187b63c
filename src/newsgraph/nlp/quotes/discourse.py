"""Speakers from the discourse: the entity each quote candidate is attributed to.

In order: a pronoun speaker ("he said") takes the entity the coreference of ``actors.v1``
linked it to, else the speaker of an earlier quote that agrees in number, animacy and gender,
else (he/she only) the salient person before it; a phrase takes the entity whose mention
covers its head, apposition or coordinated names, else the entity a description or a
document stands for (``descriptions``); a free-standing quote with no attribution of its own
takes the speaker of the quote before it in its own or the previous paragraph, else the
subject of the sentence before it in its paragraph ("The senator criticised the plan. “It is
a mistake.”"). Anything else is left unattributed (no entity), never "the nearest name".
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from dataclasses import dataclass
from typing import Any

from ...model import Document, Entity, Quote
from .descriptions import genders, owner_pronoun, resolve_description
from .marks import Candidate
from .direct import is_pronoun
from .speakers import (PERSON_PRONOUNS, Resolved, nearest_antecedent, pronoun_agrees,
                       resolve_phrase)

WINDOW = 1500  # characters back that a pronoun or a bare quote may reach
_MALE, _FEMALE = frozenset({"he", "him"}), frozenset({"she", "her"})
_PLURAL = frozenset({"they", "them", "we"})
_BASE = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}


@dataclass(slots=True)
class Said:
    """One attributed quote, as later pronouns and bare quotes may take it up."""

    end: int
    quote: Quote
    res: Resolved
    antecedent: str | None


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _as_resolved(ent: Entity, pronoun: str) -> Resolved:
    return Resolved(ent, [], "person" if ent.type == "PERSON" else "group",
                    pronoun.lower() in _PLURAL)


def gender_fits(pronoun: str, ent: Entity | None, sexes: dict[str, str]) -> bool:
    p = pronoun.lower()
    if ent is None or p not in _MALE | _FEMALE:
        return True
    sex = sexes.get(ent.id)
    return not (p in _MALE and sex == "f" or p in _FEMALE and sex == "m")


class Speakers:
    """Resolves the candidates of one document in text order, keeping the quotes said so far."""

    def __init__(self, doc: Document):
        self.doc, self.text, self.entities = doc, doc.text, doc.entities
        self.history: list[Said] = []
        self.ends: list[tuple[int, int]] = []  # (end, position in history), sorted
        self.sexes = genders(doc.entities, doc.nlp)

    def resolve(self, cand: Candidate, quote: Quote, details: dict[str, Any]) -> None:
        anchor = cand.speaker_start if cand.speaker_start is not None else cand.start
        # the quotes ending within WINDOW before the anchor, in the order they were said:
        # by bisection over their ends, not a scan of every quote so far (long texts)
        near = self.ends[bisect_left(self.ends, (anchor - WINDOW, -1)):
                         bisect_right(self.ends, (anchor, len(self.history)))]
        recent = [self.history[n] for _, n in sorted(near, key=lambda e: e[1])]
        text = quote.speaker_text
        res: Resolved | None = None
        if text and is_pronoun(text):
            res = self._pronoun(cand.speaker_start, cand.speaker_end, text, anchor, recent,
                                details)
        elif text:
            res = resolve_phrase(self.entities, cand.speaker_start, cand.speaker_end,
                                 cand.speaker_tokens)
            if res.entity is None:
                ent = resolve_description(self.doc, cand, anchor)
                poss = owner_pronoun(cand) if ent is None else None
                if poss is not None:  # "according to its polling": whose the pronoun is
                    ent = self._pronoun(poss.idx, poss.idx + len(poss.text), _BASE[poss.lower_],
                                        anchor, recent, details).entity
                if ent is not None:
                    res = Resolved(ent, [], "person" if ent.type == "PERSON" else "group",
                                   res.plural)
                    details["antecedent_text"] = ent.name
            details["co_speakers"] = [e.id for e in res.others]
        elif cand.source == "standalone":
            res = self._bare(cand, recent, details)
        if res is not None and res.entity is not None:
            quote.speaker, quote.speaker_name = res.entity.id, res.entity.name
        if res is None and (text or cand.source != "standalone"):
            res = Resolved(None, [], "unknown", False)
        if res is not None:
            insort(self.ends, (cand.end, len(self.history)))
            self.history.append(Said(cand.end, quote, res, details["antecedent_text"] or text))

    def _pronoun(self, start: int | None, end: int | None, pronoun: str, anchor: int,
                 recent: list[Said], details: dict[str, Any]) -> Resolved:
        linked = _linked(self.entities, start, end)
        if linked is not None and _modifier_only(linked, anchor, self.doc.nlp):
            linked = None  # "his French counterpart … They said": no group was named
        if linked is not None:  # the coreference of actors.v1 resolved the pronoun
            details["antecedent_text"] = linked.name
            return _as_resolved(linked, pronoun)
        for prev in reversed(recent[-1:]):
            if prev.res.entity is not None and pronoun_agrees(pronoun, prev.res) and \
                    gender_fits(pronoun, prev.res.entity, self.sexes):
                details["antecedent_text"] = prev.antecedent or prev.quote.speaker_text
                return prev.res
        # he/she: the salient person before; it/they: only an organisation or state that is
        # the subject of one of the two sentences before (a nearer name is no antecedent)
        person = pronoun.lower() in PERSON_PRONOUNS | {"i"}
        ent = nearest_antecedent([e for e in self.entities if gender_fits(pronoun, e, self.sexes)],
                                 pronoun, anchor, WINDOW, self.doc.nlp, subject_only=not person)
        if ent is not None:
            details["antecedent_text"] = ent.name
            return _as_resolved(ent, pronoun)
        return Resolved(None, [], "unknown", pronoun.lower() in _PLURAL)

    def _bare(self, cand: Candidate, recent: list[Said], details: dict[str, Any]) -> Resolved | None:
        """A quote with no attribution of its own: the speaker of the quote before it in its
        paragraph, else the subject of the sentence before it in its paragraph ("The
        senator criticised the plan. “It is a mistake.”"), else the speaker of the last
        quote before."""
        para = paragraph_start(self.text, cand.start)
        prev = recent[-1] if recent else None
        if prev is None or prev.end < para:
            ent = self._lead_subject(cand.start, para)
            if ent is not None:
                details["antecedent_text"] = ent.name
                return Resolved(ent, [], "person" if ent.type == "PERSON" else "group", False)
        if prev is not None:
            details["antecedent_text"] = prev.antecedent or prev.quote.speaker_text
            return prev.res
        return None

    def _lead_subject(self, start: int, para: int) -> Entity | None:
        """The person or organisation that is the subject of the sentence right before
        ``start`` in its paragraph, when that sentence quotes nobody."""
        sdoc = self.doc.nlp
        if sdoc is None:
            return None
        before = [s for s in sdoc.sents if para <= s.start_char and s.end_char <= start]
        if not before or any(t.is_quote for t in before[-1]):
            return None
        root = before[-1].root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        hits = [e for e in self.entities if e.type in ("PERSON", "ORG") and any(
            m.start <= subj.idx < m.end for m in e.mentions)]
        return hits[0] if len(hits) == 1 else None


def _modifier_only(ent: Entity, before: int, sdoc) -> bool:
    """A nationality or place named before ``before`` only as a modifier of another noun
    ("his French counterpart"), which a pronoun cannot take up."""
    if ent.type not in ("NORP", "GPE") or sdoc is None:
        return False
    named = [m for m in ent.mentions if m.end <= before and m.text[:1].isupper()
             and not is_pronoun(m.text)]
    for m in named:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if not (root.dep_ in ("amod", "compound", "nmod", "conj") and
                not span.start <= root.head.i < span.end and root.head.pos_ in ("NOUN", "ADJ")):
            return False
    return bool(named)


def _linked(entities: list[Entity], start: int | None, end: int | None) -> Entity | None:
    """The entity one of whose mentions is exactly the pronoun at ``[start, end)``."""
    for ent in entities:
        if any(m.start == start and m.end == end for m in ent.mentions):
            return ent
    return None
