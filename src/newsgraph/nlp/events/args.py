"""Event arguments: actors (subject, passive agent, inherited subjects, conjuncts) and
participant dicts tied to the document's entities (recipients: ``event_recipients``)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from ...model import Document
from ..common.people import PERSON_NOUNS, PERSON_PRONOUNS
from ..common.reporting import STATEMENT_VERBS
from ..common.syntax import passive_agents, subject_of
from . import lexicon as lex
from .candidates import ACTOR_ENTITY_TYPES, conjuncts, is_actor_like, is_named, lemma
from .nominal import is_party_premodifier


def subject_heads(verb):
    """Actor head tokens of a verb (``common.syntax.subject_of``): its subject, or a
    passive's agents; a relative or participial clause whose noun is no party takes the
    subject of the verb that governs that noun; a gerund after "for/of" on a verb with an
    object is done by that object ("sentenced X for torturing ...")."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "of") and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        judged = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if judged is not None and is_actor_like(judged):
            return [judged], False  # "sentenced X for torturing", "accused X of stealing"
    found = subject_of(verb)
    if found.passive:
        return [a for a in found.agents if is_actor_like(a)], True
    if found.via != "own" and any(c.dep_ == "auxpass" for c in verb.children):
        # "X made albums and was awarded a medal": the inherited subject is the patient
        return [a for a in passive_agents(verb) if is_actor_like(a)], True
    if found.token is None:
        return [], False
    if found.via == "modified":
        return _host_or_noun(found.token), False
    return [found.token], False


def inherited_patient(verb):
    """The patient a passive verb takes from the clause it continues ("X made albums and was
    awarded a medal": X), else None."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    found = subject_of(verb)
    return found.token if found.via != "own" and not found.passive else None


def _host_or_noun(noun) -> list:
    """The head noun of a relative/participial clause, or, when that noun is not a party
    ("a declaration demanding ...", "a rally to protest ..."), the subject of the verb
    that governs the noun."""
    if is_actor_like(noun) or noun.pos_ not in ("NOUN",):
        return [noun]
    current = noun
    while current.head.i != current.i and current.pos_ not in ("VERB", "AUX"):
        current = current.head
    if current.pos_ in ("VERB", "AUX") and current.i != noun.i:
        heads, _ = subject_heads(current)
        if heads:
            return heads
    return [noun]


def _np_span(tok) -> tuple[int, int]:
    """Token range [start, end] of a compact noun phrase around ``tok``."""
    left = tok.i
    doc = tok.doc
    for child in tok.lefts:
        if child.dep_ in ("punct", "cc", "preconj"):
            continue
        if child.dep_ == "compound" and child.right_edge.i + 1 < tok.i and \
                doc[child.right_edge.i + 1].text == "-" and is_named(child) and is_named(tok):
            continue  # "US-Taliban": each side is its own participant
        left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod", "poss"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and tok.pos_ == "NOUN":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj:
                right = max(right, max(pobj[0].i, _np_span(pobj[0])[1]))
        elif child.dep_ == "appos" and child.ent_type_ == "PERSON":
            right = max(right, child.right_edge.i)
    doc = tok.doc
    while left < tok.i and doc[left].lower_ in ("the", "a", "an", ",", "-", "'s"):
        left += 1
    return left, right


_PERSONAL = frozenset({"he", "she", "him", "her", "his", "it", "its", "they", "them",
                       "their", "we", "us", "our"})
# First-person pronouns: inside a quote they stand for its speaker.
_SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our"})
_PLURAL_FIRST = frozenset({"we", "us", "our"})
_PRONOUN_TEXT = frozenset({"he", "she", "him", "her", "his", "hers", "it", "its", "they",
                           "them", "their", "theirs", "we", "us", "our", "i", "me", "my",
                           "you", "your", "who", "whom", "which", "that"})


def _entity_at(doc: Document, start: int, end: int, head_start: int | None = None):
    """The entity mention that names the phrase [start, end): one covering the head wins; a
    pronoun mention that does not cover the head ("its troops") never names the phrase."""
    best = None
    for ent in doc.entities:
        for m in ent.mentions:
            if m.start < end and start < m.end:
                if ent.type not in ACTOR_ENTITY_TYPES and ent.type != "PERSON":
                    continue
                covers_head = head_start is not None and m.start <= head_start < m.end
                if not covers_head and m.text.lower() in _PRONOUN_TEXT:
                    continue
                score = (covers_head, ent.type in ("PERSON", "ORG"), m.end - m.start)
                if best is None or score > best[0]:
                    best = (score, ent, m)
    return best


def _named_mention(ent, before: int):
    """The entity's last non-pronoun mention before ``before`` (else its first one)."""
    named = [m for m in ent.mentions if m.text.lower() not in _PRONOUN_TEXT]
    prior = [m for m in named if m.end <= before]
    return prior[-1] if prior else (named[0] if named else None)


