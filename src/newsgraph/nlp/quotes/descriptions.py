"""Speaker phrases that name no entity themselves: documents and descriptions.

* A document or medium ("Johns Hopkins University data", "a statement by the ministry", "the
  party's website", "its polling") speaks for its author: the entity named as its agent,
  possessor, compound or source ("by", "from", "of"), or the subject of the verb that issued
  it ("the ministry issued a statement saying ...").
* A description of an organisation ("the embassy", "Police", "the foundation's
  spokesperson" aside) is the organisation mentioned before whose name holds the head noun
  and the description's other words ("Day's animal foundation" -> "Doris Day Animal
  Foundation").
* A description of a person by role ("the governor", "his daughter") is the person named
  before with that role word as a title, apposition or KB role ("Governor Ada Lind",
  "Ada Lind, the city's governor").

Each rule needs exactly one fitting entity (the most recent when several mentions fit one
entity); otherwise nothing, so the quote stays unattributed rather than misattributed.
"""
from __future__ import annotations

from ...model import Document, Entity
from ..actors.kb import words as actor_words
from ..common.people import PERSON_NOUNS
from ..common.words import lemma
from .lexicon import (DOCUMENT_NOUNS, ISSUE_VERBS, MEDIA_NAME_HEADS, MEDIA_NOUNS, NAME_WORDS_OF,
                      PLACE_NOUNS)
from .marks import Candidate

_SOURCE_PREPS = ("by", "from", "of")
_ORG_TYPES = ("ORG", "FAC", "GPE", "NORP")
_SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_MALE_P = frozenset({"he", "him", "his", "himself"})
_FEMALE_P = frozenset({"she", "her", "hers", "herself"})
_PRONOUNS = _MALE_P | _FEMALE_P | {"its", "their", "it", "they", "them"}
_CLAUSES = ("acl", "relcl", "ccomp", "advcl", "appos")
# Titles that name one office in different countries' usage ("foreign minister", "foreign
# secretary").
_SAME_TITLE = ({"minister", "secretary"},)


def genders(entities: list[Entity], sdoc, skip: frozenset[int] = frozenset()) -> dict[str, str]:
    """"m" or "f" per person, by the word lists the coreference uses (``gender`` in
    ``data/actor_words.yaml``): a title or gendered role next to a mention ("Mr. Berg",
    "spokeswoman Ada Lind") or among the person's roles, else the first given name; else the
    pronouns the coreference linked to the person, when they clearly agree (leaving out the
    mentions starting at ``skip``: a link in doubt is no evidence for itself)."""
    lists = actor_words()["gender"]
    male = set(lists["male_titles"]) | set(lists["male_roles"]) - {"man", "boy"}
    female = set(lists["female_titles"]) | set(lists["female_roles"]) - {"woman", "girl"}
    names_m, names_f = set(lists["male_names"]), set(lists["female_names"])
    out: dict[str, str] = {}
    for ent in entities:
        if ent.type != "PERSON":
            continue
        votes = []
        for m in ent.mentions:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand") if sdoc is not None else None
            if span is None:
                continue
            for word in (sdoc[span.start - 1].lower_ if span.start else "", span[0].lower_):
                votes += ["m"] if word in male else ["f"] if word in female else []
        for role in ent.roles:
            last = role.split()[-1].lower() if role.split() else ""
            votes += ["m"] if last in male else ["f"] if last in female else []
        if not votes:
            first = ent.name.split()[0].lower() if ent.name.split() else ""
            votes = ["m"] if first in names_m else ["f"] if first in names_f else []
        if votes and len(set(votes)) == 1:
            out[ent.id] = votes[0]
            continue
        low = [m.text.lower() for m in ent.mentions if m.start not in skip]
        he, she = sum(w in _MALE_P for w in low), sum(w in _FEMALE_P for w in low)
        if he > 2 * she:
            out[ent.id] = "m"
        elif she > 2 * he:
            out[ent.id] = "f"
    return out


def _named(text: str) -> bool:
    """A name ("Johns Hopkins University") or a pronoun ("its"), not a description the
    coreference linked ("the party")."""
    if text.lower().startswith("the "):
        text = text[4:]
    return text[:1].isupper() or text.lower() in _PRONOUNS


