"""Protection as aid. CAMEO 074 "provide military protection or peacekeeping" is PLOVER AID
(CAMEO2PLOVER-2021 gives it the context ``peacekeeping``; PLOVER has no AID modes):
"X is under Y('s) protection", "under the protection of Y", "Y's protection of X", "Y
provides/offers protection to X", "X enjoys Y's protection", "Y protects X". Ending it ("Y
withdrew its protection of X") reduces an existing relation: SANCTION, mode discontinue.

Protection is also a word for rules, products and comfort ("data protection", "consumer
protection law", "protection from the rain", "the law protects journalists"), so an event
is coded only when both the protector and the protected are parties (a named entity, a
pronoun or a people/group noun, see ``is_actor_like`` / ``is_party_like``), and never from a
"protection" that names a domain (a non-party noun premodifier: "data protection") or
that is itself a premodifier ("witness protection program"). The roles are fixed here (the
protected is the one the aid benefits, never the "from X" threat), so the candidates carry
``actor_heads`` / ``recipient_heads``; factuality, attribution and folding (e.g. "vowed to
protect X" is an AGREE) are those of every event.
"""
from __future__ import annotations

from ..common.syntax import passive_agents
from . import lexicon as lex
from .args import modifier_conjuncts, subject_heads
from .candidates import RELATIVE, Candidate, is_actor_like, lemma
from .nominal import is_party_premodifier
from .recipients import is_party_like

CONTEXT_MODE = "peacekeeping"  # turned into the event's context by ``events._build``
# Verbs that end a protection ("withdrew/ended/suspended its protection of X").
_END_VERBS = (lex.STOP_VERBS | lex.CUT_VERBS | frozenset({"withdraw", "lift", "remove"})) - {"call"}


def protection_candidates(sent) -> list[Candidate]:
    """AID (or SANCTION) candidates for protection in one sentence."""
    out = []
    for tok in sent:
        cand = None
        if tok.pos_ == "VERB" and lemma(tok) in lex.PROTECT_VERBS and \
                tok.dep_ not in ("amod", "compound", "nmod"):
            cand = _protect_verb(tok)
        elif tok.pos_ == "NOUN" and lemma(tok) in lex.PROTECTION_NOUNS and \
                tok.dep_ != "compound" and not _domain(tok):
            cand = _protection_noun(tok)
        if cand is not None:
            out.append(cand)
    return out


def _domain(noun) -> bool:
    """"data protection", "consumer protection": a non-party noun premodifier names what
    kind of protection (a field of law or policy), not who protects."""
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" and not is_actor_like(c)
               for c in noun.children)


def _make(anchor, words, actors, protected, etype="AID", mode=CONTEXT_MODE,
          nominal=None) -> Candidate | None:
    actors = [a for a in actors if is_actor_like(a)]
    protected = [p for p in protected if is_party_like(p)]
    if not actors or not protected:
        return None  # no party on one side: a rule, a product or a comfort, not aid
    return Candidate(anchor, etype, mode, list(words), nominal=nominal, actor_heads=actors,
                     recipient_heads=protected)


def _pobjs(holder, preps) -> list:
    return [g for p in holder.children if p.dep_ in ("prep", "dative") and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj"]


def _protect_verb(verb) -> Candidate | None:
    """"Y protects X", "X is protected by Y", "X, protected by Y, ..."."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the rebels protected by Y"
        return _make(verb, [verb], passive_agents(verb), [verb.head])
    actors, passive = subject_heads(verb)
    if passive:
        protected = [verb.head if c.lower_ in RELATIVE and verb.dep_ == "relcl" else c
                     for c in verb.children if c.dep_ == "nsubjpass"]
    else:
        protected = [c for c in verb.children if c.dep_ == "dobj"]
    return _make(verb, [verb], actors, protected)


def _protected_of(verb, deps=("dobj", "nsubjpass", "nsubj")) -> list:
    """Who is under the protection: the object ("placed X under ..."), else the subject of
    the verb the phrase hangs on, inherited through xcomp/conj ("urged the leaders to stay
    under ..." -> the leaders); the head noun of a relative or participial clause."""
    current = verb
    while True:
        for dep in deps:
            kids = [c for c in current.children if c.dep_ == dep]
            if kids:
                if kids[0].lower_ in RELATIVE and current.dep_ == "relcl":
                    return [current.head]
                return kids[:1]
        if current.dep_ in ("relcl", "acl"):
            return [current.head]
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return []
        current = current.head


def _protection_noun(noun) -> Candidate | None:
    protectors = [c for c in noun.children if c.dep_ == "poss" and is_actor_like(c)]
    protectors += [m for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and (
        is_party_premodifier(c) or c.dep_ == "compound" and is_actor_like(c))
        for m in modifier_conjuncts(c) if m.i == c.i or is_party_premodifier(m)]  # "US and UK"
    protectors += [g for g in _pobjs(noun, ("by",))]
    protected = _pobjs(noun, ("for", "to"))
    of_objs = _pobjs(noun, ("of",))
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "under":
        # "under the protection of Y": Y protects; "under Y's protection of X" is rare
        if protectors:
            protected += of_objs
        else:
            protectors = of_objs
        holder = head.head
        if holder.pos_ in ("VERB", "AUX"):  # its clause gives factuality, date, attribution
            protected = protected or _protected_of(holder)
            return _make(holder, [head, noun], protectors, protected, nominal=noun)
        return _make(noun, [head, noun], protectors, protected or [holder], nominal=noun)
    protected += of_objs
    verb = head
    if noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB":
        lem = lemma(verb)
        if lem in lex.PROTECTION_GIVE_VERBS:  # "Y provides protection to X"
            actors, _ = subject_heads(verb)
            protected = protected or _pobjs(verb, ("to", "for")) or \
                [c for c in verb.children if c.dep_ in ("dative", "iobj")]
            return _make(verb, [verb, noun], actors, protected, nominal=noun)
        if lem in lex.PROTECTION_GET_VERBS and noun.dep_ == "dobj":  # "X enjoys Y's ..."
            return _make(verb, [verb, noun], protectors,
                         protected or _protected_of(verb, ("nsubj", "nsubjpass")), nominal=noun)
        if lem in _END_VERBS:  # "Y withdrew its protection of X": relations reduced
            actors, _ = subject_heads(verb)
            protected = protected or _pobjs(verb, ("from", "for", "to"))
            return _make(verb, [verb, noun], actors, protected, "SANCTION", "discontinue",
                         nominal=noun)
    if noun.dep_ == "pobj" and head.lower_ == "with" and \
            lemma(head.head) in lex.PROTECTION_GIVE_VERBS:  # "provided X with protection"
        verb = head.head
        actors, _ = subject_heads(verb)
        return _make(verb, [verb, noun], actors,
                     [c for c in verb.children if c.dep_ == "dobj"], nominal=noun)
    # "Y's protection of X": both parties inside the noun phrase
    return _make(noun, [noun], protectors, protected, nominal=noun)
