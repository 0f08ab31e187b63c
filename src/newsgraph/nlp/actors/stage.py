"""Actors: entities linked to the knowledge base, with canonical names, codes, roles and
every mention, including metonyms, government phrases, unnamed offices and anaphora.

The stage refines ``doc.entities`` in place, in this order:

1. drop title-case headline phrases that spaCy took for organisations, and restore headline
   names ``entities.v1`` dropped when the body writes their words capitalised too;
2. match every knowledge-base surface (names, demonyms, capitals, seats of power) with one
   PhraseMatcher built once per vocabulary; a match fixes spaCy's label where spaCy was wrong
   ("Ansar-Allah" as a work of art, "Mujahidin" as a person) and adds names spaCy missed;
3. choose between actors sharing an alias by the words around it and the document's countries;
4. read the parse: a state word heading "government/administration/negotiators..." or acting
   as a subject ("Moscow said") is the state's government; a capital that does not act stays
   a place; a demonym that merely describes ("Afghan soldiers") stays a NORP entity;
5. resolve unnamed offices ("the Afghan first vice president") to the holder on the
   publication date, and link named office holders;
6. merge mentions by actor, then coreference (``coref.py``) and roles (``roles.py``).

Entities the knowledge base does not know keep spaCy's spans, type and id.
"""
from __future__ import annotations

from collections import Counter

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from ...model import Document, Entity, Mention
from ...pipeline import Stage
from . import coref, roles
from ..entities import entity_id, merge_surnames, normal_name
from .kb import KB, default_kb, load_kb, words
from .mentions import (MOD_DEPS, EntityInfo, Ment, complement, confirmed, ends_with, headline_ranges,
                       is_agent, kind_of, negotiating, premodifies_person, shouting,
                       surname_mentions)

# spaCy labels that a knowledge-base match may overrule when the span is the alias itself.
_WRONG_LABELS = frozenset({"WORK_OF_ART", "PERSON", "PRODUCT", "EVENT", "LAW"})
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
        ments = self._link_kb(doc, sdoc, exact, ments)
        self._read_parse(doc, sdoc, ments)
        ments += self._unnamed_offices(doc, sdoc, titles, ments)
        entities, info = self._build(doc, ments, origin)
        entities = merge_surnames(entities)  # restored headline surnames ("Lavrov and ...")
        surname_mentions(sdoc, entities)
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

    def _link_kb(self, doc: Document, sdoc, exact, ments: list[Ment]) -> list[Ment]:
        """Attach KB matches to spaCy's mentions, fix wrong labels and add missed names."""
        spans = filter_spans([sdoc[s:e] for _, s, e in exact(sdoc)])
        by_token = {}
        for m in ments:
            for i in range(*m.tokens):
                by_token[i] = m
        countries = self._doc_countries(sdoc, spans)
        drop, add = set(), []
        for span in spans:
            if shouting(span):
                continue
            kind, actor_id = self._candidate(span, countries)
            if actor_id is None:
                continue
            overlapping = {id(by_token[i]): by_token[i] for i in range(span.start, span.end) if i in by_token}
            actor = self.kb.actors[actor_id]
            key = f"kb:{actor_id}" if kind != "demonym" else f"norp:{actor_id}"
            etype = "NORP" if kind == "demonym" else actor.type if kind == "name" else "GPE"
            if not overlapping:
                if kind in ("capital",):  # a capital spaCy did not call a place is not one
                    continue
                add.append(Ment(span.start_char, span.end_char, span.text, key, etype,
                                tokens=(span.start, span.end)))
                continue
            for m in overlapping.values():
                extra = [t for t in sdoc[m.tokens[0]:m.tokens[1]] if not (span.start <= t.i < span.end)
                         and not (t.is_punct or t.lower_ in ("the", "'s", "’s"))]
                country_like = kind in ("capital", "demonym") or actor.kind == "country"
                if m.type == "PERSON" and country_like:
                    continue  # "Jordan Henderson", "Georgia Smith"
                if extra and not country_like and m.type == actor.type and ends_with(m, span):
                    m.key = key  # "the 116th U.S. Congress": the alias is the name's head
                    continue
                if extra and (country_like or m.type not in _WRONG_LABELS):
                    continue  # the alias is part of a longer name spaCy found
                if extra:  # spaCy's span was wrong: replace it by the KB span
                    drop.add(id(m))
                    add.append(Ment(span.start_char, span.end_char, span.text, key, etype,
                                    tokens=(span.start, span.end)))
                    continue
                if span.end > m.tokens[1] or span.start < m.tokens[0]:  # "Taliban leadership"
                    m.start, m.end = min(m.start, span.start_char), max(m.end, span.end_char)
                    m.tokens = (min(m.tokens[0], span.start), max(m.tokens[1], span.end))
                    m.text = doc.text[m.start:m.end]
                m.key, m.type = key, (m.type if kind == "capital" else etype)
                if kind in ("capital", "metonym"):
                    m.key = f"capital:{actor_id}" if kind == "capital" else key
        seen = {(m.start, m.end) for m in ments}
        return [m for m in ments if id(m) not in drop] + [a for a in add if (a.start, a.end) not in seen]

    def _candidate(self, span, countries: Counter) -> tuple[str, str | None]:
        text = span.text
        if text in self.kb.metonyms:
            return "metonym", self.kb.metonyms[text]
        if text in self.kb.names:
            ids = self.kb.names[text]
            return "name", ids[0] if len(ids) == 1 else self._disambiguate(span, ids, countries)
        if text in self.kb.demonyms:
            return "demonym", self.kb.demonyms[text]
        if text in self.kb.capitals:
            return "capital", self.kb.capitals[text]
        return "", None

    def _disambiguate(self, span, ids: list[str], countries: Counter) -> str:
        """The actor whose context words occur near the alias (weight 3) or in the document
        (weight 1), plus the document's mentions of the actor's country; ties: first listed."""
        sent = span.sent
        doc = span.doc
        near = doc[max(sent.start - 40, 0):min(sent.end + 40, len(doc))].text.lower()
        whole = doc.text.lower()

        def score(actor_id: str) -> float:
            actor = self.kb.actors[actor_id]
            total = sum(3 * (w in near) + (w in whole) for w in actor.context)
            return total + min(countries.get(actor.country, 0), 3)

        return max(ids, key=lambda i: (score(i), -ids.index(i)))

    def _doc_countries(self, sdoc, spans) -> Counter:
        counts = Counter()
        for span in spans:
            country = self.kb.demonyms.get(span.text) or next(
                (i for i in self.kb.names.get(span.text, []) if self.kb.actors[i].kind == "country"), None)
            if country:
                counts[country] += 1
        return counts

    # -- reading the parse: governments, agents, capitals ---------------------------------
    def _read_parse(self, doc: Document, sdoc, ments: list[Ment]) -> None:
        gov_heads = set(self.words["government_heads"])
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
            elif is_agent(root):
                m.key, m.type, m.agent = f"kb:{actor_id}", "GPE", True
            elif m.key.startswith("capital:"):
                m.key = "orig:" + m.origin if m.origin else m.key  # a place, not an actor
            elif m.key.startswith("norp:") and premodifies_person(root, by_token):
                m.key, m.agent = f"kb:{actor_id}", True  # "Russian envoy X": Russia's agent
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
        for key in [k for k in groups if k.startswith("orig:")]:
            entity = origin.get(key[5:])
            if entity is not None and entity.type == "PERSON" and len(entity.name.split()) > 1 \
                    and self.kb.holders_named(entity.name):
                groups.setdefault(self.kb.person_id(entity.name), []).extend(groups.pop(key))
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
