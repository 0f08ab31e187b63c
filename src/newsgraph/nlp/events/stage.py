"""PLOVER events from dependency patterns over the spaCy parse (stage ``events.v1``).

For every sentence: each verb (with its particle, preposition or object) and each event noun
found in the lexicon (``lexicon``) is a candidate; complements of speech acts (what was requested,
promised, rejected, threatened, alleged) are folded into the governing event; light verbs
("held talks") take their type from the noun. Each event gets actors (subject, agent of a
passive, conjuncts), recipients (object, "with/to/against/on X"), factuality
(``factuality.py``), attribution (quote speaker, "X said", "according to X", "reportedly"),
a date (its own timex, else the publication date for present/perfect reports) and a place
("in/at PLACE"). Editorial prescriptions ("have to", "must", "should" + verb) are not coded.
The work is split over ``triggers`` (candidates, folding), ``rules`` (the PLOVER type rules,
``TYPE_RULES``), ``nominal`` (event nouns), ``protection`` (protection as aid), ``args`` and
``recipients`` (actors, recipients), ``context`` (attribution, date, place) and ``geo``
(geocoding); this module builds the Event records. See docs/events.md.
"""
from __future__ import annotations

import datetime as dt

from ...model import Document, Entity, Event
from ...pipeline import Stage
from ..common import factuality as fact
from ..common.attribution import UNATTRIBUTED
from .args import expand_members, inherited_patient, participants, same_party, subject_heads
from .candidates import PLACE_PREPS, PRONOUNS, Candidate, conjuncts, is_actor_like, lemma
from .context import attribution, event_date, event_location, resolve_sides
from .nominal import nominal_actors, noun_entry, parties_in_event_noun
from .populations import population_recipients
from .recipients import recipient_heads
from .repeats import Mention, merge_repeats
from .rules import apply_type_rules, verb_entry
from .triggers import sentence_candidates
from .typecase import TypeCase

__all__ = ["EventStage", "UNATTRIBUTED", "code_document", "code_sentence", "extract_events",
           "verb_entry"]


# ---------------------------------------------------------------- the stage

def extract_events(doc: Document, include_prescriptions: bool = False) -> list[Event]:
    """All PLOVER events of a parsed Document (``doc.nlp`` must hold the spaCy Doc)."""
    sdoc = doc.nlp
    mentions: list[Mention] = []
    for sent in sdoc.sents:
        headline = sent.end_char <= doc.body_start or _is_headline(sent)
        for cand in sentence_candidates(sent):
            built = _build(doc, cand, len(mentions), include_prescriptions)
            if built is None:
                continue
            event, actor_heads = built
            if headline and not any(a.get("entity") for a in event.actor):
                continue  # a headline names a topic, not an event, unless a party acts
            mentions.append(Mention(event, cand.anchor, actor_heads, cand.nominal))
    events = merge_repeats(mentions)  # one record per real event
    for n, event in enumerate(events):
        event.id = f"{doc.id or 'doc'}-ev{n + 1}"
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
    return subject_heads(verb)[0]


# Lexicon pseudo-modes that are PLOVER contexts: "designate X as terrorist" (terrorism),
# protection as aid (CAMEO 074, peacekeeping).
_CONTEXT_MODES = {"designate": "terrorism", "peacekeeping": "peacekeeping"}


def _named_parties(parts: list) -> list:
    """Participants minus pronouns that no rule resolved (no entity, text a pronoun)."""
    return [p for p in parts if p.get("entity") or p["text"].lower() not in PRONOUNS]


def _build(doc: Document, cand: Candidate, n: int,
           include_prescriptions: bool) -> tuple[Event, list] | None:
    anchor = cand.anchor
    extra = [cand.nominal] if cand.nominal is not None else []
    if cand.nominal is not None and cand.nominal.i != anchor.i and anchor.pos_ not in ("VERB", "AUX"):
        extra = []
    if cand.modal is not None:
        extra = list(extra) + fact.modal_chain(cand.modal)
    verdict = fact.classify(anchor, extra)
    if not verdict.prescriptive and not include_prescriptions and fact.prescribed(anchor):
        return None  # the means, purpose or object of a prescription is not an event
    attributed, reporter = attribution(doc, cand)
    etype, mode = cand.type, cand.mode
    if cand.nominal is not None and anchor.i == cand.nominal.i:
        actor_heads, recip_heads = nominal_actors(cand.nominal)
        if not actor_heads:
            actor_heads = _host_actors(cand.nominal)
    else:
        actor_heads, _ = subject_heads(anchor)
        recip_heads = recipient_heads(cand, actor_heads)
        patient = inherited_patient(anchor)
        if patient is not None:  # "... and was awarded a medal": the one awarded, not the
            recip_heads = [patient]  # medal
        if cand.nominal is not None and not actor_heads:
            actor_heads, more = nominal_actors(cand.nominal)
            recip_heads = recip_heads or more
        if cand.nominal is not None and cand.nominal.dep_ in ("nsubj", "nsubjpass") and \
                cand.nominal.head.i == anchor.i or cand.nominal is not None and \
                lemma(anchor) == "be":  # "the withdrawal will take place": the noun's parties
            actor_heads, recip_heads = nominal_actors(cand.nominal)
    if cand.actor_heads is not None:  # roles fixed by the rule that found it (protection)
        actor_heads, recip_heads = list(cand.actor_heads), list(cand.recipient_heads or [])
    # an event is no party: "a mass shooting killed three people" names no actor, "US drone
    # attacks killed ..." and "the deployment of NATO troops arrived" name theirs inside; a
    # party noun stays ("the alliance condemned ..."); the heads stay for the merging of
    # repeats, which reads them
    actors = participants(doc, [p for h in actor_heads for p in (
        parties_in_event_noun(h) if noun_entry(h) and not is_actor_like(h) else [h])])
    # the actor itself is no recipient ("Israel" ... "it"); another group of the same
    # nationality is ("Palestinian police" ... "Palestinian armed groups")
    recip_heads = [t for h in recip_heads for t in expand_members(h)
                   if not same_party(doc, actor_heads, t)]
    recipients = participants(doc, recip_heads)
    if cand.actor_heads is not None:  # aid needs two parties: not oneself, nor "its" alone
        actors, recipients = _named_parties(actors), _named_parties(recipients)
        if not (actors and recipients):
            return None
    # the event's type rules: negated acceptance, "unless", reported prescriptions
    case = TypeCase(anchor, (etype, mode, cand.words), cand=cand, doc=doc, verdict=verdict,
                    reporter=reporter, actors=actors, recipients=recipients,
                    actor_heads=actor_heads, recipient_heads=recip_heads,
                    include_prescriptions=include_prescriptions)
    if apply_type_rules("event", case) is None:
        return None
    (etype, mode, _), verdict = case.entry, case.verdict
    actors = case.actors
    recipients = population_recipients(doc, etype, mode, actors, case.recipients, anchor.idx)
    taken = {t.i for h in actor_heads + recip_heads for t in conjuncts(h)
             if not (h.dep_ == "pobj" and h.head.lower_ in PLACE_PREPS)}
    words = sorted({w.i: w for w in cand.words}.values(), key=lambda w: w.i)
    if cand.content is not None:
        words += [w for w in cand.content.words if w not in words]
    date, date_text = event_date(doc, cand)
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
        location=event_location(doc, cand, taken),
        factuality=verdict.value,
        attributed_to=attributed,
    ), actor_heads


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
