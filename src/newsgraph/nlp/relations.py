"""Stage ``relations.v1``: attributed relations between canonical actors.

Each relation links two actors (entity ids of ``actors.v1``; a group description such as
"international terrorist groups" when no named actor is there) with a predicate from the
vocabulary of ``data/relation_patterns.yaml`` (see docs/claims.md), and says who asserts it
(``attributed_to``), how (``factuality``), when (``date``) and where (``start``/``end``).

Patterns read the dependency parse, never the raw string:

* ``verb``         subject VERB object / VERB with object; passive with "by" ("hosted", "backs")
* ``designation``  X designated Y (as) a terrorist organisation
* ``provision``    X provided bases and sanctuaries for Y (harbors), weapons to Y (supports)
* ``ties``         X has/maintains ties with Y; X severed ties with Y (negated); X has not
                   severed ties with Y (asserted); X's links with Y
* ``protection``   Y is under X('s) protection / under the protection of X
* ``copula``       Y is (the) commander of X; Y, the spokesman of X (apposition)
* ``backing``      X-backed Y, X-led Y
* ``role``         roles and affiliations of ``actors.v1`` ("X spokesperson Y", envoys)

Attribution: the speaker of a quote whose span covers the evidence, else the subject of a
reporting verb governing the clause ("X said that ..."), else the owner of a stance noun
("X consensus is that ..."), else "according to X" in the sentence, else the author (or
"editorial" for editorials and opinion pieces with no author).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml

from ..model import Document, Entity, Relation
from ..pipeline import Stage, register
from . import factuality as fact

_IRREGULAR = {
    "led": "lead", "met": "meet", "gave": "give", "given": "give", "fought": "fight",
    "held": "hold", "broke": "break", "broken": "break", "kept": "keep", "built": "build",
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "took": "take",
    "taken": "take", "began": "begin", "begun": "begin", "left": "leave", "thought": "think",
    "brought": "bring", "sought": "seek", "forged": "forge", "had": "have", "has": "have",
    "shed": "shed", "cut": "cut", "undertook": "undertake", "undertaken": "undertake",
    "withdrew": "withdraw", "withdrawn": "withdraw", "drew": "draw", "drawn": "draw",
    "made": "make", "ran": "run", "went": "go", "gone": "go", "is": "be", "are": "be",
    "was": "be", "were": "be", "been": "be", "'s": "be", "am": "be",
}
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s", "am",
                      "remain", "remains", "remained"})
UNATTRIBUTED = "unattributed report"
REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@functools.lru_cache(maxsize=1)
def patterns() -> dict:
    """The word lists of ``data/relation_patterns.yaml``, as sets where that helps."""
    text = resources.files("newsgraph.data").joinpath("relation_patterns.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for key in ("designation_verbs", "designation_words", "provision_verbs", "tie_nouns",
                "tie_keep_verbs", "tie_cut_verbs", "protection_nouns", "member_nouns",
                "group_nouns", "stance_nouns", "reporting_verbs"):
        data[key] = frozenset(data[key])
    data["provision_noun_predicate"] = {w: p for p, ws in data["provision_nouns"].items() for w in ws}
    data["copula_predicate"] = {w: p for p, ws in data["copula_nouns"].items() for w in ws}
    data["role_predicate"] = {w: p for p, ws in data["role_predicates"].items() for w in ws}
    return data


# ------------------------------------------------------------------ word forms

@functools.lru_cache(maxsize=8192)
def base_forms(word: str) -> frozenset[str]:
    """Candidate base forms of an English word ("hosted" -> host, "harbours" -> harbour);
    the parse runs without spaCy's lemmatizer, so matching uses these."""
    w = word.lower().strip("’'")
    forms = {w}
    if w in _IRREGULAR:
        forms.add(_IRREGULAR[w])
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""),
                         ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: len(w) - len(suffix)] + repl
            forms.add(stem)
            if not repl and len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                forms.add(stem[:-1])  # "cutting" -> "cut"
    return frozenset(forms)


def lemma_of(tok) -> str:
    """spaCy's lemma when there is one, else the word in lower case."""
    return (tok.lemma_ or tok.lower_).lower()


def is_word(tok, vocab) -> bool:
    """True when the token is an inflected form of a word in ``vocab``."""
    if tok.lemma_ and tok.lemma_.lower() in vocab:
        return True
    return any(f in vocab for f in base_forms(tok.lower_))


