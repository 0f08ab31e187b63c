"""The ``meantime`` suite: entities, time expressions and events on NewsReader MEANTIME.

MEANTIME (English section: 120 Wikinews articles, CC BY 4.0) comes as CAT XML: one
``<token t_id sentence>`` element per token, then ``<Markables>`` whose ENTITY_MENTION,
EVENT_MENTION and TIMEX3 elements point at tokens with ``<token_anchor t_id>``. An entity
mention's type is on the ENTITY instance it REFERS_TO (``ent_type`` PER, ORG, LOC, PRO,
FIN or MIX).

**Text.** The corpus has tokens, not the original text, so the reader rebuilds it: tokens
joined by single spaces except before closing punctuation (``, . ) 's n't`` ...) and after
opening brackets and currency signs; PTB quotes (`````, ``''``) become ``"``. Sentence 0 is
the headline (followed by a newline); when sentence 1 holds the document creation time
(the TIMEX3 with ``functionInDocument="CREATION_TIME"``) it is the dateline (followed by a
blank line) and the body starts after it. Every token keeps its character range.

**Scope.** MEANTIME annotates only the headline, the dateline and the first sentences of
each article (sentences 0-5 in the English section). The pipeline reads the whole article
(later sentences give context), but predictions starting after the last sentence holding
any markable are not scored.

**Published.** The DCT value is the Document's ``published`` date, the anchor for timexes.

**Entity gold.** The newsgraph entity layer (spaCy NER refined by the actor stages) names
things; MEANTIME marks every mention, including "the firm" and "its". Gold is therefore
restricted to *named* mentions: ``syntactic_type`` NAM or PRE.NAM, and, where the
annotators left ``syntactic_type`` empty (about a third of the mentions), mentions whose
head token (below) is capitalised and not the first word of its sentence. Mentions with no
type (no REFERS_TO instance) are not scored, and when several named mentions of one type
share a head ("Airbus parent EADS", "EADS"; "the United States Air Force (USAF" and
"the United States Air Force") only the shortest is. The other mentions are don't-care
regions (see :mod:`.spans`): not gold, but a prediction of the
same type inside one is not a false positive (so a coreference stage adding "he" to a
PERSON is not penalised).

**Heads.** A mention's head is the ``head`` attribute located among its tokens when given;
otherwise the last token before the first ``of , ( : -- which that who`` (the English NP
head is rightmost in the premodified part). ``entity_head_*`` credits a prediction of the
right type that overlaps the head; this is fairer to NER, whose spans stop at the name
while MEANTIME's run over the full NP ("U.S. automaker Chrysler").

**Type mapping** (newsgraph / spaCy label -> MEANTIME), in :data:`TYPE_MAP`: PERSON->PER;
ORG->ORG; GPE, LOC, FAC->LOC; NORP->LOC (MEANTIME marks nationality adjectives such as
"American" as PRE.NAM mentions of the country); PRODUCT, WORK_OF_ART, LAW->PRO; anything
else (EVENT, MONEY, DATE, ...) is not an entity mention here and is dropped. MONEY is not
mapped to FIN: MEANTIME marks amounts as VALUE markables, its FIN entities are contracts,
stocks and indexes, and mapping MONEY cost precision on this corpus. Labels already in
MEANTIME's vocabulary pass through.

**Matching.** One-to-one (:func:`.spans.match`). ``entity_*`` = relaxed: overlapping span and
same mapped type; ``entity_strict_*`` = identical span and type; ``entity_head_*`` = covers
the head, same type; ``entity_untyped_*`` = overlap ignoring type. Per type:
``entity_by_type[T]``. The same scores for bare spaCy NER (``parse.v1``'s ``doc.nlp.ents``
captured in the same run, mapped the same way) carry the prefix ``spacy_``.

**Timexes.** Gold = anchored TIMEX3s, *including* the DCT, because the dateline is part of
the rebuilt text. ``timex_f1`` = overlap; ``timex_strict_f1`` = same span; ``timex_value_f1``
= overlap and the same value.

**Events.** Gold = EVENT_MENTION anchors (usually the one-word trigger). A predicted event
counts by its trigger span when the Event has ``trigger_start``/``trigger_end``, else by its
``event_text`` located inside the evidence span, else by the evidence span. ``event_f1`` is
overlap-based; with no event stage there are 0 predictions and F1 0.

``python -c "from newsgraph.eval.meantime import main; main()" [DIR...]`` prints the metrics.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import iso_date
from .. import config
from ..model import Document, Timex
from .spans import (Span, Tally, entity_metrics, entity_spans, ner_spans, run_corpus,
                    score_corpus, score_doc)

LABELS = ("PER", "ORG", "LOC", "PRO", "FIN", "MIX")
TYPE_MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "LOC",
    "PRODUCT": "PRO", "WORK_OF_ART": "PRO", "LAW": "PRO",
    **{label: label for label in LABELS},
}
NAMED_TYPES = frozenset({"NAM", "PRE.NAM"})
DEFAULT_DIR = "corpus/meantime-en/intra-doc_annotation"

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'", "...",
                              "'s", "'S", "'re", "'ve", "'ll", "'d", "'m", "n't", "''", "”"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "US$", "#", "£", "€", "¥", "``", "“"})
_RENDER = {"``": '"', "''": '"', "“": '"', "”": '"'}
_HEAD_STOP = frozenset({"of", ",", "(", ":", "--", "which", "that", "who", "whose", ";"})


def map_type(label: str | None) -> str | None:
    return TYPE_MAP.get(label or "")


@dataclass(slots=True)
class Token:
    t_id: str
    text: str
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class GoldMention:
    start: int
    end: int
    text: str
    type: str | None
    syntactic_type: str
    named: bool
    head_start: int
    head_end: int
    instance: str | None = None  # the ENTITY m_id it refers to


@dataclass(slots=True)
class GoldEvent:
    start: int
    end: int
    text: str
    pred: str | None = None


@dataclass(slots=True)
class MeantimeDoc:
    id: str
    name: str
    text: str
    title: str
    body_start: int
    published: dt.date | None
    url: str | None
    tokens: dict[str, Token] = field(default_factory=dict)
    entities: list[GoldMention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    scored_end: int = 0  # end of the last annotated sentence; predictions after it are ignored
    path: Path | None = None

    def document(self) -> Document:
        """A fresh newsgraph Document for the pipeline."""
        return Document(text=self.text, id=self.id, title=self.title, published=self.published,
                        url=self.url, source="Wikinews", body_start=self.body_start)



def _render_tokens(elements: list[ET.Element], break_after: dict[int, str]) -> tuple[str, list[Token]]:
    """Join tokens into text; ``break_after[sentence]`` is the separator after that sentence."""
    parts: list[str] = []
    tokens: list[Token] = []
    pos = 0
    prev_raw: str | None = None
    prev_sent = 0
    quote_open = False  # straight double quotes alternate opening / closing
    after_opening = False
    for el in elements:
        raw = el.text or ""
        sent = int(el.get("sentence", "0"))
        shown = _RENDER.get(raw, raw)
        if prev_raw is not None:
            if sent != prev_sent:
                sep = break_after.get(prev_sent, " ")
            elif raw in _NO_SPACE_BEFORE or (raw == '"' and quote_open):
                sep = ""
            elif prev_raw in _NO_SPACE_AFTER or after_opening:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        after_opening = raw == '"' and not quote_open
        if raw == '"':
            quote_open = not quote_open
        tokens.append(Token(el.get("t_id", ""), raw, sent, pos, pos + len(shown)))
        parts.append(shown)
        pos += len(shown)
        prev_raw, prev_sent = raw, sent
    return "".join(parts), tokens


def _head_range(toks: list[Token], head: str | None, sentence_first: set[str]) -> tuple[int, int, Token]:
    """Character range of the mention's head and the head token (see the module docstring)."""
    if head:
        words = head.split()
        n = len(words)
        for i in range(len(toks) - n, -1, -1):
            if [t.text.lower() for t in toks[i:i + n]] == [w.lower() for w in words]:
                return toks[i].start, toks[i + n - 1].end, toks[i + n - 1]
    cut = len(toks)
    for i, t in enumerate(toks):
        if i > 0 and t.text.lower() in _HEAD_STOP:
            cut = i
            break
    prefix = [t for t in toks[:cut] if t.text not in ("'s", "'", '"', "''", ")")] or toks[:cut] or toks
    tok = prefix[-1]
    return tok.start, tok.end, tok


