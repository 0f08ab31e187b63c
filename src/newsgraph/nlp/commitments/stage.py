"""Stage ``commitments.v1``: agreements, the commitments they contain, and status claims.

1. **Agreements.** A noun such as deal/agreement/accord/treaty/pact is an agreement mention;
   its parties come from actor premodifiers ("the US-Taliban deal"), "between X and Y",
   "X's deal with Y" / "their deal with Y"; its date from a timex inside the phrase ("of
   February 2020", "signed in ..."). Mentions with the same parties merge; a mention with no
   parties ("the agreement") joins the nearest agreement before it (else the only one). The
   stable id is ``"<PARTY>–<PARTY> agreement <YYYY-MM>"`` with parties sorted.
2. **Provisions and promises.** "<agreement> envisaged/stipulated/required/called for
   <nominal action>" (a party that is an actor or a party description: "the deal includes
   orders" binds nobody), "under <agreement>, X will <verb>" (also "under the deal, X said
   it will <verb>", "X is obliged to <verb>"), "X agreed/pledged/promised/vowed/offered to
   <verb>", "X agreed to <action noun>" ("to talks", "to a new round of talks"), "X is
   committed to <verb>-ing", "X promised that it would <verb>": a commitment (party,
   action, deadline, condition). "I"/"we" in a named speaker's quote is the speaker (or
   the body it speaks for, ``speakers``); a promise verb demanded of someone ("insisted
   that X agree to ...") is none. Deadlines and conditions: ``terms``. With "in return
   for"/"in exchange for"/"on condition that" the counterpart becomes a second, linked
   commitment; any other condition ("if X is convicted") is kept as text.
3. **Own statements, promise nouns, arrangements** (``pledges``): "X said it would V",
   "'We will V,' X said", "X's offer to resign", "X is to V" reported by a source.
4. **Status claims.** Later mentions of a commitment's action (same action class, a
   compatible actor) with what the clause says about it: fulfilled, not_fulfilled,
   in_progress, at_risk, delayed, suspended, conditional, reaffirmed; claimed by a quote's
   speaker, a reporting verb's subject, "according to X", "X consensus is that", or the author.

Actions are normalised to a small set of classes (withdraw, sever_ties, release, ceasefire,
reduce_violence, negotiate, prevent) so that documents can be merged; other actions are the
verb or noun (base form), ``other`` for a class word used outside its class ("release a
phone"); ``action_text`` keeps the words.

The code is split by what it does: ``agreements`` (agreements), ``actions`` (action
classes), ``terms`` (deadlines and conditions), ``speakers`` (who states an undertaking and
for whom), ``pledges`` (own statements, promise nouns, arrangements), ``status`` (status
claims), ``lexicon`` (the word lists of data/commitment_words.yaml); this module finds the
provisions and registers the stage. Actors, attribution and word forms come from
``common``.
"""
from __future__ import annotations

from ...model import Commitment, Document
from ...pipeline import Stage
from ..common import factuality as fact
from .actions import ACTIONS, action_class, action_name, object_phrase
from .agreements import AGREEMENT_NOUNS, Agreement, find_agreements, infinitive
from .status import STATUS_VALUES, STATUS_VERBS, add_status_claims
from .terms import DEADLINE_PREPS, add_duration, condition_of, deadline_of
from ..common.actor_index import ActorIndex, party_words
from ..common.reporting import is_statement
from ..common.syntax import conjuncts, subject_of
from ..common.attribution import attribution
from ..common.words import is_word, lemma
from .lexicon import words
from .pledges import Pledges, own_future
from .speakers import FIRST_PERSON, Ties, first_person, reporter

__all__ = ["ACTIONS", "AGREEMENT_NOUNS", "COMMIT_VERBS", "DEADLINE_PREPS", "PROVISION_VERBS",
           "STATUS_VALUES", "STATUS_VERBS", "Agreement", "CommitmentRecord", "CommitmentStage",
           "add_duration", "action_class", "extract_commitments", "find_agreements"]

PROVISION_VERBS = frozenset({"envisage", "envision", "stipulate", "require", "call", "provide",
                             "oblige", "obligate", "commit", "mandate", "foresee", "include",
                             "set", "demand", "guarantee", "allow", "see", "specify", "bind"})