def _agrees(pronoun, tok) -> bool:
    """Rough number/person agreement between a pronoun and a candidate antecedent."""
    p = pronoun.lower_
    person = tok.ent_type_ == "PERSON" or lemma(tok) in PERSON_NOUNS
    plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
    if p in ("he", "she", "him", "her", "his"):
        return person and not plural
    if p in ("it", "its"):
        return not person and not plural
    return True


def _antecedent(tok):
    """The subject of the reporting or intent verb whose complement holds ``tok`` ("Syria
    says it is willing ...", "the rebels announced they would ...", a possessive: "X says
    the rebels are under its protection")."""
    current = tok.head
    if tok.dep_ == "poss":  # "X says the rebels are under its protection": up to the verb
        while current.head.i != current.i and current.pos_ not in ("VERB", "AUX"):
            current = current.head
    while current.head.i != current.i and current.dep_ in ("ccomp", "xcomp", "conj", "advcl",
                                                          "acomp"):
        parent = current.head
        if current.dep_ == "ccomp" or lemma(parent) in STATEMENT_VERBS:
            subj = [c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lower_ not in _PRONOUN_TEXT and is_actor_like(subj[0]) \
                    and _agrees(tok, subj[0]):
                return subj[0]
        current = parent
    return None


_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")


def modifier_conjuncts(mod) -> list:
    """``mod`` and its conjuncts of any part of speech ("British and French": adjectives)."""
    out = [mod]
    for child in mod.children:
        if child.dep_ == "conj":
            out.extend(modifier_conjuncts(child))
    return out


def _party_modifier(tok) -> bool:
    return tok.pos_ != "PRON" and (is_party_premodifier(tok) or
                                   tok.dep_ == "poss" and tok.ent_type_ in ACTOR_ENTITY_TYPES)


def coordinated_parties(noun) -> list:
    """"the US and NATO forces", "British and French troops", "the Iranian and Iraqi
    governments": a participant noun whose party premodifier has party conjuncts stands for
    each of them (spaCy hangs one as the modifier and the others as its ``conj``). Returns
    the modifier tokens, or [] when there is no such coordination."""
    if noun.pos_ != "NOUN" or not is_actor_like(noun):
        return []
    for mod in noun.children:
        if mod.dep_ not in _MODIFIER_DEPS or not _party_modifier(mod):
            continue
        parties = [m for m in modifier_conjuncts(mod) if _party_modifier(m)]
        if len(parties) > 1:
            return parties
    return []


def _modifier_owner(tok):
    """The participant noun of which ``tok`` is one of several coordinated party
    modifiers, else None."""
    mod = tok
    while mod.dep_ == "conj" and mod.head.i != mod.i:
        mod = mod.head
    if mod.dep_ not in _MODIFIER_DEPS or mod.head.i == mod.i:
        return None
    noun = mod.head
    return noun if any(t.i == tok.i for t in coordinated_parties(noun)) else None


def participant(doc: Document, tok) -> dict[str, Any]:
    """The participant dict of a head token (entity, name, code, text, offsets)."""
    sdoc = tok.doc
    owner = _modifier_owner(tok)  # before the pronoun test: "US" is not "us"
    if owner is not None:
        return _modifier_participant(doc, tok, owner)
    if tok.lower_ in _SPEAKER_PRONOUNS:  # a quote's "I"/"we": its speaker, before anything else
        resolved = _quote_speaker_party(doc, tok)
        if resolved is not None:
            return resolved
    if tok.lower_ in _PERSONAL:
        resolved = _resolve_pronoun(doc, tok)
        if resolved is not None:
            return resolved
    first, last = _np_span(tok)
    start, end = sdoc[first].idx, sdoc[last].idx + len(sdoc[last])
    text = doc.text[start:end]
    found = _entity_at(doc, start, end, tok.idx)
    item: dict[str, Any] = {"entity": None, "name": text, "code": None, "text": text,
                            "start": start, "end": end}
    if found and not found[0][0] and found[1].type != "NORP" and \
            lemma(tok) in lex.INDIVIDUAL_NOUNS:
        found = None  # "a 36-year-old Cheltenham man": a hometown, not the party
    if found and not found[0][0]:  # "the governor of Ohio": its holder, when named
        found = (found[0], _office_holder(doc, tok, found[1]) or found[1], found[2])
    if found:
        _, ent, _m = found
        item.update(entity=ent.id, name=ent.name, code=ent.code)
    else:
        person = named_later(doc, tok)  # "a 25-year-old man ... He was named as X"
        if person is not None:
            item.update(entity=person.id, name=person.name, code=person.code)
    return item


_NAMING_VERBS = frozenset({"name", "identify"})


def named_later(doc: Document, tok):
    """The person an indefinite description of one person ("a 25-year-old man") is named as
    in the next two sentences, by the first naming that follows: "He was later named as X",
    "police identified the suspect as X", "..., identified only as X"; a definite one ("the
    man") only by a participle in its own sentence ("detained the man, later identified as
    X"); else None. Another indefinite person before the naming takes it."""
    if tok.pos_ != "NOUN" or lemma(tok) not in PERSON_NOUNS:
        return None
    sdoc = tok.doc
    last = tok.sent.end
    if not _indefinite(tok):  # "detained the man, later identified as X": its own sentence
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
    else:
        for _ in range(2):
            if last < len(sdoc):
                last = sdoc[last].sent.end
    for t in sdoc[tok.i + 1:last]:
        if t.pos_ == "NOUN" and lemma(t) in PERSON_NOUNS and _indefinite(t):
            return None  # someone else is introduced first
        if t.pos_ != "VERB" or lemma(t) not in _NAMING_VERBS:
            continue
        as_phrase = next((p for p in t.children if p.dep_ == "prep" and p.lower_ == "as"), None)
        # the person named anywhere in the "as" phrase ("as Reading resident Khairi Saadallah")
        lo, hi = (as_phrase.idx, as_phrase.right_edge.idx + 1) if as_phrase is not None else (0, 0)
        person = next((e for e in doc.entities if e.type == "PERSON"
                       and any(lo <= m.start < hi for m in e.mentions)), None)
        patient = next((c for c in t.children if c.dep_ in ("nsubjpass", "dobj")), None)
        if patient is None:  # "arrested a man, identified only as X"
            refers = t.tag_ == "VBN" and t.sent.start == tok.sent.start
        elif not _indefinite(tok):
            refers = False  # a definite description is named only by its own participle
        else:
            refers = patient.lower_ in PERSON_PRONOUNS or lemma(patient) in PERSON_NOUNS and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in patient.children)
        return person if refers else None
    return None


