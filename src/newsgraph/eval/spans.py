"""Span matching and precision/recall/F1 shared by the corpus suites (MEANTIME, GUM).

A gold or predicted item is a ``Span``: character offsets (end exclusive) with an optional
label (the entity type, the TIMEX3 value) and, for gold spans, an optional *head* range.

Matching is one-to-one: every candidate (gold, predicted) pair that satisfies the mode is
ranked by overlap (largest first, then closest starts) and taken greedily, so a gold span
is credited at most once and a predicted span counts at most once.

Modes:

* ``overlap`` (relaxed): the spans share at least one character;
* ``strict``: same start and same end;
* ``head``: the predicted span overlaps the gold span's head range (the whole gold span
  when no head is known).

``same_label`` adds the condition that the labels are equal. Gold spans marked ``scored=False``
are *don't-care* regions: they are never counted as gold, and a predicted span left
unmatched that overlaps one of them (with the same label, when labels are compared) is not
counted as a false positive either (a don't-care span without a label excuses any label).
This is how a suite that scores only named mentions
avoids penalising a system for also finding "the company" or "he".
"""
from __future__ import annotations

import time

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..pipeline import Pipeline, Stage, build, runnable

MODES = ("overlap", "strict", "head")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str | None = None
    head_start: int | None = None
    head_end: int | None = None
    group: str | None = None  # coreference chain / entity id
    scored: bool = True  # False: a don't-care gold span

    @property
    def head(self) -> tuple[int, int]:
        if self.head_start is None or self.head_end is None:
            return self.start, self.end
        return self.head_start, self.head_end


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters two half-open ranges share (0 when disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _fits(gold: Span, pred: Span, mode: str, same_label: bool) -> int:
    """A positive rank score when ``pred`` may match ``gold`` under ``mode``, else 0."""
    if same_label and gold.label != pred.label:
        return 0
    if mode == "strict":
        return (gold.end - gold.start) + 1 if (gold.start, gold.end) == (pred.start, pred.end) else 0
    if mode == "head":
        hs, he = gold.head
        if not overlap(hs, he, pred.start, pred.end):
            return 0
        return overlap(gold.start, gold.end, pred.start, pred.end)
    if mode == "overlap":
        return overlap(gold.start, gold.end, pred.start, pred.end)
    raise ValueError(f"unknown match mode {mode!r}; expected one of {', '.join(MODES)}")


def match(gold: Sequence[Span], pred: Sequence[Span], mode: str = "overlap",
          same_label: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), sorted by gold index."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = _fits(g, p, mode, same_label)
            if score > 0:
                candidates.append((-score, abs(g.start - p.start), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


@dataclass(slots=True)
class Tally:
    """Running counts: true positives, predicted items counted, gold items counted."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self, prefix: str) -> dict[str, float | int]:
        """``{prefix}_p``, ``_r``, ``_f1``, ``_tp``, ``_gold``, ``_predicted``."""
        return {
            f"{prefix}_p": self.precision, f"{prefix}_r": self.recall, f"{prefix}_f1": self.f1,
            f"{prefix}_tp": self.tp, f"{prefix}_gold": self.gold,
            f"{prefix}_predicted": self.predicted,
        }


def score_doc(gold: Sequence[Span], pred: Sequence[Span], mode: str = "overlap",
              same_label: bool = True) -> Tally:
    """Counts for one document; don't-care gold spans are handled as the module says."""
    scored = [g for g in gold if g.scored]
    ignored = [g for g in gold if not g.scored]
    pairs = match(scored, pred, mode, same_label)
    matched = {pi for _, pi in pairs}
    free = 0
    for pi, p in enumerate(pred):
        if pi in matched:
            continue
        if any((not same_label or g.label is None or g.label == p.label)
               and overlap(g.start, g.end, p.start, p.end) for g in ignored):
            continue  # inside a don't-care region
        free += 1
    return Tally(tp=len(pairs), predicted=len(pairs) + free, gold=len(scored))


def score_corpus(docs: Iterable[tuple[Sequence[Span], Sequence[Span]]], mode: str = "overlap",
                 same_label: bool = True, label: str | None = None) -> Tally:
    """Micro-averaged counts over documents given as (gold spans, predicted spans).

    With ``label``, only gold and predicted spans of that label are considered (per type).
    """
    total = Tally()
    for gold, pred in docs:
        if label is not None:
            gold = [g for g in gold if g.label == label]
            pred = [p for p in pred if p.label == label]
        total.add(score_doc(gold, pred, mode, same_label))
    return total


def pairwise_links(groups: dict[int, str | None]) -> set[tuple[int, int]]:
    """Unordered pairs (i < j) of items that share a non-empty group."""
    by_group: dict[str, list[int]] = {}
    for item, group in groups.items():
        if group is not None:
            by_group.setdefault(group, []).append(item)
    links = set()
    for members in by_group.values():
        members.sort()
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                links.add((members[a], members[b]))
    return links


def muc_counts(key: dict[int, str | None], response: dict[int, str | None]) -> tuple[int, int]:
    """MUC numerator and denominator of ``key`` chains partitioned by ``response`` chains.

    For recall pass (gold, predicted); for precision pass (predicted, gold). Items with no
    group in ``response`` form singleton partitions.
    """
    chains: dict[str, list[int]] = {}
    for item, group in key.items():
        if group is not None:
            chains.setdefault(group, []).append(item)
    num = den = 0
    for members in chains.values():
        parts = {response.get(m) if response.get(m) is not None else f"\0{m}" for m in members}
        num += len(members) - len(parts)
        den += len(members) - 1
    return num, den


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- running the newsgraph pipeline for a corpus suite -------------------------------------

def build_pipeline(names: Sequence[str], capture_ner: dict[int, list] | None = None):
    """A Pipeline of the ``names`` that exist, in order, and the names left out (with why).

    A stage that is not registered, or whose requirements no earlier kept stage provides, is
    left out rather than failing the evaluation (``pipeline.runnable``): its layer then simply
    has zero predictions. With ``capture_ner`` (a dict), a probe stage right after the stage
    providing ``ner`` stores every document's bare spaCy entities as
    ``(start_char, end_char, label)`` under ``id(doc)``, because the pipeline releases the
    spaCy Doc at the end of each batch.
    """
    kept, skipped = runnable(names)
    stages = []
    for stage in build(kept).stages:
        stages.append(stage)
        if capture_ner is not None and "ner" in stage.provides:
            stages.append(_NerProbe(capture_ner))
    return Pipeline(stages), skipped


def entity_metrics(pairs: list[tuple[list[Span], list[Span]]], prefix: str,
                   labels: Sequence[str]) -> dict[str, Any]:
    """Overlap, strict, head and untyped scores plus per-type overlap scores."""
    out: dict[str, Any] = {}
    out.update(score_corpus(pairs, "overlap").metrics(prefix))
    out.update(score_corpus(pairs, "strict").metrics(f"{prefix}_strict"))
    out.update(score_corpus(pairs, "head").metrics(f"{prefix}_head"))
    out.update(score_corpus(pairs, "overlap", same_label=False).metrics(f"{prefix}_untyped"))
    by_type = {}
    for label in labels:
        t = score_corpus(pairs, "overlap", label=label)
        if t.gold or t.predicted:
            by_type[label] = {"p": t.precision, "r": t.recall, "f1": t.f1,
                              "gold": t.gold, "predicted": t.predicted}
    out[f"{prefix}_by_type"] = by_type
    return out


def entity_spans(doc, map_type) -> list[Span]:
    """Every mention of every entity, labelled by ``map_type`` (unmapped types dropped), grouped
    by entity for the coreference scores."""
    out = []
    for ent in doc.entities:
        label = map_type(ent.type)
        if label is not None:
            out.extend(Span(m.start, m.end, label, group=ent.id) for m in ent.mentions)
    return out


def ner_spans(ents: Sequence[tuple[int, int, str]], map_type) -> list[Span]:
    """Bare spaCy entities ``(start, end, label)`` labelled by ``map_type``."""
    return [Span(s, e, map_type(lab)) for s, e, lab in ents if map_type(lab) is not None]


def run_corpus(golds: Sequence[Any], stages: Sequence[str] | None, batch_size: int,
               score: Any) -> dict[str, Any]:
    """Run the pipeline over gold documents (each with ``document()``), score the output with
    ``score(golds, outputs, spacy_entities)`` and add the run's facts (stages, errors, time)."""
    from .. import config

    names = list(stages) if stages is not None else config.stage_names()
    captured: dict[int, list] = {}
    pipeline, skipped = build_pipeline(names, capture_ner=captured)
    docs = [g.document() for g in golds]
    began = time.perf_counter()
    outputs = list(pipeline.run(docs, batch_size=batch_size))
    elapsed = time.perf_counter() - began
    out = score(golds, outputs, [captured.get(id(d), []) for d in outputs])
    out.update({
        "stages": [n for n in pipeline.names if not n.startswith("probe.")],
        "skipped_stages": skipped,
        "stage_errors": sum(1 for d in outputs for e in d.errors if not e.message.startswith("skipped")),
        "seconds": elapsed,
        "seconds_per_doc": elapsed / len(docs) if docs else 0.0,
    })
    return out


class _NerProbe(Stage):
    """Not registered: records the bare spaCy entities before later stages refine them."""

    name = "probe.ner"
    requires = ("ner",)
    provides = ()

    def __init__(self, store: dict[int, list]):
        self.store = store

    def __call__(self, doc) -> None:
        ents = getattr(doc.nlp, "ents", ()) if doc.nlp is not None else ()
        self.store[id(doc)] = [(e.start_char, e.end_char, e.label_) for e in ents]
