"""Event recipients: the first non-empty tier of objects, prepositional objects, parties
inside a non-party phrase, complement subjects and objects, condition subjects and the
place an act is aimed at (see docs/events.md, "Recipient")."""
from __future__ import annotations

from . import lexicon as lex
from .candidates import (PLACE_TYPES, RECIPIENT_PREPS, RELATIVE, Candidate, conjuncts,
                         is_actor_like, is_named, lemma)
from .nominal import noun_entry
from .senses import is_agent

_NON_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                             "QUANTITY"})
_PLACE_ONLY_PREPS = frozenset({"at", "from", "into", "over"})
_CONDITION_MARKS = frozenset({"if", "unless"})


def _prep_objects(holder, preps=RECIPIENT_PREPS) -> list:
    return [(prep, pobj) for prep in holder.children
            if prep.dep_ in ("prep", "dative") and prep.lower_ in preps
            for pobj in prep.children if pobj.dep_ == "pobj"]


def is_party_like(tok) -> bool:
    """A recipient head: a party (``is_actor_like``) or a noun modified by a nationality or
    country ("Russian civilian advisers", "Palestinian lorries", "Cambodian refugee camp")."""
    if is_actor_like(tok):
        return True
    if tok.pos_ != "NOUN" or noun_entry(tok) is not None:
        return False  # an event noun ("Israeli raids") is not itself a party
    people = tok.tag_ == "NNS" or any(c.dep_ == "compound" and is_actor_like(c)
                                      for c in tok.children)
    return people and any(c.dep_ in ("amod", "compound", "nmod") and
                          c.ent_type_ in ("NORP", "GPE") for c in tok.children)


_TARGET_PREPS = ("against", "over", "about", "on", "at", "of")


