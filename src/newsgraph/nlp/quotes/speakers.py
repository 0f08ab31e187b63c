"""Speaker resolution: from a speaker phrase to the entity whose mention covers it.

The module also holds the word lists the quote extractors share (listener and content
verbs, media, pronouns, person nouns).

Whatever entity mentions exist are used, so description and pronoun mentions added by a
later actor stage (``actors.v1``) improve the result without changes here. Pronoun speakers
take the previous quote's speaker when it agrees in number and animacy, else the nearest
fitting entity mentioned before.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import re
from dataclasses import dataclass

from ...model import Entity
from ..common.people import PERSON_NOUNS, PERSON_PRONOUNS
from ..common.words import lemma
from ..parse import first_token_from
from .lexicon import TITLE_HEADS, UNNAMED_SPEAKERS

# --- lexicon shared by the quote extractors (reporting verbs: ``common.reporting``) ------
# Verbs whose content is their object plus a complement ("urged X to ...", "accused X of ...").
OBJECT_COMPLEMENT = frozenset({"urge", "accuse", "warn", "ask", "remind", "caution", "charge",
                               "advise", "instruct", "invite"})
# Verbs whose noun-phrase object is itself the reported content ("proposed a new round").
NP_CONTENT = frozenset({"announce", "propose", "deny", "claim", "demand", "reiterate",
                        "confirm", "pledge", "promise", "threaten", "reveal", "disclose",
                        "report", "admit", "predict"})
# Verbs that take a listener object before their clause ("told lawmakers that ...").
LISTENER = frozenset({"tell", "inform", "assure", "remind", "brief", "warn", "ask"})


MEDIUM_WORDS = {
    "statement": "statement", "press release": "statement", "communique": "statement",
    "communiqué": "statement", "open letter": "letter", "letter": "letter",
    "tweet": "tweet", "twitter": "tweet", "post on x": "tweet", "interview": "interview",
    "press conference": "press conference", "news conference": "press conference",
    "speech": "speech", "video": "video", "message": "message", "op-ed": "op-ed",
}
_MEDIUM = re.compile(
    r"\b(?:in|on|via|through|according to)\s+(?:an?|the|its|his|her|their|a\s+joint|"
    r"the\s+same)?\s*(?:(?:joint|written|brief|televised|separate|same|recorded)\s+)?"
    r"(open letter|press release|press conference|news conference|statement|communiqu[eé]|"
    r"letter|tweet|twitter|interview|speech|video|message|op-ed)\b", re.I)
_TWEET_VERB = re.compile(r"\b(?:tweet(?:s|ed|ing)?|posted on (?:twitter|x))\b", re.I)


def find_medium(window: str) -> str | None:
    """The medium named in a cue's clause ("in a statement", "tweeted"), else None."""
    match = _MEDIUM.search(window)
    if match:
        return MEDIUM_WORDS.get(match.group(1).lower(), match.group(1).lower())
    if _TWEET_VERB.search(window):
        return "tweet"
    return None


GROUP_PRONOUNS = frozenset({"they", "them", "we"})
THING_PRONOUNS = frozenset({"it"})
SPEAKER_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS | {"i"}


# --- resolution -----------------------------------------------------------------------------

_TYPE_RANK = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3}
_GROUPISH = ("ORG", "NORP", "GPE")


@dataclass(slots=True)
class Resolved:
    entity: Entity | None
    others: list[Entity]
    animacy: str  # person | group | thing | unknown
    plural: bool


_COVER_INDEX: list = [None, -1, -1, [], [], 0]  # entities, their count, mentions, rows, starts, longest


def _mention_index(entities: list[Entity]) -> list:
    """Every mention of ``entities`` by start (one list at a time: the document's)."""
    total = sum(len(e.mentions) for e in entities)
    index = _COVER_INDEX
    if index[0] is not entities or index[1] != len(entities) or index[2] != total:
        rows = sorted(((m.start, k, j, e, m) for k, e in enumerate(entities)
                       for j, m in enumerate(e.mentions)), key=lambda r: r[:3])
        longest = max((r[4].end - r[4].start for r in rows), default=0)
        index[:] = [entities, len(entities), total, rows, [r[0] for r in rows], longest]
    return index


def _mentions_covering(entities: list[Entity], start: int, end: int):
    # the (entity, mention) pairs overlapping [start, end), in entity then mention order:
    # found by bisection, not by testing every mention for every phrase (long texts)
    _, _, _, rows, starts, longest = _mention_index(entities)
    near = rows[bisect_right(starts, start - longest):bisect_left(starts, end)]
    for _, _, _, ent, m in sorted((r for r in near if r[0] < end and start < r[4].end),
                                  key=lambda r: r[1:3]):
        yield ent, m


