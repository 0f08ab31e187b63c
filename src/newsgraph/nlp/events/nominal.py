"""Nominal events: event nouns, when a bare one is an event, and the actors written inside
an event noun phrase ("the US-Taliban deal", "talks with X", "an attack by Y")."""
from __future__ import annotations

from . import lexicon as lex
from ..common import factuality as fact
from ..common.syntax import passive_agents
from .candidates import ACTOR_ENTITY_TYPES, PRONOUNS, has_prep, is_actor_like, lemma


def noun_entry(tok):
    """The (type, mode) of an event noun ("talks", two-word "war games"), else None."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    entry = None
    for mod in tok.children:  # two-word event nouns: "war games"
        if mod.dep_ == "compound" and mod.i == tok.i - 1:
            entry = entry or lex.NOUNS.get(f"{lemma(mod)} {lemma(tok)}")
    entry = entry or lex.NOUNS.get(lemma(tok)) or lex.NOUNS.get(tok.lower_)
    if entry and lemma(tok) in ("call", "round") and not has_prep(tok, ("for", "of", "to")):
        return None
    return entry


def parties_in_event_noun(noun) -> list:
    """The parties an event noun names inside its phrase: party premodifiers ("US drone
    attacks") or an "of"/"by" object that is a party ("the deployment of NATO troops")."""
    mods, stack = [], [noun]
    while stack:  # premodifiers of premodifiers too: "US" in "US Predator attacks"
        for c in stack.pop().children:
            if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < noun.i:
                stack.append(c)
                if c.pos_ != "PRON" and (is_party_premodifier(c) or is_actor_like(c)):
                    mods.append(c)
    if mods:
        return sorted(mods, key=lambda t: t.i)
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
            for g in c.children if g.dep_ == "pobj" and is_actor_like(g)]


def noun_is_event(tok) -> bool:
    """A bare event noun is coded when it happens, is a subject, or has its own actors/date."""
    if tok.ent_type_ in ("EVENT", "WORK_OF_ART", "LAW", "ORG", "PRODUCT"):
        return False  # a name ("the Cold War", "the Peace Conference Act")
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return not _state_description(tok)
    if tok.dep_ in ("ROOT",) and tok.pos_ == "NOUN":
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.ent_type_ == "DATE":
        return True  # "after weeks of protests", "days of fighting": it went on that long
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            return True
        if child.dep_ in ("compound", "amod", "nmod") and is_party_premodifier(child):
            return True
        if child.dep_ == "prep" and child.lower_ in ("by", "between", "against", "with", "on"):
            for g in child.children:
                if g.dep_ == "pobj" and is_actor_like(g):
                    return True
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "in"):
            if any(g.ent_type_ == "DATE" for g in child.subtree):
                return True
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                g.dep_ == "pobj" and is_named_party(g) for g in child.children):
            return True  # "the resignation of MP John Lind", "the arrest of Ivo Marrow"
        if child.dep_ == "acl" and _participle_agents(child):  # "a lawsuit filed by Texas"
            return True
    return False


def _participle_agents(participle) -> list:
    """The party agents of a participle modifying an event noun ("filed by Texas")."""
    return [g for g in passive_agents(participle) if is_actor_like(g)]


def is_named_party(tok) -> bool:
    """A party the text names: an actor entity or a proper noun, not a description."""
    return tok.ent_type_ in ACTOR_ENTITY_TYPES or tok.pos_ == "PROPN"


def governed_by_prescription(noun) -> bool:
    """True when the verb that governs ``noun`` is a prescription ("have to", "must")."""
    verb = noun.head
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and fact.classify(verb).prescriptive


# Word prefixes that make a demonym a scope, not a party: "intra-Afghan", "pan-Arab".
_SCOPE_PREFIXES = frozenset("""intra inter pan anti pro non post pre cross trans multi bi
extra ultra neo""".split())


