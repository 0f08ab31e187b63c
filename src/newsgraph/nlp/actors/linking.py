"""Linking mentions to the knowledge base: every KB surface (names, demonyms, capitals, seats
of power) matched in the text is attached to spaCy's mention of it, fixes spaCy's label where
spaCy was wrong ("Ansar-Allah" as a work of art, "Mujahidin" as a person), or is added when
spaCy missed the name; an alias shared by several actors is resolved by the words around it
and the document's countries. A seat of power ("the White House", "the Kremlin") is a
building (FAC) of its own, coded as its state's government, not a mention of the state."""
from __future__ import annotations

from collections import Counter

from spacy.util import filter_spans

from ...model import Document
from ..entities import normal_name
from ..entity_filters import filter_words, is_not_an_entity
from .kb import KB
from .mentions import Ment, ends_with, shouting

# spaCy labels that a knowledge-base match may overrule when the span is the alias itself.
WRONG_LABELS = frozenset({"WORK_OF_ART", "PERSON", "PRODUCT", "EVENT", "LAW"})


def link_kb(kb: KB, doc: Document, sdoc, exact, ments: list[Ment]) -> list[Ment]:
    """Attach KB matches to spaCy's mentions, fix wrong labels and add missed names."""
    spans = filter_spans([sdoc[s:e] for _, s, e in exact(sdoc)])
    by_token = {}
    for m in ments:
        for i in range(*m.tokens):
            by_token[i] = m
    countries = _doc_countries(kb, sdoc, spans)
    drop, add = set(), []
    filtered = {i for ent in sdoc.ents if is_not_an_entity(normal_name(ent.text), filter_words())
                for i in range(ent.start, ent.end) if i not in by_token}
    for span in spans:
        if shouting(span) or any(i in filtered for i in range(span.start, span.end)):
            continue  # "America" in the campaign "Make America Great Again"
        kind, actor_id = _candidate(kb, span, countries)
        if actor_id is None:
            continue
        overlapping = {id(by_token[i]): by_token[i] for i in range(span.start, span.end) if i in by_token}
        actor = kb.actors[actor_id]
        key = f"kb:{actor_id}" if kind != "demonym" else f"norp:{actor_id}"
        etype = "NORP" if kind == "demonym" else actor.type if kind == "name" else "GPE"
        if kind == "metonym":  # "the White House": a building of its own, coded as the state
            key, etype = f"seat:{actor_id}:{normal_name(span.text)}", "FAC"
        if not overlapping:
            if kind in ("capital",):  # a capital spaCy did not call a place is not one
                continue
            add.append(Ment(span.start_char, span.end_char, span.text, key, etype,
                            tokens=(span.start, span.end)))
            continue
        for m in overlapping.values():
            extra = [t for t in sdoc[m.tokens[0]:m.tokens[1]] if not (span.start <= t.i < span.end)
                     and not (t.is_punct or t.lower_ in ("the", "'s", "’s"))]
            country_like = kind in ("capital", "demonym") or actor.kind == "country"
            if m.type == "PERSON" and country_like and extra:
                continue  # "Jordan Henderson", "Georgia Smith"
            if extra and not country_like and m.type == actor.type and ends_with(m, span):
                m.key = key  # "the 116th U.S. Congress": the alias is the name's head
                continue
            if extra and (country_like or m.type not in WRONG_LABELS):
                continue  # the alias is part of a longer name spaCy found
            if extra:  # spaCy's span was wrong: replace it by the KB span
                drop.add(id(m))
                add.append(Ment(span.start_char, span.end_char, span.text, key, etype,
                                tokens=(span.start, span.end)))
                continue
            if span.end > m.tokens[1] or span.start < m.tokens[0]:  # "Taliban leadership"
                m.start, m.end = min(m.start, span.start_char), max(m.end, span.end_char)
                m.tokens = (min(m.tokens[0], span.start), max(m.tokens[1], span.end))
                m.text = doc.text[m.start:m.end]
            m.key, m.type = key, (m.type if kind == "capital" else etype)
            if kind == "capital":
                m.key = f"capital:{actor_id}"
    seen = {(m.start, m.end) for m in ments}
    return [m for m in ments if id(m) not in drop] + [a for a in add if (a.start, a.end) not in seen]

def _candidate(kb: KB, span, countries: Counter) -> tuple[str, str | None]:
    text = span.text
    if text in kb.metonyms:
        return "metonym", kb.metonyms[text]
    if text in kb.names:
        ids = kb.names[text]
        return "name", ids[0] if len(ids) == 1 else _disambiguate(kb, span, ids, countries)
    if text in kb.demonyms:
        return "demonym", kb.demonyms[text]
    if text in kb.capitals:
        return "capital", kb.capitals[text]
    return "", None

def _disambiguate(kb: KB, span, ids: list[str], countries: Counter) -> str:
    """The actor whose context words occur near the alias (weight 3) or in the document
    (weight 1), plus the document's mentions of the actor's country; ties: first listed."""
    sent = span.sent
    doc = span.doc
    near = doc[max(sent.start - 40, 0):min(sent.end + 40, len(doc))].text.lower()
    whole = doc.text.lower()

    def score(actor_id: str) -> float:
        actor = kb.actors[actor_id]
        total = sum(3 * (w in near) + (w in whole) for w in actor.context)
        return total + min(countries.get(actor.country, 0), 3)

    return max(ids, key=lambda i: (score(i), -ids.index(i)))

def _doc_countries(kb: KB, sdoc, spans) -> Counter:
    counts = Counter()
    for span in spans:
        country = kb.demonyms.get(span.text) or next(
            (i for i in kb.names.get(span.text, []) if kb.actors[i].kind == "country"), None)
        if country:
            counts[country] += 1
    return counts

