"""Mentions that name a thing or a family rather than an actor or a place (``entities.v1``
asks after the surname fold, before its filters):

* a title of a work: the name right after a work noun ("the 1990 comedy Blue Harbour", "a
  song called Far Away"), also at the end of a longer title ("the documentary Beware of Mr.
  Lind"), or everything inside quotation marks after one ("the novel titled
  'Ada in Zenda'") or before one ("the 'Zenda Nights' album"). spaCy often takes such titles
  for people or organisations; they become WORK_OF_ART mentions (no actor, no place);
* a product by its model: a brand before a model number ("a Zenda 450 van", "the Airbus
  A380"), a name after a maker and a number ("the Zenda 450 Max", again "the 450 Max") or
  after a model year and a maker ("a 2005 Zenda Vela"): PRODUCT mentions;
* a place inside the name of an event after its year ("the 2020 Ruritanian presidential
  election", "the 2019 Zenda census"): EVENT mentions (named events are no entities); a
  place or people naming a unit or currency after an amount ("40 billion Ruritanian
  gallons", "100 Zendan lari"): QUANTITY mentions;
* a family by its surname: the plural of a person's surname ("the Linds") or the surname
  before "family" ("the Lind family"): a family is no single referent, the mention goes.

Each moved mention joins an entity of its own under the new type (one per name), so the rest
of an entity ("Airbus said") keeps its type.
"""
from __future__ import annotations

import re

from ...model import Document, Entity, Mention

# Nouns for works of art, shows and publications: a name right after one is its title.
WORK_NOUNS = ("song", "songs", "single", "album", "albums", "track", "ballad", "hymn",
              "anthem", "film", "films", "movie", "movies", "documentary", "comedy", "drama",
              "thriller", "musical", "opera", "show", "sitcom", "series", "programme",
              "program", "book", "books", "novel", "novels", "memoir", "autobiography", "poem",
              "painting", "sculpture", "video", "podcast", "episode", "biopic")
_TITLE_CUES = r"(?:called|titled|entitled|named)"
_OPEN, _CLOSE = "\"“‘'", "\"”’'"
_NOUNS = "|".join(WORK_NOUNS)
_CUES = frozenset({"called", "titled", "entitled", "named"})
_TITLE_SMALL = frozenset({"of", "the", "a", "an", "on", "in", "to", "for", "mr.", "mrs.", "ms."})
_QUOTED_AFTER = re.compile(rf"\b(?:{_NOUNS})(?:,? {_TITLE_CUES})?,? ?[{_OPEN}]([^\n{_CLOSE}]{{1,80}})[{_CLOSE}]", re.I)
_QUOTED_BEFORE = re.compile(rf"[{_OPEN}]([^\n{_OPEN}{_CLOSE}]{{1,80}})[,.]?[{_CLOSE}] (?:{_NOUNS})\b", re.I)
# "Zenda 450", "Zenda A380", "Zenda XC90": a model number after a brand (not a year: "the
# Zenda Party 2020 ticket")
_MODEL_AFTER = re.compile(r"^ (?!(?:1[89]|20)\d\d\b)(?:[A-Z]{0,3}\d{2,4}[A-Za-z]{0,3})\b"
                          r"(?! (?:people|percent|per|years?|km|miles)\b)")