def _nationality_modified(tok) -> bool:
    """A party noun that names its party by a nationality or country ("the Libyan ambassador")."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE")
               for c in tok.children)


def _inside(holder) -> list:
    """Parties inside a non-party phrase: possessor or named premodifier ("Sweden's
    decision"), a named apposition ("the opposition newspaper La Prensa"), "by/from/of/for X"
    ("calls by X", "a camp for refugees"), the agent of a participle ("property seized by the
    army")."""
    out = [c for c in holder.children if c.dep_ in ("poss", "compound", "amod", "nmod") and
           (is_named(c) or c.dep_ == "poss" and is_actor_like(c)) and
           c.ent_type_ not in _NON_PARTY_ENTS and c.pos_ != "PRON"]
    # an apposition right after the head (a far one is usually attached to the wrong noun)
    out += [c for c in holder.children if c.dep_ == "appos" and is_named(c)
            and c.ent_type_ not in _NON_PARTY_ENTS and c.left_edge.i <= holder.i + 2]
    out += [pobj for _p, pobj in _prep_objects(holder, ("by", "from", "of", "for"))
            if is_named(pobj) or is_party_like(pobj)]
    for acl in holder.children:
        if acl.dep_ == "acl":
            out += [g for c in acl.children if c.dep_ == "agent" for g in c.children
                    if g.dep_ == "pobj" and is_party_like(g)]
    return out


_YIELD_MODES = frozenset({"withdraw", "resign", "disarm"})


def _yielding_party(noun) -> list:
    """The party that does an intransitive retreat named by an object noun ("the withdrawal
    of Serbian forces", "the resignation of the minister"): the "of" party, or a possessor."""
    entry = noun_entry(noun)
    if entry is None or entry[0] != "RETREAT" or entry[1] not in _YIELD_MODES:
        return []
    found = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    found += [pobj for _p, pobj in _prep_objects(noun, ("of",))]
    return [t for t in found if is_party_like(t)]


_SEND_VERBS = frozenset({"send", "write", "address", "deliver", "hand", "submit", "issue",
                        "publish", "pen"})


def _letter_addressee(verb) -> list:
    """The addressee of a letter that carries the speech act: "sent a letter to X and urged
    ...", "in a letter to X, Y urged ...", "a letter to X urging ...", "wrote to X urging
    ...": the "to" object of the document noun or of the verb that sends it."""
    holders = []  # (document noun or sending verb) that may carry "to X"
    related = [verb]
    if verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.i != verb.i:
        related.append(verb.head)
    related += [c for c in verb.children if c.dep_ == "conj"]
    for tok in related:
        if tok.pos_ in ("NOUN", "PROPN") and lemma(tok) in lex.DOCUMENT_NOUNS:
            holders.append(tok)  # "a letter to X urging ..."
            continue
        docs = [c for c in tok.children if c.dep_ == "dobj" and lemma(c) in lex.DOCUMENT_NOUNS]
        docs += [p for prep, p in _prep_objects(tok, ("in", "through", "via"))
                 if lemma(p) in lex.DOCUMENT_NOUNS]
        holders.extend(docs)
        if docs or tok.i != verb.i and lemma(tok) in _SEND_VERBS:
            holders.append(tok)  # "sent a letter to X", "wrote to X urging"
    return [pobj for h in holders for prep, pobj in _prep_objects(h, ("to",))
            if is_party_like(pobj) or is_named(pobj)]


def _recipient_tiers(cand: Candidate, verb, skip: set[int]) -> list[list]:
    """Recipient candidates of a verb, best tier first (see docs/events.md)."""
    nominal = cand.nominal if cand.nominal is not None and cand.nominal.i != verb.i else None
    is_verb = verb.tag_.startswith("VB") or verb.pos_ in ("VERB", "AUX")
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")
            and (nominal is None or c.i != nominal.i)]
    if not is_verb:
        objs = []
    if lemma(verb) in lex.DEPLOY_VERBS:  # "deployed peacekeepers in X": their own people
        objs = [o for o in objs if o.dep_ != "dobj" or not is_actor_like(o)]
    # a passive subject is acted on, also beside a role noun after "as" ("X was chosen by Y
    # as his running mate"); not beside an event noun ("were engaged in ethnic cleansing")
    as_role = nominal is not None and nominal.dep_ == "pobj" and nominal.head.lower_ == "as"
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"] \
        if is_verb and (nominal is None or as_role) else []
    holders = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    if nominal is not None:
        holders.append(nominal)
    # "in protest against X", "in retaliation for X", "in defiance of X": the purpose
    # noun's objects
    purpose = [pobj for h in list(holders) for prep, pobj in _prep_objects(h, ("in",))
               if lemma(pobj) in lex.PURPOSE_NOUNS]
    holders += purpose
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
            if prep.lower_ not in ("of", "about") or holder in purpose:
                preps.append(pobj)
    if cand.type == "ACCUSE" and targets:
        # "complained to the UN over Israeli raids": the one complained about, not the audience
        preps = [t for t in targets if is_party_like(t)]
    inside = []  # "rejected North Korea's demand", "rejected calls by X", "a US offer"
    for holder in passive + objs + ([nominal] if nominal is not None else []) + \
            [p for p in preps if not is_party_like(p)] + [t for t in targets if t not in preps]:
        if not is_party_like(holder) or holder in objs + passive and not is_named(holder):
            inside.extend(_inside(holder))
    named_objs = [o for o in objs if is_named(o) or is_party_like(o) and (
        not is_actor_like(o) or _nationality_modified(o))]  # "the Libyan ambassador"
    # "demanded the withdrawal of Serbian forces": who is to withdraw is the one asked
    agents = [a for o in objs for a in _yielding_party(o)]
    return [passive + named_objs + agents, [p for p in preps if is_named(p)],
            [o for o in objs if o not in named_objs], [p for p in preps if not is_named(p)],
            inside]


_COMPLEMENT_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "AGREE",
                               "CONCEDE"})


