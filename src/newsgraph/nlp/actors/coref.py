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

Agreement and rivals (actors v2): he/she agree with a person's gender when a title, a
gendered role word or a common given name tells it (``gender`` in ``actor_words.yaml``); a
premodifier ("Syrian" in "the Syrian team") is no antecedent; a singular noun that no fitting
entity names, ranking above the best entity, keeps "it"/"its" unresolved ("The iPhone made
its debut"); an object "it" prefers a parallel earlier object ("engaging with the group so as
to incorporate it").
"""
from __future__ import annotations

from dataclasses import dataclass

from ..common.words import lemma
from ...model import Entity, Mention

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
# Verbs whose subject "it" is usually pleonastic or a situation, not an actor.
_PLEONASTIC = frozenset("""be is are was were been being 's seem seems seemed appear appears
appeared come comes came coming happen happens happened take takes took taken matter matters
mattered become becomes became remain remains remained look looks looked mean means meant make
makes made turn turns turned follow follows followed rain rains rained""".split())
BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re"})
_PRONOUN_WINDOW, _DESCRIPTION_WINDOW = 2, 3
_MODIFIER = frozenset({"amod", "compound", "nmod"})
_OBJECT = frozenset({"dobj", "pobj"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
# Descriptions that name a kind of organisation: they take up an organisation whose name says
# that kind ("the Liberal Party ... the party"), not any organisation (a website, a firm).
_NAMED_KINDS = frozenset({"party", "court", "ministry", "department", "bureau"})
# Kinds of entity a description may take up by the head of its name ("the commission").
_HEADED_KINDS = frozenset({"org", "igo", "group"})


@dataclass(slots=True)
class _Anchor:
    entity: Entity
    start: int  # token index
    end: int
    sent: int
    subject: bool
    core: bool = True  # a subject or object, not inside a prepositional phrase
    plural: bool = False  # the phrase is grammatically plural ("Afghan negotiators")
    modifier: bool = False  # a premodifier of another noun ("Syrian" in "Syrian refugees")
    nominal: bool = False  # a singular description ("the group"), which "it" may take up


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
            root = span.root
            anchors.append(_Anchor(entity, span.start, span.end, sent_of[span.start],
                                   root.dep_ in _SUBJECT or _conj_subject(root),
                                   _core(root), root.tag_ in ("NNS", "NNPS"),
                                   root.dep_ in _MODIFIER and not span.start <= root.head.i < span.end,
                                   root.tag_ == "NN"))
    genders = _genders(sdoc, entities, words["gender"])
    predicates = _predicate_nouns(sdoc, anchors)
    name_heads = {_name_head(a.entity) for a in anchors if _kind(a, info) in _HEADED_KINDS} - {None}
    for tok in sdoc:
        if tok.i in covered:
            continue
        low = tok.lower_
        if tok.tag_ in ("PRP", "PRP$") and low in singular_person | singular_thing | plural:
            if low in singular_thing and _pleonastic(tok):
                continue
            want = "person" if low in singular_person else "thing" if low in singular_thing else "plural"
            first, window = tok.i, 1 if want == "thing" else _PRONOUN_WINDOW
        elif tok.pos_ == "NOUN" and (low in desc_kind or lemma(tok) in predicates or low in predicates
                                     or low in name_heads):
            det = [c for c in tok.children if c.dep_ == "det" and c.lower_ in _DEFINITE]
            if not det or any(c.pos_ == "PROPN" or c.i in covered for c in tok.children) \
                    or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                continue
            want, first, window = "desc", det[0].i, _DESCRIPTION_WINDOW
        else:
            continue
        cands = [a for a in anchors if a.end <= first and sent_of[tok.i] - a.sent <= window
                 and _fits(a, want, tok, info, desc_kind)
                 and _agrees(a, tok, want, genders)
                 and not _bound(a, tok, sdoc)]
        if want == "desc":
            described = [a for a in cands if predicates.get(tok.lower_) is a.entity]
            # strict head match, from anywhere before: "the National Fire Commission ... the
            # commission"
            headed = [a for a in anchors if a.end <= first and _kind(a, info) in _HEADED_KINDS
                      and _name_head(a.entity) in (low, lemma(tok))]
            cands = described or headed or cands
        if not cands:
            continue
        if tok.tag_ == "PRP$":  # possessives: the nearest fitting mention of the sentence
            rank = lambda a: (sent_of[tok.i] - a.sent, -a.start)  # noqa: E731
        else:
            rank = lambda a: (sent_of[tok.i] - a.sent, not a.subject, -a.start)  # noqa: E731
        best = min(cands, key=rank)
        parallel = [a for a in cands if _parallel(sdoc, a, tok)]
        if parallel and want in ("thing", "person"):  # "engaging with the group to incorporate it"
            best = max(parallel, key=lambda a: a.start)
        if want == "plural" and _blocked(sdoc, best, tok, covered):
            continue
        if want == "thing" and _outranked(sdoc, best, tok, {i for a in cands for i in range(a.start, a.end)},
                                          sent_of, rank):
            continue
        span = sdoc[first:tok.i + 1]
        best.entity.mentions.append(Mention(span.start_char, span.end_char, span.text))
        covered.update(range(first, tok.i + 1))
        anchors.append(_Anchor(best.entity, first, tok.i + 1, sent_of[tok.i],
                               tok.dep_ in _SUBJECT, _core(tok), want == "plural",
                               nominal=want == "desc" and tok.tag_ == "NN"))


def _kind(anchor: _Anchor, info: dict) -> str:
    meta = info.get(anchor.entity.id)
    return meta.kind if meta else "other"


def _name_head(entity: Entity) -> str | None:
    """The last word of a name of two or more words, lower case ("commission" of "National
    Fire Commission"), else None."""
    words = entity.name.split()
    return words[-1].lower() if len(words) > 1 and words[-1].isalpha() else None


def _fits(anchor: _Anchor, want: str, tok, info: dict, desc_kind: dict) -> bool:
    meta = info.get(anchor.entity.id)
    kind = meta.kind if meta else "other"
    if anchor.modifier and want != "desc":
        return False  # "Syrian" in "the Syrian team" is no antecedent of "they"
    if want == "person":
        return kind == "person"
    if want == "thing":
        return (kind in ("state", "igo", "org", "group") and (anchor.nominal or not (meta and meta.plural))
                and (anchor.core or anchor.nominal))
    if want == "plural":
        if kind == "state":
            return anchor.plural
        return kind in ("group", "people") and (kind != "group" or meta.plural)
    # a definite description
    if kind == "person":
        return tok.lower_ in anchor.entity.roles or any(r.split()[-1] == tok.lower_ for r in anchor.entity.roles)
    allowed = set(desc_kind.get(tok.lower_, ())) | set(desc_kind.get(lemma(tok), ()))
    if meta and (tok.lower_ in meta.descriptors or lemma(tok) in meta.descriptors):
        return True
    if kind == "group":
        return bool(allowed & {"group", "org"})
    if kind == "org":
        if lemma(tok) in _NAMED_KINDS:  # "the party" is a party, "the court" a court
            return lemma(tok) in anchor.entity.name.lower()
        return bool(allowed & {"group", "org"}) and lemma(tok) not in ("militant", "insurgent", "rebel")
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


def _parallel(sdoc, anchor: _Anchor, tok) -> bool:
    """An object pronoun and an earlier object of the same sentence whose verb governs the
    pronoun's clause share a role: "engaging with the group so as to incorporate it"."""
    if tok.dep_ not in _OBJECT or tok.tag_ == "PRP$" or anchor.subject:
        return False
    root = sdoc[anchor.start:anchor.end].root
    if root.dep_ not in _OBJECT or root.sent.start != tok.sent.start:
        return False
    verb = root.head.head if root.dep_ == "pobj" else root.head
    return verb.i != tok.head.i and verb in tok.ancestors and verb.pos_ in ("VERB", "AUX")


def _agrees(anchor: _Anchor, tok, want: str, genders: dict) -> bool:
    """he/him/his do not refer to a woman, she/her/hers not to a man."""
    if want != "person":
        return True
    gender = genders.get(anchor.entity.id)
    low = tok.lower_
    if low in _MALE:
        return gender != "f"
    if low in _FEMALE:
        return gender != "m"
    return True


def _genders(sdoc, entities: list[Entity], lists: dict) -> dict[str, str]:
    """"m" or "f" per person entity: a title before a mention ("Mr. Tedeschi", "Ms Okafor"),
    a gendered role ("spokeswoman"), else the first given name ("Ruth")."""
    male_titles, female_titles = set(lists["male_titles"]), set(lists["female_titles"])
    male_roles, female_roles = set(lists["male_roles"]), set(lists["female_roles"])
    male_roles -= {"man", "boy"}  # as premodifiers these are not titles
    female_roles -= {"woman", "girl"}
    male_names, female_names = set(lists["male_names"]), set(lists["female_names"])
    out = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        votes = []
        for m in entity.mentions:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            words = [t.lower_ for t in span]
            before = sdoc[span.start - 1].lower_ if span.start > 0 else ""
            for w in (before, words[0]):  # "Mr. Okoro", "spokeswoman Dana Ilves"
                votes += ["m"] if w in male_titles | male_roles else ["f"] if w in female_titles | female_roles else []
        for role in entity.roles:
            last = role.split()[-1] if role.split() else ""
            votes += ["m"] if last in male_roles else ["f"] if last in female_roles else []
        if not votes:
            first = entity.name.split()[0].lower() if entity.name.split() else ""
            votes = ["m"] if first in male_names else ["f"] if first in female_names else []
        if votes and len(set(votes)) == 1:
            out[entity.id] = votes[0]
    return out


def _outranked(sdoc, best: _Anchor, tok, covered_by_fit: set[int], sent_of: dict, rank) -> bool:
    """"it"/"its" goes to a thing that no fitting entity names when that thing ranks above the
    best entity: a singular noun (a product, "the contract"), an unresolved "it" or a "which"
    standing for such a noun, as subject (also as object for "it"), between the entity and
    the pronoun ("the contract ... of its kind", "The iPhone made its appearance")."""
    deps = _SUBJECT if tok.tag_ == "PRP$" else _SUBJECT | {"dobj"}
    for t in sdoc[best.end:tok.i]:
        if t.dep_ not in deps or t.i in covered_by_fit:
            continue
        noun = t
        if t.tag_ == "WDT" and t.head.dep_ == "relcl":
            noun = t.head.head  # "the DC-9 family, which has sold ..."
        if noun.i in covered_by_fit:
            continue
        if noun.tag_ in ("NN", "NNP") or (t.lower_ == "it" and t.tag_ == "PRP"):
            rival = _Anchor(best.entity, t.i, t.i + 1, sent_of[t.i], t.dep_ in _SUBJECT)
            if rank(rival) < rank(best):
                return True
    return False


def _core(tok) -> bool:
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in _SUBJECT | {"dobj", "poss", "agent", "attr"} or tok.dep_ == "ROOT"


def _pleonastic(tok) -> bool:
    if tok.tag_ == "PRP$":
        return False
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "expl"):
        return False
    if head.lower_ in _PLEONASTIC:
        return True
    # "it is expected that ...", "it was decided to ...": a passive or an adjective whose
    # clause comes after it is extraposed
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i for c in head.children)
    return clause and (tok.dep_ in ("nsubjpass", "expl") or head.pos_ == "ADJ")


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
            out[lemma(noun)] = a.entity
    return out