COMMIT_VERBS = words()["promise_verbs"]
SIGN_VERBS = words()["sign_verbs"]




def promised_act(verb):
    """What a promise verb binds its subject to: the infinitive ("agreed to withdraw"), a
    clause with will/would ("promised that it would withdraw"), an action noun or gerund
    after "to" ("agreed to talks", "is committed to reducing violence"); None for anything
    else ("agreed on the borders", "agreed with him")."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        return xcomp
    for child in verb.children:
        if child.dep_ == "ccomp" and own_future(child) == "will" \
                and not is_word(child, words()["not_acts"]):
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            for g in child.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG" or g.dep_ == "pobj" and action_class(g):
                    return g
                if g.dep_ == "pobj":  # "agreed to a new round of talks"
                    inner = next((a for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                                  for a in p.children if a.dep_ == "pobj" and action_class(a)), None)
                    if inner is not None:
                        return inner
    return None


# The record fields live on the shared model; the old name stays for readability.
CommitmentRecord = Commitment


# ------------------------------------------------------------------ the extractor

class _Extractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.index = ActorIndex(doc)
        self.agreements, self.agreement_at = find_agreements(doc, self.index)
        self.out: list[CommitmentRecord] = []
        self.used: set[int] = set()  # tokens that stated a provision (not a status claim)
        self.agreement_of: dict[str, Agreement | None] = {}
        self.ties = Ties(doc, self.index)

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
        obj, obj_ents = object_phrase(self.index, action_tok)
        deadline, deadline_text = deadline_of(self.doc, [action_tok, anchor],
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
        self._signed_agreements()
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
            if not self._party_like(party_tok):
                continue  # "the deal includes orders", "allows for the reinstating of the suspension"
            action = action_name(action_tok)
            marker, cond_tok = condition_of(verb, obj)
            rec = self.add(party_tok, action_tok, action, agreement, verb, ev, marker=marker)
            self._terms(rec, marker, cond_tok, agreement, ev)

    def _party_like(self, tok) -> bool:
        """An actor, or a description of a party ("all foreign forces", "the ministry")."""
        if tok is None:
            return False
        if self.index.actors(tok) or any(self.index.entity(c) for c in tok.children
                                         if c.dep_ in ("compound", "amod", "poss", "nmod")):
            return True
        pw, cw = party_words(), words()
        return lemma(tok) in cw["organ_nouns"] | cw["role_nouns"] or tok.lower_ in \
            pw["member_nouns"] | pw["group_nouns"]

    def _terms(self, rec: CommitmentRecord, marker, cond_tok, agreement, ev) -> None:
        """The condition of a provision: in an exchange ("in return for X V-ing") the
        counterpart's own, linked commitment; else ("if X is indicted") its text."""
        if cond_tok is None:
            return
        if marker and ("return" in marker or "exchange" in marker or "condition" in marker):
            self._counterpart(rec, cond_tok, agreement, ev)
        else:
            rec.condition = self.doc.text[cond_tok.left_edge.idx: cond_tok.right_edge.idx + len(cond_tok.right_edge)]

    def _counterpart(self, rec: CommitmentRecord, cond_tok, agreement, ev) -> None:
        """The other side of "in return for X agreeing to V": a second, linked commitment."""
        rec.condition = self.doc.text[cond_tok.left_edge.idx: cond_tok.right_edge.idx + len(cond_tok.right_edge)]
        action_tok = cond_tok
        if is_word(cond_tok, COMMIT_VERBS):
            action_tok = next((c for c in cond_tok.children if c.dep_ == "xcomp"), cond_tok)
        if action_tok.pos_ in ("VERB", "AUX"):
            subj = subject_of(action_tok).token
            party_tok = subj
        else:
            party_tok = next((g for p in action_tok.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj"), None)
        action = action_name(action_tok)
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
        """"X agreed/pledged/promised/offered to V (by DATE) (in return for ...)", "X agreed
        to talks", "X is committed to reducing ...", "I commit that I will V"."""
        xcomp = promised_act(verb)
        if xcomp is None:
            return
        f = fact.classify(verb)
        if f.value not in ("asserted", "future", "conditional") or f.prescriptive:
            return
        if verb.dep_ == "ccomp" and is_word(verb.head, words()["demand_verbs"]) and not any(
                c.dep_ == "aux" for c in verb.children):
            return  # a subjunctive: "insisted that the union agree to ..." is a demand
        subj = subject_of(verb).token
        party = None
        if subj is not None and subj.pos_ == "PRON" and not self.index.actors(subj):
            # An unresolved "I", "you" or "she" (interviews, quoted speech) binds no actor,
            # except "I"/"we" in the quote of a named speaker.
            bound, pid = first_person(self.ties, reporter(self.doc, self.index, verb), subj.lower_) \
                if subj.lower_ in FIRST_PERSON else (False, None)
            if not bound:
                return
            party = (pid, self.index.name(pid), subj.text)
        if subj is None:
            return
        agreement = self.sentence_agreement(verb.sent) or self._agreement_for(subj)
        ev = (verb.sent.start_char, verb.sent.end_char)
        self._bind_each(subj, xcomp, verb, agreement, ev, party)
        self.used.add(verb.i)

    def _bind_each(self, subj, act, anchor, agreement, ev, party=None) -> None:
        """One commitment per party the subject coordinates ("Russia and Turkey agreed to
        V": each is bound), with the same action, deadline and condition."""
        parties = [party] if party is not None else [
            (ents[0].id, ents[0].name, self.doc.text[head.left_edge.idx: head.idx + len(head)])
            for head in [subj, *conjuncts(subj)] for ents in [self.index.actors(head)] if ents]
        parties = list({p[0]: p for p in parties}.values()) or [None]
        action = action_name(act)
        marker, cond_tok = condition_of(act, anchor)
        for one in parties:
            rec = self.add(subj, act, action, agreement, anchor, ev, marker=marker, party=one)
            self._terms(rec, marker, cond_tok, agreement, ev)

    def _signed_agreements(self) -> None:
        """"X and Y signed an agreement to V (by DATE)": the signatories undertake V."""
        for i, agreement in self.agreement_at.items():
            noun = self.doc.nlp[i]
            verb = noun.head
            if noun.dep_ != "dobj" or not is_word(verb, SIGN_VERBS) or verb.i in self.used:
                continue
            act = infinitive(noun, ("acl", "relcl")) or infinitive(verb, ("xcomp", "advcl"))
            subj = subject_of(verb).token
            if act is None or subj is None or not self.index.actors(subj) or \
                    is_word(act, words()["not_acts"]):
                continue
            f = fact.classify(verb)
            if f.value not in ("asserted", "future", "conditional") or f.prescriptive:
                continue
            self._bind_each(subj, act, verb, agreement, (verb.sent.start_char, verb.sent.end_char))
            self.used.add(verb.i)

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
                    self.used.add(verb.i)
                    if is_statement(verb):  # "Under the deal, X said it will V"
                        verb = next((c for c in verb.children if c.dep_ == "ccomp"), None)
                        if verb is None:
                            return
                    if is_word(verb, words()["obligation_participles"] | COMMIT_VERBS):
                        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
                    if is_word(verb, words()["not_acts"]):
                        return  # "under the deal, X will own ...": a state, no act
                    subj = subject_of(verb).token
                    ev = (verb.sent.start_char, verb.sent.end_char)
                    action = action_name(verb)
                    marker, cond_tok = condition_of(verb)
                    agreement = self.agreement_at[pobj.i]
                    rec = self.add(subj, verb, action, agreement, verb, ev, marker=marker)
                    self._terms(rec, marker, cond_tok, agreement, ev)
                    return


def extract_commitments(doc: Document) -> list[CommitmentRecord]:
    """Commitments of a Document parsed and run through actors and timex."""
    ex = _Extractor(doc)
    ex.provisions()
    Pledges(ex).run()
    add_status_claims(doc, ex.index, ex.out, ex.used)
    return ex.out


class CommitmentStage(Stage):
    name = "commitments.v1"
    requires = ("parse", "actors", "timexes")
    reads = ("quotes", "genre", "relations")
    provides = ("commitments",)

    def __call__(self, doc: Document) -> None:
        doc.commitments = extract_commitments(doc)
