"""General rules that choose or correct an event's TYPE from its syntax, applied to the
trigger entries of ``event_triggers`` (see docs/events.md, "Type rules").

- "called/pressed/appealed for X to do Y": spaCy makes "for" the marker of an adverbial
  clause, not a preposition of the verb; the phrasal entry ("call for") still applies.
- Movement verbs whose mover is a military force ("troops arrived in X") are deployments
  (MOBILIZE), not CONSULT visits.
- "mobilize" with an object that is no force (supporters, pressure groups, resources) is no
  military mobilisation; "help (to) do X" is X when X is itself a trigger.
- Military exercises are MOBILIZE when one side holds them and COOPERATE when they are joint
  (a "joint" exercise, coordinated holders, or "with X"), as the PLOVER definitions say.
- "X-ing ... is out of the question": the act is refused (REJECT).
- Expelling or forcing out civilians en masse (a number of 100 or more, "thousands of
  villagers") is mass expulsion (CAMEO 201: ASSAULT, cleansing); expelling an organisation
  or officials stays SANCTION (expel).
"""
from __future__ import annotations

from . import lexicon as lex
from .candidates import lemma

# Movement verbs coded as visits in the lexicon.
MOVE_VERBS = frozenset("arrive go come travel fly land reach enter return".split())

# Heads naming armed forces, their units and vehicles (a mover or a mobilised thing).
MILITARY_NOUNS = frozenset("""
troop force soldier army navy warship ship vessel fleet marine paratrooper battalion brigade
regiment division unit contingent detachment squadron convoy tank peacekeeper deployment
reinforcement reservist reserve militia militiaman police policeman guard gendarme commando
sailor airman airmen aircraft jet plane helicopter bomber fighter missile weapon artillery
submarine destroyer frigate carrier infantry cavalry personnel
""".split())

# Nouns of military exercises (MOBILIZE in the noun table; COOPERATE when joint).
EXERCISE_NOUNS = frozenset("exercise drill maneuver manoeuvre game".split())
JOINT_WORDS = frozenset("joint combined bilateral multinational trilateral".split())

# Verbs whose object, when it is an event noun, is the act ordered ("ordered patrols",
# "ordered the release of X"): an order by an authority over its own forces is that act.
ORDER_VERBS = frozenset("order authorize authorise command".split())


def for_clause_phrasal(tok, lem: str):
    """"called for Israel to withdraw": the phrasal "call for" over a for-marked clause."""
    key = f"{lem} for"
    if key not in lex.PHRASAL:
        return None
    for child in tok.children:
        if child.dep_ == "advcl" and child.i > tok.i:
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ == "for":
                    t, m = lex.PHRASAL[key]
                    return t, m, [tok, mark]
    return None


def _military(tok) -> bool:
    lem = lemma(tok)
    if lem in MILITARY_NOUNS or tok.lower_.rstrip("s") in MILITARY_NOUNS:
        return True
    return False


def _mover(verb):
    """The subject of a movement verb, or the force inside it ("the deployment of troops")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if _military(subj):
        return subj
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and _military(pobj):
                    return subj
    return None


# Civilians driven out en masse (CAMEO 201 "engage in mass expulsion": ASSAULT, cleansing).
CIVILIAN_NOUNS = frozenset("""refugee resident villager civilian inhabitant family people
population farmer peasant settler minority tribesman""".split())
MASS_WORDS = frozenset("hundreds thousands tens dozens millions".split())
EXPEL_VERBS = frozenset("expel evict".split())


def _mass_of_civilians(obj) -> bool:
    """"more than 1,000 Palestinian refugees", "thousands of villagers"."""
    head = obj
    if obj.lower_ in MASS_WORDS:
        inner = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"), None)
        return inner is not None and lemma(inner) in CIVILIAN_NOUNS
    if lemma(head) not in CIVILIAN_NOUNS or head.tag_ not in ("NNS", "NNPS"):
        return False
    for num in head.children:
        if num.dep_ == "nummod":
            digits = num.text.replace(",", "")
            if digits.isdigit() and int(digits) >= 100 or num.lower_ in MASS_WORDS or \
                    num.lower_ in ("hundred", "thousand", "million"):
                return True
    return False


def mass_expulsion(tok, entry):
    """Expelling or forcing out civilians en masse is ASSAULT (cleansing); organisations,
    inspectors, diplomats stay SANCTION (expel)."""
    etype, mode, words = entry
    if mode == "expel" or lemma(tok) in EXPEL_VERBS:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and _mass_of_civilians(obj):
            return "ASSAULT", "cleansing", words
    return entry


def refine_verb_entry(tok, entry):
    """Correct the type of a verb entry by its arguments; None drops it."""
    for rule in (military_movement, non_military_mobilization, help_with_content,
                 mass_expulsion):
        if entry is None:
            return None
        entry = rule(tok, entry)
    return entry


def military_movement(tok, entry):
    """"troops arrived in X": a deployment (MOBILIZE), not a visit."""
    etype, mode, words = entry
    if etype == "CONSULT" and mode == "visit" and lemma(tok) in MOVE_VERBS and \
            _mover(tok) is not None:
        return "MOBILIZE", "troops", words
    return entry


def non_military_mobilization(tok, entry):
    """"mobilized pressure groups / resources / support" is no military mobilisation."""
    if entry[0] == "MOBILIZE" and lemma(tok) in ("mobilize", "mobilise"):
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and not _military(obj):
            return None
    return entry


def help_with_content(tok, entry):
    """"help support X": the supporting is the event, not the help."""
    if entry[0] == "AID" and lemma(tok) == "help":
        for child in tok.children:
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
                from .triggers import verb_entry
                if verb_entry(child) is not None:
                    return None
    return entry


def joint_exercise(noun, verb=None) -> bool:
    """A joint exercise: "joint/combined" on the noun, coordinated holders ("French and
    Egyptian warships", "X and Y held ..."), or "with X" on the noun or the verb."""
    if lemma(noun) not in EXERCISE_NOUNS:
        return False
    if lemma(noun) == "game" and not any(lemma(c) == "war" for c in noun.children):
        return False
    if any(c.lower_ in JOINT_WORDS for c in noun.children if c.dep_ in ("amod", "compound")):
        return True
    holders = [noun, verb] if verb is not None else [noun]
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj"
                                                               for g in c.children):
                return True
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if any(c.dep_ == "conj" for c in subj.children):
                return True
            for mod in subj.children:
                if mod.dep_ in ("amod", "compound", "nmod") and \
                        any(c.dep_ == "conj" for c in mod.children):
                    return True
    return False


def ruled_out(anchor) -> bool:
    """"removing the sanctions is out of the question": the act is the subject of a copula
    whose predicate is "out of the question"."""
    if anchor.dep_ not in ("csubj", "nsubj") or lemma(anchor.head) != "be":
        return False
    for c in anchor.head.children:
        if c.lower_ == "out":
            words = [t.lower_ for t in c.subtree]
            if "question" in words:
                return True
    return False