def _indefinite(tok) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _office_holder(doc: Document, tok, place):
    """The person the article names as holding the office ``tok`` of ``place`` ("the
    governor of Ohio" -> the one whose role is governor of Ohio), when exactly one does."""
    if tok.pos_ != "NOUN" or lemma(tok) not in PERSON_NOUNS:
        return None
    holders = [e for e in doc.entities if e.type == "PERSON" and e.affiliation == place.id
               and any(r.split()[-1:] == [lemma(tok)] for r in e.roles)]
    return holders[0] if len(holders) == 1 else None


def _quote_speaker_party(doc: Document, tok) -> dict[str, Any] | None:
    """"I" inside a direct or mixed quote is its speaker (when the speaker is an entity);
    "we" the body a person speaks for (a president's "we" is the state, as in
    ``commitments.speakers``), else the speaker. The text and offsets are the entity's named
    mention, ``pronoun`` the pronoun's own."""
    if "quotes" not in doc.provided:
        return None
    quote = quote_at(doc, tok.idx)
    if quote is None or quote.kind == "indirect" or not quote.speaker:
        return None
    by_id = {e.id: e for e in doc.entities}
    speaker = by_id.get(quote.speaker) if quote else None
    if speaker is None:
        return None
    if tok.lower_ in _PLURAL_FIRST and speaker.type == "PERSON" and speaker.affiliation in by_id:
        speaker = by_id[speaker.affiliation]
    return _pronoun_item(speaker, tok)


