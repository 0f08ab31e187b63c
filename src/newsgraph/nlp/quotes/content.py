"""The reported content of a cue verb, from the dependency parse.

In order: a clause after the verb (``said (that) …``, also hung on a medium noun: ``warned in
an open letter that …``); a clause before it (``…, X said``); a framing of the object
(``called the deal "a betrayal"``, ``described the fire as "a tragedy"``, ``called on X to …``,
``called for X to be …``); the object of an object-complement verb (``urged X to …``,
``accused X of …``) or the noun-phrase claim of a claim verb (``confirmed the deaths``); the
clause a finite parenthetical cue stands in (``X happened, officials said``).
"""
from __future__ import annotations

from ..common.reporting import reporting_verb
from ..common.words import lemma as base_form
from .lexicon import (APPEAL_PREPS, DOCUMENT_NOUNS, FINDING_SUBJECTS, FINDING_VERBS, FRAMING,
                      FRAMING_AS, FRAMING_COMPLEMENT)
from .speakers import NP_CONTENT, OBJECT_COMPLEMENT

_CLAUSE_DEPS = ("ccomp",)
_TRIM = set(".,;:!?—–-") | {"that"}
_TRAILING = {"and", "but", "while", "whereas"}
_FINITE = ("VBD", "VBZ", "VBP")
_SENTENCE_END = set(".!?")


def chars(tokens) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def trim(tokens):
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].text.lower() in _TRIM or toks[0].is_space or
                    toks[0].dep_ == "mark" and toks[0].text.lower() in ("that", "whether", "if")):
        toks.pop(0)
    while toks and (toks[-1].text in _TRIM or toks[-1].is_space or toks[-1].lower_ in _TRAILING):
        toks.pop()
    return toks


def _contiguous(tokens, anchor):
    """The run of consecutive token indices around ``anchor``."""
    idx = {t.i for t in tokens}
    lo = hi = anchor.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def _span(first, last):
    """The tokens from ``first`` to ``last`` inclusive, trimmed."""
    return trim(list(first.doc[first.i:last.i + 1])) or None


def medium_pp(tok) -> bool:
    return tok.dep_ == "prep" and tok.text.lower() in ("in", "on", "via") and any(
        c.dep_ == "pobj" and c.text.lower() in ("statement", "letter", "tweet", "interview",
                                                 "twitter", "speech", "video", "conference",
                                                 "release", "message", "post")
        for c in tok.children)


def framing_verb(tok) -> str | None:
    """The lemma when ``tok`` frames its object as reported words ("called", "described")."""
    lem = base_form(tok)
    return lem if lem in FRAMING or lem in APPEAL_PREPS else None


def finding_verb(tok) -> str | None:
    """The lemma when ``tok`` reports a document's finding ("the study found that ..."): a
    finding verb with a clause, whose subject is a document or an inquiry."""
    lem = base_form(tok)
    if lem not in FINDING_VERBS or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    noun = base_form(subj).lower()
    return lem if noun in DOCUMENT_NOUNS or noun in FINDING_SUBJECTS else None


def finite(verb) -> bool:
    """A finite verb or one with a finite auxiliary ("said", "has said", "will say")."""
    return verb.tag_ in _FINITE or verb.tag_ == "MD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE + ("MD",) for c in verb.children)


def _framing(verb, lemma: str):
    """``V X as Y`` / ``V X Y`` / ``V on X to Y`` / ``V for X``: the framed object with its
    complement, or None when the complement is missing (a mere topic: "described the
    scene")."""
    right = [c for c in verb.children if c.i > verb.i]
    obj = next((c for c in right if c.dep_ in ("dobj", "obj")), None)
    if lemma in FRAMING_AS:
        as_pp = next((c for c in right if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_pp is None and obj is not None:  # the parse may hang "as …" on the object
            as_pp = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"),
                         None)
        if as_pp is not None and obj is not None and obj.i < as_pp.i:
            return _span(obj.left_edge, as_pp.right_edge)
        if as_pp is not None and obj is None and verb.dep_ == "relcl":
            # "which the agency describes as 'unlawful'": the object is the relative pronoun
            rest = [t for t in as_pp.subtree if t.i != as_pp.i]
            return trim(rest) or None
    if lemma in FRAMING_COMPLEMENT and obj is not None:
        comp = next((c for c in right if c.dep_ in ("oprd", "ccomp", "xcomp") and c.i > obj.i),
                    None)
        if comp is not None and lemma != "call" or comp is not None and comp.dep_ == "oprd":
            return _span(obj.left_edge, comp.right_edge)
    preps = APPEAL_PREPS.get(lemma)
    if preps:
        for child in right:
            xcomp = next((c for c in right if c.dep_ == "xcomp" and c.i > child.i), None)
            if child.dep_ == "prep" and child.lower_ in preps and xcomp is not None and \
                    any(g.dep_ == "pobj" for g in child.children):
                # "called on the council to act"; a bare noun ("called for protests") is a
                # demand named, not words reported
                return _span(child.doc[child.i + 1], xcomp.right_edge)
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in preps
                                             for g in child.children):
                return trim([t for t in child.subtree if t.dep_ != "mark" or t.head.i != child.i])
    return None


