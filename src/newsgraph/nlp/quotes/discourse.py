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
from dataclasses import dataclass, replace
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


def previous_paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph before the one holding ``pos`` starts (blank lines skipped)."""
    para = paragraph_start(text, pos)
    back = para - 1
    while back > 0 and text[back - 1].isspace():
        back -= 1
    return paragraph_start(text, back) if back > 0 else 0


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
                                details, content=(cand.start, cand.end))
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
                 recent: list[Said], details: dict[str, Any],
                 content: tuple[int, int] | None = None) -> Resolved:
        linked = _linked(self.entities, start, end)
        if linked is not None and _modifier_only(linked, anchor, self.doc.nlp):
            linked = None  # "his French counterpart … They said": no group was named
        if linked is not None and content is not None and _named_within(linked, *content):
            linked = None  # "“Lind is honest,” he said": he is not Lind
        fitting = [e for e in self.entities if gender_fits(pronoun, e, self.sexes)]
        if content is not None:  # the quote's own words name others than its speaker
            fitting = [_without(e, *content) for e in fitting]
        sexes = genders(self.entities, self.doc.nlp, frozenset({start})) \
            if linked is not None and start is not None else self.sexes
        known = self._known_sex(fitting, pronoun, anchor, sexes)
        if linked is not None and known is not None and sexes.get(linked.id) is None:
            linked = known  # "Tomas Berg and Maria Lind met. … She said": the one known a woman
        if linked is not None:  # the coreference of actors.v1 resolved the pronoun
            details["antecedent_text"] = linked.name
            return _as_resolved(linked, pronoun)
        for prev in reversed(recent[-1:]):
            if prev.res.entity is None or not pronoun_agrees(pronoun, prev.res) or \
                    not gender_fits(pronoun, prev.res.entity, self.sexes) or \
                    prev.end < previous_paragraph_start(self.text, anchor):
                continue  # a quote two paragraphs back is no longer the topic
            newer = nearest_antecedent(fitting, pronoun, anchor, WINDOW, self.doc.nlp,
                                       subject_only=True, after=prev.end)
            if newer is not None and newer.id != prev.res.entity.id:
                break  # a subject named since the last quote is the nearer antecedent
            if known is not None and known.id != prev.res.entity.id and \
                    sexes.get(prev.res.entity.id) is None:
                break  # a person known to have the pronoun's gender is the surer antecedent
            details["antecedent_text"] = prev.antecedent or prev.quote.speaker_text
            return prev.res
        # he/she: the salient person before; it/they: only an organisation or state that is
        # the subject of one of the two sentences before (a nearer name is no antecedent)
        person = pronoun.lower() in PERSON_PRONOUNS | {"i"}
        ent = nearest_antecedent(fitting, pronoun, anchor, WINDOW, self.doc.nlp,
                                 subject_only=not person)
        if ent is not None and known is not None and sexes.get(ent.id) is None:
            ent = known
        if ent is not None:
            details["antecedent_text"] = ent.name
            return _as_resolved(ent, pronoun)
        return Resolved(None, [], "unknown", pronoun.lower() in _PLURAL)

    def _known_sex(self, fitting: list[Entity], pronoun: str, anchor: int,
                   sexes: dict[str, str]) -> Entity | None:
        """For he/she: the one person of that gender (known from titles, roles or given
        names) named in the pronoun's sentence before it or in the two sentences before,
        else None."""
        sdoc = self.doc.nlp
        if pronoun.lower() not in _MALE | _FEMALE or sdoc is None:
            return None
        starts = sorted({s.start_char for s in sdoc.sents if s.start_char <= anchor})
        horizon = starts[-3] if len(starts) >= 3 else 0
        want = "m" if pronoun.lower() in _MALE else "f"
        known = {e.id: e for e in fitting if e.type == "PERSON" and sexes.get(e.id) == want and any(
            horizon <= m.start and m.end <= anchor and not is_pronoun(m.text) for m in e.mentions)}
        return next(iter(known.values())) if len(known) == 1 else None

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


def _named_within(ent: Entity, start: int, end: int) -> bool:
    """The entity is named (not a pronoun) inside ``[start, end)``."""
    return any(start <= m.start and m.end <= end and not is_pronoun(m.text) for m in ent.mentions)


def _without(ent: Entity, start: int, end: int) -> Entity:
    """A copy of the entity without its mentions inside ``[start, end)``, the same entity
    when none lies there."""
    kept = [m for m in ent.mentions if not (start <= m.start and m.end <= end)]
    if len(kept) == len(ent.mentions):
        return ent
    return replace(ent, mentions=kept)


def _linked(entities: list[Entity], start: int | None, end: int | None) -> Entity | None:
    """The entity one of whose mentions is exactly the pronoun at ``[start, end)``."""
    for ent in entities:
        if any(m.start == start and m.end == end for m in ent.mentions):
            return ent
    return None