def _looks_named(tok: Token, sentence_first: set[str]) -> bool:
    return tok.text[:1].isupper() and tok.t_id not in sentence_first


def parse_meantime(source: str | bytes, name: str = "") -> MeantimeDoc:
    """Parse one CAT XML document given as a string."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    root = ET.fromstring(data)
    token_els = sorted(root.iter("token"), key=lambda e: int(e.get("t_id", "0")))
    markables = root.find("Markables")
    marks = list(markables) if markables is not None else []
    by_mid = {m.get("m_id"): m for m in marks}

    def anchors(el: ET.Element) -> list[str]:
        return [a.get("t_id", "") for a in el.findall("token_anchor")]

    dct_el = next((m for m in marks if m.tag == "TIMEX3"
                   and m.get("functionInDocument") == "CREATION_TIME"), None)
    dct_sentences = set()
    if dct_el is not None:
        ids = set(anchors(dct_el))
        dct_sentences = {int(e.get("sentence", "0")) for e in token_els if e.get("t_id") in ids}
    break_after = {0: "\n"}
    if dct_sentences == {1}:
        break_after[1] = "\n\n"
    text, tokens = _render_tokens(token_els, break_after)
    tok_by_id = {t.t_id: t for t in tokens}
    sentence_first: set[str] = set()
    seen_sent: set[int] = set()
    for t in tokens:
        if t.sentence not in seen_sent:
            seen_sent.add(t.sentence)
            sentence_first.add(t.t_id)
    title = text[:text.index("\n")] if "\n" in text else text
    body_sentence = 2 if dct_sentences == {1} else 1
    body_start = next((t.start for t in tokens if t.sentence >= body_sentence), 0)

    refers: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in (relations.findall("REFERS_TO") if relations is not None else []):
        target = rel.find("target")
        if target is None:
            continue
        for src in rel.findall("source"):
            refers[src.get("m_id", "")] = target.get("m_id", "")

    doc = MeantimeDoc(
        id=root.get("doc_id", name), name=root.get("doc_name", name), text=text, title=title,
        body_start=body_start, published=iso_date(dct_el.get("value") if dct_el is not None else None),
        url=root.get("url"), tokens=tok_by_id,
    )
    for m in marks:
        toks = [tok_by_id[i] for i in anchors(m) if i in tok_by_id]
        if not toks:
            continue  # a non-consuming markable (empty TIMEX3, ENTITY instance, ...)
        toks.sort(key=lambda t: t.start)
        start, end = toks[0].start, toks[-1].end
        if m.tag == "ENTITY_MENTION":
            instance = refers.get(m.get("m_id", ""))
            inst_el = by_mid.get(instance)
            etype = inst_el.get("ent_type") if inst_el is not None else None
            syn = m.get("syntactic_type") or ""
            hs, he, head_tok = _head_range(toks, m.get("head"), sentence_first)
            named = syn in NAMED_TYPES or (syn == "" and _looks_named(head_tok, sentence_first))
            doc.entities.append(GoldMention(start, end, text[start:end], etype or None, syn, named,
                                            hs, he, instance))
        elif m.tag == "TIMEX3":
            doc.timexes.append(Timex(text[start:end], start, end, m.get("type", ""),
                                     m.get("value") or None))
        elif m.tag == "EVENT_MENTION":
            doc.events.append(GoldEvent(start, end, text[start:end], m.get("pred") or None))
    last = max((x.end for x in [*doc.entities, *doc.timexes, *doc.events]), default=0)
    last_sentence = max((t.sentence for t in tokens if t.start < last), default=-1)
    doc.scored_end = max((t.end for t in tokens if t.sentence <= last_sentence), default=0)
    doc.entities.sort(key=lambda g: (g.start, g.end))
    doc.timexes.sort(key=lambda t: (t.start, t.end))
    doc.events.sort(key=lambda e: (e.start, e.end))
    return doc


def read_meantime(path: Path) -> MeantimeDoc:
    doc = parse_meantime(path.read_bytes(), path.stem)
    doc.path = path
    return doc


def corpus_files(dirs: Sequence[Path]) -> list[Path]:
    """The CAT XML files under ``dirs``; the corpus root means its intra-doc annotation."""
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
            continue
        if (d / "intra-doc_annotation").is_dir():
            d = d / "intra-doc_annotation"
        files.extend(sorted(p for p in d.rglob("*.xml")))
    return files


def read_meantime_dirs(dirs: Sequence[Path]) -> list[MeantimeDoc]:
    return [read_meantime(p) for p in corpus_files(dirs)]


# --- gold and predicted spans ---------------------------------------------------------------

def _in_scope(spans: list[Span], gold: MeantimeDoc) -> list[Span]:
    return [sp for sp in spans if sp.start < gold.scored_end]


def gold_entity_spans(doc: MeantimeDoc) -> list[Span]:
    """Named, typed mentions are scored; one per (type, head): the shortest. The rest are
    don't-care regions (nominals, pronouns, untyped mentions, nested repeats)."""
    best: dict[tuple[str | None, int, int], GoldMention] = {}
    for g in doc.entities:
        if g.named and g.type is not None:
            key = (g.type, g.head_start, g.head_end)
            if key not in best or g.end - g.start < best[key].end - best[key].start:
                best[key] = g
    keep = {id(g) for g in best.values()}
    return [Span(g.start, g.end, g.type, g.head_start, g.head_end, g.instance,
                 scored=id(g) in keep) for g in doc.entities]






