"""The pieces of the actors stage that work on single mentions and tokens: the mention
record on its way to an entity, what coreference needs to know about an entity, and the
tests the stage applies to a token or a span (agent, premodifier, headline, shouting)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Entity, Mention

AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "de"})


@dataclass(slots=True)
class Ment:
    """A mention on its way to an entity: ``key`` names the entity it will join."""

    start: int
    end: int
    text: str
    key: str
    type: str
    agent: bool = False
    origin: str | None = None  # id of the entities.v1 entity it came from
    tokens: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class EntityInfo:
    """What coreference and roles need to know about an entity beyond the record."""

    kind: str  # person | state | igo | group | org | place | other
    plural: bool = False
    descriptors: set[str] = field(default_factory=set)
    actor_id: str | None = None
    sector: str | None = None


def surname_mentions(sdoc, entities: list[Entity]) -> None:
    """A full name's surname alone ("Kabulov also proposed"), which spaCy often misses."""
    covered = set()
    for entity in entities:
        for m in entity.mentions:
            covered.update(range(m.start, m.end))
    surnames: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.type == "PERSON" and len(entity.name.split()) > 1:
            surnames.setdefault(entity.name.split()[-1], []).append(entity)
    for tok in sdoc:
        owners = surnames.get(tok.text)
        if owners and len(owners) == 1 and _name_like(tok) and tok.idx not in covered \
                and not (tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].pos_ == "PROPN"):
            owners[0].mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text))
            if tok.text not in owners[0].aliases:
                owners[0].aliases.append(tok.text)


def _name_like(tok) -> bool:
    """A proper noun, or a capitalised noun spaCy misread as a plural ("Sanders came in
    second", "Fallows remarked") when a verb follows it."""
    if tok.pos_ == "PROPN":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "NOUN" and tok.text[:1].isupper() and nxt is not None and nxt.pos_ in ("VERB", "AUX")


def kind_of(label: str) -> str:
    return {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "people"}.get(label, "other")


def is_agent(tok) -> bool:
    """A subject, a passive agent, the source of "according to", or a conjunct of one."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in AGENT_DEPS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def negotiating(tok, talk: set[str]) -> bool:
    """A negotiation word in the token's sentence or the sentences either side of it."""
    doc, sent = tok.doc, tok.sent
    before = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    after = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    return any(t.lower_ in talk for t in doc[before:after])


def shouting(span) -> bool:
    """An all-capitals acronym inside all-capitals text ("THIS IS IT") is a word."""
    if not span.text.isupper():
        return False
    doc = span.doc
    around = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(t.text.isupper() and len(t.text) > 1 for t in around)


def ends_with(m: Ment, span) -> bool:
    """The KB span is the last word(s) of the mention, punctuation aside."""
    doc = span.doc
    last = m.tokens[1] - 1
    while last > m.tokens[0] and doc[last].is_punct:
        last -= 1
    return span.end - 1 == last and span.start > m.tokens[0]


def headline_ranges(text: str) -> list[tuple[int, int]]:
    """Title lines: among the first three lines with text, short ones with most words
    capitalised and no final full stop."""
    out, pos, seen = [], 0, 0
    for line in text.split("\n"):
        if line.strip():
            seen += 1
        if seen > 3:
            break
        words_ = [w for w in line.split() if w[:1].isalpha()]
        long_words = [w for w in words_ if len(w) > 3]
        if (words_ and len(words_) <= 20 and not line.rstrip().endswith((".", "?", "!", ":"))
                and long_words and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def confirmed(name: str, body: str) -> bool:
    """A title-case headline phrase is a name when the body writes its words capitalised too:
    some word of it occurs capitalised in the body and none occurs there only in lower case
    ("Apple unveils ..." with "Apple" in the body; not "Ceasefire Talks" with "ceasefire talks")."""
    words_ = [w for w in re.findall(r"[A-Za-z][A-Za-z.&-]+", name) if w.lower() not in SMALL_WORDS]
    found = False
    for w in words_:
        upper = re.search(rf"\b{re.escape(w)}\b", body) is not None
        lower = re.search(rf"\b{re.escape(w.lower())}\b", body) is not None
        if lower and not upper and w[:1].isupper():
            return False
        found = found or upper
    return found


def complement(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for a, b in ranges:
        out.append((pos, a))
        pos = b
    out.append((pos, length))
    return out


# Words before an office title that make it another holder's ("former president").
_OTHER_HOLDER = frozenset({"former", "ex", "ex-", "then", "then-", "late", "future", "next",
                           "incoming", "previous", "past"})


def names_the_holder(sdoc, root, start_tok: int, end_tok: int, people: set[int]) -> bool:
    """Whether an office title with no name refers to its holder on the publication date:
    not one of another time ("former president", "then-president"), not a predicate ("the
    nominee for President of Ruritania", "to serve as vice president", "became president"),
    and not the title of the name that follows ("Vice President of Ruritania Ada Lind")."""
    before = {t.lower_ for t in sdoc[max(start_tok - 2, 0):start_tok]}
    if before & _OTHER_HOLDER or sdoc[start_tok].lower_.startswith(("ex-", "then-")):
        return False
    if root.dep_ in ("attr", "oprd", "xcomp") or (root.dep_ == "pobj" and root.head.lower_ in ("for", "as")):
        return False
    return not (end_tok < len(sdoc) and end_tok in people)
