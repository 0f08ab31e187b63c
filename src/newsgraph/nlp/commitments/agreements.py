"""Agreements for ``commitments.v1``.

A noun such as deal/agreement/accord/treaty/pact is an agreement mention; its parties come
from actor premodifiers ("the US-Taliban deal"), "between X and Y", "X's deal with Y" /
"their deal with Y"; its date from a timex inside the phrase ("of February 2020", "signed in
..."). Mentions with the same parties merge; a mention with no parties ("the agreement")
joins the nearest agreement before it (else the only one). The stable id is
``"<PARTY>–<PARTY> agreement <YYYY-MM>"`` with parties sorted.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Document
from ..common.actor_index import ActorIndex
from ..common.syntax import subject_of
from ..common.words import is_word
from .lexicon import words

AGREEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "accords", "treaty", "pact",
                             "memorandum", "settlement", "deals", "agreements"})


@dataclass
class Agreement:
    parties: list[str]
    date: str | None
    texts: list[str] = field(default_factory=list)
    tokens: list[int] = field(default_factory=list)
    kind: str = "agreement"
    first: int = 0

    def key(self, index: ActorIndex) -> str:
        codes = sorted(_party_code(index, p) for p in self.parties)
        name = "–".join(codes) + " " if codes else ""
        return f"{name}{self.kind}" + (f" {self.date[:7]}" if self.date else "")


def _party_code(index: ActorIndex, ident: str) -> str:
    ent = index.by_id.get(ident)
    if ent is None:
        return ident
    return ent.kb_id or (ent.code.split()[0] if ent.code else ent.name)


def infinitive(tok, deps: tuple[str, ...]):
    """The to-infinitive hung on ``tok`` by one of ``deps`` ("an agreement to build"), or None."""
    return next((c for c in tok.children if c.dep_ in deps and c.tag_ == "VB" and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def _agreement_mention(doc: Document, index: ActorIndex, noun):
    parties: list[str] = []
    for left in noun.lefts:
        if left.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod"):
            for t in left.subtree:
                ent = index.entity(t)
                if ent is not None and ent.type in ("ORG", "GPE", "PERSON", "NORP") and ent.id not in parties:
                    parties.append(ent.id)
    holders = [noun] + [c for c in noun.children if c.dep_ == "acl"]
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "with", "among"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        for e in index.actors(pobj):
                            if e.id not in parties:
                                parties.append(e.id)
    signed = noun.dep_ == "dobj" and is_word(noun.head, words()["sign_verbs"])
    if signed:
        # "Russia and Zenda signed an agreement": the signatories are its parties
        subj = subject_of(noun.head).token
        for e in index.actors(subj) if subj is not None else ():
            if e.id not in parties:
                parties.append(e.id)
    # what the agreement provides ("an agreement to build the pipeline by 2025") holds the
    # provision's deadline, not the agreement's date
    provided = infinitive(noun, ("acl", "relcl"))
    skip = {t.i for c in noun.children
            if c.dep_ in ("relcl", "ccomp") or provided is not None and c.i == provided.i
            for t in c.subtree}
    toks = [t for t in noun.subtree if t.i not in skip]
    dated = list(toks)
    if signed:  # "signed the accord in March 2020": the signing's time is the agreement's
        dated += [t for c in noun.head.children if c.dep_ in ("prep", "npadvmod")
                  for t in c.subtree]
    date = None
    spans = [(t.idx, t.idx + len(t)) for t in dated]
    for tx in doc.timexes:
        if tx.type == "DATE" and tx.value and not tx.value.endswith("_REF") \
                and any(s < tx.end and tx.start < e for s, e in spans):
            date = tx.value
            break
    kind = "peace agreement" if any(t.lower_ == "peace" for t in noun.lefts) else "agreement"
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    return parties, date, kind, doc.text[start:end]


def find_agreements(doc: Document, index: ActorIndex) -> tuple[list[Agreement], dict[int, Agreement]]:
    """Agreements of the document, merged across mentions, and token index -> agreement."""
    mentions = []
    for tok in doc.nlp:
        if tok.pos_ == "NOUN" and tok.lower_ in AGREEMENT_NOUNS and tok.idx >= doc.body_start:
            parties, date, kind, text = _agreement_mention(doc, index, tok)
            mentions.append((tok, parties, date, kind, text))
    agreements: list[Agreement] = []
    by_token: dict[int, Agreement] = {}
    for tok, parties, date, kind, text in mentions:
        if not parties:
            continue
        match = next((a for a in agreements if (set(parties) <= set(a.parties) or set(a.parties) <= set(parties))
                      and (date is None or a.date is None or a.date[:7] == date[:7])), None)
        if match is None:
            match = Agreement(list(parties), date, kind=kind, first=tok.i)
            agreements.append(match)
        else:
            match.parties += [p for p in parties if p not in match.parties]
            match.date = match.date or date
            if kind == "peace agreement":
                match.kind = kind
        match.texts.append(text)
        match.tokens.append(tok.i)
        by_token[tok.i] = match
    for tok, parties, date, kind, text in mentions:
        if parties:
            continue
        before = [a for a in agreements if a.first < tok.i]
        target = (max(before, key=lambda a: max(i for i in a.tokens if i < tok.i) if any(i < tok.i for i in a.tokens) else a.first)
                  if before else agreements[0] if agreements else None)
        if target is None:
            target = Agreement([], date, kind=kind, first=tok.i)
            agreements.append(target)
        target.date = target.date or date
        target.texts.append(text)
        target.tokens.append(tok.i)
        by_token[tok.i] = target
    return agreements, by_token
