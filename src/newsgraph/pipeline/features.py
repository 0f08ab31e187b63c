"""The closed vocabulary of what a Document can have: the names stages use in ``requires``
(must be there), ``provides`` (what the stage adds) and ``reads`` (used when there, optional).

A stage naming anything else fails when it registers; a pipeline whose stage requires a
feature no earlier stage provides, or reads one that only a later stage provides, fails when
it is built (``pipeline.build``).
"""
from __future__ import annotations

FEATURES: dict[str, str] = {
    "text": "the article text and its offsets (every Document has it)",
    "metadata": "title, date, source, authors, header facts (every Document has it)",
    "parse": "the spaCy Doc: tokens, tags, lemmas, dependencies",
    "sentences": "sentence boundaries (Document.sentences)",
    "ner": "spaCy's named-entity spans on the parse",
    "entities": "one Entity per name with its mentions (Document.entities)",
    "actors": "entities linked to the knowledge base, with codes, roles and coreference",
    "timexes": "time expressions with TIMEX3 values (Document.timexes)",
    "quantities": "numbers with what they count (Document.quantities)",
    "quotes": "direct, indirect and mixed quotes with speakers (Document.quotes)",
    "genre": "news, editorial, opinion or interview (Document.genre)",
    "events": "PLOVER events (Document.events)",
    "relations": "attributed relations between actors (Document.relations)",
    "commitments": "provisions of agreements with deadlines and conditions (Document.commitments)",
}

# What a Document has before any stage runs.
INITIAL_FEATURES = frozenset({"text", "metadata"})
