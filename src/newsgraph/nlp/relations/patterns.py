"""The patterns of ``relations.v1``: verb, designation, provision, ties, protection, copula,
backing and role relations (see the docstring of ``relations``). Each matcher reads the
dependency parse around one token and hands what it finds to the stage's builder.
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

from ...model import Entity
from ..common import factuality as fact
from ..common.syntax import conjuncts, subject_of
from ..common.attribution import Source, author_source
from ..common.people import PERSON_NOUNS
from ..common.words import BE_FORMS, base_in, is_word, lemma

if TYPE_CHECKING:
    from .stage import RelationBuilder


def verb_relations(b: RelationBuilder, verb, pat) -> None:
    """Relations a verb states between its subject (or passive agent) and its object."""
    found = subject_of(verb)
    subj_tok, passive = found.token, found.passive
    agent = None
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
    if passive:
        obj_tok, subj_tok = subj_tok, agent
    else:
        obj_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subjects = b.index.actors(subj_tok) if subj_tok is not None else []
    word = base_in(verb, pat["verbs"])
    if word is not None and subjects:
        spec = pat["verbs"][word]
        targets = []
        if obj_tok is not None and not spec.get("intransitive_only"):
            targets.append(obj_tok)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in spec.get("preps", ()):
                targets += [g for g in prep.children if g.dep_ == "pobj"]
        for target in targets:
            for obj in b.index.actors(target):
                if spec.get("object_types") and obj.type not in spec["object_types"]:
                    continue
                for s in subjects:
                    b.add(s, spec["predicate"], obj, verb, [subj_tok, verb, target], "verb",
                          cue=word)
    if is_word(verb, pat["designation_verbs"]):
        _designation(b, verb, subj_tok, obj_tok, passive, pat)
    if is_word(verb, pat["provision_verbs"]) and subjects and obj_tok is not None:
        for noun in [obj_tok, *conjuncts(obj_tok)]:
            predicate = pat["provision_noun_predicate"].get(noun.lower_)
            if predicate is None:
                continue
            holders = (verb, obj_tok, *conjuncts(obj_tok))
            for prep in [c for h in holders for c in h.children if c.dep_ in ("prep", "dative")]:
                if prep.lower_ not in ("for", "to") and prep.dep_ != "dative":
                    continue
                pobjs = ([g for g in prep.children if g.dep_ == "pobj"] if prep.pos_ == "ADP"
                         else [prep])
                for pobj in pobjs:
                    for obj in b.objects(pobj):
                        for s in subjects:
                            b.add(s, predicate, obj, verb, [subj_tok, verb, pobj], "provision",
                                  cue=noun.lower_)
            break


def _designation(b: RelationBuilder, verb, subj_tok, obj_tok, passive, pat) -> None:
    """X designated Y (as) a terrorist organisation / Y was designated ... by X."""
    category = None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            category = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ in ("oprd", "attr"):
            category = child
    target = obj_tok
    dative = next((c for c in verb.children if c.dep_ == "dative"), None)
    if dative is not None and obj_tok is not None:  # "designated the group a terrorist org."
        category, target = obj_tok, dative
    if category is None or target is None or subj_tok is None:
        return
    words = {t.lower_ for t in category.subtree}
    if not words & pat["designation_words"]:
        return
    for s in b.index.actors(subj_tok):
        for o in b.index.actors(target):
            b.add(s, "designates_terrorist", o, verb, [subj_tok, verb, category], "designation",
                  cue=lemma(verb))


def noun_relations(b: RelationBuilder, noun, pat) -> None:
    """Relations a noun states: ties ("ties with"), provisions ("bases for"), copulas, and a
    person "of" a body ("Ada Lind of the Red Cross")."""
    if noun.lower_ in pat["tie_nouns"]:
        _ties(b, noun, pat)
    if noun.pos_ == "PROPN":
        _person_of(b, noun)
    head = noun.head
    if noun.dep_ == "attr" and head.lower_ in BE_FORMS:
        predicate = _copula_predicate(noun, pat)
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if predicate and subj is not None:
            _of_relation(b, noun, subj, predicate, head, "copula", _former(noun, pat))
    if noun.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children):
        predicate = _copula_predicate(noun, pat)
        if predicate:
            other = noun.head if noun.dep_ == "appos" else next(c for c in noun.children if c.dep_ == "appos")
            _of_relation(b, noun, other, predicate, noun, "copula", _former(noun, pat))


MEMBER_BODY_TYPES = ("ORG",)  # "Lind of Zenda" (a state or town) is where she is from


def _person_of(b: RelationBuilder, name) -> None:
    """"Ada Lind of the Red Cross": a person's name followed by "of" and an organisation: the
    person is member_of it (a title mention, "President of X", is no name)."""
    person = b.index.entity(name)
    if person is None or person.type != "PERSON" or name.text not in (person.name or "").split():
        return
    if name.head.i != name.i and b.index.entity(name.head) is person:
        return  # not the head of the name
    for prep in name.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != name.i + 1:
            continue
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            for body in b.index.actors(pobj):
                if body.type in MEMBER_BODY_TYPES:
                    b.add(person, "member_of", body, name, [name, prep, pobj], "of", cue="of")


def _former(noun, pat) -> bool:
    """"the former mayor of X", "then the head of X": the role noun's tie has ended."""
    return any(c.lower_.split("-")[0] in pat["former_role_words"] for c in noun.children
               if c.i < noun.i)


