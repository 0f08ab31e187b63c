"""Names that are no actor or place, whatever spaCy's label: awards and rule books ("the
Berwick Prize", "the Bus Regulations"), degrees ("Master of Arts"), a campus after its
university ("Zenda" in "University of Ruritania, Zenda"), named storms and events ("Storm Barry", and "Barry"
alone once the text has named the storm), diseases and poisons ("COVID-19"), flights
("Flight 610"), a portfolio in a title ("Interior" in "Interior Minister", "State" in
"Secretary of State"), a title alone ("President of Ruritania"), and a capitalised common
word ("Escape" in a headline-like phrase) that the same text also writes in lower case.

Some places of a text name no actor of the news: the credit of a picture caption ("Marchers
in the square. Image: Ada Lind (flickr)." - the caption itself is kept, GUM annotates it),
interview speaker labels ("((WN)) :") and hashtags ("#Vote2020"); ``unannotated`` finds them
and ``drop_unannotated`` removes the mentions there. The word lists are in ``data/entity_filters.yaml``."""
from __future__ import annotations

import functools
import re

from ..data import load_yaml, unique_words
from ..model import Document, Entity

# Parts of speech of a lower-case use that shows a capitalised word is a common word.
COMMON_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# Types for which a capitalised common word is more often a misread than a name (an
# organisation's short name, "the Court", "the Church", is a name).
COMMON_WORD_TYPES = frozenset({"PERSON", "GPE", "LOC"})
FILE = "entity_filters.yaml"
# The credit of a picture caption, from "Image:" to the end of its line.
_CREDIT = re.compile(r"^[^\n]{0,240}\b((?:Image|Photo|Picture|Photograph)s?: [^\n]{0,120})$", re.M)
_LABEL = re.compile(r"\(\([^()\n]{1,40}\)\)")
_HASHTAG = re.compile(r"#\w+")
_FLIGHT = re.compile(r"\bflight \d+\w*$")
# An academic degree ("Master of Business Administration", "Bachelor of Arts in ...").
_DEGREE = re.compile(r"^(?:master|bachelor)s?(?:['’]s?)?(?: degree)? (?:of|in)\b")
# A campus after its university system is part of the university's name ("University of
# Ruritania, Zenda"; gold marks no nested names).
_CAMPUS = re.compile(r"\bUniversity of [A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2}, $")
_ATTACHERS = frozenset({"of", "for", "in"})
# Capitalised words after "Hurricane"/"Storm" that name no storm ("the Hurricane Center").
_NOT_STORMS = frozenset({"center", "centre", "season", "warning", "watch", "advisory", "relief",
                         "hunters", "hunter", "prediction", "names", "name"})


@functools.lru_cache(maxsize=1)
def filter_words() -> dict[str, frozenset[str]]:
    """The lists of ``data/entity_filters.yaml`` as sets (a word listed twice is an error)."""
    return {key: unique_words(words, f"data/{FILE} {key}") for key, words in load_yaml(FILE).items()}


def is_not_an_entity(name: str, words: dict[str, frozenset[str]]) -> bool:
    """True when the name itself says it is no actor or place (an award, an event, a disease,
    a flight); the head may stand before "of"/"in"/"for" ("Medal of Science")."""
    low = name.lower()
    parts = low.split()
    if not parts:
        return True
    if low in words["not_entity_names"] or _FLIGHT.search(low) or _DEGREE.match(low):
        return True
    if len(parts) == 1:
        return False
    heads = {parts[-1]} | {parts[i - 1] for i, w in enumerate(parts) if i > 1 and w in _ATTACHERS}
    return bool(heads & words["not_entity_heads"]) or parts[0] in words["not_entity_openers"]


def is_title(name: str, words: dict[str, frozenset[str]], places: set[str]) -> bool:
    """A person's name made only of title words and a state ("President of Ruritania", "the
    Ruritanian prime minister"): an office, not a person."""
    parts = [p for p in re.split(r"\s+", name.lower().strip(" .,")) if p not in ("the", "of")]
    if not parts or parts[0] not in words["title_words"] and parts[-1] not in words["title_words"]:
        return False
    rest = " ".join(p for p in parts if p not in words["title_words"])
    return not rest or rest in places


def unannotated(text: str) -> list[tuple[int, int]]:
    """Character ranges with no entities: picture credits, interview labels, hashtags."""
    found = [(m.start(1), m.end(1)) for m in _CREDIT.finditer(text)]
    found += [(m.start(), m.end()) for m in _LABEL.finditer(text)]
    found += [(m.start(), m.end()) for m in _HASHTAG.finditer(text)]
    return sorted(found)


