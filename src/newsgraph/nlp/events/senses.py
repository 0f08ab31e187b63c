"""Sense checks of the type rules (``verb`` step entries of ``rules.TYPE_RULES``): is a
verb used in its PLOVER sense, judged by its object and its particles ("signed off", "met
the deadline", "released a statement", "fighting corruption")? Each check returns the entry
(unchanged or retyped) or None (no event). Also the token tests the event checks
(``event_checks``) share: a party that can act, a means, a natural cause, the media. Written
from the PLOVER definitions and the annotation guide (eval/news_gold/GUIDE.md, sections 5.10
and 5.11); see docs/events.md, "Sense checks"."""
from __future__ import annotations

from . import lexicon as lex
from . import patterns as pat
from .candidates import ACTOR_ENTITY_TYPES, PLACE_TYPES, is_actor_like, lemma, of_noun
from .nominal import is_party_premodifier, noun_entry
from .typecase import Entry, TypeCase

# Entity labels that name no party (works, products, events, laws, amounts, dates).
NON_PARTY_ENTITIES = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "DATE",
                                "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# Pronouns that stand for things unless coreference ties them to a party.
THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what"})
# Endings of nouns that mostly name people (miner, physician, activist, migrant, trainee): an
# unknown noun with one is taken as a party, so that no event is dropped.
AGENT_SUFFIXES = ("er", "ers", "ist", "ists", "ian", "ians", "ant", "ants", "ee", "ees")


# ---------------------------------------------------------------- token tests

def is_agent(tok, depth: int = 0) -> bool:
    """``tok`` can name a party that acts: an actor-type name, a personal pronoun, a people or
    group noun (``actor_nouns``, ``agent_nouns``), a noun a party name modifies ("Arnor
    cleric"), a group of parties ("a bunch of orcs", "tens of thousands of students") or a
    conjunct of one; not a work, product, date or "it"."""
    if tok.lower_ in lex.MASS_WORDS:
        return True  # "thousands (of people) took to the streets"
    if tok.ent_type_ in NON_PARTY_ENTITIES or tok.lower_ in THING_PRONOUNS:
        return False
    if tok.ent_type_ in ACTOR_ENTITY_TYPES or is_actor_like(tok) or \
            lemma(tok) in lex.AGENT_NOUNS or tok.lower_ in lex.AGENT_NOUNS:
        return True
    if tok.pos_ == "NOUN" and tok.lower_.endswith(AGENT_SUFFIXES):
        return True  # "miners", "physicians", "assailants": most such nouns name people
    if tok.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod", "nmod", "poss") and
                                  is_party_premodifier(c) for c in tok.children):
        return True
    if depth > 3:
        return False
    inner = of_noun(tok)
    return inner is not None and is_agent(inner, depth + 1) or any(
        c.dep_ in ("conj", "appos") and is_agent(c, depth + 1) for c in tok.children)


def is_means(tok) -> bool:
    """An event or act noun, a weapon or a force, or fire from one ("rocket fire"): the means
    or the act, not a thing."""
    return bool(noun_entry(tok)) or pat.is_military(tok) or lemma(tok) in lex.WEAPON_NOUNS or \
        lemma(tok) in lex.ACT_NOUNS or lemma(tok) == "fire" and _weapon_modified(tok)


def _weapon_modified(tok) -> bool:
    """"rocket fire", "Ruritanian fire": a modifier makes the cause an attack."""
    return any(c.dep_ in ("compound", "amod", "nmod", "poss") and
               (is_means(c) or is_party_premodifier(c) or c.ent_type_ in ACTOR_ENTITY_TYPES)
               for c in tok.children)


def is_natural_cause(tok) -> bool:
    """A natural hazard, an accident or an illness ("the fire", "a traffic collision")."""
    if tok.lower_ in lex.DISEASE_NAMES:  # a name: "SARS" before "CoV-2" is part of it
        return True
    return lemma(tok) in lex.NATURAL_CAUSES and not _weapon_modified(tok)


def is_vehicle(tok) -> bool:
    """A vehicle, by noun, by a product name ("a car", "a Toyota Corolla") or by its motion
    ("a Fiesta driving on the wrong side", "someone speeding through the junction")."""
    return lemma(tok) in lex.VEHICLE_NOUNS or tok.lower_ in lex.VEHICLE_NOUNS or \
        tok.ent_type_ == "PRODUCT" and tok.dep_ in ("pobj", "nsubj") or any(
            c.dep_ in ("acl", "relcl") and lemma(c) in ("drive", "speed", "reverse")
            for c in tok.children)


def hazard_bulletin(tok) -> bool:
    """A bulletin named after a hazard: "flood warning", "hurricane watches or warning"."""
    if lemma(tok) not in lex.BULLETIN_NOUNS:
        return False
    holders = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    return any(lemma(c) in lex.NATURAL_CAUSES for h in holders for c in h.children
               if c.dep_ in ("compound", "amod", "nmod"))


