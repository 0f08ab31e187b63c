"""Scoring quote extraction: our gold set (``eval/quotes_gold.jsonl``) and GUM's quote markup.

Matching: a predicted quote matches a gold quote when their content spans overlap and their
kinds belong to the same family (``direct``; ``indirect`` = indirect or mixed). Each gold and
each prediction is matched at most once (largest overlap first). Reported per family and for
all quotes: span-overlap P/R/F1, exact-span F1, speaker accuracy over matched quotes (the
speaker is right when ``speaker_name`` or ``speaker_text`` agrees, ignoring case, spacing and
a leading article) and a speaker-aware F1 in which a match counts only with the right speaker.

textacy's ``direct_quotations`` is scored the same way as a baseline when textacy is
installed; it is an optional tool for evaluation, never a dependency of newsgraph.

Reproduce: ``python -m newsgraph.eval.quotes_eval [eval/quotes_gold.jsonl] [--gum DIR]``.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

FAMILY = {"direct": "direct", "indirect": "indirect", "mixed": "indirect"}
QUOTE_MARKS = "\"'“”‘’«»„"
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)

Quote = dict[str, Any]  # kind, start, end, speaker_text, speaker_name


# --- pure scoring -------------------------------------------------------------------------

def _norm(value: str | None) -> str:
    if not value:
        return ""
    value = " ".join(value.split()).strip(" ,.;:" + QUOTE_MARKS).lower()
    return _ARTICLE.sub("", value)


def speaker_matches(gold: Quote, pred: Quote) -> bool:
    for key in ("speaker_name", "speaker_text"):
        g, p = _norm(gold.get(key)), _norm(pred.get(key))
        if g and p and g == p:
            return True
    return False


def _overlap(a: Quote, b: Quote) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match(gold: list[Quote], pred: list[Quote], exact: bool = False) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index): same family, overlapping (or identical)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if FAMILY.get(g["kind"]) != FAMILY.get(p["kind"]):
                continue
            if exact:
                if (g["start"], g["end"]) == (p["start"], p["end"]):
                    pairs.append((g["end"] - g["start"], gi, pi))
            elif _overlap(g, p) > 0:
                pairs.append((_overlap(g, p), gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def score_quotes(gold_docs: list[list[Quote]], pred_docs: list[list[Quote]]) -> dict[str, Any]:
    """Metrics over parallel lists of documents (each a list of quote dicts)."""
    out: dict[str, Any] = {}
    for family in ("direct", "indirect", "all"):
        def keep(q: Quote, family=family) -> bool:
            return family == "all" or FAMILY.get(q["kind"]) == family
        n_gold = n_pred = tp = tp_exact = tp_speaker = 0
        for gold, pred in zip(gold_docs, pred_docs):
            g = [q for q in gold if keep(q)]
            p = [q for q in pred if keep(q)]
            n_gold += len(g)
            n_pred += len(p)
            pairs = match(g, p)
            tp += len(pairs)
            tp_speaker += sum(speaker_matches(g[gi], p[pi]) for gi, pi in pairs)
            tp_exact += len(match(g, p, exact=True))
        prf = _prf(tp, n_pred, n_gold)
        out[f"{family}_p"], out[f"{family}_r"], out[f"{family}_f1"] = prf["p"], prf["r"], prf["f1"]
        out[f"{family}_exact_f1"] = _prf(tp_exact, n_pred, n_gold)["f1"]
        out[f"{family}_speaker_acc"] = round(tp_speaker / tp, 4) if tp else 0.0
        out[f"{family}_speaker_f1"] = _prf(tp_speaker, n_pred, n_gold)["f1"]
        out[f"{family}_gold"], out[f"{family}_pred"] = n_gold, n_pred
    return out


# --- running the systems --------------------------------------------------------------------

def load_gold(paths: Iterable[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        path = Path(path)
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            for line in file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rows.append(json.loads(line))
    return rows


def newsgraph_predictor() -> Callable[[list[str]], list[list[Quote]]]:
    """The configured pipeline as a function from texts to quote dicts (a disabled quotes
    stage shows as zero quotes)."""
    from ..model import Document
    from ..pipeline import build

    pipeline = build()

    def predict(texts: list[str]) -> list[list[Quote]]:
        docs = list(pipeline.run(Document(text=t) for t in texts))
        return [[{"kind": q.kind, "start": q.start, "end": q.end, "speaker_text": q.speaker_text,
                  "speaker_name": q.speaker_name, "cue": q.cue} for q in d.quotes] for d in docs]

    return predict


def textacy_predictor() -> tuple[Callable[[list[str]], list[list[Quote]]] | None, str]:
    """textacy's direct_quotations as a predictor, or (None, why it is unavailable)."""
    try:
        from textacy.extract.triples import direct_quotations
    except Exception as exc:  # not installed, or incompatible with this spaCy/numpy
        return None, f"textacy not importable ({type(exc).__name__}: {exc})"
    from ..nlp.spacy_model import load_model

    nlp = load_model(())  # textacy reads lemmas, so the full pipeline

    def predict(texts: list[str]) -> list[list[Quote]]:
        out = []
        for sdoc in nlp.pipe(texts):
            quotes = []
            try:
                triples = list(direct_quotations(sdoc))
            except Exception:  # the baseline failing on one text counts as no output
                triples = []
            for triple in triples:
                start, end = triple.content.start_char, triple.content.end_char
                while start < end and (sdoc.text[start] in QUOTE_MARKS or sdoc.text[start].isspace()):
                    start += 1
                while end > start and (sdoc.text[end - 1] in QUOTE_MARKS + "," or
                                       sdoc.text[end - 1].isspace()):
                    end -= 1
                speaker = " ".join(t.text for t in triple.speaker)
                quotes.append({"kind": "direct", "start": start, "end": end,
                               "speaker_text": speaker, "speaker_name": None,
                               "cue": " ".join(t.text for t in triple.cue)})
            out.append(quotes)
        return out

    return predict, "textacy.extract.triples.direct_quotations"