def _entity_at(entities: list[Entity], tok) -> Entity | None:
    lo, hi = tok.idx, tok.idx + len(tok.text)
    hits = [(e, m) for e in entities for m in e.mentions if m.start < hi and lo < m.end
            and e.type in _SPEAKER_TYPES and _named(m.text)]
    hits.sort(key=lambda em: em[1].end - em[1].start, reverse=True)
    return hits[0][0] if hits else None


def resolve_description(doc: Document, cand: Candidate, before: int) -> Entity | None:
    """The entity a speaker phrase without a name of its own stands for, or None."""
    if not cand.speaker_tokens or doc.nlp is None:
        return None
    head = cand.speaker_tokens[0]
    low = head.text.lower()
    if low in DOCUMENT_NOUNS or lemma(head) in DOCUMENT_NOUNS:
        return author(doc.entities, head)
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
        return None
    if low in PERSON_NOUNS or lemma(head) in PERSON_NOUNS:
        return _role_holder(doc, head, before)
    if lemma(head).lower() in PLACE_NOUNS:
        return place(doc.entities, head, before)
    if lemma(head).lower() in MEDIA_NOUNS:
        return outlet(doc.entities, head, before)
    return _organisation(doc.entities, head, before)


def author(entities: list[Entity], head, depth: int = 0) -> Entity | None:
    """The author of a document noun: its agent, possessor, compound, "from"/"of" source, an
    entity named in a participle on it ("a tweet sent from X's account"), else the subject
    of the verb that issued it."""
    ranked: list[tuple[int, int, Entity]] = []
    skip = {t.i for c in head.children if c.dep_ in _CLAUSES
            and not (c.dep_ == "acl" and c.tag_ == "VBN") for t in c.subtree}
    for tok in head.subtree:
        if tok.i == head.i or tok.i in skip:
            continue
        ent = _entity_at(entities, tok)
        if ent is None or tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != head.i \
                and tok.head.pos_ == "NOUN" and _entity_at(entities, tok.head) is not ent:
            continue  # "reports from Omsk hospital": the hospital speaks, not Omsk
        path, rank, venue = tok, None, False
        while path.i != head.i and path.head.i != path.i:
            if path.dep_ == "pobj" and path.head.lower_ in _SOURCE_PREPS:
                rank = (0 if path.head.lower_ == "by" else 2) if rank is None else rank
            elif path.dep_ in ("poss", "compound", "nmod") and rank is None:
                rank = 1
            elif path.dep_ == "pobj" and path.head.lower_ in ("in", "on") and (
                    path.head.head.i == head.i or path.head.head.dep_ == "acl" and
                    path.head.head.tag_ == "VBN") and not _outlet_name(ent):
                venue = True  # "a study (published) in Nature": the journal wrote nothing
            path = path.head
        if not venue:
            ranked.append((rank if rank is not None else 3, tok.i, ent))
    if ranked:
        ranked.sort(key=lambda r: (r[0], r[1]))
        return ranked[0][2]
    verb = head.head
    if depth == 0 and head.dep_ in ("dobj", "obj") and lemma(verb) in ISSUE_VERBS:
        for subj in verb.children:
            if subj.dep_ in ("nsubj", "nsubjpass"):
                found = _entity_at(entities, subj)
                if found is None and lemma(subj).lower() in PLACE_NOUNS:
                    found = place(entities, subj, subj.idx)  # "the city issued a statement"
                return found
    if depth == 0 and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return _earlier_document(entities, head)
    return None


def _earlier_document(entities: list[Entity], head) -> Entity | None:
    """"In a statement, the Red Cross said ... “…,” the statement read": a definite document
    noun with no author of its own is the document named last before, in the two sentences
    before its own; its author is that one's, or the subject of the verb it was issued
    or spoken in."""
    sdoc, base = head.doc, lemma(head).lower()
    first = sdoc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    first = sdoc[first - 1].sent.start if first > 0 else first
    for tok in reversed(sdoc[first:head.i]):
        if tok.pos_ != "NOUN" or lemma(tok).lower() != base:
            continue
        found = author(entities, tok)
        if found is None and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "on", "via") \
                and tok.head.head.pos_ == "VERB":
            found = next((_entity_at(entities, c) for c in tok.head.head.children
                          if c.dep_ == "nsubj"), None)
        return found
    return None


def _outlet_name(ent: Entity) -> bool:
    """A news outlet's name ("Zenda Post"): a report in it is its own."""
    return bool(ent.name.split()) and ent.name.split()[-1].lower() in MEDIA_NAME_HEADS


