"""Rule-based coreference for actors: pronouns and definite descriptions.

No maintained coreference library fits this stack (``coreferee`` installs with spaCy 3.8 but
its English model is not on PyPI, so it cannot be installed here); this is a small resolver
in the tradition of salience-ranked anaphora resolution (Lappin & Leass; Hobbs' subject
preference), over the spaCy parse.

Anaphors
  * personal pronouns: he/she (persons), it/its (a state, organisation or group, not
    pleonastic "it would come as a shock"), they/their (a group referred to in the plural, a
    people, or a state's government);
  * definite descriptions: "the/this/that <noun>" whose noun is in the description lexicon
    ("the group", "this outfit", "the organization", "the militants") or was used earlier as a
    predicate of an entity ("X is a terrorist outfit ... this outfit" -> X).

Antecedents are entity mentions (and anaphors resolved before, so chains form) in the same
sentence before the anaphor or in the previous sentences (two for pronouns, three for
descriptions). Constraints: type (a person for he/she, an organisation for "the group"),
number where the knowledge base knows it, and a binding constraint (an object is not its own
clause's subject: in "the Taliban gave bases to this group" the group is not the Taliban;
possessives are exempt). Ranking: the nearest sentence, then subjects, then the nearest
mention. A plural noun subject that is no entity ("the stakeholders") standing between a
"they" and its best antecedent blocks the link.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity, Mention

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
# Verbs whose subject "it" is usually pleonastic or a situation, not an actor.
_PLEONASTIC = frozenset("""be is are was were been being 's seem seems seemed appear appears
appeared come comes came coming happen happens happened take takes took taken matter matters
mattered become becomes became remain remains remained look looks looked mean means meant make
makes made turn turns turned follow follows followed rain rains rained""".split())
BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re"})
_PRONOUN_WINDOW, _DESCRIPTION_WINDOW = 2, 3


@dataclass(slots=True)
class _Anchor:
    entity: Entity
    start: int  # token index
    end: int
    sent: int
    subject: bool
    core: bool = True  # a subject or object, not inside a prepositional phrase
    plural: bool = False  # the phrase is grammatically plural ("Afghan negotiators")


def resolve(sdoc, entities: list[Entity], info: dict, words: dict) -> None:
    """Add the anaphors of ``sdoc`` to the mentions of the entities they refer to."""
    pron = words["pronouns"]
    singular_person = set(pron["person_singular"])
    singular_thing = set(pron["thing_singular"])
    plural = set(pron["plural"])
    desc_kind = words["description_kind"]
    sent_of = {}
    for n, sent in enumerate(sdoc.sents):
        for tok in sent:
            sent_of[tok.i] = n
    anchors: list[_Anchor] = []
    covered: set[int] = set()
    for entity in entities:
        for m in entity.mentions:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            covered.update(range(span.start, span.end))
            anchors.append(_Anchor(entity, span.start, span.end, sent_of[span.start],
                                   span.root.dep_ in _SUBJECT or _conj_subject(span.root),
                                   _core(span.root), span.root.tag_ in ("NNS", "NNPS")))
    predicates = _predicate_nouns(sdoc, anchors)
    for tok in sdoc:
        if tok.i in covered:
            continue
        low = tok.lower_
        if tok.tag_ in ("PRP", "PRP$") and low in singular_person | singular_thing | plural:
            if low in singular_thing and _pleonastic(tok):
                continue
            want = "person" if low in singular_person else "thing" if low in singular_thing else "plural"
            first, window = tok.i, 1 if want == "thing" else _PRONOUN_WINDOW
        elif tok.pos_ == "NOUN" and (low in desc_kind or base(tok) in predicates or low in predicates):
            det = [c for c in tok.children if c.dep_ == "det" and c.lower_ in _DEFINITE]
            if not det or any(c.pos_ == "PROPN" or c.i in covered for c in tok.children) \
                    or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                continue
            want, first, window = "desc", det[0].i, _DESCRIPTION_WINDOW
        else:
            continue
        cands = [a for a in anchors if a.end <= first and sent_of[tok.i] - a.sent <= window
                 and _fits(a, want, tok, info, desc_kind)
                 and not _bound(a, tok, sdoc)]
        if want == "desc":
            described = [a for a in cands if predicates.get(tok.lower_) is a.entity]
            cands = described or cands
        if not cands:
            continue
        if tok.tag_ == "PRP$":  # possessives: the nearest fitting mention of the sentence
            best = min(cands, key=lambda a: (sent_of[tok.i] - a.sent, -a.start))
        else:
            best = min(cands, key=lambda a: (sent_of[tok.i] - a.sent, not a.subject, -a.start))
        if want == "plural" and _blocked(sdoc, best, tok, covered):
            continue
        span = sdoc[first:tok.i + 1]
        best.entity.mentions.append(Mention(span.start_char, span.end_char, span.text))
        covered.update(range(first, tok.i + 1))
        anchors.append(_Anchor(best.entity, first, tok.i + 1, sent_of[tok.i],
                               tok.dep_ in _SUBJECT, _core(tok), want == "plural"))


def _fits(anchor: _Anchor, want: str, tok, info: dict, desc_kind: dict) -> bool:
    meta = info.get(anchor.entity.id)
    kind = meta.kind if meta else "other"
    if want == "person":
        return kind == "person"
    if want == "thing":
        return kind in ("state", "igo", "org", "group") and not (meta and meta.plural) and anchor.core
    if want == "plural":
        if kind == "state":
            return anchor.plural
        return kind in ("group", "people") and (kind != "group" or meta.plural)
    # a definite description
    if kind == "person":
        return tok.lower_ in anchor.entity.roles or any(r.split()[-1] == tok.lower_ for r in anchor.entity.roles)
    allowed = set(desc_kind.get(tok.lower_, ())) | set(desc_kind.get(base(tok), ()))
    if meta and (tok.lower_ in meta.descriptors or base(tok) in meta.descriptors):
        return True
    if kind == "group":
        return bool(allowed & {"group", "org"})
    if kind == "org":
        return bool(allowed & {"group", "org"}) and base(tok) not in ("militant", "insurgent", "rebel")
    if kind == "igo":
        return bool(allowed & {"igo"})
    if kind == "state":
        return bool(allowed & {"state"})
    return False


def _bound(anchor: _Anchor, tok, sdoc) -> bool:
    """An object cannot be its own clause's subject (possessives and reflexives may)."""
    if tok.tag_ == "PRP$" or tok.lower_.endswith(("self", "selves")):
        return False
    root = sdoc[anchor.start:anchor.end].root
    if root.dep_ not in _SUBJECT:
        return False
    verb = tok.head
    while verb.dep_ in ("prep", "pobj", "dobj", "dative", "pcomp") and verb.head.i != verb.i:
        if verb.i == root.head.i:
            break
        verb = verb.head
    return verb.i == root.head.i