def _copula_predicate(noun, pat) -> str | None:
    """The predicate of a role noun with its modifier: "prime minister" leads where "minister"
    alone is member_of; "deputy head" is member_of where "head" leads."""
    word = noun.lower_
    predicate = pat["copula_predicate"].get(word) or pat["role_predicate"].get(word)
    if predicate is None:
        return None
    mods = [c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
            and c.i < noun.i]
    for mod in mods:
        two = pat["role_predicate"].get(f"{mod} {word}")
        if two:
            return two
    if predicate == "leads" and any(m in pat["subordinate_role_words"] for m in mods):
        return "member_of"
    return predicate


def _of_relation(b: RelationBuilder, noun, holder_tok, predicate, anchor, pattern,
                 former: bool = False) -> None:
    """"<holder> is commander of <group>": holder -predicate-> group; a person's office "at" a
    body too ("a professor of law at Zenda University")."""
    office = lemma(noun) in PERSON_NOUNS  # an office is a person's: "NPR, former Vice President of X"
    for prep in _role_preps(noun):
        if prep.lower_ in ("of", "for", "in", "at"):
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for s in b.index.actors(holder_tok):
                    if office and s.type != "PERSON":
                        continue
                    for o in b.index.actors(pobj):
                        b.add(s, predicate, o, anchor, [holder_tok, noun, pobj], pattern,
                              cue=noun.lower_, former=former)


def _role_preps(noun) -> list:
    """The prepositions of a role noun, and an "at" on its "of" object ("professor of law at
    X": the parse may hang "at X" on "law")."""
    preps = [p for p in noun.children if p.dep_ == "prep"]
    for prep in list(preps):
        if prep.lower_ == "of":
            preps += [q for g in prep.children if g.dep_ == "pobj" for q in g.children
                      if q.dep_ == "prep" and q.lower_ == "at"]
    return preps


