"""Actors: entities linked to the knowledge base, with canonical names, codes, roles and
every mention, including metonyms, government phrases, unnamed offices and anaphora.

The stage refines ``doc.entities`` in place, in this order:

1. drop title-case headline phrases that spaCy took for organisations, and restore headline
   names ``entities.v1`` dropped when the body writes their words capitalised too;
2. match every knowledge-base surface (names, demonyms, capitals, seats of power) with one
   PhraseMatcher built once per vocabulary (``linking.py``); a match fixes spaCy's label where
   spaCy was wrong ("Ansar-Allah" as a work of art, "Mujahidin" as a person) and adds names
   spaCy missed; a seat of power ("the White House") is a FAC of its own coded as its state;
3. choose between actors sharing an alias by the words around it and the document's countries;
4. read the parse: a state word heading "government/administration/negotiators..." or acting
   as a subject ("Moscow said") is the state's government; a capital that does not act stays
   a place; a demonym modifying a state organ ("the Canadian embassy", ``demonyms.py``) is the
   country; one that merely describes ("the Afghan peace process") or a plural one ("Mexicans
   died") stays a NORP entity;
5. resolve unnamed offices ("the Afghan first vice president") to the holder on the
   publication date (not "former president", "the nominee for president"), and link named
   office holders, also a lone surname of today's holder spaCy typed anything ("Trump" ORG);
6. merge mentions by actor, drop those in picture credits, interview labels and hashtags,
   then coreference (``coref.py``) and roles (``roles.py``).

Entities the knowledge base does not know keep spaCy's spans, type and id.
"""
from __future__ import annotations

from collections import Counter

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from ...model import Document, Entity, Mention
from ...pipeline import Stage
from . import coref, roles
from ..entities import FOLDABLE, entity_id, merge_surnames, normal_name
from ..entity_filters import drop_unannotated
from .kb import KB, default_kb, load_kb, words
from .demonyms import modifies_organ, names_a_people
from .linking import link_kb
from .things import drop_title_mentions
from .types import known_place, type_words
from .mentions import (MOD_DEPS, EntityInfo, Ment, complement, confirmed, headline_ranges, is_agent,
                       kind_of, names_the_holder, negotiating, surname_mentions)

_HEADLINE_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC"})


