"""Event-coding evaluation on two public gold sets (read at run time from ../shared).

``evaluate_plover``: PLOVER_GSR_CAMEO.txt (PLOVER 0.5b1/0.6b1 labels mapped to the current 16:
DEMAND -> REQUEST, DISAPPROVE/INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT). One gold event per
sentence; we compare the sentence's *top* predicted event: the event whose trigger is
highest in the dependency tree (fewest arcs to the root; ties: verbal before nominal, then
the earlier one). PLOVER codes intended cooperation as AGREE, so a top event with factuality
"future" of a cooperative type is scored as AGREE (a future RETREAT as CONCEDE).
``recipient_match`` counts a hit when ANY predicted recipient overlaps a gold one;
``recipient_match_strict`` only looks at the first (main) predicted recipient, so extra
recipients get no free credit.

``evaluate_petrarch``: PETR.UnitTest.gold.jsonl (CAMEO codes mapped to PLOVER with
CAMEO2PLOVER-2021.txt, longest code prefix first; CAMEO 02 "appeal", absent from the table, is
REQUEST as the PLOVER manual says; codes with no mapping, such as the suite's test-only codes,
are left out and counted). Actor codes come from the suite's fictional actor and agent
dictionaries, matched inside our actor spans.

Run: ``python -m newsgraph.eval.events_eval`` (prints both reports as JSON).
"""
from __future__ import annotations

import json
import re
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..pipeline import Stage

OLD_TO_NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION"})
NO_EVENT = "NONE"


# ---------------------------------------------------------------- shared scoring helpers

def plover_label(event) -> str:
    """The PLOVER category a coder would give: intended cooperation is AGREE."""
    etype = event.event
    if getattr(event, "factuality", "asserted") == "future":
        if etype in COOPERATIVE:
            return "AGREE"
        if etype == "RETREAT":
            return "CONCEDE"
    if getattr(event, "factuality", "asserted") in ("future", "conditional") and \
            etype in HOSTILE:
        return "THREATEN"  # an announced or conditional act of conflict is a threat
    return etype


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")
_STOP = frozenset("the a an of and in on for to with from by at his her its their".split())


def text_overlap(pred: dict[str, Any], gold_text: str, sentence: str) -> bool:
    """A predicted participant matches a gold one when their texts overlap: by character
    span when the gold text is found in the sentence, else by a shared content word."""
    gold_text = (gold_text or "").strip()
    if not gold_text:
        return False
    pos = sentence.find(gold_text)
    if pos >= 0 and pred.get("start") is not None:
        return span_overlap((pred["start"], pred["end"]), (pos, pos + len(gold_text)))
    gw = {w.lower() for w in _WORD.findall(gold_text)} - _STOP
    pw = {w.lower() for w in _WORD.findall(pred.get("text") or pred.get("name") or "")} - _STOP
    return bool(gw & pw)


def any_match(preds: Sequence[dict[str, Any]], golds: Sequence[str], sentence: str) -> bool:
    return any(text_overlap(p, g, sentence) for p in preds for g in golds)


