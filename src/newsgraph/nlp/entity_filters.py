"""Names that are no actor or place, whatever spaCy's label: awards and rule books ("the
Berwick Prize", "the Bus Regulations"), named storms and events ("Storm Barry"), diseases
and poisons ("COVID-19"), a portfolio in a title ("Interior" in "Interior Minister"), and a
capitalised common word ("Escape" in a headline-like phrase) that the same text also writes
in lower case. The word lists are in ``data/entity_filters.yaml``."""
from __future__ import annotations

import functools

from ..data import load_yaml, unique_words
from ..model import Document, Entity

# Parts of speech of a lower-case use that shows a capitalised word is a common word.
COMMON_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# Types for which a capitalised common word is more often a misread than a name (an
# organisation's short name, "the Court", "the Church", is a name).
COMMON_WORD_TYPES = frozenset({"PERSON", "GPE", "LOC"})
FILE = "entity_filters.yaml"


@functools.lru_cache(maxsize=1)
def filter_words() -> dict[str, frozenset[str]]:
    """The lists of ``data/entity_filters.yaml`` as sets (a word listed twice is an error)."""
    return {key: unique_words(words, f"data/{FILE} {key}") for key, words in load_yaml(FILE).items()}


def is_not_an_entity(name: str, words: dict[str, frozenset[str]]) -> bool:
    """True when the name itself says it is no actor or place (an award, an event, a disease)."""
    parts = name.lower().split()
    if not parts:
        return True
    return (name.lower() in words["not_entity_names"] or parts[-1] in words["not_entity_heads"]
            or (len(parts) > 1 and parts[0] in words["not_entity_openers"]))


def keep_entities(doc: Document, entities: list[Entity]) -> list[Entity]:
    """The entities that name actors or places; the mentions that are titles go."""
    words = filter_words()
    common = {t.lower_ for t in doc.nlp if t.is_lower and t.pos_ in COMMON_POS}
    name_parts = {part.lower() for e in entities if e.type == "PERSON" and " " in e.name
                  for part in e.name.split()}  # "Bill" may be Bill Brown's first name
    kept = []
    for entity in entities:
        if is_not_an_entity(entity.name, words):
            continue
        if " " not in entity.name and not entity.kb_id and not entity.roles:
            if entity.type == "ORG":
                entity.mentions = [m for m in entity.mentions if not _in_title(doc, m, words)]
                if not entity.mentions:
                    continue
            if (entity.type in COMMON_WORD_TYPES and len(entity.mentions) == 1
                    and entity.name.lower() in common and entity.name.lower() not in name_parts):
                continue  # "Escape", "Band" once: the text writes the word in lower case too
        kept.append(entity)
    return kept


def _in_title(doc: Document, mention, words) -> bool:
    """"Interior" (tagged ORG) in "Interior Minister Ada Lind": a portfolio, not a body."""
    span = doc.nlp.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc.nlp):
        return False
    return doc.nlp[span.end].lower_ in words["title_nouns"]