class ActorStage(Stage):
    name = "actors.v1"
    requires = ("entities", "parse")
    provides = ("actors",)

    def __init__(self, kb: KB | None = None):
        self.kb = kb if kb is not None else default_kb()
        self.words = words()
        self._matchers: dict[int, tuple] = {}

    @classmethod
    def create(cls, kb_paths=(), **_options) -> ActorStage:
        return cls(load_kb(kb_paths) if kb_paths else None)

    # -- matchers, built once per vocabulary ----------------------------------------------
    def matchers(self, vocab):
        entry = self._matchers.get(id(vocab))
        if entry is None or entry[0] is not vocab:
            from spacy.lang.en import English

            make = English(vocab=vocab).make_doc
            exact = PhraseMatcher(vocab, attr="ORTH")
            for surface in sorted(self.kb.surfaces()):
                exact.add(surface, [make(surface)])
            titles = PhraseMatcher(vocab, attr="LOWER")
            for office in self.kb.offices.values():
                for title in office.titles:
                    titles.add(title, [make(title)])
            entry = self._matchers[id(vocab)] = (vocab, exact, titles)
        return entry[1], entry[2]

    # -- the stage --------------------------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        sdoc = doc.nlp
        exact, titles = self.matchers(sdoc.vocab)
        origin = {e.id: e for e in doc.entities}
        ments = self._original_mentions(doc, sdoc, origin)
        ments = link_kb(self.kb, doc, sdoc, exact, ments)
        self._read_parse(doc, sdoc, ments)
        ments += self._unnamed_offices(doc, sdoc, titles, ments)
        entities, info = self._build(doc, ments, origin)
        entities = drop_unannotated(doc, entities)  # KB names in captions, labels, hashtags
        for entity in entities:  # "Antarctica" is an ISO country, but a continent
            if entity.name.lower() in type_words()["loc_names"]:
                entity.type = "LOC"
        entities = merge_surnames(entities, lambda e: known_place(doc, e))  # restored headline surnames ("Lavrov and ...")
        surname_mentions(sdoc, entities)
        entities = drop_title_mentions(doc, entities)  # a surname again in a title, a family
        coref.resolve(sdoc, entities, info, self.words)
        roles.assign(sdoc, entities, info, self.kb, self.words, doc.published)
        for entity in entities:
            entity.mentions.sort(key=lambda m: (m.start, m.end))
        doc.entities = entities

    def _original_mentions(self, doc: Document, sdoc, origin: dict[str, Entity]) -> list[Ment]:
        """entities.v1 mentions as Ments, without headline phrases spaCy took for names, plus
        headline names entities.v1 dropped that the body confirms ("Apple unveils ...")."""
        headlines = headline_ranges(doc.text)
        body = "\n".join(doc.text[a:b] for a, b in complement(headlines, len(doc.text)))
        after_title = doc.text[doc.body_start:] if doc.body_start else body
        ments = []
        for entity in doc.entities:
            for m in entity.mentions:
                span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                in_headline = any(a <= m.start < b for a, b in headlines)
                if (in_headline and entity.type in _HEADLINE_LABELS and not entity.roles
                        and m.text not in body and m.text not in self.kb.names
                        and not confirmed(m.text, body)):
                    continue
                ments.append(Ment(m.start, m.end, m.text, "orig:" + entity.id, entity.type,
                                  origin=entity.id, tokens=(span.start, span.end)))
        taken = {i for m in ments for i in range(m.start, m.end)}
        for ent in sdoc.ents:
            if (ent.label_ not in _HEADLINE_LABELS or ent.label_ == "WORK_OF_ART"
                    or not (ent.start_char < doc.body_start
                            or any(a <= ent.start_char < b for a, b in headlines))
                    or any(i in taken for i in range(ent.start_char, ent.end_char))
                    or not confirmed(ent.text, after_title)):
                continue
            name = normal_name(ent.text)
            eid = entity_id(ent.label_, name)
            origin.setdefault(eid, Entity(eid, name, ent.label_, []))
            ments.append(Ment(ent.start_char, ent.end_char, ent.text, "orig:" + eid, ent.label_,
                              origin=eid, tokens=(ent.start, ent.end)))
        return ments

    # -- reading the parse: governments, agents, capitals ---------------------------------
    def _read_parse(self, doc: Document, sdoc, ments: list[Ment]) -> None:
        gov_heads = set(self.words["government_heads"])
        organs = type_words()["state_organs"]
        weak, talk = set(self.words["weak_government_heads"]), set(self.words["negotiation_words"])
        by_token = {i: m for m in ments for i in range(*m.tokens)}
        countries = Counter(m.key.split(":", 1)[1] for m in ments
                            if m.key.startswith(("kb:", "norp:")) and self.kb.actors[m.key.split(":", 1)[1]].kind == "country")
        for m in ments:
            root = sdoc[m.tokens[0]:m.tokens[1]].root
            actor_id = m.key.split(":", 1)[1] if ":" in m.key else None
            head = root.head
            gov_phrase = (root.dep_ in MOD_DEPS and head.i >= m.tokens[1] and head.i - m.tokens[1] <= 3
                          and head.lower_ in gov_heads and head.i not in by_token
                          and (head.lower_ not in weak or negotiating(head, talk)))
            if m.type == "PERSON" and gov_phrase:  # "the Biden administration"
                owner = self._office_owner(m.text, doc)
                if owner:
                    actor_id, m.key = owner, f"kb:{owner}"
                    m.type = "GPE"
                else:
                    continue
            elif not m.key.startswith(("kb:", "norp:", "capital:")):
                continue
            actor = self.kb.actors.get(actor_id)
            if actor is None or actor.kind != "country":
                continue
            if gov_phrase:  # a country's name keeps spaCy's span; "Afghan" grows to the phrase
                if not (m.type == "GPE" and m.text in self.kb.names):
                    m.end, m.tokens = head.idx + len(head.text), (m.tokens[0], head.i + 1)
                    m.text = doc.text[m.start:m.end]
                m.key, m.type, m.agent = f"kb:{actor_id}", "GPE", True
            elif is_agent(root) and not (m.key.startswith("norp:") and names_a_people(root)):
                m.key, m.type, m.agent = f"kb:{actor_id}", "GPE", True
            elif m.key.startswith("capital:"):
                m.key = "orig:" + m.origin if m.origin else m.key  # a place, not an actor
            elif m.key.startswith("norp:") and modifies_organ(root, organs):
                m.key, m.agent = f"kb:{actor_id}", True  # "the Russian embassy", "Russian envoy X"
            if m.key.startswith("kb:") and m.agent:
                m.type = "GPE"
        ments.extend(self._republic_mentions(doc, sdoc, by_token, gov_heads, countries))

    def _republic_mentions(self, doc, sdoc, by_token, gov_heads, countries) -> list[Ment]:
        """"the republic negotiators": the government of the document's main republic."""
        republics = [c for c, _ in countries.most_common()
                     if "republic" in self.kb.actors[c].official_name.lower()]
        if not republics:
            return []
        out = []
        for tok in sdoc:
            if (tok.lower_ == "republic" and tok.i not in by_token and tok.dep_ in MOD_DEPS
                    and tok.head.lower_ in gov_heads and tok.head.i == tok.i + 1):
                end = tok.head.idx + len(tok.head.text)
                out.append(Ment(tok.idx, end, doc.text[tok.idx:end], f"kb:{republics[0]}", "GPE",
                                agent=True, tokens=(tok.i, tok.i + 2)))
        return out

    def _office_owner(self, name: str, doc: Document) -> str | None:
        """The state whose head of government is named ``name`` ("Biden" -> "USA")."""
        for office, holder in self.kb.holders_named(name):
            if office.owner in self.kb.actors and self.kb.actors[office.owner].kind == "country":
                if doc.published is None or holder.holds_on(doc.published) or len(name.split()) > 1:
                    return office.owner
        return None

    # -- unnamed offices ------------------------------------------------------------------
    def _unnamed_offices(self, doc: Document, sdoc, titles, ments: list[Ment]) -> list[Ment]:
        """"the Afghan first vice president" / "the secretary-general of the UN" with no name:
        the holder of that office on the publication date."""
        if doc.published is None:
            return []
        by_token = {i: m for m in ments for i in range(*m.tokens)}
        people = {i for m in ments if m.type == "PERSON" for i in range(*m.tokens)}
        found = []
        for span in filter_spans([sdoc[s:e] for _, s, e in titles(sdoc)]):
            root = span.root
            if any(t.i in by_token for t in span) or root.i in people or root.head.i in people:
                continue
            if any(c.dep_ == "appos" and c.i in people for c in root.children):
                continue
            if span.end < len(sdoc) and sdoc[span.end].i in people:
                continue
            owner_m = by_token.get(span.start - 1)
            first = span.start - 1
            if owner_m is None:
                of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                owner_m = by_token.get(pobj.i) if pobj is not None else None
                first = span.start
            if owner_m is None or ":" not in owner_m.key:
                continue
            owner = owner_m.key.split(":", 1)[1]
            holder, office = self._holder(owner, span.text.lower(), doc.published)
            if holder is None:
                continue
            start_tok = min(first, owner_m.tokens[0]) if first < span.start else span.start
            end_tok = max(span.end, owner_m.tokens[1])
            if not names_the_holder(sdoc, root, start_tok, end_tok, people):
                continue
            start, end = sdoc[start_tok].idx, sdoc[end_tok - 1].idx + len(sdoc[end_tok - 1].text)
            if owner_m.key.startswith("norp:"):
                owner_m.key, owner_m.agent = f"kb:{owner}", True
            found.append(Ment(start, end, doc.text[start:end], self.kb.person_id(holder.name),
                              "PERSON", agent=True, tokens=(start_tok, end_tok)))
        return found

    def _holder(self, owner: str, title: str, day):
        for office in self.kb.offices.values():
            if office.owner == owner and title in office.titles:
                holder = office.holder_on(day)
                if holder is not None:
                    return holder, office
        return None, None

    # -- entities -------------------------------------------------------------------------
    def _build(self, doc: Document, ments: list[Ment], origin: dict[str, Entity]):
        groups: dict[str, list[Ment]] = {}
        for m in ments:
            if m.key.startswith("capital:"):
                m.key = f"orig:{m.origin}" if m.origin else f"kb:{m.key.split(':', 1)[1]}"
            groups.setdefault(m.key, []).append(m)
        # A person entity from entities.v1 named like a KB office holder joins that holder.
        # So does a one-word name spaCy typed anything that is the surname of the office
        # holder on the publication date ("Trump" tagged ORG in 2020).
        for key in [k for k in groups if k.startswith("orig:")]:
            entity = origin.get(key[5:])
            if entity is None:
                continue
            if entity.type == "PERSON" and len(entity.name.split()) > 1 and self.kb.holders_named(entity.name):
                groups.setdefault(self.kb.person_id(entity.name), []).extend(groups.pop(key))
                continue
            holders = {h.name for _, h in self.kb.holders_named(entity.name) if h.holds_on(doc.published)}
            if " " not in entity.name and entity.type in FOLDABLE and len(holders) == 1 and not entity.roles:
                for m in groups[key]:
                    m.type = "PERSON"
                groups.setdefault(self.kb.person_id(holders.pop()), []).extend(groups.pop(key))
        entities, info = [], {}
        for key, group in groups.items():
            entity, meta = self._entity(key, group, origin, doc)
            if entity is None:
                continue
            entities.append(entity)
            info[entity.id] = meta
        return entities, info

    def _entity(self, key: str, group: list[Ment], origin: dict[str, Entity], doc: Document):
        mentions = [Mention(m.start, m.end, m.text) for m in group]
        sources = [origin[m.origin] for m in group if m.origin in origin]
        surfaces = sorted({normal_name(m.text) for m in group} | {a for s in sources for a in s.aliases})
        kind, rest = key.split(":", 1)
        if kind == "orig":
            src = origin[rest]
            etype = group[0].type if all(m.type == group[0].type for m in group) else src.type
            ent = Entity(src.id, src.name, etype, mentions, roles=list(src.roles),
                         affiliation=src.affiliation, aliases=list(src.aliases))
            return ent, EntityInfo(kind_of(etype), plural=etype == "NORP")
        if kind == "person":
            name = next((h.name for o, h in self._holders_by_id(rest)), None) or sources[0].name
            ent = Entity(key, name, "PERSON", mentions, kb_id=key,
                         roles=[r for s in sources for r in s.roles],
                         aliases=[s for s in surfaces if s != name])
            return ent, EntityInfo("person", actor_id=key)
        if kind == "seat":  # a seat of power: its own entity, acting for its state
            country, name = rest.split(":", 1)
            ent = Entity(entity_id("FAC", name), name, "FAC", mentions, code=f"{country} GOV",
                         aliases=[s for s in surfaces if s != name])
            return ent, EntityInfo("org", actor_id=country, sector="GOV")
        actor = self.kb.actors[rest]
        if kind == "norp":
            name = group[0].text if len({m.text for m in group}) == 1 else actor.adjectives[0]
            ent = Entity(entity_id("NORP", name), name, "NORP", mentions, kb_id=actor.id,
                         code=actor.code, aliases=[s for s in surfaces if s != name])
            return ent, EntityInfo("people", plural=True, actor_id=actor.id)
        code = actor.code
        if actor.kind == "country":
            code = f"{actor.id} GOV" if any(m.agent for m in group) else actor.id
        ent = Entity(entity_id(actor.type, actor.name), actor.name, actor.type, mentions,
                     kb_id=actor.id, code=code, aliases=[s for s in surfaces if s != actor.name])
        kinds = {"country": "state", "igo": "igo", "agency": "org"}
        return ent, EntityInfo(kinds.get(actor.kind, "group"), actor.plural, set(actor.descriptors),
                               actor.id, (code or "").split(" ")[-1] or None)

    def _holders_by_id(self, slug: str):
        return [(o, h) for o in self.kb.offices.values() for h in o.holders
                if self.kb.person_id(h.name) == f"person:{slug}"]