def base_in(tok, vocab) -> str | None:
    """The base form of ``tok`` found in ``vocab`` (a dict or set), or None."""
    if tok.lemma_ and tok.lemma_.lower() in vocab:
        return tok.lemma_.lower()
    for f in sorted(base_forms(tok.lower_), key=len, reverse=True):
        if f in vocab:
            return f
    return None


# ------------------------------------------------------------------ actors in the parse

class ActorIndex:
    """Token -> entity, built from the mentions of ``actors.v1`` (pronouns included)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.by_id: dict[str, Entity] = {e.id: e for e in doc.entities}
        best: dict[int, tuple[int, Entity]] = {}
        sdoc = doc.nlp
        for entity in doc.entities:
            if entity.type not in ACTOR_TYPES:
                continue
            for m in entity.mentions:
                span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    size = m.end - m.start
                    if t.i not in best or size < best[t.i][0]:
                        best[t.i] = (size, entity)
        # A demonym standing for its state ("Russian troops") joins the state's entity.
        states = {e.kb_id: e for e in doc.entities if e.type == "GPE" and e.kb_id}
        self.token: dict[int, Entity] = {
            i: (states.get(e.kb_id, e) if e.type == "NORP" and e.kb_id else e)
            for i, (_, e) in best.items()}

    def name(self, ident: str | None) -> str | None:
        if ident is None:
            return None
        ent = self.by_id.get(ident)
        return ent.name if ent else ident

    def entity(self, tok) -> Entity | None:
        return self.token.get(tok.i)

    def actors(self, tok, depth: int = 0) -> list[Entity]:
        """The actors a noun phrase headed by ``tok`` names, with its conjuncts:
        "Russia", "the group" (coreference), "leaders of al-Qaeda", "Taliban fighters",
        "the man ... Abu Omar" (apposition)."""
        out: list[Entity] = []
        for head in [tok, *conjuncts(tok)]:
            ent = self._one(head, depth)
            if ent is not None and ent not in out:
                out.append(ent)
        return out

    def _one(self, tok, depth: int) -> Entity | None:
        ent = self.token.get(tok.i)
        if ent is not None:
            return ent
        if depth > 2:
            return None
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.token:
                return self.token[child.i]
        if tok.lower_ in patterns()["member_nouns"] or tok.pos_ == "NOUN" and _is_person_noun(tok):
            for child in tok.children:
                if child.dep_ in ("compound", "poss", "amod", "nmod") and child.i in self.token:
                    return self.token[child.i]
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self._one(pobj, depth + 1)
        return None

    def description(self, tok) -> str | None:
        """A group description ("international terrorist groups") for a noun with no actor."""
        if tok.lower_ not in patterns()["group_nouns"] or tok.pos_ != "NOUN":
            return None
        words = [t.text for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod")
                 for t in t.subtree] + [tok.text]
        return " ".join(words) if words else None


def _is_person_noun(tok) -> bool:
    return tok.lower_ in ("man", "woman", "men", "women", "person", "people")


def conjuncts(tok) -> list:
    out = []
    for child in tok.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(conjuncts(child))
    return out


def subject_of(verb):
    """(subject token, passive) of a verb: its own subject, a shared subject of a
    coordinated verb, the controller of an xcomp, the noun a relative clause hangs on."""
    current, seen = verb, 0
    while seen < 6:
        seen += 1
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in ("who", "which", "that") and current.dep_ == "relcl":
                    return current.head, False
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if current.dep_ == "conj" or current.dep_ == "xcomp":
            if current.dep_ == "xcomp":
                obj = next((c for c in current.head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None and current.head.lower_ not in ("promise", "promised", "promises"):
                    return obj, False  # "urged X to ...": the object controls
            current = current.head
            continue
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ == "pcomp" and current.head.lower_ == "from":
            governor = current.head.head  # "precluded it from engaging"
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            return (obj, False) if obj is not None else (None, False)
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return current.head, False
        return None, False
    return None, False


# ------------------------------------------------------------------ attribution and time

def author_source(doc: Document) -> str:
    """Who asserts unattributed text: the author, else "editorial" for editorials."""
    if doc.authors:
        return doc.authors[0]
    if doc.genre in ("editorial", "opinion", "analysis") or doc.has_masthead:
        return "editorial"
    return "author"


@dataclass(slots=True)
class Source:
    """Who asserts a piece of text, and all co-sources ("the Afghan government and the US")."""

    id: str
    all: list[str] = field(default_factory=list)
    via: str = "author"  # quote | reporting | stance | according | reportedly | author


def attribution(doc: Document, index: ActorIndex, tok, start: int, end: int) -> Source:
    """The source of the clause containing ``tok`` whose evidence is ``start:end``."""
    for q in doc.quotes:
        inside = (q.start <= start and end <= q.end + 1) or q.start <= tok.idx < q.end
        if inside and (q.speaker or q.speaker_text):
            ident = q.speaker or _speaker_actor(doc, index, q) or q.speaker_text
            return Source(ident, [ident, *[c for c in q.co_speakers if c != ident]], "quote")
    current = tok
    while current.head.i != current.i:
        parent = current.head
        if current.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and \
                is_word(parent, patterns()["reporting_verbs"]):
            subj, _ = subject_of(parent)
            ents = index.actors(subj) if subj is not None else []
            if ents:
                return Source(ents[0].id, [e.id for e in ents], "reporting")
        if current.dep_ == "ccomp" and parent.lower_ in BE_FORMS:
            for child in parent.children:
                if child.dep_ == "nsubj" and child.lower_ in patterns()["stance_nouns"]:
                    owners = [index.entity(c) for c in child.children
                              if c.dep_ in ("compound", "poss", "amod") and index.entity(c)]
                    if owners:
                        return Source(owners[0].id, [o.id for o in owners], "stance")
        current = parent
    sent = tok.sent
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = [g for g in t.doc[t.i + 1].children if g.dep_ == "pobj"]
            ents = index.actors(pobj[0]) if pobj else []
            if ents:
                return Source(ents[0].id, [e.id for e in ents], "according")
    if any(t.lower_ in REPORT_ADVERBS for t in sent):
        return Source(UNATTRIBUTED, [UNATTRIBUTED], "reportedly")
    who = author_source(doc)
    return Source(who, [who], "author")


def _speaker_actor(doc: Document, index: ActorIndex, quote) -> str | None:
    """The actor named inside an unresolved speaker phrase ("the Russian defence ministry")."""
    text = quote.speaker_text or ""
    if not text:
        return None
    spots, at = [], doc.text.find(text)
    while at >= 0 and len(spots) < 20:
        spots.append(at)
        at = doc.text.find(text, at + 1)
    if not spots:
        return None
    at = min(spots, key=lambda i: min(abs(i - quote.start), abs(i - quote.end)))
    span = doc.nlp.char_span(at, at + len(text), alignment_mode="expand")
    if span is None:
        return None
    ent = index.entity(span.root) or next((index.entity(t) for t in span if index.entity(t)), None)
    return ent.id if ent else None


def clause_tokens(anchor) -> list:
    """The tokens of ``anchor``'s own clause (subordinate clauses left out)."""
    out = []
    for t in anchor.subtree:
        cur, inside = t, True
        while cur.i != anchor.i:
            if cur.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "csubj"):
                inside = False
                break
            cur = cur.head
        if inside:
            out.append(t)
    return out


