"""The event lexicon: English verbs, phrasal verbs, verb + object pairs and event nouns
mapped to the 16 PLOVER event types (with a mode where the word makes it clear), and the
word lists of the general rules. The words are data, read once at import:

- ``data/event_verbs.yaml`` (``VERBS``), ``data/event_phrasal_verbs.yaml`` (``PHRASAL``),
  ``data/event_verb_objects.yaml`` (``VERB_OBJECT``), ``data/event_nouns.yaml`` (``NOUNS``):
  PLOVER type -> entries, each ``word`` or ``word/mode``; read by ``load_type_table`` as
  word -> (type, mode).
- ``data/event_words.yaml``: list name -> words (``LIGHT_VERBS``, ``ACTOR_NOUNS``, ...), read
  by ``load_word_lists``.

Files are read by ``newsgraph.data.load_yaml`` (a key given twice is an error); a word
listed twice, or under two types, is an error naming the file and the word (see
docs/events.md, "Lexicon format"). Written by us from the PLOVER type definitions.
"""
from __future__ import annotations

from pathlib import Path

from ...data import DataError, load_yaml, unique_words, where

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

LexEntry = tuple[str, "str | None"]  # (PLOVER type, mode)


def load_type_table(name: str | Path) -> dict[str, LexEntry]:
    """A PLOVER type table (a bundled ``data/`` file name, or a path): type -> entries
    ``word`` or ``word/mode``, as word -> (type, mode). An unknown type, a word listed twice
    or under two types is a ``DataError`` naming the file and the word."""
    data, file = load_yaml(str(name)), where(name)
    if not isinstance(data, dict):
        raise DataError(f"{file}: expected a mapping of PLOVER type -> entries")
    table: dict[str, LexEntry] = {}
    for etype, items in data.items():
        if etype not in PLOVER_TYPES:
            raise DataError(f"{file}: unknown PLOVER type {etype!r}")
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise DataError(f"{file}: {etype} must be a list of words (quote yes/no/on/off)")
        for item in items:
            word, _, mode = item.partition("/")
            word = word.strip().lower()
            if word in table:
                types = " and ".join(dict.fromkeys([table[word][0], etype]))
                raise DataError(f"{file}: {word!r} is listed twice (under {types})")
            table[word] = (etype, mode.strip() or None)
    return table


def load_word_lists(name: str | Path) -> dict[str, frozenset[str]]:
    """Word lists (a bundled ``data/`` file name, or a path): list name -> words, as sets; a
    word listed twice in one list is a ``DataError`` naming the file, the list and the word."""
    data, file = load_yaml(str(name)), where(name)
    if not isinstance(data, dict):
        raise DataError(f"{file}: expected a mapping of list name -> words")
    lists = {}
    for key, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataError(f"{file}: {key} must be a list of words (quote yes/no/on/off)")
        lists[key] = unique_words(words, f"{file} {key}")
    return lists


VERBS = load_type_table("event_verbs.yaml")
PHRASAL = load_type_table("event_phrasal_verbs.yaml")  # verb + particle / preposition
VERB_OBJECT = load_type_table("event_verb_objects.yaml")  # verb + head lemma of its object
NOUNS = load_type_table("event_nouns.yaml")
_WORDS = load_word_lists("event_words.yaml")