def event_span(doc: Document, ev: Any) -> Span:
    """The trigger of a predicted event (see the module docstring)."""
    ts, te = getattr(ev, "trigger_start", None), getattr(ev, "trigger_end", None)
    if isinstance(ts, int) and isinstance(te, int):
        return Span(ts, te)
    trigger = (getattr(ev, "event_text", "") or "").strip()
    if trigger and len(trigger) < ev.end - ev.start:
        at = doc.text.find(trigger, ev.start, ev.end)
        if at >= 0:
            return Span(at, at + len(trigger))
    return Span(ev.start, ev.end)


def _timex_spans(timexes: Sequence[Timex]) -> list[Span]:
    return [Span(t.start, t.end, t.value) for t in timexes]


def score_documents(golds: Sequence[MeantimeDoc], preds: Sequence[Document],
                    spacy_ents: Sequence[Sequence[tuple[int, int, str]]] | None = None) -> dict[str, Any]:
    """All metrics for gold documents and the pipeline's output on them (same order)."""
    ent_pairs = [(gold_entity_spans(g), _in_scope(entity_spans(p, map_type), g))
                 for g, p in zip(golds, preds)]
    out: dict[str, Any] = {"documents": len(golds)}
    out.update(entity_metrics(ent_pairs, "entity", LABELS))
    if spacy_ents is not None:
        sp_pairs = [(gold_entity_spans(g), _in_scope(ner_spans(e, map_type), g))
                    for g, e in zip(golds, spacy_ents)]
        out.update(entity_metrics(sp_pairs, "spacy_entity", LABELS))
    # recall over every gold mention (named or not), for coreference-aware stages
    every = Tally()
    for gold, pred in ent_pairs:
        t = score_doc([Span(g.start, g.end, g.label) for g in gold], pred, "overlap")
        every.add(Tally(t.tp, 0, t.gold))
    out["entity_all_mentions_r"] = every.recall
    out["entity_all_mentions_gold"] = every.gold

    tx_pairs = [(_timex_spans(g.timexes), _in_scope(_timex_spans(p.timexes), g))
                for g, p in zip(golds, preds)]
    out.update(score_corpus(tx_pairs, "overlap", same_label=False).metrics("timex"))
    out.update(score_corpus(tx_pairs, "strict", same_label=False).metrics("timex_strict"))
    value = score_corpus(tx_pairs, "overlap", same_label=True)
    out.update({"timex_value_p": value.precision, "timex_value_r": value.recall,
                "timex_value_f1": value.f1})

    ev_pairs = [([Span(e.start, e.end) for e in g.events],
                 _in_scope([event_span(p, e) for e in p.events], g)) for g, p in zip(golds, preds)]
    out.update(score_corpus(ev_pairs, "overlap", same_label=False).metrics("event"))
    return out


def evaluate_meantime(dirs: list[Path], stages: list[str] | None = None,
                      batch_size: int = config.DEFAULT_BATCH_SIZE) -> dict[str, Any]:
    """Run the pipeline (``stages``, default ``config.stage_names()``) over MEANTIME and score it."""
    golds = read_meantime_dirs(dirs)
    return run_corpus(golds, stages, batch_size, score_documents)


def main(argv: Sequence[str] | None = None) -> None:
    from .suites import shared_dir

    args = list(sys.argv[1:] if argv is None else argv)
    dirs = [Path(a) for a in args] or [shared_dir() / DEFAULT_DIR]
    print(json.dumps(evaluate_meantime(dirs), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
