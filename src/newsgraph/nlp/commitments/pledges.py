"""Commitments outside agreement provisions and promise verbs (``commitments.v1``).

1. **Own statements.** A named speaker states what it (or a body it speaks for) will do:
   "X said it would close the crossing from Monday", "'We will reopen the border next
   week,' X said", "X said the Norwegian government would send a team" (X is Norway's
   foreign minister), "X said he would only support the bill if ...". The clause has will /
   shall / would (not "would have"), "be going to" or "be ready/willing/prepared to"; no
   may / might / could / can / should / must; its verb is an act (not "win", "be", "hope",
   ...: ``not_acts``). "X will refrain from V-ing" commits X not to V. An authority that
   announces or declares an act with no agent ("X declared that schools would be closed
   from Monday", "X announced that from 1 May masks would become mandatory") binds itself.
   Not: predictions about others ("X said Y would withdraw"), hopes and views ("X hopes it
   will ...", the reporting verb must announce), the author's own future statements,
   questions, hypotheticals.
2. **Promise nouns.** "X's offer to resign", "X made a pledge to ...", "X expressed its
   willingness to ...": the owner of the noun (possessor, "of X", or the subject of a verb
   that makes the pledge) is bound to the infinitive.
3. **Arrangements and obligations.** "X is to V" reported by a source (not the author's
   own schedule), "X is obliged/obligated to V".
"""
from __future__ import annotations

from ...model import Document
from ..common import factuality as fact
from ..common.attribution import attribution
from ..common.syntax import subject_of
from ..common.words import is_word, lemma
from .actions import ACTIONS, action_name
from .lexicon import words
from .speakers import FIRST_PERSON, Report, first_person, party_of, people, reporter, resolve
from .terms import condition_of

BLOCKING_AUX = fact.POSSIBLE_AUX | fact.PRESCRIPTIVE_AUX | {"can", "ca", "need"}
WOULD = frozenset({"would", "'d"})
# Verbs by which an authority arranges an act it names without an agent.
DECREE_VERBS = frozenset({"announce", "declare", "decide", "order"})


def _aux(verb) -> list[str]:
    own = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    if verb.dep_ == "conj" and not [a for a in own if a not in ("to", "not", "n't", "be")]:
        own += [c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    return own


def _has_to(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _hedged(*toks) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in fact.POSSIBLE_ADV for t in toks for c in t.children)


def own_future(verb, quoted: bool = False) -> str | None:
    """How the clause of ``verb`` states a future act of its subject: ``will`` (will /
    shall; would in reported speech, where it is the past of will, not in a quote, where
    it is hypothetical), ``going`` (be going to), ``be_to`` (is to), ``ready`` (is ready
    to), or None (module docstring)."""
    aux = _aux(verb)
    if set(aux) & BLOCKING_AUX or _hedged(verb):
        return None
    if set(aux) & fact.FUTURE_AUX:
        return "will"
    if set(aux) & WOULD:
        return None if quoted or "have" in aux else "will"
    if not _has_to(verb) or verb.dep_ not in ("xcomp", "acomp"):
        return None
    head = verb.head
    head_aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if head_aux & BLOCKING_AUX or _hedged(head):
        return None
    if lemma(head) == "go" and head.tag_ == "VBG" and head_aux:
        return "going"
    if head.lower_ in words()["readiness_adjectives"]:
        return "ready"
    if lemma(head) == "be" and head.pos_ in ("AUX", "VERB") and not head_aux \
            and not any(c.lower_ == "yet" for c in head.children):
        return "be_to"
    return None


def _condition(doc: Document, holders):
    marker, cond = condition_of(*holders)
    if cond is None:
        return marker, None
    toks = list(cond.subtree)
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].lower_ == "then"):
        toks.pop()  # "if we can't agree, then ...": the condition ends before "then"
    return marker, doc.text[toks[0].idx: toks[-1].idx + len(toks[-1])]