# "Zenda 450 Max": a name after a capitalised maker and a model number; "a 2005 Zenda Vela":
# a name after a model year and a maker
_MODEL_BEFORE = re.compile(r"\b(?:[A-Z][\w-]* [A-Z]{0,3}\d{2,4}[A-Za-z]{0,3}|(?:19|20)\d\d [A-Z][\w-]+) $")
# "the 450 Max" again, once the text has named the product
_NUMBER_BEFORE = re.compile(r"\b[A-Z]{0,3}\d{2,4}[A-Za-z]{0,3} $")
# "the 2020 Ruritanian presidential election": a place inside a named event's name
_EVENT_YEAR = re.compile(r"\b(?:19|20)\d\d $")
# "37 billion Ruritanian gallons", "100 Zendan lari": a place or people naming a unit or a
# currency after an amount
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*(?: (?:thousand|million|billion|trillion))? $")
_UNIT_AFTER = re.compile(r"^ (?:gallons?|litres?|liters?|dollars?|cents?|pounds?|lari|rubles?|roubles?|"
                         r"yuan|yen|pesos?|rupees?|euros?|francs?|liras?|lire|dinars?|rand|won|krona|"
                         r"kronor|kroner|krone|shillings?|rupiah|ringgit|baht|dirhams?|riyals?|tons?|tonnes?)\b")