def _ties(b: RelationBuilder, noun, pat) -> None:
    """ties/links with Y, owned by the subject of have/maintain/sever or by a possessive."""
    others, between = [], []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
            others += [g for g in prep.children if g.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ == "between":
            between += [g for g in prep.children if g.dep_ == "pobj"]
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    owners: list[Entity] = []
    anchor = verb if verb is not None else noun.head
    invert = False
    if verb is not None and (is_word(verb, pat["tie_keep_verbs"]) or is_word(verb, pat["tie_cut_verbs"])):
        subj = subject_of(verb).token
        if noun.dep_ == "nsubjpass":
            subj = next((g for c in verb.children if c.dep_ == "agent" for g in c.children), None)
        owners = b.index.actors(subj) if subj is not None else []
        invert = is_word(verb, pat["tie_cut_verbs"]) and not is_word(verb, pat["tie_keep_verbs"])
    if not owners:
        owners = [b.index.entity(c) for c in noun.children
                  if c.dep_ in ("poss", "compound") and b.index.entity(c) is not None]
        if verb is None or not (is_word(verb, pat["tie_keep_verbs"]) or is_word(verb, pat["tie_cut_verbs"])):
            anchor = noun.head if noun.dep_ in ("dobj", "pobj", "nsubj") and noun.head.pos_ in ("VERB", "AUX") else noun
    if between and not owners:
        ents = [e for t in between for e in b.index.actors(t)]
        if len(ents) >= 2:
            owners, others_ents = ents[:1], ents[1:]
            for o in others_ents:
                b.add(owners[0], "allied_with", o, anchor, [noun, *between], "ties", cue=noun.lower_)
        return
    if not owners or not others:
        return
    f = fact.classify(anchor) if anchor.pos_ in ("VERB", "AUX") else fact.Factuality("asserted")
    if f.prescriptive:
        return
    value = f.value
    if invert and not _finite(anchor):
        return  # "agreed to sever", "have to cut": a promise or a demand, not a report
    if invert:  # severing ends a tie: "severed" -> no tie; "have not severed" -> a tie
        value = {"asserted": "negated", "negated": "asserted"}.get(value)
        if value is None:
            return  # a promise or a possibility to sever says nothing about the tie now
    for other in others:
        for obj in b.objects(other):
            for s in owners:
                b.add(s, "allied_with", obj, anchor, [noun, other, *(t for t in [verb] if t is not None)],
                      "ties", factuality=value, cue=f"{lemma(verb) if verb is not None else ''} {noun.lower_}".strip())


def _finite(verb) -> bool:
    """A finite verb or a perfect ("have severed"): a report, not an infinitive or gerund."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"
                                      and c.lower_ not in ("to",) for c in verb.children)


def protection_relations(b: RelationBuilder, under, pat) -> None:
    """"Y is under X('s) protection", "under the protection of X"."""
    noun = next((g for g in under.children if g.dep_ == "pobj"), None)
    if noun is None or noun.lower_ not in pat["protection_nouns"]:
        return
    protectors = [b.index.entity(c) for c in noun.children
                  if c.dep_ in ("compound", "poss", "amod", "nmod") and b.index.entity(c)]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            protectors += [e for g in prep.children if g.dep_ == "pobj" for e in b.index.actors(g)]
    head = under.head
    if head.pos_ in ("VERB", "AUX"):
        protected_tok = subject_of(head).token
        anchor = head
    else:
        protected_tok, anchor = head, head
    if protected_tok is None:
        return
    for p in protectors:
        for o in b.index.actors(protected_tok):
            b.add(p, "protects", o, anchor, [protected_tok, under, noun], "protection", cue=noun.lower_)


def backing_relations(b: RelationBuilder, tok, pat) -> None:
    """"Iran-backed Houthis", "US-led coalition"."""
    predicate = pat["backing_words"][tok.lower_]
    supporters = [b.index.entity(c) for c in tok.children
                  if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and b.index.entity(c)]
    if not supporters and tok.i >= 2 and tok.doc[tok.i - 1].text in ("-", "–"):
        ent = b.index.entity(tok.doc[tok.i - 2])
        supporters = [ent] if ent else []
    for s in supporters:
        for o in b.index.actors(tok.head):
            b.add(s, predicate, o, tok.head, [tok.doc[tok.i - 2] if tok.i >= 2 else tok, tok, tok.head],
                  "backing", cue=tok.lower_, factuality="asserted")


# A place, or a nationality standing for its state ("Russian opposition leader").
PLACE_TYPES = ("GPE", "LOC", "NORP")
ROLE_HEADS_OF_BODIES = ("chief", "head", "leader", "director", "commander", "secretary")


def role_predicate(role: str, pat, object_type: str | None) -> tuple[str | None, bool, str]:
    """(predicate, former, the role without its "former") a role implies towards its
    affiliation, e.g. "former mayor" -> (leads, True, "mayor"), "police chief" of a city ->
    member_of, "deputy director" -> member_of, "opposition leader" of a state -> None: he
    leads no part of it."""
    words = role.lower().split()
    former = False
    while words:
        first, _, rest = words[0].partition("-")
        if first in pat["former_role_words"]:
            former = True
            words = ([rest] if rest else []) + words[1:]
        else:
            break
    core = " ".join(words)
    if not words:
        return None, former, core
    predicate = pat["role_predicate"].get(" ".join(words[-2:])) or pat["role_predicate"].get(words[-1])
    place = object_type in PLACE_TYPES
    if place and any(w in pat["not_of_the_state_words"] for w in words):
        return None, former, core
    if predicate == "leads" and any(w in pat["subordinate_role_words"] for w in words[:-1]):
        predicate = "member_of"
    if (predicate == "leads" and place and words[-1] in ROLE_HEADS_OF_BODIES
            and any(w in pat["body_role_words"] for w in words[:-1])):
        predicate = "member_of"
    return predicate, former, core


def role_relations(b: RelationBuilder, pat) -> None:
    """Roles with an affiliation from ``actors.v1``: spokesperson/envoy -> represents,
    leader/mayor/governor -> leads, minister/official/member -> member_of; "former" and
    "then-" roles give former relations. The role must be written next to a mention of the
    person, in one sentence, with the affiliation named in the same phrase ("Norwegian Prime
    Minister Lind", "Lind, the prime minister of Norway"); "Prime Minister Lind" alone gives
    nothing."""
    doc, index = b.doc, b.index
    text_lower = doc.text.lower()
    for person in doc.entities:
        if person.type != "PERSON" or not person.affiliation or not person.roles:
            continue
        target = index.by_id.get(person.affiliation)
        if target is None:
            continue
        done = set()
        for role in person.roles:
            predicate, former, core = role_predicate(role, pat, target.type)
            if predicate is None or (predicate, former) in done:
                continue
            if any(r.subject == person.id and r.predicate == predicate for r in b.out):
                continue  # a pattern in the text said it already, with its own source
            found = _role_mention(person, core, text_lower)
            if found is None:
                continue
            start, end, role_start, role_end, m = found
            span = doc.nlp.char_span(start, end, alignment_mode="expand")
            if span is None or span[0].sent.start != span[-1].sent.start \
                    or not _named_in_phrase(doc, target, start, end, role_start, role_end):
                continue
            before = text_lower[max(0, role_start - 30):role_start].replace("-", " ").split()
            former = former or any(w in pat["former_role_words"] for w in before[-3:])
            done.add((predicate, former))
            who = author_source(doc)
            anchor = doc.nlp.char_span(m.start, m.end, alignment_mode="expand").root
            b.add(person, predicate, target, anchor, [], "role", factuality="asserted", cue=role,
                  span=(start, end), source=Source(who, [who], "author"), former=former)


_OF = re.compile(r"\s*,?\s+of\s+(?:the\s+)?$")


def _named_in_phrase(doc, target: Entity, start: int, end: int, role_start: int,
                     role_end: int) -> bool:
    """True when TARGET (or an entity that stands for the same actor: "Norwegian" for Norway)
    is named in the role's phrase: inside it, just before the role ("Mexico's foreign
    secretary"), or after "of" ("the governor of Ohio")."""
    same = [e for e in doc.entities
            if e.id == target.id or (target.kb_id and e.kb_id == target.kb_id)]
    for m in (m for e in same for m in e.mentions):
        if start <= m.start and m.end <= end:
            return True
        if role_start - 4 <= m.end <= role_start and "." not in doc.text[m.end:role_start]:
            return True
        if role_end <= m.start <= role_end + 12 and _OF.match(doc.text[role_end:m.start]):
            return True
    return False


def _role_mention(person: Entity, role: str, text_lower: str):
    """(start, end, role start, role end, mention) of the phrase that gives the role: the
    role words close before or after a mention of the person, or inside it; None when the
    text never writes the role by a mention (a role known only to the knowledge base)."""
    for m in person.mentions:
        inside = text_lower.find(role.lower(), m.start, m.end)
        if inside >= 0:  # "the Afghan first vice president"
            return m.start, m.end, inside, inside + len(role), m
        at = text_lower.rfind(role.lower(), max(0, m.start - 80), m.start)
        if at >= 0:
            return at, m.end, at, at + len(role), m
        after = text_lower.find(role.lower(), m.end, m.end + 80)
        if after >= 0:
            return m.start, after + len(role), after, after + len(role), m
    return None


def state_body_relations(b: RelationBuilder, pat) -> None:
    """"Indonesia's National Transportation Safety Committee": an organisation whose name ends
    in a state body's head (``state_body_heads``), owned by a state in the possessive, is
    member_of that state."""
    doc, heads = b.doc, pat["state_body_heads"]
    places = [(m, e) for e in doc.entities if e.type == "GPE" for m in e.mentions]
    for body in doc.entities:
        if body.type != "ORG" or body.name.split()[-1].lower() not in heads:
            continue
        for m in body.mentions:
            owned = [(pm, e) for pm, e in places if 0 < m.start - pm.end <= 4
                     and _POSSESSIVE.fullmatch(doc.text, pm.end, m.start)]
            span = doc.nlp.char_span(m.start, m.end, alignment_mode="expand")
            if not owned or span is None:
                continue
            (pm, state), who = owned[0], author_source(doc)
            b.add(body, "member_of", state, span.root, [], "state body", factuality="asserted",
                  cue="'s", span=(pm.start, m.end), source=Source(who, [who], "author"))
            break


_POSSESSIVE = re.compile(r"['’]s\s+")