def outlet(entities: list[Entity], head, before: int) -> Entity | None:
    """The one news outlet ("Zenda Post", "Ruritania Television") named before ``before``
    that "the newspaper" or "the broadcaster" stands for."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    fits = {e.id: e for e in entities if e.type == "ORG" and _outlet_name(e)
            and any(m.end <= before for m in e.mentions)}
    return next(iter(fits.values())) if len(fits) == 1 else None


def place(entities: list[Entity], head, before: int) -> Entity | None:
    """The one place named before ``before`` with the description's noun next to its name
    ("the US city of White Plains", "Lind, a town in ...") that "the city" stands for."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None  # "a city", "cities": no particular place
    sdoc, noun = head.doc, lemma(head).lower()
    fits = []
    for ent in entities:
        if ent.type != "GPE":
            continue
        for m in ent.mentions:
            if m.end > before:
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            near = sdoc[max(span.start - 3, span.sent.start):span.start]
            words = {lemma(t).lower() for t in near if t.pos_ == "NOUN"}
            words |= {lemma(c).lower() for c in span.root.children if c.dep_ == "appos"}
            if noun in words and ent not in fits:
                fits.append(ent)
    return fits[0] if len(fits) == 1 else None


def owner_pronoun(cand: Candidate):
    """The possessive pronoun of a document speaker ("its polling", "their statement")."""
    if not cand.speaker_tokens:
        return None
    head = cand.speaker_tokens[0]
    if head.lower_ not in DOCUMENT_NOUNS and lemma(head) not in DOCUMENT_NOUNS:
        return None
    return next((c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"
                 and c.lower_ in ("its", "their", "his", "her", "our")), None)


def _phrase_words(head) -> set[str]:
    """The content words of a description besides its head ("Day's animal foundation" ->
    {"day", "animal"})."""
    return {t.lower_ for t in head.subtree if t.i != head.i and t.i < head.i
            and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ in ("compound", "amod", "poss")}


def _organisation(entities: list[Entity], head, before: int) -> Entity | None:
    base = lemma(head).lower()
    forms = {head.lower_, base, base + "s"} | NAME_WORDS_OF.get(base, frozenset())
    extra = _phrase_words(head)
    fits = []
    for ent in entities:
        if ent.type not in _ORG_TYPES or ent.type in ("GPE", "NORP") and base not in ent.name.lower():
            continue
        names = {w.lower().strip(".,'’") for m in ent.mentions for w in m.text.split()}
        names |= {w.lower() for w in ent.name.split()}
        if not forms & names or not extra <= names:
            continue
        # a bare "the embassy" takes up an organisation named before; a description that
        # repeats other words of the name ("Day's animal foundation") may come first
        last = max((m.start for m in ent.mentions if m.end <= before or extra), default=None)
        if last is not None:
            fits.append((last, ent))
    if len({e.id for _, e in fits}) == 1:
        return fits[0][1]
    return None


def _titles(sdoc, ent: Entity) -> set[str]:
    """Role words written next to a person's mentions: "Governor Ada Lind", "Ada Lind, the
    governor", "his daughter Ada", plus the roles actors.v1 gave the person."""
    words = {r.split()[-1].lower() for r in ent.roles if r.split()}
    for m in ent.mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.pos_ != "PROPN":
            continue
        for tok in sdoc[max(span.start - 3, span.sent.start):span.start]:
            if tok.pos_ in ("NOUN", "PROPN"):
                words.add(tok.lower_)
        root = span.root
        for rel in (root.head,) if root.dep_ == "appos" else ():
            words.add(rel.lower_)
        for child in root.children:
            if child.dep_ == "appos":
                words.add(child.lower_)
    return words


def _role_holder(doc: Document, head, before: int) -> Entity | None:
    """The one person named before ``before`` whose title is the head noun."""
    sdoc, low = doc.nlp, head.lower_
    forms = {low, lemma(head).lower()}
    for same in _SAME_TITLE:
        if forms & same:
            forms |= same
    fits = []
    for ent in doc.entities:
        if ent.type != "PERSON" or not any(m.end <= before for m in ent.mentions):
            continue
        if forms & _titles(sdoc, ent):
            fits.append(ent)
    return fits[0] if len(fits) == 1 else None