def _blocked(sdoc, best: _Anchor, tok, covered: set[int]) -> bool:
    """A plural common noun that is no entity, between the antecedent and the pronoun, takes
    it: a subject for any plural pronoun, an object too for "they/them"."""
    deps = _SUBJECT if tok.tag_ == "PRP$" else _SUBJECT | {"dobj"}
    start = max(best.end, tok.sent.start)
    return any(t.tag_ == "NNS" and t.dep_ in deps and t.i not in covered
               for t in sdoc[start:tok.i])


def _core(tok) -> bool:
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in _SUBJECT | {"dobj", "poss", "agent", "attr"} or tok.dep_ == "ROOT"


def _pleonastic(tok) -> bool:
    if tok.tag_ == "PRP$":
        return False
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "expl"):
        return head.lower_ in _PLEONASTIC
    return False


def _conj_subject(tok) -> bool:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in _SUBJECT


def _predicate_nouns(sdoc, anchors: list[_Anchor]) -> dict[str, Entity]:
    """Nouns said of an entity: "X is a terrorist outfit", "X, a militant group" -> outfit/group."""
    out = {}
    for a in sorted(anchors, key=lambda a: a.start):
        root = sdoc[a.start:a.end].root
        nouns = []
        if root.dep_ in _SUBJECT and root.head.lower_ in BE:
            nouns = [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        nouns += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        for noun in nouns:
            out[noun.lower_] = a.entity
            out[base(noun)] = a.entity
    return out


def base(tok) -> str:
    """The lemma when the pipeline has a lemmatizer; newsgraph disables it, so otherwise a
    crude one for nouns: plural nouns lose their "s" ("militants" -> "militant")."""
    if tok.lemma_:
        return tok.lemma_.lower()
    low = tok.lower_
    if tok.tag_ in ("NNS", "NNPS") and low.endswith("s") and len(low) > 3:
        return low[:-3] + "y" if low.endswith("ies") else low[:-1]
    return low
