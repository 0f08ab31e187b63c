"""PLOVER events from dependency patterns over the spaCy parse (stage ``events.v1``).

For every sentence: each verb (with its particle, preposition or object) and each event noun
found in ``event_lexicon`` is a candidate; complements of speech acts (what was requested,
promised, rejected, threatened, alleged) are folded into the governing event; light verbs
("held talks") take their type from the noun. Each event gets actors (subject, agent of a
passive, conjuncts), recipients (object, "with/to/against/on X"), factuality
(``factuality.py``), attribution (quote speaker, "X said", "according to X", "reportedly"),
a date (its own timex, else the publication date for present/perfect reports) and a place
("in/at PLACE"). Editorial prescriptions ("have to", "must", "should" + verb) are not coded.
The work is split over ``event_triggers`` (triggers, folding), ``event_nominal`` (event
nouns), ``event_protection`` (protection as aid), ``event_args`` (actors, recipients),
``event_context`` (attribution, date, place) and
``event_geo`` (geocoding); this module builds the Event records. See docs/events.md.
"""
from __future__ import annotations

import datetime as dt

from ...model import Document, Entity, Event
from ...pipeline import Stage
from . import lexicon as lex
from ..common import factuality as fact
from .args import _expand_members, _participants, _subject, same_party
from .recipients import _recipients
from .candidates import (PLACE_PREPS, PRONOUNS, REQUEST_MODE, THREAT_MODE, UNATTRIBUTED, Candidate,
                         _conjuncts, lemma)
from .context import _attribution, _date, _location, resolve_sides
from .nominal import _nominal_actors
from .triggers import _candidates, verb_entry

__all__ = ["EventStage", "UNATTRIBUTED", "code_document", "code_sentence", "extract_events",
           "verb_entry"]


# ---------------------------------------------------------------- the stage

def extract_events(doc: Document, include_prescriptions: bool = False) -> list[Event]:
    """All PLOVER events of a parsed Document (``doc.nlp`` must hold the spaCy Doc)."""
    sdoc = doc.nlp
    events: list[Event] = []
    for sent in sdoc.sents:
        headline = sent.end_char <= doc.body_start or _is_headline(sent)
        for cand in _candidates(sent):
            event = _build(doc, cand, len(events), include_prescriptions)
            if event is None:
                continue
            if headline and not any(a.get("entity") for a in event.actor):
                continue  # a headline names a topic, not an event, unless a party acts
            events.append(event)
    resolve_sides(doc, events)
    return events


def _is_headline(sent) -> bool:
    """A title line: no closing punctuation and (nearly) every content word capitalised."""
    text = sent.text.strip()
    if not text or text[-1] in ".!?\"'”’:;)":
        return False
    words = [t for t in sent if t.is_alpha and t.pos_ not in ("ADP", "DET", "CCONJ", "PART")]
    return bool(words) and sum(1 for t in words if t.text[0].isupper()) >= 0.8 * len(words)


_HOST_PREPS = frozenset({"after", "during", "following", "in", "amid", "before", "through",
                         "throughout", "despite"})