def _until(doc: Document, verb):
    """("until", the clause) of a promise not to act that lasts until something happens."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("until", "till")
                                         for m in child.children):
            return "until", doc.text[child.left_edge.idx: child.right_edge.idx + len(child.right_edge)]
    return None, None


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _question(sent) -> bool:
    return sent.text.rstrip().rstrip('"”’\'').rstrip().endswith("?")


def _impersonal(verb, report: Report) -> bool:
    """"X declared that schools would be closed", "... masks would become mandatory": an act
    with no agent (or a rule) that the announcing authority arranges."""
    if report.via != "reporting" or not is_word(report.verb, DECREE_VERBS):
        return False
    subj = subject_of(verb)
    if subj.passive and not subj.agents:
        return True
    rules = words()["rule_adjectives"]
    return lemma(verb) in ("become", "be") and any(
        c.dep_ in ("acomp", "attr") and c.lower_ in rules for c in verb.children)


class Pledges:
    """The three kinds of the module docstring, added through the extractor of ``stage``."""

    def __init__(self, ex):
        self.ex, self.doc, self.index = ex, ex.doc, ex.index
        self.ties = ex.ties
        self.words = words()

    def run(self) -> None:
        for sent in self.doc.nlp.sents:
            if sent.end_char <= self.doc.body_start or _question(sent):
                continue
            for tok in sent:
                if tok.i in self.ex.used:
                    continue
                if tok.pos_ == "NOUN" and is_word(tok, self.words["promise_nouns"]):
                    self._promise_noun(tok)
                elif tok.pos_ in ("VERB", "AUX"):
                    if is_word(tok, self.words["obligation_participles"]):
                        self._obligation(tok)
                    else:
                        self._own_statement(tok)

    def _add(self, pid: str | None, ptext: str | None, action_tok, anchor, holders=(),
             negative: bool = False) -> None:
        ex = self.ex
        sent = anchor.sent
        marker, condition = _condition(self.doc, holders or (action_tok,))
        if condition is None and negative:  # "will not comment until the inquiry is over"
            marker, condition = _until(self.doc, anchor)
        action = action_name(action_tok)
        if action in ACTIONS and any(c.action == action and c.party == (pid or ptext)
                                     for c in ex.out):
            return  # the same undertaking restated: a status claim ("reaffirmed")
        rec = ex.add(None, action_tok, action, ex.sentence_agreement(sent), anchor,
                     (sent.start_char, sent.end_char), marker=marker, condition=condition,
                     party=(pid, self.index.name(pid), ptext))
        rec.negative = negative
        ex.used.add(anchor.i)

    def _own_statement(self, verb) -> None:
        kind = own_future(verb)
        if kind is None or fact.classify(verb).value == "counterfactual":
            return
        if kind == "be_to":
            self._arrangement(verb)
            return
        report = reporter(self.doc, self.index, verb)
        if report is None or own_future(verb, report.quoted) is None:
            return
        if kind == "ready" and report.quoted and verb.head.head.tag_ == "VBD":
            return  # "we were prepared to ...", said in the past tense of one's own words
        act, negative = verb, _negated(verb)
        if is_word(verb, self.words["refrain_verbs"]):  # "will refrain from commenting"
            act = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                        for g in p.children if g.dep_ in ("pcomp", "pobj")), verb)
            negative = True
        if _impersonal(verb, report):
            speaker = subject_of(report.verb).token
            text = self.doc.text[speaker.left_edge.idx: speaker.idx + len(speaker)] if speaker is not None else None
            self._add(report.speaker, text, act, verb, (verb,), negative)
            return
        if is_word(verb, self.words["not_acts"]) or subject_of(verb).passive:
            return
        subj = subject_of(verb).token
        bound, pid = party_of(self.doc, self.index, self.ties, report, subj)
        if not bound:
            return
        text = self.doc.text[subj.left_edge.idx: subj.idx + len(subj)]
        self._add(pid, text, act, verb, (verb, verb.head) if kind != "will" else (verb,), negative)

    def _arrangement(self, verb) -> None:
        """"X is to V", stated by a source."""
        if any(c.dep_ == "auxpass" for c in verb.children) or is_word(verb, self.words["not_acts"]):
            return
        if fact.classify(verb).value in ("conditional", "possible", "counterfactual"):
            return
        sent = verb.sent
        src = attribution(self.doc, self.index, verb, sent.start_char, sent.end_char)
        if src.via == "author" and self.ex.sentence_agreement(sent) is None:
            return
        if any(c.lower_ == "only" for c in verb.head.children):
            return  # "is only to protect its interests": a purpose
        subj = subject_of(verb).token
        ents = [] if subj is None or people(self.doc, subj) else self.index.actors(subj)
        if not ents:
            return
        self._add(ents[0].id, self.doc.text[subj.left_edge.idx: subj.idx + len(subj)], verb, verb.head)

    def _obligation(self, part) -> None:
        """"X is obliged/obligated to V"."""
        act = next((c for c in part.children if c.dep_ == "xcomp" and _has_to(c)), None)
        subj = subject_of(part)
        if act is None or act.i in self.ex.used or not subj.passive or subj.token is None \
                or _negated(part):
            return
        if fact.classify(part).value not in ("asserted", "future"):
            return
        ents = resolve(self.doc, self.index, subj.token)
        if ents:
            tok = subj.token
            self._add(ents[0].id, self.doc.text[tok.left_edge.idx: tok.idx + len(tok)], act, part)

    def _promise_noun(self, noun) -> None:
        """"X's offer to resign", "X made a pledge to V", "their willingness to help"."""
        act = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and _has_to(c)
                    and c.pos_ in ("VERB", "AUX")), None)
        if act is None or act.i in self.ex.used or is_word(act, self.words["not_acts"]):
            return
        if any(c.dep_ in ("det", "neg") and c.lower_ in fact.NEGATORS for c in noun.children):
            return
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"), None)
        head = noun.head
        if owner is None and noun.dep_ == "dobj" and is_word(head, self.words["pledge_verbs"]):
            if _negated(head) or fact.classify(head).value not in ("asserted", "future"):
                return
            owner = subject_of(head).token
        if owner is None:
            return
        bound, pid = False, None
        ents = resolve(self.doc, self.index, owner)
        if ents:
            bound, pid = True, ents[0].id
        elif owner.lower_ in FIRST_PERSON | {"my", "our"}:
            bound, pid = first_person(self.ties, reporter(self.doc, self.index, noun), owner.lower_)
        if bound:
            self._add(pid, self.doc.text[owner.left_edge.idx: owner.idx + len(owner)], act, noun)
