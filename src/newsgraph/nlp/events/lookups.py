"""The lexicon look-ups of the type rules' ``verb`` step (``rules.TYPE_RULES``, where their
order is set): verb + particle + object, verb + particle, verb + object head (and the things
given, eased or repressed), verb + prepositional object, verb + preposition, the bare verb.
Each is a ``find``: it returns (type, mode, trigger words) or None."""
from __future__ import annotations

from . import lexicon as lex
from . import patterns as pat
from .candidates import lemma
from .nominal import noun_entry
from .typecase import Entry, TypeCase


def particle_object(case: TypeCase, part) -> Entry | None:
    key = f"{case.lem} {part.lower_}"
    if case.obj is not None and f"{key} {lemma(case.obj)}" in lex.VERB_OBJECT:
        t, m = lex.VERB_OBJECT[f"{key} {lemma(case.obj)}"]
        return t, m, [case.tok, part, case.obj]
    return None


def particle_phrasal(case: TypeCase, part) -> Entry | None:
    key = f"{case.lem} {part.lower_}"
    if key in lex.PHRASAL:
        t, m = lex.PHRASAL[key]
        return t, m, [case.tok, part]
    return None


def object_pair(case: TypeCase, head) -> Entry | None:
    key = f"{case.lem} {lemma(head)}"
    if key in lex.VERB_OBJECT:
        t, m = lex.VERB_OBJECT[key]
        return t, m, [case.tok, head]
    return None


def thing_given(case: TypeCase, head) -> Entry | None:
    hl = pat.given_lemma(head)
    if hl in lex.AID_OBJECTS:
        if case.lem in lex.GIVE_VERBS:
            return "AID", "asylum" if hl == "asylum" else None, [case.tok, head]
        if case.lem in lex.CUT_VERBS:
            return "SANCTION", "discontinue", [case.tok, head]
        if case.lem in lex.SHARE_VERBS:
            return "COOPERATE", None, [case.tok, head]
    return None


def easing(case: TypeCase, head) -> Entry | None:
    noun = noun_entry(head)
    if noun and case.lem in lex.EASE_VERBS and noun[0] in ("COERCE", "SANCTION"):
        return ("CONCEDE" if pat.given_lemma(head) in ("ban", "restriction") else "RETREAT"), \
            "ease", [case.tok, head]
    return None


def repression(case: TypeCase, head) -> Entry | None:
    noun = noun_entry(head)
    if noun and case.lem in lex.REPRESS_VERBS and noun[0] in ("PROTEST",):
        return "COERCE", "restrict", [case.tok, head]
    return None


def prep_object_pair(case: TypeCase) -> Entry | None:
    for prep in case.preps:
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and f"{case.lem} {lemma(pobj)}" in lex.VERB_OBJECT:
                t, m = lex.VERB_OBJECT[f"{case.lem} {lemma(pobj)}"]
                return t, m, [case.tok, prep, pobj]
    return None


def prep_light_noun(case: TypeCase) -> Entry | None:
    if case.lem in lex.PREP_LIGHT_VERBS:
        for prep in case.preps:
            for pobj in prep.children:
                noun = noun_entry(pobj) if pobj.dep_ == "pobj" else None
                if noun:
                    return noun[0], noun[1], [case.tok, pobj]
    return None


def prep_phrasal(case: TypeCase) -> Entry | None:
    for prep in case.preps:
        key = f"{case.lem} {prep.lower_}"
        if any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children):
            continue  # "marched in London on Saturday" is no "march on"
        if key in lex.PHRASAL:
            t, m = lex.PHRASAL[key]
            return t, m, [case.tok, prep]
    return None


def for_clause_phrasal(case: TypeCase) -> Entry | None:
    key = f"{case.lem} for"
    if key not in lex.PHRASAL:
        return None
    for child in case.tok.children:
        if child.dep_ == "advcl" and child.i > case.tok.i:
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ == "for":
                    t, m = lex.PHRASAL[key]
                    return t, m, [case.tok, mark]
    return None


def strike_with_object(case: TypeCase) -> Entry | None:
    if case.lem in lex.VERBS and case.lem == "strike" and case.obj is not None:
        return "ASSAULT", None, [case.tok]
    return None


def protest_with_clause(case: TypeCase) -> Entry | None:
    tok, lem = case.tok, case.lem
    if lem in lex.VERBS and (lem == "protest" and any(c.dep_ in ("ccomp",) for c in tok.children)
                             or lem == "protest" and tok.dep_ in ("parataxis", "ROOT") and
                             any(c.dep_ == "ccomp" for c in tok.children)):
        return "ACCUSE", "disapprove", [tok]
    return None


def bare_verb(case: TypeCase) -> Entry | None:
    if case.lem in lex.VERBS:
        t, m = lex.VERBS[case.lem]
        return t, m, [case.tok]
    return None