def _clauses_of(verb) -> list:
    """Complement and purpose clauses of a verb: ccomp/xcomp, "to"-purpose clauses, a
    "to"-clause on its object ("began a strike to protest X") and the "that"/"to" clause of
    a content noun it takes as object or prepositional object ("insisted on its demand that
    X ...", "repeated its call for X to ...")."""
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")
             or c.dep_ == "advcl" and any(m.lower_ == "to" for m in c.children)]
    comps += [c for o in verb.children if o.dep_ == "dobj" for c in o.children
              if c.dep_ in ("acl", "relcl") and any(m.lower_ == "to" for m in c.children)]
    nouns = [o for o in verb.children if o.dep_ == "dobj"]
    nouns += [pobj for prep in verb.children if prep.dep_ == "prep"
              for pobj in prep.children if pobj.dep_ == "pobj"]
    comps += [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp") and
              any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return comps


def _complement_tiers(cand: Candidate, verb, skip: set[int], depth: int = 2) -> list[list]:
    """Recipients inside the complement: its own subject ("demanded that X ..."), or the
    parties inside a subject that is no party ("demanded that its EU partners ..."), then the
    objects of the complement verb ("threatened to cut off power to X"); then, one level
    down, the complements of the complement ("refused to allow UN planes to land")."""
    tiers: list[list] = []
    comps = _clauses_of(verb)
    if cand.content is not None and cand.content.anchor not in comps:
        # a content noun goes after the clauses ("demanded that X match Y's support")
        noun = cand.content.anchor.pos_ in ("NOUN", "PROPN")
        comps.insert(len(comps) if noun else 0, cand.content.anchor)
    deeper: list[list] = []
    for comp in comps:
        subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and cand.type in _COMPLEMENT_TYPES:
            tiers.append(subj[:1])
            if not is_party_like(subj[0]):
                tiers.append(_inside(subj[0]))
        obj_cands = [c for c in comp.children if c.dep_ == "dobj"]
        content = cand.content is not None and cand.content.anchor.i == comp.i
        sub = Candidate(comp, cand.content.type if content else cand.type, None, [comp],
                        nominal=obj_cands[0] if cand.content is not None and
                        cand.content.nominal is not None and obj_cands and
                        cand.content.nominal.i == obj_cands[0].i else None)
        tiers.extend(_recipient_tiers(sub, comp, skip))
        if depth > 1 and comp.pos_ in ("VERB", "AUX", "ADJ"):
            deeper.extend(_complement_tiers(Candidate(comp, sub.type, None, [comp]), comp,
                                            skip, depth - 1))
    return tiers + deeper


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
    from .context import event_clause_tokens as clause_tokens

    tokens = clause_tokens(verb)
    if content is not None and content.anchor.i != verb.i:
        tokens += clause_tokens(content.anchor)
    for comp in verb.children:
        if comp.dep_ == "xcomp" and (content is None or comp.i != content.anchor.i):
            tokens += clause_tokens(comp)
    for tok in tokens:
        if tok.ent_type_ in ("GPE", "LOC") and tok.i not in skip and tok.dep_ in ("pobj", "dobj", "poss"):
            if tok.ent_iob_ == "B" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
                continue  # take the last token of a multi-word name (its head)
            return [tok]
    return []


def recipient_heads(cand: Candidate, actor_heads: list) -> list:
    """Recipient heads of a verbal event: the first non-empty tier of (1) named objects and
    passive subjects (and who is to withdraw in "demanded the withdrawal of X"), (2) named
    objects of with/to/against/on/... on the verb, its object or its event noun, (2b) for
    speech acts, the addressee of the letter that carries them, (3) unnamed party objects,
    (4) unnamed party prepositional objects, (5) parties inside the object noun phrase
    ("North Korea's demand", "calls by X"), (6) the complement's subject and objects, then
    those of the complement's complement, (7) the subject of an if/unless condition, (8) a
    place (country, city or region) in the clause. Nothing inside the actor's own phrase
    counts."""
    verb = cand.anchor
    skip = {t.i for a in actor_heads for t in conjuncts(a)}
    # nothing inside the actor's own phrase ("opposition parties in Nepal", "Nicaragua's
    # government") is the one acted on; a relative clause's head noun holds the verb itself
    own = {t.i for t in verb.subtree}
    for head in actor_heads:
        phrase = {t.i for t in head.subtree}
        skip |= phrase - own if verb.i in phrase else phrase
    skip.add(verb.i)
    for word in cand.words:  # "declared a state of emergency": the framing "state" is no party
        tok = word.head
        while tok.i != verb.i and tok.head.i != tok.i and word.i != verb.i:
            skip.add(tok.i)
            tok = tok.head
    tiers = _recipient_tiers(cand, verb, skip)
    if cand.type in lex.CONTENT_TYPES:  # the addressee of a letter, before unnamed objects
        tiers.insert(2, _letter_addressee(verb))
    tiers += _complement_tiers(cand, verb, skip)
    tiers.append(_condition_subjects(verb))
    # people named by a noun the party lists miss ("thanked volunteers across London"): the
    # object acted on, before a place in the clause
    tiers.append([c for c in verb.children if c.dep_ == "dobj" and is_agent(c)]
                 if cand.type != "MOBILIZE" else [])  # forces moved are one's own
    # a meeting's venue is its place, not a party met ("X and Y met in Cairo")
    tiers.append(_place_fallback(verb, skip, cand.content) if cand.type != "CONSULT" or
                 cand.mode == "visit" else [])
    for n, tier in enumerate(tiers):
        if n == len(tiers) - 2:  # the agent objects: is_agent, not is_party_like, decides
            picks = [t for t in tier if t.i not in skip and t.lower_ not in RELATIVE]
            if picks:
                return picks
            continue
        picks = [t for t in tier if t is not None and t.i not in skip and
                 t.lower_ not in RELATIVE and t.ent_type_ not in _NON_PARTY_ENTS and
                 is_party_like(t)]
        if picks:
            seen, out = set(), []
            for t in picks:
                if t.i not in seen:
                    seen.add(t.i)
                    out.append(t)
            return out
    return []
