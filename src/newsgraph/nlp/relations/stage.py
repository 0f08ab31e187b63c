"""Stage ``relations.v1``: attributed relations between canonical actors.

Each relation links two actors (entity ids of ``actors.v1``; a group description such as
"international terrorist groups" when no named actor is there) with a predicate from the
vocabulary of ``data/relation_patterns.yaml`` (see docs/claims.md), and says who asserts it
(``attributed_to``), how (``factuality``), when (``date``) and where (``start``/``end``).

Patterns read the dependency parse, never the raw string:

* ``verb``         subject VERB object / VERB with object; passive with "by" ("hosted", "backs")
* ``designation``  X designated Y (as) a terrorist organisation
* ``provision``    X provided bases and sanctuaries for Y (harbors), weapons to Y (supports)
* ``ties``         X has/maintains ties with Y; X severed ties with Y (negated); X has not
                   severed ties with Y (asserted); X's links with Y
* ``protection``   Y is under X('s) protection / under the protection of X
* ``copula``       Y is (the) commander of X; Y, the spokesman of X (apposition)
* ``backing``      X-backed Y, X-led Y
* ``role``         roles and affiliations of ``actors.v1`` ("X spokesperson Y", envoys)

Attribution: the speaker of a quote whose span covers the evidence, else the subject of a
reporting verb governing the clause ("X said that ..."), else the owner of a stance noun
("X consensus is that ..."), else "according to X" in the sentence, else the author (or
"editorial" for editorials and opinion pieces with no author).

The code is split by what it does: ``relation_lexicon`` (word lists and word forms),
``relation_args`` (actors in the parse, subjects), ``relation_attribution`` (sources and
clause dates), ``relation_patterns`` (the patterns); this module builds the records and
registers the stage.
"""
from __future__ import annotations

from ...model import Document, Entity, Relation
from ...pipeline import Stage
from ..common import factuality as fact
from ..common.actor_index import ActorIndex
from ..common.attribution import Source, attribution, clause_date
from .lexicon import patterns
from .patterns import (backing_relations, noun_relations, protection_relations, role_relations,
                       state_body_relations, verb_relations)

__all__ = ["RelationRecord", "RelationStage", "extract_relations"]


# ------------------------------------------------------------------ the record

# The record fields live on the shared model; the old name stays for readability.
RelationRecord = Relation


def _span(toks) -> tuple[int, int]:
    toks = [t for t in toks if t is not None]
    start = min(t.idx for t in toks)
    last = max(toks, key=lambda t: t.idx + len(t))
    return start, last.idx + len(last)


# Predicates whose object is a body (a group, an organisation, a state), never a person.
BODY_PREDICATES = frozenset({"leads"})


class RelationBuilder:
    """Collects one document's relations, each once, with its factuality, source and date."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.index = ActorIndex(doc)
        self.out: list[RelationRecord] = []
        self.seen: set[tuple] = set()

    def add(self, subj: Entity | str, predicate: str, obj: Entity | str, anchor, toks,
            pattern: str, factuality: str | None = None, cue: str | None = None,
            source: Source | None = None, span: tuple[int, int] | None = None,
            former: bool = False) -> None:
        s_id = subj.id if isinstance(subj, Entity) else subj
        o_id = obj.id if isinstance(obj, Entity) else obj
        if not s_id or not o_id or s_id == o_id:
            return
        if predicate in BODY_PREDICATES and isinstance(obj, Entity) and obj.type == "PERSON":
            return  # one leads a body, not a person (a person's staff are member_of them)
        if factuality is None:
            f = fact.classify(anchor)
            if f.prescriptive:
                return  # an editorial demand ("have to cut ties") asserts nothing
            factuality, cue = f.value, cue or f.cue
        start, end = span or _span(toks)
        src = source or attribution(self.doc, self.index, anchor, start, end)
        key = (s_id, predicate, o_id, factuality, src.id, anchor.sent.start, former)
        if key in self.seen:
            return
        self.seen.add(key)
        date, _ = clause_date(self.doc, anchor)
        self.out.append(RelationRecord(
            subject=s_id, predicate=predicate, object=o_id, start=start, end=end,
            attributed_to=src.id, factuality=factuality, id=f"r{len(self.out) + 1}", date=date,
            subject_name=self.index.name(s_id),
            object_name=self.index.name(o_id) if isinstance(obj, Entity) else o_id,
            object_kind="actor" if isinstance(obj, Entity) else "description",
            attributed_to_name=self.index.name(src.id),
            attributed_to_all=[a for a in src.all], attribution_via=src.via,
            pattern=pattern, cue=cue, text=self.doc.text[start:end], former=former))

    def objects(self, tok) -> list[Entity | str]:
        ents = self.index.actors(tok)
        if ents:
            return list(ents)
        desc = self.index.description(tok)
        out: list[Entity | str] = [desc] if desc else []
        for prep in tok.children:  # "groups such as al-Qaeda": the named examples too
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out.extend(self.index.actors(pobj))
        return out


def extract_relations(doc: Document) -> list[RelationRecord]:
    """Every relation of a Document parsed and run through ``actors.v1``."""
    b = RelationBuilder(doc)
    pat = patterns()
    for sent in doc.nlp.sents:
        if sent.end_char <= doc.body_start:
            continue
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX"):
                verb_relations(b, tok, pat)
            if tok.pos_ in ("NOUN", "PROPN"):
                noun_relations(b, tok, pat)
            if tok.dep_ == "prep" and tok.lower_ == "under":
                protection_relations(b, tok, pat)
            if tok.lower_ in pat["backing_words"] and tok.dep_ in ("amod", "compound"):
                backing_relations(b, tok, pat)
    role_relations(b, pat)
    state_body_relations(b, pat)
    return b.out


class RelationStage(Stage):
    name = "relations.v1"
    requires = ("parse", "actors")
    reads = ("quotes", "timexes", "genre")
    provides = ("relations",)

    def __call__(self, doc: Document) -> None:
        doc.relations = extract_relations(doc)