def clause_date(doc: Document, anchor) -> tuple[str | None, str | None]:
    """(TIMEX3 value, text) of a DATE timex in the anchor's clause, else the publication date."""
    toks = clause_tokens(anchor)
    spans = [(t.idx, t.idx + len(t)) for t in toks]
    for tx in sorted(doc.timexes, key=lambda x: abs(x.start - anchor.idx)):
        if tx.type not in ("DATE", "TIME") or not tx.value or tx.value.endswith("_REF"):
            continue
        if any(s < tx.end and tx.start < e for s, e in spans):
            return tx.value, tx.text
    return (doc.published.isoformat() if doc.published else None), None


# ------------------------------------------------------------------ the record

# The record fields live on the shared model; the old name stays for readability.
RelationRecord = Relation


def _span(toks) -> tuple[int, int]:
    toks = [t for t in toks if t is not None]
    start = min(t.idx for t in toks)
    last = max(toks, key=lambda t: t.idx + len(t))
    return start, last.idx + len(last)


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.index = ActorIndex(doc)
        self.out: list[RelationRecord] = []
        self.seen: set[tuple] = set()

    def add(self, subj: Entity | str, predicate: str, obj: Entity | str, anchor, toks,
            pattern: str, factuality: str | None = None, cue: str | None = None,
            source: Source | None = None, span: tuple[int, int] | None = None) -> None:
        s_id = subj.id if isinstance(subj, Entity) else subj
        o_id = obj.id if isinstance(obj, Entity) else obj
        if not s_id or not o_id or s_id == o_id:
            return
        if factuality is None:
            f = fact.classify(anchor)
            if f.prescriptive:
                return  # an editorial demand ("have to cut ties") asserts nothing
            factuality, cue = f.value, cue or f.cue
        start, end = span or _span(toks)
        src = source or attribution(self.doc, self.index, anchor, start, end)
        key = (s_id, predicate, o_id, factuality, src.id, anchor.sent.start)
        if key in self.seen:
            return
        self.seen.add(key)
        date, _ = clause_date(self.doc, anchor)
        self.out.append(RelationRecord(
            subject=s_id, predicate=predicate, object=o_id, start=start, end=end,
            attributed_to=src.id, factuality=factuality, id=f"r{len(self.out) + 1}", date=date,
            subject_name=self.index.name(s_id),
            object_name=self.index.name(o_id) if isinstance(obj, Entity) else o_id,
            object_kind="actor" if isinstance(obj, Entity) else "description",
            attributed_to_name=self.index.name(src.id),
            attributed_to_all=[a for a in src.all], attribution_via=src.via,
            pattern=pattern, cue=cue, text=self.doc.text[start:end]))

    def objects(self, tok) -> list[Entity | str]:
        ents = self.index.actors(tok)
        if ents:
            return list(ents)
        desc = self.index.description(tok)
        out: list[Entity | str] = [desc] if desc else []
        for prep in tok.children:  # "groups such as al-Qaeda": the named examples too
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out.extend(self.index.actors(pobj))
        return out