_EVENT_NOUN = re.compile(r"^(?: [a-z]+){0,2} (?:elections?|primary|primaries|caucus|caucuses|referendum|census)\b")
_VERBISH = frozenset({"VERB", "AUX"})
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def _title_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of titles in quotation marks next to a work noun."""
    return [(m.start(1), m.end(1)) for pattern in (_QUOTED_AFTER, _QUOTED_BEFORE)
            for m in pattern.finditer(text)]


def _after_work_noun(doc: Document, mention: Mention) -> bool:
    """The mention follows a work noun (a noun in the parse: "to show Zenda" is a verb),
    maybe with "called", and no verb follows it ("the book Lind wrote" names a person), or
    it ends a longer capitalised title that follows one."""
    sdoc = doc.nlp
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand") if sdoc is not None else None
    if span is None or span.start == 0:
        return False
    i = span.start - 1
    while i > 0 and span.start - i <= 5 and sdoc[i].lower_ not in WORK_NOUNS \
            and sdoc[i].lower_ not in _CUES and (sdoc[i].lower_ in _TITLE_SMALL or sdoc[i].text[:1].isupper()):
        i -= 1  # "the documentary Beware of Mr. Lind": the mention ends a longer title
    longer = i < span.start - 1
    if longer and not sdoc[i + 1].text[:1].isupper():
        return False
    if sdoc[i].lower_ in _CUES and i > 0:
        i -= 1
    if sdoc[i].lower_ not in WORK_NOUNS or sdoc[i].pos_ != "NOUN":
        return False
    return longer or span.end >= len(sdoc) or sdoc[span.end].pos_ not in _VERBISH


def kind_of_thing(doc: Document, mention: Mention, titles: list[tuple[int, int]]) -> str | None:
    """WORK_OF_ART, PRODUCT, EVENT or QUANTITY when the mention names one or is part of the
    name of one (see the module docstring)."""
    if _in_event_name(doc, mention):
        return "EVENT"
    if _in_unit(doc, mention):
        return "QUANTITY"
    if any(a <= mention.start and mention.end <= b for a, b in titles) or _after_work_noun(doc, mention):
        return "WORK_OF_ART"
    possessive = mention.text.endswith(("'s", "’s"))
    if not possessive and _MODEL_AFTER.match(doc.text[mention.end:mention.end + 16]) or \
            _MODEL_BEFORE.search(doc.text[max(0, mention.start - 30):mention.start]):
        return "PRODUCT"
    return None


def family_mention(doc: Document, mention: Mention, surnames: frozenset[str]) -> bool:
    """"the Linds", "the Linds'" or "the Lind family" for a person surnamed Lind."""
    word = re.sub(r"['’]s?$", "", mention.text.strip())
    if " " in word:
        return False
    low = word.lower()
    if low.endswith("s") and low[:-1] in surnames and low not in surnames:
        return True
    return low in surnames and bool(re.match(r"['’]?s? famil(?:y|ies)\b", doc.text[mention.end:mention.end + 12]))


def _in_event_name(doc: Document, mention: Mention) -> bool:
    """Part of a named event after its year ("the 2016 Ruritanian election")."""
    return bool(_EVENT_YEAR.search(doc.text[max(0, mention.start - 6):mention.start])
                and _EVENT_NOUN.match(doc.text[mention.end:mention.end + 40]))


def _in_unit(doc: Document, mention: Mention) -> bool:
    """Part of a unit or currency after an amount ("40 Ruritanian gallons", "100 Zendan lari")."""
    return bool(_AMOUNT_BEFORE.search(doc.text[max(0, mention.start - 20):mention.start])
                and _UNIT_AFTER.match(doc.text[mention.end:mention.end + 20]))


def drop_title_mentions(doc: Document, entities: list[Entity]) -> list[Entity]:
    """The entities without mentions that later steps added inside a title (a surname found
    again in "a song called "Lind's Day"", "the documentary Beware of Mr. Lind"), for a family ("the Lind family") or inside
    an event's name (a knowledge-base country in "the 2020 Ruritanian presidential
    election"); an entity left with no mention goes."""
    titles = _title_ranges(doc.text)
    surnames = frozenset(e.name.split()[-1].lower() for e in entities
                         if e.type == "PERSON" and " " in e.name)
    kept = []
    for entity in entities:
        if entity.type not in ("WORK_OF_ART", "PRODUCT"):
            entity.mentions = [m for m in entity.mentions
                               if not any(a <= m.start and m.end <= b for a, b in titles)
                               and not (entity.type == "PERSON" and family_mention(doc, m, surnames))
                               and not (entity.type == "PERSON" and " " not in m.text
                                        and _after_work_noun(doc, m))
                               and not (entity.type in ("GPE", "NORP")
                                        and (_in_event_name(doc, m) or _in_unit(doc, m)))]
        if entity.mentions:
            kept.append(entity)
    return kept


def split_things(doc: Document, entities: list[Entity]) -> list[Entity]:
    """The entities without the mentions of works, products and families; works and products
    become entities of their own (see the module docstring)."""
    from ..entities import entity_id, normal_name

    titles = _title_ranges(doc.text)
    surnames = frozenset(e.name.split()[-1].lower() for e in entities
                         if e.type == "PERSON" and " " in e.name)
    kinds: dict[tuple[int, int], str | None] = {}
    for entity in entities:
        if not entity.roles and entity.type in _ACTOR_TYPES:
            for m in entity.mentions:
                kinds[(m.start, m.end)] = kind_of_thing(doc, m, titles)
    work_ends = {e for (_, e), k in kinds.items() if k == "WORK_OF_ART"}
    products = {doc.text[s:e] for (s, e), k in kinds.items() if k == "PRODUCT"}
    for (s, e), k in kinds.items():  # "the 450 Max" after "the Kestrel 450 Max"
        if k is None and doc.text[s:e] in products and _NUMBER_BEFORE.search(doc.text[max(0, s - 10):s]):
            kinds[(s, e)] = "PRODUCT"
    for (s, e), k in kinds.items():  # "the show Lind's Best Friends": the title goes on
        if k is None and s - 1 in work_ends and doc.text[s - 1] == " ":
            kinds[(s, e)] = "WORK_OF_ART"
    things: dict[tuple[str, str], Entity] = {}
    kept = []
    for entity in entities:
        if entity.roles or entity.type not in _ACTOR_TYPES:
            kept.append(entity)
            continue
        stay = []
        for m in entity.mentions:
            if entity.type in ("PERSON", "ORG", "NORP") and family_mention(doc, m, surnames):
                continue
            kind = kinds.get((m.start, m.end))
            if kind is None:
                stay.append(m)
                continue
            name = normal_name(m.text) or m.text
            thing = things.get((kind, name.lower()))
            if thing is None:
                thing = things[(kind, name.lower())] = Entity(entity_id(kind, name), name, kind)
            thing.mentions.append(m)
        if stay:
            entity.mentions = stay
            kept.append(entity)
    return kept + list(things.values())
