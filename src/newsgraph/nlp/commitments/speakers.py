"""Who states a party's own future act, and for whom a speaker speaks (``commitments.v1``).

* ``reporter(doc, index, verb)``: the named speaker of the clause headed by ``verb``: the
  subject of an announcing verb (``announce_verbs`` of data/commitment_words.yaml) whose
  complement holds the clause ("X said (that) it would ...", "X said it had no comment but
  would ..."), else the speaker of a quote around it. A clause under a verb of another kind
  ("X hopes it will ...", "X denied it would ...") has no reporter: it states no undertaking.
* ``Ties``: the bodies a person speaks for: ``member_of``/``represents``/``leads`` relations
  of relations.v1, and the body named beside a role in a mention of the person ("Norway's
  Foreign Minister X", "Senate Speaker X", "X, the mayor of Y", "X of the Fire Service").
* ``party_of``: the party of the clause when it is the speaker or a body the speaker speaks
  for: "I" inside the speaker's quote (the speaker), "we" (the one body the speaker speaks
  for, else the speaker), a name or pronoun that resolves to either (a pronoun of the
  right kind: "it" no person), or a bare he/she/they that agrees with the reporting subject ("X
  said he would ..."). Third-person pronouns inside a quote are not the speaker. A
  nationality ("Norwegians") is its people, not the state.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ...model import Document
from ..common import factuality as fact
from ..common.actor_index import ActorIndex
from ..common.syntax import subject_of
from ..common.words import is_word, lemma
from .lexicon import words

FIRST_PERSON = frozenset({"i", "we"})
# Pronouns that may stand for the reporting subject, by the entity types they agree with.
AGREEING = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG", "GPE"),
            "they": ("ORG", "GPE", "NORP")}
# A bare he/she/they (no coreference) after "X said" is X; a bare "it" is too often a thing.
BARE = frozenset({"he", "she", "they"})
BODY_TYPES = frozenset({"ORG", "GPE", "NORP"})
TIE_PREDICATES = frozenset({"member_of", "represents", "leads"})


@dataclass(slots=True)
class Report:
    """The speaker (an entity id) of a clause, how it was found (``reporting`` or
    ``quote``), the reporting verb (None for a quote) and whether the clause is quoted."""

    speaker: str
    via: str
    verb: object = None
    quoted: bool = False


def _asserted(verb) -> bool:
    """The reporting verb itself states something: "said", not "did not say", "may say",
    nor a habit ("I have always said ...")."""
    f = fact.classify(verb)
    habitual = words()["habitual_adverbs"]
    return f.value == "asserted" and not f.prescriptive and not any(
        c.dep_ == "advmod" and c.lower_ in habitual for c in verb.children)


def _quote_at(doc: Document, tok):
    return next((q for q in doc.quotes if q.start <= tok.idx < q.end), None)


def reporter(doc: Document, index: ActorIndex, verb) -> Report | None:
    """The named speaker who states the clause of ``verb`` (module docstring), or None."""
    announce = words()["announce_verbs"]
    quote = _quote_at(doc, verb)
    quoted = quote is not None and quote.kind in ("direct", "mixed")
    current = verb
    while current.head.i != current.i:
        dep, parent = current.dep_, current.head
        if dep in ("ccomp", "parataxis"):
            if parent.pos_ not in ("VERB", "AUX") or not is_word(parent, announce):
                return None
            if dep == "parataxis" and any(c.dep_ in ("dobj", "ccomp") for c in parent.children):
                return None  # "...; X announced no new products": not its content
            if not _asserted(parent):
                return None
            subj = subject_of(parent).token
            ents = index.actors(subj) if subj is not None else []
            if ents:
                return Report(ents[0].id, "reporting", parent, quoted)
            break
        if dep in ("relcl", "acl"):
            return None  # "something that I will not discuss" describes a thing
        if dep not in ("conj", "xcomp", "acomp"):
            break
        current = parent
    if quote is not None and quote.speaker and quote.speaker in index.by_id:
        return Report(quote.speaker, "quote", None, quoted)
    return None


class Ties:
    """Speaker entity id -> the ids of the bodies it speaks for (module docstring)."""

    def __init__(self, doc: Document, index: ActorIndex):
        self.index = index
        self.of: dict[str, set[str]] = defaultdict(set)
        for rel in doc.relations:
            if rel.predicate in TIE_PREDICATES and rel.factuality == "asserted" \
                    and rel.object_kind == "actor" and rel.object in index.by_id \
                    and index.by_id[rel.object].type in BODY_TYPES:
                self.of[rel.subject].add(rel.object)
        for ent in doc.entities:
            if ent.type not in ("PERSON", "ORG"):  # names of people are often typed ORG
                continue
            for m in ent.mentions:
                span = doc.nlp.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    self.of[ent.id].update(self._bodies(span.root, ent.id))

    def _bodies(self, head, ident: str) -> set[str]:
        roles = words()["role_nouns"]
        phrases = []
        mods = [t for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")
                for t in c.subtree]
        phrases.append(mods)
        for c in head.children:
            if c.dep_ == "appos":
                phrases.append(list(c.subtree))
        if head.dep_ == "appos":
            phrases.append([t for t in head.head.subtree if t not in head.subtree])
        out: set[str] = set()
        for toks in phrases:
            if any(t.lower_ in ("former", "ex", "ex-", "then") for t in toks):
                continue
            if not any(lemma(t) in roles or t.lower_ in roles for t in toks):
                continue
            out.update(e.id for t in toks for e in [self.index.entity(t)]
                       if e is not None and e.id != ident and e.type in BODY_TYPES)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "at"):
                for pobj in prep.children:
                    ent = self.index.entity(pobj) if pobj.dep_ == "pobj" else None
                    if ent is not None and ent.type == "ORG":
                        out.add(ent.id)
        return out

    def speaks_for(self, speaker: str, ident: str) -> bool:
        return ident == speaker or ident in self.of.get(speaker, ())


def people(doc: Document, tok) -> bool:
    """A nationality standing for its people ("Norwegians"), not for the state."""
    return tok.ent_type_ == "NORP" or any(
        e.type == "NORP" and any(m.start <= tok.idx < m.end for m in e.mentions)
        for e in doc.entities)


def resolve(doc: Document, index: ActorIndex, tok) -> list:
    """The actors a noun phrase names, also a state organ through its owner ("the Norwegian
    government" -> Norway); a nationality names its people, no actor."""
    if people(doc, tok):
        return []
    ents = index.actors(tok)
    if not ents and lemma(tok) in words()["organ_nouns"]:
        ents = [e for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                for e in [index.entity(c)] if e is not None]
    return ents


def party_of(doc: Document, index: ActorIndex, ties: Ties, report: Report, subj) -> tuple[bool, str | None]:
    """(bound, party id) of a reported clause whose subject is ``subj`` (module docstring):
    bound False when the subject is someone the speaker does not speak for; the id None
    for a "we" that names no entity (a description)."""
    if subj is None:
        return False, None
    low = subj.lower_
    if low in FIRST_PERSON:
        return first_person(ties, report, low)
    if low in AGREEING and report.quoted:
        return False, None  # "it", "he" inside a quote: someone or something of the story
    ents = resolve(doc, index, subj)
    if low in AGREEING:
        ents = [e for e in ents if e.type in AGREEING[low]]
    for ent in ents:
        if ties.speaks_for(report.speaker, ent.id):
            return True, ent.id
    if ents or low not in BARE or report.via != "reporting":
        return False, None
    if subject_of(report.verb).token is None:
        return False, None
    speaker = index.by_id.get(report.speaker)
    if speaker is not None and speaker.type in AGREEING[low]:
        return True, report.speaker
    return False, None


def first_person(ties: Ties, report: Report | None, word: str) -> tuple[bool, str | None]:
    """(bound, party id) of "I"/"we" in a speaker's quote: "I" is the speaker; "we" the
    speaker when a body speaks, the one body a person speaks for (a minister's "we" is the
    government), else a description (id None: the group around the speaker)."""
    if report is None or not report.quoted:
        return False, None
    if word not in ("we", "our", "us", "ours"):
        return True, report.speaker
    speaker = ties.index.by_id.get(report.speaker)
    if speaker is not None and speaker.type in BODY_TYPES:
        return True, report.speaker
    bodies = ties.of.get(report.speaker, set())
    return True, (next(iter(bodies)) if len(bodies) == 1 else None)