def extract_relations(doc: Document) -> list[RelationRecord]:
    """Every relation of a Document parsed and run through ``actors.v1``."""
    b = _Builder(doc)
    pat = patterns()
    for sent in doc.nlp.sents:
        if sent.end_char <= doc.body_start:
            continue
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX"):
                _verb_patterns(b, tok, pat)
            if tok.pos_ in ("NOUN", "PROPN"):
                _noun_patterns(b, tok, pat)
            if tok.dep_ == "prep" and tok.lower_ == "under":
                _protection(b, tok, pat)
            if tok.lower_ in pat["backing_words"] and tok.dep_ in ("amod", "compound"):
                _backing(b, tok, pat)
    _role_relations(b, pat)
    return b.out


def _verb_patterns(b: _Builder, verb, pat) -> None:
    subj_tok, passive = subject_of(verb)
    agent = None
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
    if passive:
        obj_tok, subj_tok = subj_tok, agent
    else:
        obj_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subjects = b.index.actors(subj_tok) if subj_tok is not None else []
    word = base_in(verb, pat["verbs"])
    if word is not None and subjects:
        spec = pat["verbs"][word]
        targets = []
        if obj_tok is not None and not spec.get("intransitive_only"):
            targets.append(obj_tok)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in spec.get("preps", ()):
                targets += [g for g in prep.children if g.dep_ == "pobj"]
        for target in targets:
            for obj in b.index.actors(target):
                for s in subjects:
                    b.add(s, spec["predicate"], obj, verb, [subj_tok, verb, target], "verb",
                          cue=word)
    if is_word(verb, pat["designation_verbs"]):
        _designation(b, verb, subj_tok, obj_tok, passive, pat)
    if is_word(verb, pat["provision_verbs"]) and subjects and obj_tok is not None:
        for noun in [obj_tok, *conjuncts(obj_tok)]:
            predicate = pat["provision_noun_predicate"].get(noun.lower_)
            if predicate is None:
                continue
            holders = (verb, obj_tok, *conjuncts(obj_tok))
            for prep in [c for h in holders for c in h.children if c.dep_ in ("prep", "dative")]:
                if prep.lower_ not in ("for", "to") and prep.dep_ != "dative":
                    continue
                pobjs = ([g for g in prep.children if g.dep_ == "pobj"] if prep.pos_ == "ADP"
                         else [prep])
                for pobj in pobjs:
                    for obj in b.objects(pobj):
                        for s in subjects:
                            b.add(s, predicate, obj, verb, [subj_tok, verb, pobj], "provision",
                                  cue=noun.lower_)
            break