def _host_actors(noun) -> list:
    """A bare event noun in a circumstance phrase of a verb ("retook the village after
    fighting with the guerrillas", "staged a strike in protest") has that verb's actors."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _HOST_PREPS:
        return []
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return _subject(verb)[0]


_UNLESS_TYPES = frozenset({"RETREAT", "PROTEST", "SANCTION", "COERCE", "ASSAULT", "REJECT",
                           "MOBILIZE"})


# Lexicon pseudo-modes that are PLOVER contexts: "designate X as terrorist" (terrorism),
# protection as aid (CAMEO 074, peacekeeping).
_CONTEXT_MODES = {"designate": "terrorism", "peacekeeping": "peacekeeping"}


def _named_parties(parts: list) -> list:
    """Participants minus pronouns that no rule resolved (no entity, text a pronoun)."""
    return [p for p in parts if p.get("entity") or p["text"].lower() not in PRONOUNS]


def _unless(verb) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in c.children) for c in verb.children)


def _build(doc: Document, cand: Candidate, n: int, include_prescriptions: bool) -> Event | None:
    anchor = cand.anchor
    extra = [cand.nominal] if cand.nominal is not None else []
    if cand.nominal is not None and cand.nominal.i != anchor.i and anchor.pos_ not in ("VERB", "AUX"):
        extra = []
    if cand.modal is not None:
        extra = list(extra) + fact.modal_chain(cand.modal)
    verdict = fact.classify(anchor, extra)
    if not verdict.prescriptive and not include_prescriptions and fact.prescribed(anchor):
        return None  # the means, purpose or object of a prescription is not an event
    attributed, reporter = _attribution(doc, cand)
    etype, mode = cand.type, cand.mode
    if cand.nominal is not None and anchor.i == cand.nominal.i:
        actor_heads, recip_heads = _nominal_actors(cand.nominal)
        if not actor_heads:
            actor_heads = _host_actors(cand.nominal)
    else:
        actor_heads, _ = _subject(anchor)
        recip_heads = _recipients(cand, actor_heads)
        if cand.nominal is not None and not actor_heads:
            actor_heads, more = _nominal_actors(cand.nominal)
            recip_heads = recip_heads or more
        if cand.nominal is not None and cand.nominal.dep_ in ("nsubj", "nsubjpass") and \
                cand.nominal.head.i == anchor.i or cand.nominal is not None and \
                lemma(anchor) == "be":  # "the withdrawal will take place": the noun's parties
            actor_heads, recip_heads = _nominal_actors(cand.nominal)
    if cand.actor_heads is not None:  # roles fixed by the rule that found it (protection)
        actor_heads, recip_heads = list(cand.actor_heads), list(cand.recipient_heads or [])
    actors = _participants(doc, actor_heads)
    if verdict.value == "negated" and etype in ("AGREE", "CONCEDE", "SUPPORT") and \
            lemma(anchor) in lex.ACCEPT_VERBS:
        etype, mode = "REJECT", None  # "would not meet the demands": a refusal
        verdict = fact.Factuality("asserted", verdict.prescriptive, verdict.cue)
    # the actor itself is no recipient ("Israel" ... "it"); another group of the same
    # nationality is ("Palestinian police" ... "Palestinian armed groups")
    recip_heads = [t for h in recip_heads for t in _expand_members(h)
                   if not same_party(doc, actor_heads, t)]
    recipients = _participants(doc, recip_heads)
    if cand.actor_heads is not None:  # aid needs two parties: not oneself, nor "its" alone
        actors, recipients = _named_parties(actors), _named_parties(recipients)
        if not (actors and recipients):
            return None
    if verdict.value in ("future", "conditional") and etype in _UNLESS_TYPES and \
            _unless(anchor):  # "will withdraw its force unless ...": a coercive warning
        etype, mode = "THREATEN", THREAT_MODE.get(etype)
    if verdict.prescriptive:
        if reporter is None or include_prescriptions:
            if not include_prescriptions:
                return None
        else:  # "X said Y must leave": a demand by the speaker
            recipients, actors = actors, _participants(doc, _subject(reporter)[0])
            etype, mode = "REQUEST", REQUEST_MODE.get(cand.type, "change")
    taken = {t.i for h in actor_heads + recip_heads for t in _conjuncts(h)
             if not (h.dep_ == "pobj" and h.head.lower_ in PLACE_PREPS)}
    words = sorted({w.i: w for w in cand.words}.values(), key=lambda w: w.i)
    if cand.content is not None:
        words += [w for w in cand.content.words if w not in words]
    date, date_text = _date(doc, cand)
    start = min(w.idx for w in words)
    end = max(w.idx + len(w) for w in words)
    context = []
    if mode in _CONTEXT_MODES:  # a topic, not a PLOVER mode of the type (CAMEO2PLOVER column 3)
        context, mode = [_CONTEXT_MODES[mode]], None
    return Event(
        id=f"{doc.id or 'doc'}-ev{n + 1}",
        event=etype,
        start=start,
        end=end,
        event_text=" ".join(w.text for w in words),
        mode=mode,
        context=context,
        actor=actors,
        recipient=[r for r in recipients if not any(
            r["name"] == a["name"] and r["text"].lower() == a["text"].lower() for a in actors)],
        date=date,
        date_text=date_text,
        location=_location(doc, cand, taken),
        factuality=verdict.value,
        attributed_to=attributed,
    )


class EventStage(Stage):
    """PLOVER events over the parse and entities; uses timexes and quotes when present."""

    name = "events.v1"
    requires = ("parse", "entities")
    reads = ("actors", "quotes", "timexes")
    provides = ("events",)

    def __call__(self, doc: Document) -> None:
        doc.events = extract_events(doc)


# ---------------------------------------------------------------- one-sentence API

def code_sentence(text: str, published: str | dt.date | None = None,
                  extra_entities: list[Entity] | None = None) -> list[Event]:
    """Code one sentence (or short text) into PLOVER events: parse, entities, events.

    ``extra_entities`` adds entities (e.g. from an actor dictionary) before coding, so that
    their codes flow into actor and recipient.
    """
    return code_document(text, published, extra_entities).events


# The stages ``code_document`` runs.
CODING_STAGES = ("parse.v1", "entities.v1", "events.v1")


def code_document(text: str, published: str | dt.date | None = None,
                  extra_entities: list[Entity] | None = None) -> Document:
    """One text through parse, entities and events, with ``extra_entities`` added before
    the events stage; the spaCy Doc stays on ``doc.nlp``."""
    from ...pipeline import INITIAL_FEATURES, build

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = Document(text=text, published=published)
    doc.provided.update(INITIAL_FEATURES)
    *before, events = build(CODING_STAGES).stages
    for stage in before:
        stage.process_batch([doc])
    if extra_entities:
        doc.entities = list(doc.entities) + list(extra_entities)
    events.process_batch([doc])
    return doc