def _state_description(noun) -> bool:
    """"The dialogue was in a stalemate": a copula with a prepositional predicate describes
    the state of an ongoing process; it reports no new event."""
    head = noun.head
    if lemma(head) != "be" or noun.dep_ != "nsubj":
        return False
    kids = {c.dep_ for c in head.children}
    return "prep" in kids and not kids & {"acomp", "attr", "xcomp", "ccomp", "oprd"}


def _scope_word(tok) -> bool:
    """A word joined by a hyphen to a scope prefix ("intra-Afghan")."""
    i = tok.i
    doc = tok.doc
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _SCOPE_PREFIXES


def is_party_premodifier(tok) -> bool:
    """A premodifier that names a party: a named actor entity (not a title-case common noun
    such as "Troop" in a headline, nor a scope word such as "intra-Afghan")."""
    if _scope_word(tok) or tok.lower_ in _SCOPE_PREFIXES or not tok.text[:1].isalnum():
        return False
    if tok.ent_type_ in ACTOR_ENTITY_TYPES:
        return True
    if tok.ent_type_ or tok.head.pos_ == "PROPN":
        return False  # part of a non-party name ("the Cold War")
    return tok.pos_ == "PROPN" and tok.lower_ not in lex.ACTOR_NOUNS and \
        lemma(tok) not in lex.ACTOR_NOUNS and tok.lower_ not in lex.NOUNS and is_actor_like(tok)


def hyphen_parts(tok) -> list:
    """"US-Taliban": the compound children joined to ``tok`` by a hyphen, and theirs."""
    parts = []
    doc = tok.doc
    for child in tok.children:
        after = child.right_edge.i + 1
        if child.dep_ in ("compound", "amod", "nmod") and after < tok.i and \
                doc[after].text == "-" and is_party_premodifier(child):
            parts.append(child)
            parts.extend(hyphen_parts(child))
    return parts


def nominal_actors(noun) -> tuple[list, list]:
    """Actors and recipients written inside an event noun phrase."""
    actors, recips = [], []
    # "Basilashvili's arrest", "their convictions": the possessor is the one acted on,
    # unless an "of" object names that one ("the army's arrest of X")
    patient = lemma(noun) in lex.PATIENT_NOUNS and not has_prep(noun, ("of",))
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in PRONOUNS:
            (recips if patient else actors).append(child)
        elif child.dep_ in ("compound", "amod", "nmod") and is_party_premodifier(child):
            actors.append(child)
            actors.extend(hyphen_parts(child))
        elif child.dep_ == "acl":  # "a lawsuit filed by Texas", "the order signed by X"
            actors.extend(_participle_agents(child))
        elif child.dep_ == "prep":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if not pobj:
                continue
            if child.lower_ in ("by", "between", "among"):
                actors.append(pobj[0])
            elif child.lower_ == "of" and is_actor_like(pobj[0]) and \
                    pobj[0].ent_type_ not in ("DATE", "TIME"):
                actors.append(pobj[0])
            elif child.lower_ in ("with", "against", "on", "to", "toward", "towards") and \
                    is_actor_like(pobj[0]):
                recips.append(pobj[0])
            elif child.lower_ in ("against", "toward", "towards"):
                # "riots against Israeli military policies": the party named inside
                recips.extend(g for g in pobj[0].children
                              if g.dep_ in ("poss", "compound", "amod", "nmod") and
                              g.pos_ != "PRON" and is_party_premodifier(g))
    # hyphenated pairs ("US-Taliban deal") may come as several compound children
    extra = [t for t in noun.lefts for t in t.subtree
             if t.ent_type_ in ACTOR_ENTITY_TYPES and t not in actors and t.dep_ != "poss"
             and is_party_premodifier(t)]
    for t in extra:
        if not any(t.i in range(a.left_edge.i, a.right_edge.i + 1) for a in actors) or \
                any(t in hyphen_parts(a) for a in actors):
            actors.append(t)
    return list(dict.fromkeys(actors)), recips