def evaluate_quotes(paths: list[Path], baseline: bool = True) -> dict[str, Any]:
    """Score newsgraph (and textacy when importable) on gold files in our JSONL format."""
    rows = load_gold(paths)
    texts = [r["text"] for r in rows]
    gold = [r["quotes"] for r in rows]
    result: dict[str, Any] = {"documents": len(rows)}
    result.update(score_quotes(gold, newsgraph_predictor()(texts)))
    if baseline:
        predictor, note = textacy_predictor()
        result["baseline"] = note
        if predictor is not None:
            result["textacy"] = score_quotes(gold, predictor(texts))
    return result


# --- GUM -------------------------------------------------------------------------------------

def read_gum(xml_path: Path, conllu_path: Path) -> tuple[str, list[Quote], list[Quote]]:
    """Text rebuilt from GUM's CoNLL-U (``# text`` lines, paragraphs by ``# newpar``) and the
    character spans of its ``<quote>`` (quotations) and ``<q>`` (quoted terms) elements."""
    paragraphs: list[list[str]] = []
    words: list[tuple[str, int]] = []  # (form, sentence number)
    sent_texts: list[str] = []
    for line in conllu_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            paragraphs.append([])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line[len("# text = "):])
            sent_texts.append(line[len("# text = "):])
        elif line and line[0].isdigit():
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append((cols[1], len(sent_texts) - 1))
    text_parts, sent_offsets, pos = [], [], 0
    for p_i, para in enumerate(paragraphs):
        if p_i:
            text_parts.append("\n\n")
            pos += 2
        for s_i, sent in enumerate(para):
            if s_i:
                text_parts.append(" ")
                pos += 1
            sent_offsets.append(pos)
            text_parts.append(sent)
            pos += len(sent)
    text = "".join(text_parts)
    offsets: list[tuple[int, int]] = []
    cursor = -1
    for form, s_no in words:
        base = sent_offsets[s_no] if s_no < len(sent_offsets) else 0
        at = text.find(form, max(cursor, base))
        if at < 0:  # normalised forms: keep the position, zero width
            at = max(cursor, base)
            offsets.append((at, at))
            continue
        offsets.append((at, at + len(form)))
        cursor = at + len(form)
    spans: dict[str, list[Quote]] = {"quote": [], "q": []}
    open_at: dict[str, list[int]] = {"quote": [], "q": []}
    index = 0
    for line in xml_path.read_text(encoding="utf-8").splitlines():
        tag = re.match(r"^<(/?)(quote|q)\b", line)
        if tag:
            name = tag.group(2)
            if tag.group(1):
                if open_at[name] and index > open_at[name][-1]:
                    a, b = offsets[open_at[name].pop()][0], offsets[index - 1][1]
                    while a < b and (text[a] in QUOTE_MARKS or text[a].isspace()):
                        a += 1
                    while b > a and (text[b - 1] in QUOTE_MARKS + ",." or text[b - 1].isspace()):
                        b -= 1
                    if b > a:
                        spans[name].append({"kind": "direct", "start": a, "end": b})
                elif open_at[name]:
                    open_at[name].pop()
            else:
                open_at[name].append(index)
        elif line and not line.startswith("<") and index < len(offsets):
            index += 1
    return text, spans["quote"], spans["q"]