_QUOTE_INDEX: list = [None, -1, [], [], []]  # quotes list, length, starts, quotes, reach


def quote_at(doc: Document, pos: int):
    """The innermost quote of ``doc`` whose span covers ``pos``, else None: the same answer as
    testing every quote, from the quotes sorted by start (built once per quotes list),
    walking back from the last one opening before ``pos`` only while the prefix maxima of
    the ends say an earlier quote still covers it."""
    index = _QUOTE_INDEX
    if index[0] is not doc.quotes or index[1] != len(doc.quotes):
        ordered = sorted(doc.quotes, key=lambda q: (q.start, -q.end))
        reach: list[int] = []
        for q in ordered:
            reach.append(max(q.end, reach[-1]) if reach else q.end)
        index[:] = [doc.quotes, len(doc.quotes), [q.start for q in ordered], ordered, reach]
    starts, ordered, reach = index[2], index[3], index[4]
    k = bisect_right(starts, pos)  # the quotes opening at or before pos
    while k > 0 and reach[k - 1] > pos:  # some quote among the first k still covers pos
        k -= 1
        if ordered[k].end > pos:
            return ordered[k]  # the latest-opening cover: the innermost
    return None


def _modifier_participant(doc: Document, mod, noun) -> dict[str, Any]:
    """One of the coordinated parties of a participant noun: the entity is the modifier's
    own; the text runs from the modifier to the end of the noun phrase ("US and NATO
    forces", "NATO forces"), so that the head noun (the sector) stays in the text."""
    sdoc = mod.doc
    own = [c for c in mod.children if c.dep_ not in ("conj", "cc", "punct", "case", "det")]
    first = min([mod.i] + [c.left_edge.i for c in own if c.i < mod.i])
    last = max([mod.i] + [c.right_edge.i for c in own if c.i > mod.i])
    m_start, m_end = sdoc[first].idx, sdoc[last].idx + len(sdoc[last])
    end_tok = sdoc[_np_span(noun)[1]]
    end = end_tok.idx + len(end_tok)
    text = doc.text[m_start:end]
    item: dict[str, Any] = {"entity": None, "name": sdoc[first:last + 1].text, "code": None,
                            "text": text, "start": m_start, "end": end}
    found = _entity_at(doc, m_start, m_end, mod.idx)
    if found:
        _, ent, _m = found
        item.update(entity=ent.id, name=ent.name, code=ent.code)
    return item


def _pronoun_item(ent, tok) -> dict[str, Any]:
    """The participant dict of entity ``ent`` standing for the pronoun ``tok``: the text and
    offsets of its named mention before the pronoun; ``pronoun`` keeps the pronoun's own."""
    pron = {"text": tok.text, "start": tok.idx, "end": tok.idx + len(tok)}
    named = _named_mention(ent, tok.idx)
    return {"entity": ent.id, "name": ent.name, "code": ent.code,
            "text": named.text if named else ent.name,
            "start": named.start if named else pron["start"],
            "end": named.end if named else pron["end"], "pronoun": pron}