def resolve_phrase(entities: list[Entity], start: int, end: int, name_tokens: list) -> Resolved:
    """The entity (and co-speakers) named by the phrase ``[start, end)``.

    An entity counts when one of its mentions covers a naming token of the phrase (its head,
    an apposition, a coordinated name); a mention that only modifies a common-noun head
    ("Afghan" in "Afghan vice president") does not make that entity the speaker."""
    found: list[Entity] = []
    for tok in name_tokens:
        lo, hi = tok.idx, tok.idx + len(tok.text)
        if not (start <= lo < end or not name_tokens):
            continue
        hits = [(e, m) for e, m in _mentions_covering(entities, lo, hi)]
        hits.sort(key=lambda em: (_TYPE_RANK.get(em[0].type, 9), -(em[1].end - em[1].start)))
        for ent, _m in hits[:1]:
            if ent not in found:
                found.append(ent)
    found = [e for e in found if not common_noun_entity(e)]
    titled = _titled_person(found, name_tokens)
    if titled is not None:  # "X's chancellor, Ada Lind": the person, not X
        found = [titled] + [e for e in found if e.type == "PERSON" and e is not titled]
    head = name_tokens[0] if name_tokens else None
    last = next(iter(reversed(_tokens_starting_in(head.doc, start, end))), None) \
        if head is not None else None
    if found and any(t is not None and unnamed_people(t) and (
            found[0].type in ("GPE", "NORP") or not any(
                m.start <= t.idx < m.end for m in found[0].mentions)) for t in (head, last)):
        # "Philippine officials", "local residents": people the text does not name
        return Resolved(None, [], "group", True)
    if not found:
        found = _fallback(entities, start, end, name_tokens)
    if not name_tokens and not found:  # no parse of the phrase: any PERSON/ORG mention in it
        hits = sorted(_mentions_covering(entities, start, end),
                      key=lambda em: (_TYPE_RANK.get(em[0].type, 9), em[1].start))
        found = [hits[0][0]] if hits else []
    head = name_tokens[0] if name_tokens else None
    plural = len(found) > 1 or (head is not None and (head.tag_ in ("NNS", "NNPS") or
                                                      any(c.dep_ == "conj" for c in head.children)))
    role_noun = head is not None and any(
        t.text.lower() in PERSON_NOUNS for t in _tokens_starting_in(head.doc, start, end)
        if t.i <= head.i and t.dep_ in ("compound", "nsubj", "ROOT", "appos", "dobj", "pobj"))
    if found and found[0].type == "PERSON" or role_noun and not plural:
        animacy = "person"  # "baker Nadia Karam" is a person whatever the NER label says
    elif found and found[0].type in _GROUPISH:
        animacy = "group"
    elif head is not None and head.text.lower() in PERSON_NOUNS or \
            head is not None and head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        animacy = "person"
    elif head is not None and head.pos_ == "NOUN":
        animacy = "thing" if not plural else "group"
    else:
        animacy = "unknown"
    return Resolved(found[0] if found else None, found[1:], animacy, plural)


def _titled_person(found: list[Entity], name_tokens: list) -> Entity | None:
    """A person of ``found`` named in apposition to a role noun of the phrase ("University
    of X's chancellor, Ada Lind"; "the group's leader, Ivo Marrow"), else None. A role
    coordinated by "and" is a speaker of its own ("the UN and its envoy, Ivo Lind")."""
    for tok in name_tokens:
        role = tok.head
        if tok.dep_ != "appos" or role.lower_ not in PERSON_NOUNS:
            continue
        if role.dep_ == "conj" and any(c.dep_ == "cc" for c in role.head.children):
            continue
        for ent in found:
            if ent.type == "PERSON" and any(m.start <= tok.idx < m.end for m in ent.mentions):
                return ent
    return None


def _tokens_starting_in(sdoc, start: int, end: int):
    """The tokens whose first character lies in ``[start, end)``."""
    lo, hi = first_token_from(sdoc, start), first_token_from(sdoc, end)
    return sdoc[lo:hi] if hi > lo else ()