def _designation(b: _Builder, verb, subj_tok, obj_tok, passive, pat) -> None:
    """X designated Y (as) a terrorist organisation / Y was designated ... by X."""
    category = None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            category = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ in ("oprd", "attr"):
            category = child
    target = obj_tok
    dative = next((c for c in verb.children if c.dep_ == "dative"), None)
    if dative is not None and obj_tok is not None:  # "designated the group a terrorist org."
        category, target = obj_tok, dative
    if category is None or target is None or subj_tok is None:
        return
    words = {t.lower_ for t in category.subtree}
    if not words & pat["designation_words"]:
        return
    for s in b.index.actors(subj_tok):
        for o in b.index.actors(target):
            b.add(s, "designates_terrorist", o, verb, [subj_tok, verb, category], "designation",
                  cue=lemma_of(verb))


def _noun_patterns(b: _Builder, noun, pat) -> None:
    if noun.lower_ in pat["tie_nouns"]:
        _ties(b, noun, pat)
    head = noun.head
    if noun.dep_ == "attr" and head.lower_ in BE_FORMS:
        predicate = pat["copula_predicate"].get(noun.lower_)
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if predicate and subj is not None:
            _of_relation(b, noun, subj, predicate, head, "copula")
    if noun.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children):
        predicate = pat["copula_predicate"].get(noun.lower_)
        if predicate:
            other = noun.head if noun.dep_ == "appos" else next(c for c in noun.children if c.dep_ == "appos")
            _of_relation(b, noun, other, predicate, noun, "copula")


def _of_relation(b: _Builder, noun, holder_tok, predicate, anchor, pattern) -> None:
    """"<holder> is commander of <group>": holder -predicate-> group."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "in"):
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for s in b.index.actors(holder_tok):
                    for o in b.index.actors(pobj):
                        b.add(s, predicate, o, anchor, [holder_tok, noun, pobj], pattern,
                              cue=noun.lower_)


def _ties(b: _Builder, noun, pat) -> None:
    """ties/links with Y, owned by the subject of have/maintain/sever or by a possessive."""
    others, between = [], []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
            others += [g for g in prep.children if g.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ == "between":
            between += [g for g in prep.children if g.dep_ == "pobj"]
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    owners: list[Entity] = []
    anchor = verb if verb is not None else noun.head
    invert = False
    if verb is not None and (is_word(verb, pat["tie_keep_verbs"]) or is_word(verb, pat["tie_cut_verbs"])):
        subj, _ = subject_of(verb)
        if noun.dep_ == "nsubjpass":
            subj = next((g for c in verb.children if c.dep_ == "agent" for g in c.children), None)
        owners = b.index.actors(subj) if subj is not None else []
        invert = is_word(verb, pat["tie_cut_verbs"]) and not is_word(verb, pat["tie_keep_verbs"])
    if not owners:
        owners = [b.index.entity(c) for c in noun.children
                  if c.dep_ in ("poss", "compound") and b.index.entity(c) is not None]
        if verb is None or not (is_word(verb, pat["tie_keep_verbs"]) or is_word(verb, pat["tie_cut_verbs"])):
            anchor = noun.head if noun.dep_ in ("dobj", "pobj", "nsubj") and noun.head.pos_ in ("VERB", "AUX") else noun
    if between and not owners:
        ents = [e for t in between for e in b.index.actors(t)]
        if len(ents) >= 2:
            owners, others_ents = ents[:1], ents[1:]
            for o in others_ents:
                b.add(owners[0], "allied_with", o, anchor, [noun, *between], "ties", cue=noun.lower_)
        return
    if not owners or not others:
        return
    f = fact.classify(anchor) if anchor.pos_ in ("VERB", "AUX") else fact.Factuality("asserted")
    if f.prescriptive:
        return
    value = f.value
    if invert and not _finite(anchor):
        return  # "agreed to sever", "have to cut": a promise or a demand, not a report
    if invert:  # severing ends a tie: "severed" -> no tie; "have not severed" -> a tie
        value = {"asserted": "negated", "negated": "asserted"}.get(value)
        if value is None:
            return  # a promise or a possibility to sever says nothing about the tie now
    for other in others:
        for obj in b.objects(other):
            for s in owners:
                b.add(s, "allied_with", obj, anchor, [noun, other, *(t for t in [verb] if t is not None)],
                      "ties", factuality=value, cue=f"{lemma_of(verb) if verb is not None else ''} {noun.lower_}".strip())


def _finite(verb) -> bool:
    """A finite verb or a perfect ("have severed"): a report, not an infinitive or gerund."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"
                                      and c.lower_ not in ("to",) for c in verb.children)