def is_media(part: dict) -> bool:
    """A participant that is the press or a media outlet ("the press", "Wikinews",
    "the Daily Courier")."""
    words = [w.strip(".,'\"").lower() for w in (part.get("name") or part["text"]).split()]
    return any(w in lex.MEDIA_NOUNS or w.endswith("news") for w in words)


# ---------------------------------------------------------------- step "verb" fixes

def sign_sense(case: TypeCase) -> Entry | None:
    """"signed off" (stopped broadcasting) and "signed an order / a law" (enacting it) are no
    SUPPORT: only signing an agreement is."""
    if case.entry[0] == "SUPPORT" and case.lem == "sign":
        if any(p.lower_ == "off" for p in case.particles):
            return None
        if case.obj is not None and lemma(case.obj) in lex.ORDER_DOCUMENTS:
            return None
    return case.entry


def meet_thing(case: TypeCase) -> Entry | None:
    """"met the deadline", "that is met": meeting a thing is no meeting."""
    if case.entry[0] == "CONSULT" and case.lem == "meet" and case.obj is not None and (
            case.obj.lower_ in lex.MEET_THING_WORDS or not is_agent(case.obj)):
        return None
    return case.entry


def routine_dissolution(case: TypeCase) -> Entry | None:
    """"the band disbanded", "dissolved parliament", "parliament was suspended": no ban or
    sanction of a party."""
    if case.entry[0] == "COERCE" and case.lem in ("dissolve", "disband") and (
            case.obj is None or lemma(case.obj) in lex.LEGISLATURE_NOUNS):
        return None
    tok = case.tok  # "parliament was suspended / adjourned" (no one named): its own business
    if case.lem in ("suspend", "adjourn", "prorogue", "recess") and not any(
            c.dep_ == "agent" for c in tok.children) and any(
            c.dep_ == "nsubjpass" and lemma(c) in lex.LEGISLATURE_NOUNS for c in tok.children):
        return None
    return case.entry


def jail_sentence(case: TypeCase) -> Entry | None:
    """"jailed for contempt", "imprisoned for ten years": a sentence (SANCTION convict), not
    an arrest."""
    if case.entry[0] == "COERCE" and case.lem in ("jail", "imprison") and \
            any(p.dep_ == "prep" and p.lower_ == "for" for p in case.tok.children):
        return "SANCTION", "convict", case.entry[2]
    return case.entry


def unsupported_object(case: TypeCase) -> Entry | None:
    """SUPPORT needs a party or a party's act as object: "support the claim", "recognised the
    disease" are no SUPPORT."""
    obj = case.obj
    if case.entry[0] == "SUPPORT" and obj is not None and (
            lemma(obj) in lex.UNSUPPORTED_OBJECTS or is_natural_cause(obj)):
        return None
    return case.entry


def denial(case: TypeCase) -> Entry | None:
    """Denying a claim or charge ("denied the allegations", "denied that ...") is a statement,
    like a denial of responsibility: no REJECT."""
    if case.entry[0] != "REJECT" or case.lem not in lex.DENY_VERBS:
        return case.entry
    if case.obj is not None and lemma(case.obj) in lex.DENIED_OBJECTS:
        return None
    if any(c.dep_ == "ccomp" for c in case.tok.children):
        return None
    return case.entry


def information_release(case: TypeCase) -> Entry | None:
    """"released a statement", "the names were released", "the advisory, released at ...":
    publishing, not a RETREAT."""
    if case.entry[0] != "RETREAT" or case.lem != "release":
        return case.entry
    things = [case.obj] if case.obj is not None else []
    if case.tok.dep_ == "acl":
        things.append(case.tok.head)
    things += [c for t in list(things) for c in t.children if c.dep_ == "compound"]
    if any(lemma(t) in lex.INFORMATION_NOUNS or lemma(t) in lex.DOCUMENT_NOUNS or
           t.lower_ in lex.INFORMATION_NOUNS for t in things):
        return None
    return case.entry


def thing_prevented(case: TypeCase) -> Entry | None:
    """Preventing a thing ("prevent the spread", "prevent further damage") is no coercion of a
    party; preventing a party or an event ("prevented the rally") is."""
    obj = case.obj
    if case.entry[0] == "COERCE" and case.lem == "prevent" and len(case.entry[2]) == 1 and (
            obj is None or not (is_agent(obj) or is_means(obj))):
        return None
    return case.entry


def thing_fought(case: TypeCase) -> Entry | None:
    """"fighting corruption", "fought the fire": fighting a thing is no ASSAULT."""
    obj = case.dobj
    if case.entry[0] == "ASSAULT" and case.lem in ("fight", "combat", "battle") and \
            obj is not None and not (is_agent(obj) or is_means(obj) or
                                     obj.ent_type_ in PLACE_TYPES):
        return None
    return case.entry