def drop_unannotated(doc: Document, entities: list[Entity]) -> list[Entity]:
    """The entities without their mentions in captions, interview labels and hashtags (an
    entity left with no mention goes)."""
    ranges = unannotated(doc.text)
    if not ranges:
        return entities
    kept = []
    for entity in entities:
        before = len(entity.mentions)
        entity.mentions = [m for m in entity.mentions
                           if not any(a <= m.start and m.end <= b for a, b in ranges)]
        if entity.mentions or not before:
            kept.append(entity)
    return kept


def storm_names(text: str, words: dict[str, frozenset[str]]) -> set[str]:
    """Names the text gives storms: "Tropical Storm Ada" -> "ada"."""
    openers = "|".join(sorted(w for w in words["not_entity_openers"] if w != "operation"))
    found = {m.group(1).lower() for m in re.finditer(rf"(?=\b(?i:{openers}) ([A-Z][a-z]+)\b)", text)}
    return found - words["not_entity_openers"] - _NOT_STORMS


def keep_entities(doc: Document, entities: list[Entity]) -> list[Entity]:
    """The entities that name actors or places; the mentions that are titles go."""
    from .actors.kb import default_kb

    words = filter_words()
    entities = drop_unannotated(doc, entities)
    common = {t.lower_ for t in doc.nlp if t.is_lower and t.pos_ in COMMON_POS}
    name_parts = {part.lower() for e in entities if e.type == "PERSON" and " " in e.name
                  for part in e.name.split()}  # "Bill" may be Bill Brown's first name
    storms = storm_names(doc.text, words)
    kb = default_kb()
    places = {n.lower() for n in kb.names} | {d.lower() for d in kb.demonyms}
    kept = []
    for entity in entities:
        if is_not_an_entity(entity.name, words) or entity.name.split()[0].lower() in storms:
            continue
        if entity.type in ("PERSON", "ORG") and not entity.roles and not entity.kb_id \
                and is_title(entity.name, words, places):
            continue  # "Detective Inspector", "State" (in "State prosecutors"): an office
        if entity.type == "GPE":
            entity.mentions = [m for m in entity.mentions
                               if not _CAMPUS.search(doc.text[max(0, m.start - 60):m.start])]
            if not entity.mentions:
                continue
        if " " not in entity.name and not entity.kb_id and not entity.roles:
            if entity.type in ("ORG", "GPE"):
                entity.mentions = [m for m in entity.mentions if not _in_title(doc, m, words)]
                if not entity.mentions:
                    continue
            if (entity.type in COMMON_WORD_TYPES and len(entity.mentions) == 1
                    and entity.name.lower() in common and entity.name.lower() not in name_parts):
                continue  # "Escape", "Band" once: the text writes the word in lower case too
            if entity.type != "NORP" and entity.name.lower() not in name_parts \
                    and all(_tagged_common(doc, m, entity.type) for m in entity.mentions):
                continue  # "Imagine ...", "'Bloody hell'", "TOGETHER!"
            if entity.name.lower() in common and entity.name.lower() not in name_parts \
                    and all(_opens_sentence(doc, m) for m in entity.mentions):
                continue  # "Protesters gathered ...": capitalised only where a sentence starts
        kept.append(entity)
    return kept


def _tagged_common(doc: Document, mention, typ: str) -> bool:
    """A one-token mention the tagger itself reads as a common word: a verb, adverb or
    interjection, or an adjective named as a person or place (not "Liberal", a party; not
    "Atlantic": seas and regions are often adjectives, LOC names stay). Plural nouns are no
    sign: spaCy reads surnames as plurals ("Sanders came second")."""
    span = doc.nlp.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.pos_ in ("VERB", "ADV", "INTJ"):
        return True
    if tok.pos_ == "ADJ":
        from .actors.gazetteer import is_place  # the actors package imports this module

        return typ not in ("ORG", "NORP", "LOC") and not is_place(tok.text)
    return False


def _opens_sentence(doc: Document, mention) -> bool:
    """The mention is the first word of its sentence (quotes and brackets aside)."""
    span = doc.nlp.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    first = span.sent.start
    while first < span.start and (doc.nlp[first].is_punct or doc.nlp[first].is_space):
        first += 1
    return first == span.start


def _in_title(doc: Document, mention, words) -> bool:
    """"Interior" (tagged ORG) in "Interior Minister Ada Lind", "State" in "Secretary of
    State": a portfolio, not a body."""
    span = doc.nlp.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start >= 2 and doc.nlp[span.start - 1].lower_ == "of" \
            and doc.nlp[span.start - 2].lower_ in ("secretary", "secretaries"):
        return True
    return span.end < len(doc.nlp) and doc.nlp[span.end].lower_ in words["title_nouns"]
