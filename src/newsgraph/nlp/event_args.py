"""Event arguments: actors (subject, passive agent, inherited subjects, conjuncts) and
recipients (objects, datives, prepositional objects), as participant dicts tied to the
document's entities."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Document
from . import event_lexicon as lex
from .event_nominal import _noun_entry
from .event_common import (ACTOR_ENTITY_TYPES, PLACE_TYPES, RECIPIENT_PREPS, RELATIVE,
                           Candidate, _actor_like, _conjuncts, lemma)


def _subject(verb, seen=None):
    """Actor head tokens of a verb: subject, agent of a passive, inherited through xcomp/conj."""
    seen = seen or set()
    if verb.i in seen:
        return [], False
    seen.add(verb.i)
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl")]
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj" and _actor_like(g)]
        return agents, True
    if subj:
        s = subj[0]
        if s.lower_ in RELATIVE and verb.dep_ == "relcl":
            return [verb.head], False
        if s.dep_ == "expl" or s.lower_ in RELATIVE:
            return [], False
        return [s], False
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "prep":
            head = head.head
        if verb.dep_ == "xcomp":
            # object control: "urged X to leave" -> X
            obj = [c for c in head.children if c.dep_ in ("dobj",)]
            if obj and lemma(head) not in lex.INTENT_VERBS:
                return obj, False
        return _subject(head, seen)
    if verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBG" or \
            verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return _host_or_noun(verb.head, seen), False
    return [], False


def _host_or_noun(noun, seen) -> list:
    """The head noun of a relative/participial clause, or, when that noun is not a party
    ("a declaration demanding ...", "a rally to protest ..."), the subject of the verb
    that governs the noun."""
    if _actor_like(noun) or noun.pos_ not in ("NOUN",):
        return [noun]
    current = noun
    while current.head.i != current.i and current.pos_ not in ("VERB", "AUX"):
        current = current.head
    if current.pos_ in ("VERB", "AUX") and current.i != noun.i:
        heads, _ = _subject(current, seen)
        if heads:
            return heads
    return [noun]


def _np_span(tok) -> tuple[int, int]:
    """Token range [start, end] of a compact noun phrase around ``tok``."""
    left = tok.i
    doc = tok.doc
    for child in tok.lefts:
        if child.dep_ in ("punct", "cc", "preconj"):
            continue
        if child.dep_ == "compound" and child.right_edge.i + 1 < tok.i and \
                doc[child.right_edge.i + 1].text == "-" and _named(child) and _named(tok):
            continue  # "US-Taliban": each side is its own participant
        left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod", "poss"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and tok.pos_ == "NOUN":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj:
                right = max(right, max(pobj[0].i, _np_span(pobj[0])[1]))
        elif child.dep_ == "appos" and child.ent_type_ == "PERSON":
            right = max(right, child.right_edge.i)
    doc = tok.doc
    while left < tok.i and doc[left].lower_ in ("the", "a", "an", ",", "-", "'s"):
        left += 1
    return left, right


_PERSONAL = frozenset({"he", "she", "him", "her", "his", "it", "its", "they", "them",
                       "their", "we", "us", "our"})
_PRONOUN_TEXT = frozenset({"he", "she", "him", "her", "his", "hers", "it", "its", "they",
                           "them", "their", "theirs", "we", "us", "our", "i", "me", "my",
                           "you", "your", "who", "whom", "which", "that"})


def _entity_at(doc: Document, start: int, end: int, head_start: int | None = None):
    """The entity mention that names the phrase [start, end): one covering the head wins; a
    pronoun mention that does not cover the head ("its troops") never names the phrase."""
    best = None
    for ent in doc.entities:
        for m in ent.mentions:
            if m.start < end and start < m.end:
                if ent.type not in ACTOR_ENTITY_TYPES and ent.type != "PERSON":
                    continue
                covers_head = head_start is not None and m.start <= head_start < m.end
                if not covers_head and m.text.lower() in _PRONOUN_TEXT:
                    continue
                score = (covers_head, ent.type in ("PERSON", "ORG"), m.end - m.start)
                if best is None or score > best[0]:
                    best = (score, ent, m)
    return best


def _named_mention(ent, before: int):
    """The entity's last non-pronoun mention before ``before`` (else its first one)."""
    named = [m for m in ent.mentions if m.text.lower() not in _PRONOUN_TEXT]
    prior = [m for m in named if m.end <= before]
    return prior[-1] if prior else (named[0] if named else None)