def self_explosion(case: TypeCase) -> Entry | None:
    """"the fruit exploded", "the population exploded": a thing exploding is no attack; a bomb
    that exploded stays one (its actor unknown)."""
    if case.entry[0] == "ASSAULT" and case.lem in ("explode", "detonate") and case.dobj is None:
        subj = next((c for c in case.tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and not is_means(subj):
            return None
    return case.entry


def admission(case: TypeCase) -> Entry | None:
    """"accepted responsibility", "admitted guilt", "pleaded guilty": no event (guide 12.9)."""
    if case.lem in ("accept", "admit", "claim") and case.obj is not None and \
            lemma(case.obj) in lex.ADMITTED_OBJECTS:
        return None
    if case.lem == "plead" and any(c.lower_ in ("guilty", "innocent", "not") for c in
                                   case.tok.children):
        return None
    return case.entry


def as_opposed_to(case: TypeCase) -> Entry | None:
    """"as opposed to": a comparison, no opposition."""
    if case.lem == "oppose" and any(c.lower_ == "as" for c in case.tok.children
                                    if c.i < case.tok.i):
        return None
    return case.entry


def warning_advice(case: TypeCase) -> Entry | None:
    """"warned people to stay inside": advice to act (REQUEST), not a threat of harm; "warned
    X of/against ..." or "warned that ..." stays THREATEN."""
    if case.entry[0] == "THREATEN" and case.lem == "warn" and case.dobj is not None and \
            is_agent(case.dobj):
        for child in case.tok.children:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                             for c in child.children):
                return "REQUEST", None, case.entry[2]
    return case.entry


def bare_ask(case: TypeCase) -> Entry | None:
    """"It is not much to ask": asking nobody for nothing is no REQUEST."""
    if case.entry[0] == "REQUEST" and case.lem == "ask" and len(case.entry[2]) == 1 and \
            not any(c.dep_ in ("dobj", "dative", "prep", "xcomp", "ccomp", "nsubjpass", "advcl")
                    for c in case.tok.children):
        return None
    return case.entry


def transport_visit(case: TypeCase) -> Entry | None:
    """A movement verb with an object moves someone ("flew the patient to X"): no visit."""
    etype, mode, words = case.entry
    if etype == "CONSULT" and mode == "visit" and case.lem in lex.MOVE_VERBS and \
            case.dobj is not None:
        return None
    return case.entry


_SAYING_VERBS = frozenset({"say", "call", "accuse", "describe", "claim", "write", "tweet"})


def _in_words(verb) -> bool:
    """The act of ``verb`` is done in words: a manner adverb ("publicly"), a medium of words
    ("in a tweet", "on Twitter"), a reason ("for his remarks", "over saying"), or a speech
    verb alongside ("..., saying" / "calling him ...")."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in lex.VERBAL_MANNER:
            return True
        if c.dep_ == "advcl" and lemma(c) in _SAYING_VERBS:
            return True
        if c.dep_ != "prep":
            continue
        for g in c.children:
            if g.dep_ == "pcomp" and g.tag_ == "VBG" and c.lower_ in ("for", "over"):
                return True  # "attacked him for saying"
            if g.dep_ != "pobj":
                continue
            if c.lower_ in ("in", "on", "during", "via", "through") and any(
                    n is not None and (lemma(n) in lex.SPEECH_NOUNS or n.lower_ in
                                       lex.SPEECH_NOUNS) for n in (g, of_noun(g))):
                return True  # "in a tweet", "in a series of tweets"
            if c.lower_ in ("for", "over") and lemma(g) in lex.VERBAL_TARGETS:
                return True
    return False


def verbal_attack(case: TypeCase) -> Entry | None:
    """"attacked the decision", "attacked the senator in a tweet / over his remarks": an
    attack in words is ACCUSE disapprove, not ASSAULT (guide 5.11); "attacked the convoy"
    stays ASSAULT."""
    if case.entry[0] != "ASSAULT" or case.lem not in lex.VERBAL_ATTACK_VERBS:
        return case.entry
    obj = case.dobj if case.dobj is not None else case.obj
    if obj is not None and lemma(obj) in lex.VERBAL_TARGETS or _in_words(case.tok):
        return "ACCUSE", "disapprove", case.entry[2]
    return case.entry


def shared_view(case: TypeCase) -> Entry | None:
    """"agreed (that) there should be a vote", "agreed that the economy is weak": a clause of
    existence or state is a view shared, no AGREE; agreeing that an act will or should happen
    ("agreed that they would withdraw", "agreed that talks should resume") is one."""
    if case.entry[0] != "AGREE" or case.lem != "agree":
        return case.entry
    for clause in case.tok.children:
        if clause.dep_ != "ccomp":
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in
               clause.children):
            continue  # "agreed that the border would be open": a state to bring about
        if lemma(clause) == "be" and not any(c.dep_ == "xcomp" for c in clause.children) or \
                any(c.dep_ == "expl" for c in clause.children):
            return None  # a state or an existence, not an act one undertakes
    return case.entry


def office_taken(case: TypeCase) -> Entry | None:
    """"took over the duties / the role / the presidency": succeeding to an office, no
    seizure (COERCE); taking over a city or a building stays one."""
    obj = case.dobj if case.dobj is not None else case.obj
    if case.entry[0] == "COERCE" and case.lem == "take" and obj is not None and \
            lemma(obj) in lex.OFFICE_NOUNS:
        return None
    return case.entry
