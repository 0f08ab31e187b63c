"""Stage ``commitments.v1``: agreements, the commitments they contain, and status claims.

1. **Agreements.** A noun such as deal/agreement/accord/treaty/pact is an agreement mention;
   its parties come from actor premodifiers ("the US-Taliban deal"), "between X and Y",
   "X's deal with Y" / "their deal with Y"; its date from a timex inside the phrase ("of
   February 2020", "signed in ..."). Mentions with the same parties merge; a mention with no
   parties ("the agreement") joins the nearest agreement before it (else the only one). The
   stable id is ``"<PARTY>–<PARTY> agreement <YYYY-MM>"`` with parties sorted.
2. **Provisions.** "<agreement> envisaged/stipulated/required/called for <nominal action>",
   "under <agreement>, X will <verb>", "X agreed/pledged/promised to <verb>": a commitment
   (party, action, deadline, condition). Deadlines: by/before/until/no later than/within +
   timex. Conditions: "in return for"/"in exchange for" (the counterpart becomes a second,
   linked commitment), "on condition that", "provided that", "unless", "if",
   "conditions-based".
3. **Status claims.** Later mentions of a commitment's action (same action class, a
   compatible actor) with what the clause says about it: fulfilled, not_fulfilled,
   in_progress, at_risk, delayed, suspended, conditional, reaffirmed; claimed by a quote's
   speaker, a reporting verb's subject, "according to X", "X consensus is that", or the author.

Actions are normalised to a small set of classes (withdraw, sever_ties, release, ceasefire,
reduce_violence, negotiate, prevent) so that documents can be merged; ``action_text`` keeps
the words.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Commitment, Document, Entity
from ..pipeline import Stage, register
from . import factuality as fact
from .parse import doc_text
from .relations import (ActorIndex, attribution, clause_date, clause_tokens, conjuncts, is_word,
                        patterns, subject_of)

AGREEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "accords", "treaty", "pact",
                             "memorandum", "settlement", "deals", "agreements"})
PROVISION_VERBS = frozenset({"envisage", "envision", "stipulate", "require", "call", "provide",
                             "oblige", "obligate", "commit", "mandate", "foresee", "include",
                             "set", "demand", "guarantee", "allow", "see", "specify", "bind"})
COMMIT_VERBS = frozenset({"agree", "pledge", "promise", "commit", "vow", "undertake", "consent"})
DEADLINE_PREPS = frozenset({"by", "before", "until", "till", "within"})
# action class -> (verbs, nouns); "sever_ties" needs a tie noun as object.
ACTIONS = {
    "withdraw": ({"withdraw", "leave", "depart", "exit", "quit", "pull", "draw"},
                 {"withdrawal", "departure", "pullout", "pull-out", "exit", "drawdown", "pullback"}),
    "sever_ties": ({"sever", "cut", "break", "end", "renounce"}, {"severance", "severing"}),
    "release": ({"release", "free"}, {"release"}),
    "ceasefire": ({"declare", "observe"}, {"ceasefire", "cease-fire", "truce"}),
    "reduce_violence": ({"reduce", "curb"}, {"reduction"}),
    "negotiate": ({"negotiate", "talk"}, {"talks", "negotiations", "negotiation"}),
    "prevent": ({"prevent", "stop", "bar"}, {"prevention"}),
}
STATUS_VERBS = {
    "fulfilled": {"complete", "finish", "conclude", "implement", "fulfil", "fulfill", "honor",
                  "honour", "execute", "meet", "carry", "achieve"},
    "in_progress": {"begin", "start", "launch", "continue", "proceed", "commence"},
    "delayed": {"delay", "postpone", "defer", "extend", "slow", "push"},
    "suspended": {"halt", "suspend", "cancel", "abandon", "scrap", "reverse", "freeze"},
    "reaffirmed": {"commit", "pledge", "promise", "vow", "reaffirm", "reiterate", "agree"},
}
STATUS_VALUES = ("fulfilled", "not_fulfilled", "in_progress", "at_risk", "delayed", "suspended",
                 "conditional", "reaffirmed")
_CONDITIONS_BASED = re.compile(r"\bconditions?[- ]based\b|\bconditional\b", re.I)
_DURATION = re.compile(r"^P(\d+)([YMWD])$")


# The record fields live on the shared model; the old name stays for readability.
CommitmentRecord = Commitment


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


# ------------------------------------------------------------------ agreements

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
    skip = {t.i for c in noun.children if c.dep_ in ("relcl", "ccomp") for t in c.subtree}
    toks = [t for t in noun.subtree if t.i not in skip]
    date = None
    spans = [(t.idx, t.idx + len(t)) for t in toks]
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


# ------------------------------------------------------------------ actions

def action_class(tok) -> str | None:
    """The action class of a verb or an action noun, or None."""
    pat = patterns()
    for name, (verbs, nouns) in ACTIONS.items():
        if tok.pos_ == "NOUN" and tok.lower_ in nouns:
            if name == "reduce_violence" and not any("violen" in t.lower_ for t in tok.subtree):
                continue
            return name
        if tok.pos_ in ("VERB", "AUX") and is_word(tok, verbs):
            if name == "sever_ties":
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is None or obj.lower_ not in pat["tie_nouns"]:
                    continue
            if name in ("withdraw",) and is_word(tok, {"pull", "draw"}) and not any(
                    c.dep_ == "prt" and c.lower_ in ("out", "down", "back") for c in tok.children):
                continue
            if name == "reduce_violence" and not any("violen" in t.lower_ for t in tok.subtree):
                continue
            if name == "ceasefire" and not any(t.lower_ in ACTIONS["ceasefire"][1] for t in tok.subtree):
                continue
            if name == "negotiate" and tok.lower_.startswith("talk") and not any(
                    c.lower_ == "with" for c in tok.children):
                continue
            return name
    return None


def _object_phrase(index: ActorIndex, tok) -> tuple[str | None, list[str]]:
    """What the action is about: "links with terrorist organizations such as al-Qaeda"."""
    skip = DEADLINE_PREPS | {"in", "on"} | ({"of"} if tok.pos_ == "NOUN" else set())
    for child in tok.children:
        if child.dep_ in ("dobj", "prep") and child.lower_ not in skip:
            words = list(child.subtree)
            ents = sorted({e.id for t in words for e in [index.entity(t)] if e is not None})
            return doc_text(tok.doc)[words[0].idx: words[-1].idx + len(words[-1])], ents
    return None, []


def _deadline(doc: Document, holders, agreement_date: str | None):
    """(TIMEX3, text) of "by/before/until/within <timex>" attached to any holder."""
    for h in holders:
        if h is None:
            continue
        for prep in h.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ not in DEADLINE_PREPS:
                continue
            toks = list(prep.subtree)
            nxt = prep.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(prep.doc) else None
            lo = prep.idx
            hi = toks[-1].idx + len(toks[-1]) + (len(nxt.text) + 40 if nxt is not None else 0)
            for tx in doc.timexes:
                if tx.start >= lo and tx.start < hi and tx.start - (toks[-1].idx + len(toks[-1])) < 2:
                    if tx.type == "DURATION" and prep.lower_ == "within":
                        return _add_duration(agreement_date, tx.value), tx.text
                    if tx.type in ("DATE", "TIME"):
                        return tx.value, tx.text
    return None, None


def _add_duration(start: str | None, duration: str | None) -> str | None:
    """"within 14 months" of an agreement of 2020-02 -> 2021-04."""
    if not start or not duration:
        return None
    m = _DURATION.match(duration)
    if not m or not re.match(r"^\d{4}-\d{2}", start):
        return None
    n, unit = int(m.group(1)), m.group(2)
    year, month = int(start[:4]), int(start[5:7])
    if unit in ("Y", "M"):
        months = year * 12 + month - 1 + (n * 12 if unit == "Y" else n)
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    day = dt.date(year, month, int(start[8:10]) if len(start) >= 10 else 1)
    return (day + dt.timedelta(days=n * (7 if unit == "W" else 1))).isoformat()


# ------------------------------------------------------------------ the extractor

class _Extractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.index = ActorIndex(doc)
        self.agreements, self.agreement_at = find_agreements(doc, self.index)
        self.out: list[CommitmentRecord] = []
        self.used: set[int] = set()  # tokens that stated a provision (not a status claim)
        self.agreement_of: dict[str, Agreement | None] = {}

    # -- building
    def _party(self, tok) -> tuple[str | None, str | None, str | None]:
        """(party id, name, text as written) of an actor phrase."""
        if tok is None:
            return None, None, None
        ents = self.index.actors(tok)
        if not ents:
            ents = [self.index.entity(c) for c in tok.children
                    if c.dep_ in ("compound", "amod", "poss", "nmod") and self.index.entity(c)]
        text = self.doc.text[tok.left_edge.idx: tok.idx + len(tok)]
        if ents:
            return ents[0].id, ents[0].name, text
        return None, None, text

    def add(self, party_tok, action_tok, action: str, agreement: Agreement | None, anchor,
            evidence: tuple[int, int], marker=None, condition=None, party=None) -> CommitmentRecord:
        pid, pname, ptext = party if party is not None else self._party(party_tok)
        obj, obj_ents = _object_phrase(self.index, action_tok)
        deadline, deadline_text = _deadline(self.doc, [action_tok, anchor],
                                            agreement.date if agreement else None)
        src = attribution(self.doc, self.index, anchor, *evidence)
        published = self.doc.published.isoformat() if self.doc.published else None
        rec = CommitmentRecord(
            party=pid or (ptext or "unknown"), action=action, deadline=deadline,
            condition=condition, agreement=agreement.key(self.index) if agreement else None,
            agreement_date=agreement.date if agreement else None, id=f"k{len(self.out) + 1}",
            party_name=pname, party_text=ptext,
            action_text=self.doc.text[min(action_tok.idx, *(t.idx for t in action_tok.subtree)):
                                      max(t.idx + len(t) for t in action_tok.subtree)],
            object=obj, object_entities=obj_ents, deadline_text=deadline_text,
            condition_marker=marker, agreement_parties=list(agreement.parties) if agreement else [],
            agreement_text=agreement.texts[0] if agreement and agreement.texts else None,
            stated_by=src.id, date=published, evidence={"start": evidence[0], "end": evidence[1]})
        rec.party_from_description = pid is None
        self.out.append(rec)
        self.used.update(t.i for t in action_tok.subtree)
        self.used.add(action_tok.i)
        return rec

    def sentence_agreement(self, sent) -> Agreement | None:
        for t in sent:
            if t.i in self.agreement_at:
                return self.agreement_at[t.i]
        return None

    # -- provisions
    def provisions(self) -> None:
        for sent in self.doc.nlp.sents:
            if sent.end_char <= self.doc.body_start:
                continue
            for tok in sent:
                if tok.i in self.agreement_at and tok.dep_ == "nsubj" and is_word(tok.head, PROVISION_VERBS):
                    self._agreement_subject(tok, self.agreement_at[tok.i])
            for tok in sent:
                if tok.i in self.used or tok.pos_ not in ("VERB", "AUX"):
                    continue
                if is_word(tok, COMMIT_VERBS):
                    self._commit_verb(tok)
                else:
                    self._under_agreement(tok)

    def _agreement_subject(self, noun, agreement: Agreement) -> None:
        verb = noun.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                objects += [g for g in prep.children if g.dep_ == "pobj"]
        objects = [o for obj in objects for o in [obj, *conjuncts(obj)]]
        ev = (min(noun.left_edge.idx, verb.idx), verb.sent.end_char)
        self.used.add(verb.i)
        for obj in objects:
            xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if xcomp is not None and action_class(xcomp):  # "requires X to withdraw"
                action_tok, party_tok = xcomp, obj
            else:
                action_tok = obj
                party_tok = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                                  for g in p.children if g.dep_ == "pobj"), None)
                if party_tok is None:
                    party_tok = next((c for c in obj.children if c.dep_ in ("poss", "compound")), None)
            action = action_class(action_tok) or action_tok.lower_
            marker, cond_tok = self._condition(verb, obj)
            rec = self.add(party_tok, action_tok, action, agreement, verb, ev, marker=marker)
            if cond_tok is not None:
                self._counterpart(rec, cond_tok, agreement, ev)

    def _condition(self, *holders):
        """(marker, the clause or noun it introduces) of a condition attached to a holder."""
        for h in holders:
            for prep in h.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
                    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if pobj is None or pobj.lower_ not in ("return", "exchange", "condition"):
                        continue
                    marker = f"{prep.lower_} {pobj.lower_}"
                    for inner in pobj.children:
                        if inner.dep_ == "prep" and inner.lower_ == "for":
                            target = next((g for g in inner.children if g.dep_ in ("pcomp", "pobj")), None)
                            if target is not None:
                                return marker + " for", target
                        if inner.dep_ in ("acl", "ccomp", "relcl"):
                            return marker + " that", inner
                    # "in exchange for X agreeing ...", the clause hung on the verb instead
                    later = next((c for c in h.children if c.dep_ in ("ccomp", "advcl", "pcomp")
                                  and c.i > pobj.i), None)
                    if later is not None:
                        return marker + (" for" if pobj.lower_ != "condition" else " that"), later
                    return marker, None
            for child in h.children:
                if child.dep_ == "advcl":
                    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                    hit = marks & fact.CONDITION_MARKS
                    if hit:
                        return next(iter(hit)), child
        return None, None

    def _counterpart(self, rec: CommitmentRecord, cond_tok, agreement, ev) -> None:
        """The other side of "in return for X agreeing to V": a second, linked commitment."""
        rec.condition = self.doc.text[cond_tok.left_edge.idx: cond_tok.right_edge.idx + len(cond_tok.right_edge)]
        action_tok = cond_tok
        if is_word(cond_tok, COMMIT_VERBS):
            action_tok = next((c for c in cond_tok.children if c.dep_ == "xcomp"), cond_tok)
        if action_tok.pos_ in ("VERB", "AUX"):
            subj, _ = subject_of(action_tok)
            party_tok = subj
        else:
            party_tok = next((g for p in action_tok.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj"), None)
        action = action_class(action_tok) or action_tok.lower_
        other = self.add(party_tok, action_tok, action, agreement, cond_tok, ev)
        other.counterpart_of.append(rec.id)
        rec.condition_commitment = other.id
        self.used.add(cond_tok.i)
        self._resolve_description_party(rec, other, agreement)

    def _resolve_description_party(self, rec, other, agreement) -> None:
        """In a two-party agreement, a provision whose party is a description ("all foreign
        forces") binds the party that is not the counterpart's."""
        if agreement is None or rec.party_name is not None or other.party_name is None:
            return
        rest = [p for p in agreement.parties if p != other.party]
        if len(rest) == 1:
            rec.party = rest[0]
            rec.party_name = self.index.name(rest[0])

    def _commit_verb(self, verb) -> None:
        """"X agreed/pledged/promised to V (by DATE) (in return for ...)"."""
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if xcomp is None:
            return
        f = fact.classify(verb)
        if f.value not in ("asserted", "future", "conditional") or f.prescriptive:
            return
        subj, _ = subject_of(verb)
        if subj is None:
            return
        agreement = self.sentence_agreement(verb.sent) or self._agreement_for(subj)
        ev = (verb.sent.start_char, verb.sent.end_char)
        action = action_class(xcomp) or xcomp.lower_
        marker, cond_tok = self._condition(xcomp, verb)
        rec = self.add(subj, xcomp, action, agreement, verb, ev, marker=marker)
        self.used.add(verb.i)
        if cond_tok is not None:
            if marker and ("return" in marker or "exchange" in marker or "condition" in marker):
                self._counterpart(rec, cond_tok, agreement, ev)
            else:
                rec.condition = self.doc.text[cond_tok.left_edge.idx: cond_tok.right_edge.idx + len(cond_tok.right_edge)]

    def _agreement_for(self, subj) -> Agreement | None:
        ents = self.index.actors(subj)
        found = [a for a in self.agreements if ents and ents[0].id in a.parties]
        return found[0] if len(found) == 1 else None

    def _under_agreement(self, verb) -> None:
        """"Under the agreement, X will V ..."."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("under", "per"):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.i in self.agreement_at:
                    subj, passive = subject_of(verb)
                    ev = (verb.sent.start_char, verb.sent.end_char)
                    action = action_class(verb) or verb.lower_
                    marker, cond_tok = self._condition(verb)
                    rec = self.add(subj, verb, action, self.agreement_at[pobj.i], verb, ev, marker=marker)
                    if cond_tok is not None:
                        self._counterpart(rec, cond_tok, self.agreement_at[pobj.i], ev)
                    return

    # -- conditions stated later ("the withdrawal would be conditions-based")
    # -- status claims
    def status_claims(self) -> None:
        if not self.out:
            return
        for sent in self.doc.nlp.sents:
            if sent.end_char <= self.doc.body_start:
                continue
            for tok in sent:
                if tok.i in self.used:
                    continue
                action = action_class(tok)
                if action is None:
                    continue
                self._claim(tok, action)

    def _claim(self, trigger, action: str) -> None:
        anchor, governor = trigger, None
        actor_tok = None
        if trigger.pos_ == "NOUN":
            if trigger.dep_ in ("nsubj", "nsubjpass"):
                anchor = trigger.head
                take = next((c for c in anchor.children if c.dep_ == "xcomp"), None)
                governor = None if take is None or is_word(take, {"take", "happen", "occur", "go"}) else take
            elif trigger.dep_ in ("dobj", "pobj"):
                head = trigger.head
                if trigger.dep_ == "pobj":
                    head = head.head
                if head.pos_ not in ("VERB", "AUX"):
                    return
                anchor = governor = head
            else:
                return
            actor_tok = next((g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj"), None)
            if actor_tok is None and governor is not None:
                actor_tok, _ = subject_of(governor)
        else:
            subj, passive = subject_of(trigger)
            actor_tok = subj
            anchor = fact.modal_chain(trigger)[-1]
        status = self._status(trigger, anchor, governor)
        if status is None:
            return
        actors = self.index.actors(actor_tok) if actor_tok is not None else []
        targets = [c for c in self.out if c.action == action and self._compatible(c, actors)]
        if not targets:
            return
        toks = [t for t in clause_tokens(anchor) if not (t.dep_ == "mark" and t.head == anchor)]
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t) for t in toks)
        while end > start and self.doc.text[end - 1] in ".,;:”\" ":
            end -= 1
        src = attribution(self.doc, self.index, anchor, start, end)
        event_date, _ = clause_date(self.doc, anchor)
        published = self.doc.published.isoformat() if self.doc.published else None
        marker, cond = self._condition(*fact.modal_chain(trigger))
        condition = (self.doc.text[cond.left_edge.idx: cond.right_edge.idx + len(cond.right_edge)]
                     if cond is not None else None)
        for c in targets:
            c.status_claims.append({
                "status": status, "claimed_by": src.id,
                "claimed_by_all": list(src.all), "claimed_by_name": self.index.name(src.id),
                "via": src.via, "date": published, "event_date": event_date,
                "evidence": {"start": start, "end": end}, "text": self.doc.text[start:end],
                "condition": condition, "condition_marker": marker})
        self.used.add(trigger.i)

    def _compatible(self, c: CommitmentRecord, actors: list[Entity]) -> bool:
        """A status statement about ``actors`` concerns ``c`` when they are its party, or when
        its party was a description ("all foreign forces") and they are not a counterpart."""
        if not actors:
            return True
        ids = {a.id for a in actors}
        if c.party in ids:
            return True
        if c.party_from_description:
            others = {o.party for o in self.out if o is not c and o.action != c.action}
            return not ids & others
        return False

    def _status(self, trigger, anchor, governor) -> str | None:
        words = " ".join(t.lower_ for t in anchor.subtree)
        if _CONDITIONS_BASED.search(words.replace(" - ", "-")):
            return "conditional"
        chain = fact.modal_chain(anchor) + ([trigger] if trigger not in fact.modal_chain(anchor) else [])
        f = fact.classify(anchor)
        if f.prescriptive:
            return None
        negated = any(c.dep_ == "neg" or (c.lower_ in fact.NEGATORS and c.dep_ in ("advmod", "det"))
                      for t in chain for c in t.children)
        negated = negated or any(c.dep_ == "det" and c.lower_ in ("no", "any") and negated
                                 for c in trigger.children)
        possible = any((c.dep_ in ("aux",) and c.lower_ in fact.POSSIBLE_AUX)
                       or (c.lower_ in fact.POSSIBLE_ADJ) or (c.lower_ in fact.POSSIBLE_ADV)
                       for t in chain for c in t.children) or any(t.lower_ in fact.POSSIBLE_ADJ for t in chain)
        unlikely = any(t.lower_ == "unlikely" for t in chain) or any(
            c.lower_ == "unlikely" for t in chain for c in t.children)
        future = any(c.lower_ in fact.FUTURE_AUX | {"would"} for t in chain for c in t.children if c.dep_ == "aux")
        cls = None
        if governor is not None:
            cls = next((name for name, verbs in STATUS_VERBS.items() if is_word(governor, verbs)), None)
            if cls is None:
                return None
        if cls in ("delayed", "suspended"):
            return "at_risk" if possible and not negated else None if negated else cls
        if cls == "reaffirmed":
            return "at_risk" if negated or unlikely else "reaffirmed"
        if unlikely or (possible and negated):
            return "at_risk"
        if possible:
            return None
        if cls == "in_progress":
            return None if negated else "in_progress"
        progressive = anchor.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "was", "were")
                                                  for c in anchor.children)
        if negated:
            return "not_fulfilled" if not future else "at_risk"
        if f.value == "conditional":
            return "conditional"
        if future:
            return "reaffirmed"
        if progressive:
            return "in_progress"
        if cls == "fulfilled" or anchor.tag_ in ("VBD", "VBN") and f.value == "asserted":
            return "fulfilled"
        return None


def extract_commitments(doc: Document) -> list[CommitmentRecord]:
    """Commitments of a Document parsed and run through actors and timex."""
    ex = _Extractor(doc)
    ex.provisions()
    ex.status_claims()
    return ex.out


@register
class CommitmentStage(Stage):
    name = "commitments.v1"
    requires = ("parse", "actors", "timexes")
    provides = ("commitments",)

    def __call__(self, doc: Document) -> None:
        doc.commitments = extract_commitments(doc)