def _agrees(pronoun, tok) -> bool:
    """Rough number/person agreement between a pronoun and a candidate antecedent."""
    p = pronoun.lower_
    person = tok.ent_type_ == "PERSON" or lemma(tok) in lex.PERSON_NOUNS
    plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
    if p in ("he", "she", "him", "her", "his"):
        return person and not plural
    if p in ("it", "its"):
        return not person and not plural
    return True


def _antecedent(tok):
    """The subject of the reporting or intent verb whose complement holds ``tok`` ("Syria
    says it is willing ...", "the rebels announced they would ...")."""
    current = tok.head
    while current.head.i != current.i and current.dep_ in ("ccomp", "xcomp", "conj", "advcl",
                                                          "acomp"):
        parent = current.head
        if current.dep_ == "ccomp" or lemma(parent) in lex.REPORTING_VERBS:
            subj = [c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lower_ not in _PRONOUN_TEXT and _actor_like(subj[0]) \
                    and _agrees(tok, subj[0]):
                return subj[0]
        current = parent
    return None


def _participant(doc: Document, tok) -> dict[str, Any]:
    sdoc = tok.doc
    if tok.lower_ in _PERSONAL:
        resolved = _resolve_pronoun(doc, tok)
        if resolved is not None:
            return resolved
    first, last = _np_span(tok)
    start, end = sdoc[first].idx, sdoc[last].idx + len(sdoc[last])
    text = doc.text[start:end]
    found = _entity_at(doc, start, end, tok.idx)
    item: dict[str, Any] = {"entity": None, "name": text, "code": None, "text": text,
                            "start": start, "end": end}
    if found:
        _, ent, _m = found
        item.update(entity=ent.id, name=ent.name, code=ent.code)
    return item


def _resolve_pronoun(doc: Document, tok) -> dict[str, Any] | None:
    """A pronoun participant: the actor entity whose (coreference) mention covers it, else
    the subject of the governing reporting verb. The text and offsets are those of the
    named mention; ``pronoun`` keeps the pronoun's own."""
    pron = {"text": tok.text, "start": tok.idx, "end": tok.idx + len(tok)}
    for ent in doc.entities:
        if ent.type not in ACTOR_ENTITY_TYPES:
            continue
        for m in ent.mentions:
            if m.start <= tok.idx < m.end:
                named = _named_mention(ent, tok.idx)
                item = {"entity": ent.id, "name": ent.name, "code": ent.code,
                        "text": named.text if named else ent.name,
                        "start": named.start if named else pron["start"],
                        "end": named.end if named else pron["end"], "pronoun": pron}
                return item
    ante = _antecedent(tok)
    if ante is not None:
        item = _participant(doc, ante)
        item["pronoun"] = pron
        return item
    return None


def _participants(doc: Document, heads: Iterable) -> list[dict[str, Any]]:
    out, seen = [], set()
    for head in heads:
        for tok in _expand_members(head):
            item = _participant(doc, tok)
            key = item["entity"] or item["name"].lower()
            if key in seen:
                continue
            seen.add(key)
            out.append(item)
    return out


def _expand_members(tok) -> list:
    """Conjuncts of a head ("Iran and Russia"); a group with "including X" gives X."""
    result = []
    for t in _conjuncts(tok):
        members = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("including",)
                   for g in c.children if g.dep_ == "pobj"]
        if members and t.pos_ == "NOUN":
            for m in members:
                result.extend(_conjuncts(m))
        else:
            result.append(t)
    return result


_NON_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                             "QUANTITY"})
_PLACE_ONLY_PREPS = frozenset({"at", "from", "into", "over"})
_CONDITION_MARKS = frozenset({"if", "unless"})


def _named(tok) -> bool:
    return tok.ent_type_ in ACTOR_ENTITY_TYPES or tok.pos_ == "PROPN"


def _prep_objects(holder, preps=RECIPIENT_PREPS) -> list:
    return [(prep, pobj) for prep in holder.children
            if prep.dep_ in ("prep", "dative") and prep.lower_ in preps
            for pobj in prep.children if pobj.dep_ == "pobj"]