def _opens_sentence(verb) -> bool:
    """The cue's clause starts a new sentence ('… was called "swine flu." The government
    ordered …'), so a clause before it is not its content."""
    first = verb.i
    for tok in verb.children:
        if tok.i < verb.i and tok.dep_ not in _CLAUSE_DEPS + ("punct",):
            first = min(first, tok.left_edge.i)
    k = first - 1
    while k >= 0 and (verb.doc[k].is_quote or verb.doc[k].is_space):
        k -= 1
    return k >= 0 and verb.doc[k].text in _SENTENCE_END


def _clause_before(verb):
    """"X happened, officials said" / "The driver, police said, was unharmed": the clause a
    finite parenthetical cue stands in, or None (a participle names no such clause: "he was
    involved in research, observing a test"; nor does a clause that ended before the cue)."""
    if not (verb.dep_ in ("parataxis", "ccomp", "advcl") and
            (verb.i > verb.head.i or verb.dep_ == "parataxis") and
            verb.head.pos_ in ("VERB", "AUX") and not reporting_verb(verb.head)):
        return None
    if not finite(verb):
        return None
    if _opens_sentence(verb):
        return None
    own = {t.i for t in verb.subtree}
    head_toks = [t for t in verb.head.subtree if t.i not in own]
    after = [t for t in head_toks if t.i > verb.i and not t.is_punct]
    toks = list(verb.head.subtree) if after else head_toks
    return trim(toks) or None


def _objects(verb, lemma: str):
    """The object-complement or noun-phrase content, or None."""
    objs = [c for c in verb.children if c.i > verb.i and not medium_pp(c) and (
        c.dep_ in ("dobj", "xcomp", "prep", "dative", "obj") or c.dep_ == "advcl" and
        any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))]
    if lemma in OBJECT_COMPLEMENT:
        # "urged X to …" (the parse may hang the infinitive on the verb as a clause of
        # purpose), "accused X of …" (or hang "of …" on X)
        if not any(c.dep_ in ("xcomp", "prep", "advcl") for c in objs) and not any(
                c.dep_ == "dobj" and any(g.dep_ in ("acl", "prep") for g in c.children)
                for c in objs):
            return None
    else:  # a claim: "confirmed the deaths", "reported seeing smoke" (not "on Sunday")
        objs = [c for c in objs if c.dep_ == "dobj" or c.dep_ == "xcomp" and c.tag_ == "VBG"]
        if not objs:
            return None
    toks = trim([t for c in objs for t in c.subtree])
    return _contiguous(toks, toks[0]) if toks else None


def one_sentence(content):
    """The content up to the first sentence end in it ('… victims[.]" She went on …'): the
    parse sometimes runs a clause into the next sentence."""
    toks = sorted(content, key=lambda t: t.i)
    marks = 0
    for n, tok in enumerate(toks):
        marks += tok.is_quote
        if tok.text not in _SENTENCE_END or marks % 2:
            continue  # a full stop inside quoted words does not end the report
        k = n + 1
        while k < len(toks) and (toks[k].is_quote or toks[k].text in "])" or toks[k].is_space):
            k += 1
        if k < len(toks) and toks[k].text[:1].isupper():
            return toks[:n + 1]
    return toks


def content_of(verb, lemma: str):
    """Tokens of the reported content of a cue verb, or None."""
    found = _content_of(verb, lemma)
    if not found:
        return found
    first = min(t.i for t in found)
    if first > verb.i and any(t.text in _SENTENCE_END for t in verb.doc[verb.i + 1:first]):
        return None  # the parse ran the cue into the next sentence: "said[.] She went on …"
    return one_sentence(found)


def _content_of(verb, lemma: str):
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    right = [c for c in clauses if c.i > verb.i]
    left = [c for c in clauses if c.i < verb.i]
    framed = lemma in FRAMING or lemma in APPEAL_PREPS
    small = [c for c in right if c.pos_ in ("ADJ", "NOUN", "PROPN")]
    if lemma == "call" and small and any(g.dep_ == "nsubj" for g in small[0].children):
        # "called the deal lousy" parsed as a verbless clause
        return trim(list(small[0].subtree)) or None
    if framed and not (lemma in FRAMING_COMPLEMENT and right and lemma != "call"):
        return _framing(verb, lemma)
    if not right:
        # "warned in an open letter that …": the parse hangs the clause on the medium noun
        for pp in verb.children:
            if medium_pp(pp):
                for pobj in pp.children:
                    right += [c for c in pobj.children if c.dep_ in ("relcl", "acl")
                              and c.left_edge.text.lower() == "that"]
    if right:
        toks = [t for c in right for t in c.subtree]
        return _contiguous(trim(toks), right[0]) if trim(toks) else None
    if left and not _opens_sentence(verb):
        toks = trim(list(left[0].subtree))
        return _contiguous(toks, left[0]) if toks else None
    if lemma in OBJECT_COMPLEMENT or lemma in NP_CONTENT:
        found = _objects(verb, lemma)
        if found:
            return found
    return _clause_before(verb)