def classification_report(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Accuracy, per-type P/R/F1, macro-F1 over gold types and a confusion matrix from
    (gold, predicted) label pairs; ``NONE`` is a prediction of no event."""
    pairs = list(pairs)
    confusion: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for gold, pred in pairs:
        confusion[gold][pred] += 1
    labels = sorted({g for g, _ in pairs})
    per_type = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[label] = {"precision": round(prec, 4), "recall": round(rec, 4),
                           "f1": round(f1, 4), "support": tp + fn}
    correct = sum(1 for g, p in pairs if g == p)
    return {
        "n": len(pairs),
        "accuracy": round(correct / len(pairs), 4) if pairs else 0.0,
        "macro_f1": round(sum(v["f1"] for v in per_type.values()) / len(per_type), 4)
        if per_type else 0.0,
        "per_type": per_type,
        "confusion": {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())},
    }


# ---------------------------------------------------------------- top event

def top_event(doc) -> Any:
    """The event highest in the dependency tree of ``doc.nlp`` (see the module doc)."""
    if not doc.events:
        return None
    sdoc = doc.nlp
    starts = {t.idx: t for t in sdoc} if sdoc is not None else {}

    def key(item):
        n, ev = item
        tok = starts.get(ev.start)
        depth = 99
        if tok is not None:
            depth = 0
            while tok.head.i != tok.i:
                tok, depth = tok.head, depth + 1
        nominal = tok is not None and tok.pos_ in ("NOUN", "PROPN")
        return (depth, nominal, n)

    return min(enumerate(doc.events), key=key)[1]


_PIPELINES: dict[tuple[str, ...], Any] = {}


class _TopEventProbe(Stage):
    """A last pipeline step that picks each document's top event while ``doc.nlp`` (which
    ``Pipeline`` releases after the batch) is still there."""

    name = "eval.top-event"

    def __init__(self) -> None:
        self.top: dict[str, Any] = {}

    def process_batch(self, docs) -> None:
        for doc in docs:
            self.top[doc.id] = top_event(doc) if doc.nlp is not None else None


def configured_pipeline(names: Sequence[str] | None = None):
    """The configured pipeline (``config.stage_names()``: NEWSGRAPH_STAGES or the defaults)
    plus the top-event probe; built once per stage list."""
    from ..config import stage_names
    from ..pipeline import Pipeline, build

    key = tuple(names if names is not None else stage_names())
    if key not in _PIPELINES:
        base = build(key)
        _PIPELINES[key] = (Pipeline([*base.stages, _TopEventProbe()]), base.stages)
    return _PIPELINES[key][0]


def code_texts(texts: Sequence[str], names: Sequence[str] | None = None,
               batch_size: int = 32) -> list[tuple[Any, Any]]:
    """Run the configured pipeline over ``texts`` in batches: (Document, top event) pairs."""
    from ..model import Document

    pipe = configured_pipeline(names)
    probe = pipe.stages[-1]
    probe.top.clear()
    docs = [Document(text=t, id=f"eval-{i}") for i, t in enumerate(texts)]
    out = [(doc, probe.top.get(doc.id)) for doc in pipe.run(docs, batch_size=batch_size)]
    probe.top.clear()
    return out


# ---------------------------------------------------------------- PLOVER GSR

def load_plover(path: Path | str) -> list[dict[str, Any]]:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for rec in records:
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        out.append({
            "id": rec["id"],
            "text": rec["text"],
            "event": OLD_TO_NEW.get(rec["event"], rec["event"]),
            "mode": rec.get("mode"),
            "actors": _actor_texts(rec.get("source")),
            "recipients": _actor_texts(rec.get("target")),
        })
    return out


def _actor_texts(value) -> list[str]:
    if not value or not isinstance(value, list):
        return []
    return [a.get("actorText", "").strip() for a in value if isinstance(a, dict)
            and a.get("actorText")]


def split_of(record_id: str) -> str:
    """A fixed dev / held-out split by a checksum of the id (half each, by type mix)."""
    return "dev" if zlib.crc32(record_id.encode()) % 2 == 0 else "heldout"


def score_plover(gold: Sequence[dict[str, Any]], predicted: Sequence[Any]) -> dict[str, Any]:
    """Score top events (or None) against gold records in the same order."""
    pairs = []
    actor_total = actor_hit = recip_total = recip_hit = recip_strict = 0
    covered = 0
    for rec, ev in zip(gold, predicted):
        label = plover_label(ev) if ev is not None else NO_EVENT
        covered += ev is not None
        pairs.append((rec["event"], label))
        if rec["actors"]:
            actor_total += 1
            if ev is not None and any_match(ev.actor, rec["actors"], rec["text"]):
                actor_hit += 1
        if rec["recipients"]:
            recip_total += 1
            if ev is not None and any_match(ev.recipient, rec["recipients"], rec["text"]):
                recip_hit += 1
            if ev is not None and any_match(ev.recipient[:1], rec["recipients"], rec["text"]):
                recip_strict += 1  # only the first (main) predicted recipient counts
    report = classification_report(pairs)
    report.update({
        "coverage": round(covered / len(gold), 4) if gold else 0.0,
        "actor_match": round(actor_hit / actor_total, 4) if actor_total else 0.0,
        "actor_n": actor_total,
        "recipient_match": round(recip_hit / recip_total, 4) if recip_total else 0.0,
        "recipient_match_strict": round(recip_strict / recip_total, 4) if recip_total else 0.0,
        "recipient_n": recip_total,
    })
    return report


def evaluate_plover(path: Path | str, limit: int | None = None) -> dict[str, Any]:
    """Type accuracy, macro-F1, actor/recipient match, confusion and coverage on the GSR;
    also split into the dev and held-out halves."""
    gold = load_plover(path)[:limit]
    predicted = [top for _doc, top in code_texts([rec["text"] for rec in gold])]
    report = score_plover(gold, predicted)
    for part in ("dev", "heldout"):
        idx = [i for i, rec in enumerate(gold) if split_of(rec["id"]) == part]
        sub = score_plover([gold[i] for i in idx], [predicted[i] for i in idx])
        report[part] = {k: sub[k] for k in ("n", "accuracy", "macro_f1", "coverage",
                                             "actor_match", "recipient_match",
                                             "recipient_match_strict")}
    report["top_event_rule"] = "highest trigger in the dependency tree; verbal before nominal"
    return report


# ---------------------------------------------------------------- PETRARCH unit tests

def load_cameo_map(path: Path | str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)", line)
        if m and m.group(1) not in table:
            table[m.group(1)] = m.group(2)
    return table


def cameo_to_plover(code: str, table: dict[str, str]) -> str | None:
    code = str(code).strip()
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in table:
            return table[code[:n]]
    if code.startswith("02"):
        return "REQUEST"  # CAMEO "appeal": PLOVER REQUEST (absent from the conversion table)
    return None


class ActorDictionary:
    """The suite's actor and agent dictionaries as regular expressions (names with ``_``
    for spaces; a trailing ``_`` is a whole word, otherwise a word prefix as in PETRARCH)."""

    def __init__(self, actors_path: Path | str | None, agents_path: Path | str | None):
        self.actors = self._load(actors_path, agents=False) if actors_path else []
        self.agents = self._load(agents_path, agents=True) if agents_path else []

    @staticmethod
    def _load(path, agents: bool) -> list[tuple[re.Pattern, str]]:
        entries: list[tuple[str, str]] = []
        last_code = None
        subs: dict[str, list[str]] = {}
        for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#")[0].strip()
            if not line or line.startswith("<") or line.startswith("-"):
                continue
            m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
            if m:
                subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            if line.startswith("+"):
                if last_code:
                    entries.append((line[1:].strip(), last_code))
                continue
            m = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]+)\]", line)
            if not m:
                continue
            name, plural, code = m.group(1), m.group(2), m.group(3).strip()
            code = code.lstrip("~").split()[0].upper()
            if agents:
                code = "~" + code
            last_code = code
            names = [name] + ([p for p in plural.split(",") if p.strip()] if plural else [])
            for nm in names:
                expanded = [nm]
                for key, words in subs.items():
                    if f"!{key}!" in nm:
                        expanded = [nm.replace(f"!{key}!", w) for w in words]
                for e in expanded:
                    entries.append((e, code))
        out = []
        for name, code in sorted(entries, key=lambda e: -len(e[0])):
            exact = name.endswith("_")
            words = [w for w in name.strip("_ ").replace("_", " ").split() if w]
            if not words:
                continue
            body = r"\s+".join(re.escape(w) for w in words)
            tail = r"\b" if exact or agents is False and len(words[-1]) < 4 else r"\w*"
            if agents:
                tail = r"(?:s|es)?\b"
            out.append((re.compile(r"(?<!\w)" + body + tail, re.I), code))
        return out

    def code(self, text: str) -> str | None:
        """The code of a participant text: actor code + agent sector ("CAL" + "GOV")."""
        actor = agent = None
        for pattern, code in self.actors:
            if pattern.search(text):
                actor = code
                break
        for pattern, code in self.agents:
            if pattern.search(text):
                agent = code[1:]
                break
        if actor and agent:
            return actor + agent
        return actor or agent


def load_petrarch(path: Path | str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def evaluate_petrarch(path: Path | str, cameo_map: Path | str | None = None,
                      actors: Path | str | None = None, agents: Path | str | None = None,
                      limit: int | None = None) -> dict[str, Any]:
    """Event precision/recall at the PLOVER-type level per sentence, and actor/recipient
    code match for the gold events we find."""
    path = Path(path)
    base = path.parent
    cameo_map = Path(cameo_map) if cameo_map else base.parent / "PLOVER" / "CAMEO2PLOVER-2021.txt"
    actors = Path(actors) if actors else base / "PETR.Validate.actors.txt"
    agents = Path(agents) if agents else base / "PETR.Validate.agents.txt"
    table = load_cameo_map(cameo_map)
    dictionary = ActorDictionary(actors if actors.exists() else None,
                                 agents if agents.exists() else None)
    records = [r for r in load_petrarch(path) if not r.get("gold_error")][:limit]
    tp = fp = fn = 0
    unmapped = 0
    src_total = src_hit = src_root = tgt_total = tgt_hit = tgt_root = 0
    pairs = []
    coded = code_texts([rec["text"] for rec in records])
    for rec, (doc, top) in zip(records, coded):
        gold = []
        for ge in rec.get("gold_events") or []:
            label = cameo_to_plover(ge.get("event", ""), table)
            if label is None:
                unmapped += 1
                continue
            gold.append((label, ge))
        preds = [(ev.event, ev) for ev in doc.events]  # CAMEO codes surface intent as the act
        if gold:
            pairs.append((gold[0][0], top.event if top is not None else NO_EVENT))
        remaining = list(preds)
        for label, ge in gold:
            match = next((p for p in remaining if p[0] == label), None)
            if match is None:
                fn += 1
                continue
            remaining.remove(match)
            tp += 1
            ev = match[1]
            for role, gold_code, counts in (("actor", ge.get("source"), "src"),
                                            ("recipient", ge.get("target"), "tgt")):
                if not gold_code or gold_code == "---":
                    continue
                codes = [dictionary.code(p.get("text") or p["name"]) for p in getattr(ev, role)]
                codes = [c for c in codes if c]
                exact = gold_code in codes
                root = any(c[:3] == gold_code[:3] for c in codes)
                if counts == "src":
                    src_total += 1
                    src_hit += exact
                    src_root += root
                else:
                    tgt_total += 1
                    tgt_hit += exact
                    tgt_root += root
        fp += len(remaining)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec_ = tp / (tp + fn) if tp + fn else 0.0
    top_report = classification_report(pairs)
    return {
        "sentences": len(records),
        "gold_events": tp + fn,
        "unmapped_gold_events": unmapped,
        "event_precision": round(prec, 4),
        "event_recall": round(rec_, 4),
        "event_f1": round(2 * prec * rec_ / (prec + rec_), 4) if prec + rec_ else 0.0,
        "top_event_accuracy": top_report["accuracy"],
        "actor_code_match": round(src_hit / src_total, 4) if src_total else 0.0,
        "actor_code_root_match": round(src_root / src_total, 4) if src_total else 0.0,
        "recipient_code_match": round(tgt_hit / tgt_total, 4) if tgt_total else 0.0,
        "recipient_code_root_match": round(tgt_root / tgt_total, 4) if tgt_total else 0.0,
        "confusion": top_report["confusion"],
    }


def main(argv: Sequence[str] | None = None) -> int:
    from .suites import shared_dir

    shared = shared_dir()
    plover = evaluate_plover(shared / "peers/PLOVER/PLOVER_GSR_CAMEO.txt")
    petr = evaluate_petrarch(shared / "peers/petrarch2/PETR.UnitTest.gold.jsonl")
    brief = {k: v for k, v in plover.items() if k not in ("confusion", "per_type")}
    print(json.dumps({"plover": brief, "petrarch": {k: v for k, v in petr.items()
                                                     if k != "confusion"}}, indent=2))
    if argv and "--confusion" in argv:
        print(json.dumps({"plover": plover["confusion"], "per_type": plover["per_type"]},
                         indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