def _party_like(tok) -> bool:
    """A recipient head: a party (``_actor_like``) or a noun modified by a nationality or
    country ("Russian civilian advisers", "Palestinian lorries", "Cambodian refugee camp")."""
    if _actor_like(tok):
        return True
    if tok.pos_ != "NOUN" or _noun_entry(tok) is not None:
        return False  # an event noun ("Israeli raids") is not itself a party
    people = tok.tag_ == "NNS" or any(c.dep_ == "compound" and _actor_like(c)
                                      for c in tok.children)
    return people and any(c.dep_ in ("amod", "compound", "nmod") and
                          c.ent_type_ in ("NORP", "GPE") for c in tok.children)


_TARGET_PREPS = ("against", "over", "about", "on", "at", "of")


def _inside(holder) -> list:
    """Parties inside a non-party phrase: possessor or named premodifier ("Sweden's
    decision"), "by/from/of/for X" ("calls by X", "a camp for refugees"), and the agent of a
    participle ("property seized by the army")."""
    out = [c for c in holder.children if c.dep_ in ("poss", "compound", "amod", "nmod") and
           (_named(c) or c.dep_ == "poss" and _actor_like(c)) and
           c.ent_type_ not in _NON_PARTY_ENTS and c.pos_ != "PRON"]
    out += [pobj for _p, pobj in _prep_objects(holder, ("by", "from", "of", "for"))
            if _named(pobj) or _party_like(pobj)]
    for acl in holder.children:
        if acl.dep_ == "acl":
            out += [g for c in acl.children if c.dep_ == "agent" for g in c.children
                    if g.dep_ == "pobj" and _party_like(g)]
    return out


def _recipient_tiers(cand: Candidate, verb, skip: set[int]) -> list[list]:
    """Recipient candidates of a verb, best tier first (see docs/events.md)."""
    nominal = cand.nominal if cand.nominal is not None and cand.nominal.i != verb.i else None
    is_verb = verb.tag_.startswith("VB") or verb.pos_ in ("VERB", "AUX")
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")
            and (nominal is None or c.i != nominal.i)]
    if not is_verb:
        objs = []
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"] if is_verb and nominal is None \
        else []
    holders = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    if nominal is not None:
        holders.append(nominal)
    # "in protest against X", "in retaliation for X": the purpose noun's objects
    holders += [pobj for h in list(holders) for prep, pobj in _prep_objects(h, ("in",))
                if lemma(pobj) in lex.PURPOSE_NOUNS]
    holders += [c for c in verb.children if c.dep_ == "prt"]  # "beat up", "kidnapped up to"
    preps, targets = [], []
    for holder in holders:
        for prep, pobj in _prep_objects(holder, RECIPIENT_PREPS + ("of", "about")):
            if pobj.ent_type_ in _NON_PARTY_ENTS:
                continue
            if prep.lower_ in _PLACE_ONLY_PREPS and pobj.ent_type_ in PLACE_TYPES and \
                    holder.i == verb.i and cand.type not in ("RETREAT", "ASSAULT", "AID",
                                                                 "MOBILIZE"):
                continue
            if prep.lower_ in ("of", "about") and holder.i not in {h.i for h in holders[1:]}:
                continue  # "of/about X" only on an event noun or object
            if prep.lower_ in _TARGET_PREPS:
                targets.append(pobj)
            if prep.lower_ not in ("of", "about"):
                preps.append(pobj)
    if cand.type == "ACCUSE" and targets:
        # "complained to the UN over Israeli raids": the one complained about, not the audience
        preps = [t for t in targets if _party_like(t)]
    inside = []  # "rejected North Korea's demand", "rejected calls by X", "a US offer"
    for holder in passive + objs + ([nominal] if nominal is not None else []) + \
            [p for p in preps if not _party_like(p)] + [t for t in targets if t not in preps]:
        if not _party_like(holder) or holder in objs + passive and not _named(holder):
            inside.extend(_inside(holder))
    named_objs = [o for o in objs if _named(o) or _party_like(o) and not _actor_like(o)]
    return [passive + named_objs, [p for p in preps if _named(p)],
            [o for o in objs if o not in named_objs], [p for p in preps if not _named(p)],
            inside]