def _fallback(entities: list[Entity], start: int, end: int, name_tokens: list) -> list[Entity]:
    """No mention covers the head: a surname standing alone ("Kabulov") joins the one person
    whose name ends with it; else a person named inside the phrase but not inside a
    possessive or a prepositional modifier ("a retired teacher named Olga Kuznetsova")."""
    head = name_tokens[0] if name_tokens else None
    if head is not None and (head.pos_ == "PROPN" or head.text[:1].isupper()):
        # "Fallows remarked" (the parse may take a capitalised surname for a plural noun)
        owners = [e for e in entities if e.type == "PERSON" and " " in e.name
                  and e.name.split()[-1].lower() == head.text.lower()]
        if len(owners) == 1:
            return owners
    if head is None:
        return []
    if head.pos_ == "PROPN":
        # "the country's Emergency Management Presidency": an organisation's name with a head
        # the entity recogniser left out
        for child in head.children:
            if child.dep_ == "compound":
                orgs = [e for e, _m in _mentions_covering(entities, child.idx, child.idx + 1)
                        if e.type in ("ORG", "FAC")]
                if orgs:
                    return orgs[:1]
    if head.lower_ in PERSON_NOUNS:
        # "The governor of Ohio, Mike Lind": a name in apposition to the role's complement
        for tok in head.subtree:
            if tok.dep_ == "appos" and tok.i > head.i and start <= tok.idx < end:
                people = [e for e, _m in _mentions_covering(entities, tok.idx, tok.idx + 1)
                          if e.type == "PERSON"]
                if people:
                    return people[:1]
    blocked = set()
    for tok in head.subtree:
        if tok.dep_ in ("prep", "poss", "relcl", "agent"):
            blocked.update(t.idx for t in tok.subtree)
    for ent in entities:
        if ent.type != "PERSON":
            continue
        for m in ent.mentions:
            if start <= m.start and m.end <= end and not any(
                    m.start <= b < m.end for b in blocked):
                return [ent]
    return []


def unnamed_people(head) -> bool:
    """A plural common noun for people ("officials", "negotiators", "witnesses")."""
    return head.pos_ == "NOUN" and head.tag_ == "NNS" and head.text[:1].islower() and \
        lemma(head) in PERSON_NOUNS


def common_noun_entity(ent: Entity) -> bool:
    """An entity named by a common noun ("Reports", "Protesters") or a document's title
    ("White House Press Briefing"): no speaker."""
    low = ent.name.lower()
    if " " in low and ent.type != "PERSON" and low.split()[-1] in TITLE_HEADS:
        return True
    return " " not in low and (low in UNNAMED_SPEAKERS or low in PERSON_NOUNS or
                               low.endswith("s") and low[:-1] in PERSON_NOUNS)


def pronoun_agrees(pronoun: str, res: Resolved) -> bool:
    p = pronoun.lower()
    if p in PERSON_PRONOUNS or p == "i":
        return res.animacy in ("person", "unknown") and not res.plural
    if p in GROUP_PRONOUNS:
        return res.plural or res.animacy == "group"
    if p in THING_PRONOUNS:
        return not res.plural and res.animacy in ("group", "thing")
    return False


def nearest_antecedent(entities: list[Entity], pronoun: str, before: int,
                       window: int = 1500, sdoc=None, subject_only: bool = False,
                       after: int = 0) -> Entity | None:
    """The entity a pronoun speaker points back to: the latest fitting entity that is the
    subject of one of the two previous sentences, else (unless ``subject_only``) the closest
    fitting mention; only mentions starting at or after ``after`` count."""
    p = pronoun.lower()
    group = p in GROUP_PRONOUNS
    if p in PERSON_PRONOUNS or p == "i":
        types = ("PERSON",)
    elif group:
        types = ("ORG", "NORP", "GPE", "PERSON")  # a person only as one of coordinated subjects
    else:
        types = ("ORG", "GPE")
    found = []
    for ent in entities:
        if ent.type not in types:
            continue
        for m in ent.mentions:
            if max(before - window, after) <= m.start and m.end <= before:
                found.append((m.start, m.end, ent))
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    if sdoc is not None:
        sent_starts = sorted({s.start_char for s in sdoc.sents if s.start_char < before})
        horizon = sent_starts[-2] if len(sent_starts) >= 2 else 0
        for start, end, ent in reversed(found):
            if start < horizon:
                break
            span = sdoc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and (
                    ent.type != "PERSON" or not group or coordinated(span.root)):
                return ent
    if subject_only:
        return None
    # "they" never takes up one person named alone
    found = [f for f in found if not (group and f[2].type == "PERSON")]
    return found[-1][2] if found else None


def coordinated(head) -> bool:
    """A subject with conjuncts ("Ada Lind and her deputy", "Lind, Berg and Moss"): several
    speakers, which "they" may take up."""
    return any(c.dep_ == "conj" for c in head.children)