def _resolve_pronoun(doc: Document, tok) -> dict[str, Any] | None:
    """A pronoun participant: the actor entity whose (coreference) mention covers it, else
    the subject of the governing reporting verb. The text and offsets are those of the
    named mention; ``pronoun`` keeps the pronoun's own."""
    for ent in doc.entities:
        if ent.type not in ACTOR_ENTITY_TYPES:
            continue
        for m in ent.mentions:
            if m.start <= tok.idx < m.end:
                return _pronoun_item(ent, tok)
    ante = _antecedent(tok)
    if ante is not None:
        item = participant(doc, ante)
        item["pronoun"] = {"text": tok.text, "start": tok.idx, "end": tok.idx + len(tok)}
        return item
    return None


_PLURAL = frozenset({"they", "them", "their"})
_SUBJECTS = ("nsubj", "nsubjpass")


def coordinated_antecedent(doc: Document, tok):
    """The coordinated subject that an unresolved "they" takes up ("Egypt, Greece and Cyprus
    met in Cairo. They called on ..."): the nearest subject before it, in its sentence or
    the one before, when that subject coordinates named parties; else None."""
    if tok.lower_ not in _PLURAL or participant(doc, tok).get("entity"):
        return None
    sdoc = tok.doc
    sent = tok.sent
    start = sdoc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    subjects = [t for t in sdoc[start:tok.i] if t.dep_ in _SUBJECTS and t.lower_ not in _PLURAL]
    if not subjects:
        return None
    near = subjects[-1]
    members = [near] + conjuncts(near)
    if len(members) > 1 and all(is_named(m) for m in members):
        return near
    return None


def participants(doc: Document, heads: Iterable) -> list[dict[str, Any]]:
    """Participant dicts of head tokens and their members, each party once; an unresolved
    "they" stands for the named parties of the coordinated subject before it."""
    out, seen = [], set()
    for head in heads:
        head = coordinated_antecedent(doc, head) or head
        for tok in expand_members(head):
            item = participant(doc, tok)
            key = item["entity"] or item["name"].lower()
            if key in seen:
                continue
            seen.add(key)
            out.append(item)
    return out


def expand_members(tok) -> list:
    """Conjuncts of a head ("Iran and Russia"); a group with "including X" gives X; a
    participant noun with coordinated party modifiers gives each modifier."""
    result = []
    for t in conjuncts(tok):
        members = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("including",)
                   for g in c.children if g.dep_ == "pobj"]
        if members and t.pos_ == "NOUN":
            for m in members:
                result.extend(conjuncts(m))
        else:  # "the US and NATO forces": each coordinated party modifier
            result.extend(coordinated_parties(t) or [t])
    return result


def same_party(doc: Document, actor_heads: Iterable, recipient_tok) -> bool:
    """True when a recipient head stands for one of the actors: the same entity, named by
    the entity itself (its mention covers the head, or a pronoun) on at least one side.
    Two groups that only share a nationality premodifier ("Palestinian police" ...
    "Palestinian armed groups") are different parties."""
    rec = participant(doc, recipient_tok)
    for head in actor_heads:
        for tok in expand_members(head):
            act = participant(doc, tok)
            if (act.get("entity") or act["name"].lower()) != \
                    (rec.get("entity") or rec["name"].lower()):
                continue
            if act["text"].lower() == rec["text"].lower() or \
                    _names_entity(doc, tok) or _names_entity(doc, recipient_tok):
                return True
    return False


def _names_entity(doc: Document, tok) -> bool:
    """The phrase headed by ``tok`` is the entity itself (a mention covering its head, or a
    pronoun), not a common noun that a name merely modifies."""
    if tok.lower_ in _PRONOUN_TEXT:
        return True
    first, last = _np_span(tok)
    sdoc = tok.doc
    found = _entity_at(doc, sdoc[first].idx, sdoc[last].idx + len(sdoc[last]), tok.idx)
    return bool(found and found[0][0])