def _complement_tiers(cand: Candidate, verb, skip: set[int]) -> list[list]:
    """Recipients inside the complement: its own subject ("demanded that X ..."), then the
    objects of the complement verb ("threatened to cut off power to X")."""
    tiers: list[list] = []
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")
             or c.dep_ == "advcl" and any(m.lower_ == "to" for m in c.children)]
    # "began a strike to protest X": a purpose clause hung on the object
    comps += [c for o in verb.children if o.dep_ == "dobj" for c in o.children
              if c.dep_ in ("acl", "relcl") and any(m.lower_ == "to" for m in c.children)]
    if cand.content is not None and cand.content.anchor not in comps:
        # a content noun goes after the clauses ("demanded that X match Y's support")
        noun = cand.content.anchor.pos_ in ("NOUN", "PROPN")
        comps.insert(len(comps) if noun else 0, cand.content.anchor)
    for comp in comps:
        subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and cand.type in ("REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT",
                                  "AGREE", "CONCEDE"):
            tiers.append(subj[:1])
        obj_cands = [c for c in comp.children if c.dep_ == "dobj"]
        content = cand.content is not None and cand.content.anchor.i == comp.i
        sub = Candidate(comp, cand.content.type if content else cand.type, None, [comp],
                        nominal=obj_cands[0] if cand.content is not None and
                        cand.content.nominal is not None and obj_cands and
                        cand.content.nominal.i == obj_cands[0].i else None)
        tiers.extend(_recipient_tiers(sub, comp, skip))
    return tiers


def _condition_subjects(verb) -> list:
    """"threatened to strike unless Israel rescinded ...": the party the condition is on."""
    out = []
    for tok in verb.subtree:
        if tok.dep_ == "advcl" and {c.lower_ for c in tok.children if c.dep_ == "mark"} & \
                _CONDITION_MARKS:
            out.extend(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out[:1]


def _place_fallback(verb, skip: set[int], content=None) -> list:
    """PLOVER coders take the country or city an act is aimed at or done in as the
    recipient when no party is named: the first GPE in the verb's own clause, then in the
    clause of its folded content ("agreed to set up a centre in Tokyo")."""
    from .event_context import _clause_tokens

    tokens = _clause_tokens(verb)
    if content is not None and content.anchor.i != verb.i:
        tokens += _clause_tokens(content.anchor)
    for comp in verb.children:
        if comp.dep_ == "xcomp" and (content is None or comp.i != content.anchor.i):
            tokens += _clause_tokens(comp)
    for tok in tokens:
        if tok.ent_type_ == "GPE" and tok.i not in skip and tok.dep_ in ("pobj", "dobj", "poss"):
            if tok.ent_iob_ == "B" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
                continue  # take the last token of a multi-word name (its head)
            return [tok]
    return []


def _recipients(cand: Candidate, actor_heads: list) -> list:
    """Recipient heads of a verbal event: the first non-empty tier of (1) named objects and
    passive subjects, (2) named objects of with/to/against/on/... on the verb, its object or
    its event noun, (3) unnamed party objects, (4) unnamed party prepositional objects, (5)
    parties inside the object noun phrase ("North Korea's demand", "calls by X"), (6) the
    complement's subject and objects, (7) the subject of an if/unless condition, (8) a place
    (country or city) in the clause."""
    verb = cand.anchor
    skip = {t.i for a in actor_heads for t in _conjuncts(a)}
    skip.add(verb.i)
    tiers = _recipient_tiers(cand, verb, skip)
    tiers += _complement_tiers(cand, verb, skip)
    tiers.append(_condition_subjects(verb))
    tiers.append(_place_fallback(verb, skip, cand.content))
    for tier in tiers:
        picks = [t for t in tier if t is not None and t.i not in skip and
                 t.lower_ not in RELATIVE and t.ent_type_ not in _NON_PARTY_ENTS and
                 _party_like(t)]
        if picks:
            seen, out = set(), []
            for t in picks:
                if t.i not in seen:
                    seen.add(t.i)
                    out.append(t)
            return out
    return []


def _entity_inside(tok):
    for t in tok.subtree:
        if t.ent_type_ in ACTOR_ENTITY_TYPES and t.dep_ in ("poss", "compound", "amod", "nmod"):
            return t
    return None