LIGHT_VERBS = _WORDS["light_verbs"]
GENERIC_HEADS = _WORDS["generic_heads"]
AID_OBJECTS = _WORDS["aid_objects"]
GIVE_VERBS = _WORDS["give_verbs"]
CUT_VERBS = _WORDS["cut_verbs"]
SHARE_VERBS = _WORDS["share_verbs"]
EASE_VERBS = _WORDS["ease_verbs"]
REPRESS_VERBS = _WORDS["repress_verbs"]
PROTECT_VERBS = _WORDS["protect_verbs"]
PROTECTION_NOUNS = _WORDS["protection_nouns"]
PROTECTION_GIVE_VERBS = GIVE_VERBS | _WORDS["protection_give_verbs"]
PROTECTION_GET_VERBS = _WORDS["protection_get_verbs"]
HAPPEN_VERBS = _WORDS["happen_verbs"]
PASS_THROUGH = _WORDS["pass_through"]
STOP_VERBS = _WORDS["stop_verbs"]
INTENT_ADJECTIVES = _WORDS["intent_adjectives"]
INTENT_VERBS = _WORDS["intent_verbs"]
TERROR_WORDS = _WORDS["terror_words"]
DESIGNATE_VERBS = _WORDS["designate_verbs"]
ACTOR_NOUNS = _WORDS["actor_nouns"]
PURPOSE_NOUNS = _WORDS["purpose_nouns"]
DEPLOY_VERBS = _WORDS["deploy_verbs"]
DOCUMENT_NOUNS = _WORDS["document_nouns"]
VERDICT_VERBS = _WORDS["verdict_verbs"]
VERDICT_AS_VERBS = _WORDS["verdict_as_verbs"]
JUDGED_ACT_NOUNS = _WORDS["judged_act_nouns"]
ACCEPT_VERBS = _WORDS["accept_verbs"]
PREP_LIGHT_VERBS = _WORDS["prep_light_verbs"]
MOVE_VERBS = _WORDS["move_verbs"]
MILITARY_NOUNS = _WORDS["military_nouns"]
EXERCISE_NOUNS = _WORDS["exercise_nouns"]
JOINT_WORDS = _WORDS["joint_words"]
ORDER_VERBS = _WORDS["order_verbs"]
CIVILIAN_NOUNS = _WORDS["civilian_nouns"]
MASS_WORDS = _WORDS["mass_words"]
EXPEL_VERBS = _WORDS["expel_verbs"]
# sense and party checks (``senses``)
NATURAL_CAUSES = _WORDS["natural_causes"]
AGENT_NOUNS = _WORDS["agent_nouns"]
PARTY_NOUNS = ACTOR_NOUNS | AGENT_NOUNS  # every noun that can head a party
WEAPON_NOUNS = _WORDS["weapon_nouns"]
INFORMATION_NOUNS = _WORDS["information_nouns"]
DENIED_OBJECTS = _WORDS["denied_objects"]
DENY_VERBS = _WORDS["deny_verbs"]
UNSUPPORTED_OBJECTS = _WORDS["unsupported_objects"]
MEDIA_NOUNS = _WORDS["media_nouns"]
PURPOSE_HEADS = _WORDS["purpose_heads"]
ACT_NOUNS = _WORDS["act_nouns"]
PURPOSE_PARTICIPLES = _WORDS["purpose_participles"]
CASUALTY_VERBS = _WORDS["casualty_verbs"]
EMERGENCY_VERBS = _WORDS["emergency_verbs"]
LEGISLATURE_NOUNS = _WORDS["legislature_nouns"]
ORDER_DOCUMENTS = _WORDS["order_documents"]
PATIENT_NOUNS = _WORDS["patient_nouns"]
FORCE_MOVING_VERBS = _WORDS["force_moving_verbs"]
MEET_THING_WORDS = _WORDS["meet_thing_words"]
BULLETIN_NOUNS = _WORDS["bulletin_nouns"]
COURT_WORDS = _WORDS["court_words"]
HABIT_ADVERBS = _WORDS["habit_adverbs"]
ADMITTED_OBJECTS = _WORDS["admitted_objects"]
VERBAL_ATTACK_VERBS = _WORDS["verbal_attack_verbs"]
VERBAL_TARGETS = _WORDS["verbal_targets"] | ACT_NOUNS | UNSUPPORTED_OBJECTS | DENIED_OBJECTS | \
    INFORMATION_NOUNS
SPEECH_NOUNS = _WORDS["speech_nouns"]
VERBAL_MANNER = _WORDS["verbal_manner"]
PERMIT_VERBS = _WORDS["permit_verbs"]
VEHICLE_NOUNS = _WORDS["vehicle_nouns"]
DISEASE_NAMES = _WORDS["disease_names"]
PREVENT_FROM_VERBS = _WORDS["prevent_from_verbs"]
ADVICE_VERBS = _WORDS["advice_verbs"]
OFFICE_NOUNS = _WORDS["office_nouns"]
INDIVIDUAL_NOUNS = _WORDS["individual_nouns"]

# Hostile content turns an intent into a threat; preparation for it is MOBILIZE.
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                               "AGREE"})

# Types whose complement is their content: the embedded event is not coded separately.
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT",
                           "CONCEDE"})

KNOWN_VERBS = frozenset(VERBS) | LIGHT_VERBS | {k.split()[0] for k in PHRASAL} | \
    {k.split()[0] for k in VERB_OBJECT}


def lexicon_size() -> dict[str, int]:
    """How many entries each table has (for the docs and a sanity test)."""
    return {"verbs": len(VERBS), "phrasal": len(PHRASAL), "verb_object": len(VERB_OBJECT),
            "nouns": len(NOUNS)}