def evaluate_gum_quotes(directory: Path, baseline: bool = True) -> dict[str, Any]:
    """Quote-span P/R/F1 against GUM's ``<quote>`` elements (direct and mixed predictions;
    GUM does not mark indirect speech). Also counts how many ``<q>`` terms were taken for
    speech (they should not be)."""
    directory = Path(directory)
    texts, gold, terms = [], [], []
    for xml_path in sorted((directory / "xml").glob("*.xml")):
        conllu = directory / "dep" / (xml_path.stem + ".conllu")
        if not conllu.exists():
            continue
        text, quotes, q_terms = read_gum(xml_path, conllu)
        texts.append(text)
        gold.append(quotes)
        terms.append(q_terms)

    # GUM marks quotations only in some documents; the "annotated" scores keep those.
    annotated = [i for i, g in enumerate(gold) if g or terms[i]]

    def quoted_parts(preds: list[list[Quote]]) -> list[list[Quote]]:
        """Direct quotes as they are; a mixed quote by its quoted fragments (what GUM marks)."""
        from ..nlp.quotes.marks import quote_mark_spans

        out = []
        for text, doc in zip(texts, preds):
            marks = quote_mark_spans(text) if any(q["kind"] == "mixed" for q in doc) else []
            items = []
            for q in doc:
                if q["kind"] == "direct":
                    items.append(dict(q))
                elif q["kind"] == "mixed":
                    items.extend({"kind": "direct", "start": m.start, "end": m.end}
                                 for m in marks if q["start"] <= m.open < q["end"])
            out.append(items)
        return out

    def summarise(preds: list[list[Quote]], keep: list[int]) -> dict[str, Any]:
        g = [gold[i] for i in keep]
        p = [preds[i] for i in keep]
        scores = score_quotes(g, p)
        taken = sum(len(match(terms[i], preds[i])) for i in keep)
        return {"p": scores["direct_p"], "r": scores["direct_r"], "f1": scores["direct_f1"],
                "exact_f1": scores["direct_exact_f1"], "gold": scores["direct_gold"],
                "pred": scores["direct_pred"], "q_terms": sum(len(terms[i]) for i in keep),
                "q_terms_taken_as_speech": taken}

    def both(preds: list[list[Quote]]) -> dict[str, Any]:
        out = summarise(preds, list(range(len(texts))))
        out.update({f"annotated_{k}": v for k, v in summarise(preds, annotated).items()})
        # a fixed split of the annotated documents (in name order, even places: dev): errors
        # are studied on the dev half only, the held-out half is the honest figure
        for half, keep in (("dev", annotated[0::2]), ("heldout", annotated[1::2])):
            out.update({f"annotated_{half}_{k}": v for k, v in summarise(preds, keep).items()
                        if k in ("p", "r", "f1")})
        return out

    result: dict[str, Any] = {"documents": len(texts), "annotated_documents": len(annotated)}
    result.update(both(quoted_parts(newsgraph_predictor()(texts))))
    if baseline:
        predictor, note = textacy_predictor()
        result["baseline"] = note
        if predictor is not None:
            result["textacy"] = both(predictor(texts))
    return result


def _print_table(title: str, ours: dict[str, Any], theirs: dict[str, Any] | None,
                 keys: list[str]) -> None:
    print(title)
    print(f"  {'metric':<22}{'newsgraph':>10}{'textacy':>10}")
    for key in keys:
        other = theirs.get(key, "") if theirs else "n/a"
        print(f"  {key:<22}{ours.get(key, ''):>10}{other:>10}")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gum = None
    if "--gum" in argv:
        i = argv.index("--gum")
        gum = Path(argv[i + 1])
        del argv[i:i + 2]
    paths = [Path(a) for a in argv] or [Path("eval/quotes_gold.jsonl")]
    result = evaluate_quotes(paths)
    keys = [f"{f}_{m}" for f in ("direct", "indirect", "all")
            for m in ("p", "r", "f1", "exact_f1", "speaker_acc", "speaker_f1", "gold", "pred")]
    _print_table(f"gold set {', '.join(map(str, paths))} ({result['documents']} texts)",
                 result, result.get("textacy"), keys)
    if "textacy" not in result:
        print(f"  baseline skipped: {result.get('baseline')}")
    if gum is not None:
        g = evaluate_gum_quotes(gum)
        _print_table(f"GUM <quote> spans in {gum} ({g['documents']} documents)", g, g.get("textacy"),
                     [f"{pre}{k}" for pre in ("", "annotated_") for k in
                      ("p", "r", "f1", "exact_f1", "gold", "pred", "q_terms",
                       "q_terms_taken_as_speech")])
        print(f"  annotated = the {g['annotated_documents']} documents with any <quote>/<q> "
              "markup (GUM leaves quotations unmarked in the others)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
