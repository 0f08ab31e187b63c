"""The ``gum`` suite: named entities, coreference, dates and quotations on GUM news.

The data is the news section of the Georgetown University Multilayer corpus (24 Wikinews
articles, CC BY). Everything is read from the CoNLL-U files in ``dep/``, which carry, per
token: the form and ``SpaceAfter=No`` (so the original text is rebuilt exactly, with a
character range per token), the gold UPOS and dependency head, the entity brackets
(``Entity=(3-organization-new-...-coref-Wiki_Id`` ... ``3)``: chain id and entity type), and
the TEI markup the token opens or closes (``XML=<quote>``, ``XML=<date when:::"2017-07-21">``).
Paragraphs (``# newpar``) are separated by a blank line. The first paragraph is the
headline (the Document's title); the body starts after it and after a paragraph holding
only a date (the dateline), whose ``when`` is the ``published`` date (else
``meta::dateCreated``).

**Entity mentions.** GUM marks every mention, pronouns and common nouns included. Gold is
restricted to *proper-name* mentions: those whose syntactic head (the token of the mention
whose dependency head lies outside it) has the gold UPOS ``PROPN``, of a type the entity layer can produce (:data:`SCORED_TYPES`:
not ``time`` - named weekdays and months are the timex layer's, scored as dates - nor
substance, animal, plant). All other mentions are
don't-care regions (see :mod:`.spans`). Type mapping (newsgraph / spaCy -> GUM), in
:data:`TYPE_MAP`: PERSON->person, ORG->organization, GPE, LOC, FAC->place, NORP->person (GUM
marks nationality adjectives as no mention and plural demonyms as groups of people;
dropping NORP instead scores about 0.005 F1 higher on the news section),
PRODUCT->object, WORK_OF_ART->object, EVENT->event, LAW->abstract. ``entity_*`` = overlap
and same type; ``entity_strict_*`` = same span and type; ``entity_head_*`` = covers the gold
head, same type; ``entity_untyped_*`` = overlap, any type; ``entity_by_type``. Bare spaCy
NER, captured in the same run, has the prefix ``spacy_``.

**Coreference.** Over *all* gold mentions (pronouns included) and every mention of our
entities: each predicted mention is paired one-to-one with a gold mention whose head it
covers (type ignored). Over the paired mentions only, a gold link is a pair in the same
gold chain and a predicted link a pair in the same newsgraph Entity. ``coref_link_p/r/f1``
compare the two link sets (pairwise); ``coref_muc_p/r/f1`` are the MUC scores of the
chains restricted to the paired mentions. Mentions only one side found do not count, so
these measure grouping, not detection (``coref_mentions`` says how many were paired).
``coref_e2e_muc_p/r/f1`` is end-to-end MUC over all gold and all predicted mentions (a
mention the other side lacks is a singleton), so detection counts too; the gate uses it.

**Dates.** Gold = ``<date>`` elements; ``date_f1`` = a predicted timex overlaps; ``date_value_f1``
also needs the TIMEX3 value to equal ``when`` (``from``/``to`` ranges never match a value).

**Quotations** are scored by ``quotes_eval.evaluate_gum_quotes`` (the ``gum`` suite adds its
``quote_*`` metrics): gold = ``<quote>`` elements, predictions = direct quotes and the quoted
fragments of mixed ones (GUM does not mark indirect speech). ``quote_annotated_dev_*`` and
``quote_annotated_heldout_*`` score the two halves of the annotated documents (name order,
alternately): quote errors are studied on the dev half only.

``python -c "from newsgraph.eval.gum import main; main()" [DIR]`` prints the metrics.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import iso_date
from .. import config
from ..model import Document
from .spans import (Span, Tally, entity_metrics, entity_spans, match, muc_counts,
                    ner_spans, pairwise_links, run_corpus, score_corpus)

LABELS = ("person", "organization", "place", "object", "event", "abstract", "time",
          "substance", "animal", "plant")
TYPE_MAP = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "person", "PRODUCT": "object", "WORK_OF_ART": "object", "EVENT": "event",
    "LAW": "abstract",
    **{label: label for label in LABELS},
}
DEFAULT_DIR = "corpus/gum-wikinews-news"
_ENTITY_ITEM = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")
_XML_TAG = re.compile(r"<(/?)([A-Za-z]\w*)([^>]*)>")
_XML_ATTR = re.compile(r'(\w+):::"([^"]*)"')


def map_type(label: str | None) -> str | None:
    return TYPE_MAP.get(label or "")


@dataclass(slots=True)
class GumToken:
    index: int  # position in the document (0-based, words only)
    form: str
    upos: str
    head: int  # document index of the dependency head, -1 for the root
    start: int
    end: int
    sentence: int
    paragraph: int


@dataclass(slots=True)
class GumMention:
    start: int
    end: int
    text: str
    type: str
    chain: str
    named: bool
    head_start: int
    head_end: int


@dataclass(slots=True)
class GumElement:
    """A TEI element over a token range (``quote``, ``q``, ``date``, ...)."""

    tag: str
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class GumDoc:
    id: str
    text: str
    title: str
    body_start: int
    published: dt.date | None
    url: str | None
    tokens: list[GumToken] = field(default_factory=list)
    mentions: list[GumMention] = field(default_factory=list)
    elements: list[GumElement] = field(default_factory=list)
    path: Path | None = None

    def document(self) -> Document:
        return Document(text=self.text, id=self.id, title=self.title, published=self.published,
                        url=self.url, source="Wikinews", body_start=self.body_start)

    def spans(self, tag: str) -> list[GumElement]:
        return [e for e in self.elements if e.tag == tag]



def _misc(field_: str) -> dict[str, str]:
    out = {}
    for part in field_.split("|") if field_ != "_" else []:
        key, _, value = part.partition("=")
        out[key] = value
    return out


def parse_conllu(source: str, name: str = "") -> list[GumDoc]:
    """Parse GUM CoNLL-U (one or more ``# newdoc`` documents) given as a string."""
    docs: list[GumDoc] = []
    for chunk in re.split(r"(?m)^(?=# newdoc id\s*=)", source):
        if chunk.strip():
            docs.append(_parse_doc(chunk, name))
    return docs


def _parse_doc(source: str, name: str) -> GumDoc:
    meta: dict[str, str] = {}
    parts: list[str] = []
    pos = 0
    tokens: list[GumToken] = []
    words: list[tuple[GumToken, dict[str, str]]] = []
    sentence = paragraph = -1
    new_par = False
    pending_space = ""  # separator owed before the next token
    mwt_end = -1
    mwt_range: tuple[int, int] | None = None
    mwt_forms: list[str] = []
    mwt_form = ""
    sent_offset = 0  # document index of the sentence's first word
    sent_heads: list[tuple[GumToken, int]] = []

    def flush_heads() -> None:
        for tok, local_head in sent_heads:
            tok.head = sent_offset + local_head - 1 if local_head > 0 else -1

    for line in source.splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition("=")
            key, value = key.strip(), value.strip()
            if key == "newdoc id":
                meta["id"] = value
            elif key.startswith("meta::"):
                meta[key[6:]] = value
            elif key == "newpar":
                new_par = True
            continue
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        tid = cols[0]
        if "." in tid:
            continue  # empty node
        if "-" in tid:  # multi-word token: its form carries the text
            a, b = (int(x) for x in tid.split("-"))
            mwt_end = b
            if parts or pending_space:
                parts.append(pending_space)
                pos += len(pending_space)
            mwt_range = (pos, pos + len(cols[1]))
            mwt_form = cols[1]
            parts.append(cols[1])
            pos += len(cols[1])
            pending_space = "" if _misc(cols[9]).get("SpaceAfter") == "No" else " "
            mwt_forms = []
            continue
        local = int(tid)
        if local == 1:
            flush_heads()
            sent_heads = []
            sent_offset = len(tokens)
            sentence += 1
            if new_par or paragraph < 0:
                paragraph += 1
                if parts:
                    pending_space = "\n\n"
            new_par = False
        misc = _misc(cols[9])
        if mwt_range is not None and local <= mwt_end:
            # split the multi-word token's range by the word forms when they spell it
            rel = sum(len(f) for f in mwt_forms)
            if mwt_form[rel:rel + len(cols[1])] == cols[1]:
                start, end = mwt_range[0] + rel, mwt_range[0] + rel + len(cols[1])
            else:
                start, end = mwt_range
            mwt_forms.append(cols[1])
            if local == mwt_end:
                mwt_range = None
        else:
            if parts:
                parts.append(pending_space)
                pos += len(pending_space)
            start, end = pos, pos + len(cols[1])
            parts.append(cols[1])
            pos = end
            pending_space = "" if misc.get("SpaceAfter") == "No" else " "
        tok = GumToken(len(tokens), cols[1], cols[3], -1, start, end, sentence, paragraph)
        tokens.append(tok)
        sent_heads.append((tok, int(cols[6]) if cols[6].isdigit() else 0))
        words.append((tok, misc))
    flush_heads()
    text = "".join(parts)

    # entity brackets and TEI markup
    open_entities: list[tuple[str, int, str, str]] = []  # (chain, first token, type, spec)
    raw_mentions: list[tuple[str, str, int, int]] = []
    open_tags: list[tuple[str, int, dict[str, str]]] = []
    elements: list[GumElement] = []
    for tok, misc in words:
        for m in _XML_TAG.finditer(misc.get("XML", "")):
            closing, tag, attrs = m[1] == "/", m[2], dict(_XML_ATTR.findall(m[3]))
            if not closing:
                open_tags.append((tag, tok.index, attrs))
                continue
            for k in range(len(open_tags) - 1, -1, -1):
                if open_tags[k][0] == tag:
                    _, first, attrs_ = open_tags.pop(k)
                    elements.append(GumElement(tag, tokens[first].start, tok.end, attrs_))
                    break
        for m in _ENTITY_ITEM.finditer(misc.get("Entity", "")):
            if m[1] is not None:
                spec = m[2].split("-")
                etype = spec[0] if spec else ""
                if m[3]:
                    raw_mentions.append((m[1], etype, tok.index, tok.index))
                else:
                    open_entities.append((m[1], tok.index, etype, m[2]))
            else:
                for k in range(len(open_entities) - 1, -1, -1):
                    if open_entities[k][0] == m[4]:
                        chain, first, etype, _ = open_entities.pop(k)
                        raw_mentions.append((chain, etype, first, tok.index))
                        break

    mentions = []
    for chain, etype, first, last in raw_mentions:
        inside = range(first, last + 1)
        heads = [tokens[i] for i in inside if not (first <= tokens[i].head <= last)]
        head = heads[0] if heads else tokens[last]
        start, end = tokens[first].start, tokens[last].end
        mentions.append(GumMention(start, end, text[start:end], etype, chain,
                                   head.upos == "PROPN", head.start, head.end))
    mentions.sort(key=lambda g: (g.start, -g.end))
    elements.sort(key=lambda e: (e.start, -e.end))

    first_par_end = max((t.end for t in tokens if t.paragraph == 0), default=0)
    title = text[:first_par_end]
    body_par = 1
    published = None
    par1 = [t for t in tokens if t.paragraph == 1]
    dated = [e for e in elements if e.tag == "date" and par1
             and par1[0].start <= e.start < par1[-1].end]
    if dated:  # a dateline paragraph: every word inside the date
        published = iso_date(dated[0].attrs.get("when"))
        if all(dated[0].start <= t.start < dated[0].end for t in par1 if t.upos != "PUNCT"):
            body_par = 2
    published = published or iso_date(meta.get("dateCreated"))
    body_start = next((t.start for t in tokens if t.paragraph >= body_par), 0)
    return GumDoc(id=meta.get("id", name), text=text, title=title, body_start=body_start,
                  published=published, url=meta.get("sourceURL"), tokens=tokens,
                  mentions=mentions, elements=elements)


def read_gum(path: Path) -> list[GumDoc]:
    docs = parse_conllu(path.read_text(encoding="utf-8"), path.stem)
    for d in docs:
        d.path = path
    return docs


def corpus_files(directory: Path) -> list[Path]:
    """The CoNLL-U files: ``DIR/dep/*.conllu`` for the corpus root, else ``DIR/*.conllu``."""
    directory = Path(directory)
    if directory.is_file():
        return [directory]
    if (directory / "dep").is_dir():
        directory = directory / "dep"
    return sorted(directory.glob("*.conllu"))


def read_gum_dir(directory: Path) -> list[GumDoc]:
    return [d for p in corpus_files(directory) for d in read_gum(p)]


# --- scoring ----------------------------------------------------------------------------------

# Gold types the entity layer can produce; named "time" mentions (weekdays, months) belong to
# the timex layer and are scored as dates, substances, animals and plants are out of scope.
SCORED_TYPES = frozenset({"person", "organization", "place", "object", "event", "abstract"})


def gold_entity_spans(doc: GumDoc) -> list[Span]:
    return [Span(g.start, g.end, g.type, g.head_start, g.head_end, g.chain,
                 scored=g.named and g.type in SCORED_TYPES) for g in doc.mentions]






def coref_counts(gold: Sequence[Span], pred: Sequence[Span]) -> dict[str, int]:
    """Link and MUC counts for one document (see the module docstring)."""
    all_gold = [Span(g.start, g.end, None, g.head_start, g.head_end, g.group) for g in gold]
    pairs = match(all_gold, [Span(p.start, p.end, None, group=p.group) for p in pred],
                  "head", same_label=False)
    key = {k: all_gold[gi].group for k, (gi, _) in enumerate(pairs)}
    response = {k: pred[pi].group for k, (_, pi) in enumerate(pairs)}
    gold_links, pred_links = pairwise_links(key), pairwise_links(response)
    r_num, r_den = muc_counts(key, response)
    p_num, p_den = muc_counts(response, key)
    # End to end: every gold and every predicted mention, a missed one a singleton of its own,
    # so finding more mentions (pronouns, descriptions) and linking them right both count.
    gold_of = {pi: gi for gi, pi in pairs}
    pred_of = {gi: pi for gi, pi in pairs}
    recall_key = {gi: g.group for gi, g in enumerate(all_gold)}
    recall_resp = {gi: pred[pred_of[gi]].group for gi in pred_of}
    precision_key = {pi: p.group for pi, p in enumerate(pred)}
    precision_resp = {pi: all_gold[gold_of[pi]].group for pi in gold_of}
    er_num, er_den = muc_counts(recall_key, recall_resp)
    ep_num, ep_den = muc_counts(precision_key, precision_resp)
    return {"mentions": len(pairs), "link_tp": len(gold_links & pred_links),
            "gold_links": len(gold_links), "pred_links": len(pred_links),
            "muc_r_num": r_num, "muc_r_den": r_den, "muc_p_num": p_num, "muc_p_den": p_den,
            "e2e_r_num": er_num, "e2e_r_den": er_den, "e2e_p_num": ep_num, "e2e_p_den": ep_den}


def coref_metrics(pairs: list[tuple[list[Span], list[Span]]]) -> dict[str, Any]:
    total: dict[str, int] = {}
    for gold, pred in pairs:
        for k, v in coref_counts(gold, pred).items():
            total[k] = total.get(k, 0) + v
    links = Tally(total.get("link_tp", 0), total.get("pred_links", 0), total.get("gold_links", 0))
    out = links.metrics("coref_link")
    for name, prefix in (("muc", "coref_muc"), ("e2e", "coref_e2e_muc")):
        r = total[f"{name}_r_num"] / total[f"{name}_r_den"] if total.get(f"{name}_r_den") else 0.0
        p = total[f"{name}_p_num"] / total[f"{name}_p_den"] if total.get(f"{name}_p_den") else 0.0
        out.update({f"{prefix}_p": p, f"{prefix}_r": r, f"{prefix}_f1": 2 * p * r / (p + r) if p + r else 0.0})
    out["coref_mentions"] = total.get("mentions", 0)
    return out


def score_documents(golds: Sequence[GumDoc], preds: Sequence[Document],
                    spacy_ents: Sequence[Sequence[tuple[int, int, str]]] | None = None,
                    ) -> dict[str, Any]:
    """All metrics for gold documents and the pipeline's output on them (same order)."""
    ent_pairs = [(gold_entity_spans(g), entity_spans(p, map_type)) for g, p in zip(golds, preds)]
    out: dict[str, Any] = {"documents": len(golds)}
    out.update(entity_metrics(ent_pairs, "entity", LABELS))
    if spacy_ents is not None:
        out.update(entity_metrics([(gold_entity_spans(g), ner_spans(e, map_type))
                                   for g, e in zip(golds, spacy_ents)], "spacy_entity", LABELS))
    out.update(coref_metrics(ent_pairs))

    date_pairs = []
    for g, p in zip(golds, preds):
        gold = [Span(e.start, e.end, e.attrs.get("when")) for e in g.spans("date")]
        date_pairs.append((gold, [Span(t.start, t.end, t.value) for t in p.timexes]))
    out.update(score_corpus(date_pairs, "overlap", same_label=False).metrics("date"))
    value = score_corpus(date_pairs, "overlap", same_label=True)
    out.update({"date_value_p": value.precision, "date_value_r": value.recall,
                "date_value_f1": value.f1})
    return out


def evaluate_gum(dir: Path, stages: list[str] | None = None,  # noqa: A002 (the brief's name)
                 batch_size: int = config.DEFAULT_BATCH_SIZE) -> dict[str, Any]:
    """Run the pipeline (``stages``, default ``config.stage_names()``) over GUM news and score it."""
    golds = read_gum_dir(Path(dir))
    return run_corpus(golds, stages, batch_size, score_documents)


def main(argv: Sequence[str] | None = None) -> None:
    from .suites import shared_dir

    args = list(sys.argv[1:] if argv is None else argv)
    directory = Path(args[0]) if args else shared_dir() / DEFAULT_DIR
    print(json.dumps(evaluate_gum(directory), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