def _protection(b: _Builder, under, pat) -> None:
    """"Y is under X('s) protection", "under the protection of X"."""
    noun = next((g for g in under.children if g.dep_ == "pobj"), None)
    if noun is None or noun.lower_ not in pat["protection_nouns"]:
        return
    protectors = [b.index.entity(c) for c in noun.children
                  if c.dep_ in ("compound", "poss", "amod", "nmod") and b.index.entity(c)]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            protectors += [e for g in prep.children if g.dep_ == "pobj" for e in b.index.actors(g)]
    head = under.head
    if head.pos_ in ("VERB", "AUX"):
        protected_tok, _ = subject_of(head)
        anchor = head
    else:
        protected_tok, anchor = head, head
    if protected_tok is None:
        return
    for p in protectors:
        for o in b.index.actors(protected_tok):
            b.add(p, "protects", o, anchor, [protected_tok, under, noun], "protection", cue=noun.lower_)


def _backing(b: _Builder, tok, pat) -> None:
    """"Iran-backed Houthis", "US-led coalition"."""
    predicate = pat["backing_words"][tok.lower_]
    supporters = [b.index.entity(c) for c in tok.children
                  if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and b.index.entity(c)]
    if not supporters and tok.i >= 2 and tok.doc[tok.i - 1].text in ("-", "–"):
        ent = b.index.entity(tok.doc[tok.i - 2])
        supporters = [ent] if ent else []
    for s in supporters:
        for o in b.index.actors(tok.head):
            b.add(s, predicate, o, tok.head, [tok.doc[tok.i - 2] if tok.i >= 2 else tok, tok, tok.head],
                  "backing", cue=tok.lower_, factuality="asserted")


def _role_relations(b: _Builder, pat) -> None:
    """Roles with an affiliation from ``actors.v1``: spokesperson/envoy -> represents,
    leader/commander -> leads, minister/official/member -> member_of."""
    doc, index = b.doc, b.index
    text_lower = doc.text.lower()
    for person in doc.entities:
        if person.type != "PERSON" or not person.affiliation or not person.roles:
            continue
        target = index.by_id.get(person.affiliation)
        obj: Entity | str = target if target is not None else person.affiliation
        done = set()
        for role in person.roles:
            words = role.lower().split()
            predicate = (pat["role_predicate"].get(" ".join(words[-2:]))
                         or pat["role_predicate"].get(words[-1]) if words else None)
            if predicate is None or predicate in done:
                continue
            if any(r.subject == person.id and r.predicate == predicate for r in b.out):
                continue  # a pattern in the text said it already, with its own source
            done.add(predicate)
            found = _role_mention(person, role, text_lower)
            if found is None:
                continue
            start, end, m = found
            span = doc.nlp.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            anchor = span.root
            who = author_source(doc)
            b.add(person, predicate, obj, anchor, [], "role", factuality="asserted", cue=role,
                  span=(start, end), source=Source(who, [who], "author"))


def _role_mention(person: Entity, role: str, text_lower: str):
    """(start, end, token) of the phrase that gives the role: the role words close before
    or after a mention of the person; else the first mention (a knowledge-base role)."""
    best = None
    for m in person.mentions:
        window_start = max(0, m.start - 80)
        at = text_lower.rfind(role.lower(), window_start, m.start)
        if at >= 0:
            best = (at, m.end, m)
            break
        after = text_lower.find(role.lower(), m.end, m.end + 80)
        if after >= 0:
            best = (m.start, after + len(role), m)
            break
    if best is None:
        if not person.mentions:
            return None
        m = person.mentions[0]
        best = (m.start, m.end, m)
    return best


@register
class RelationStage(Stage):
    name = "relations.v1"
    requires = ("parse", "actors")
    provides = ("relations",)

    def __call__(self, doc: Document) -> None:
        doc.relations = extract_relations(doc)
