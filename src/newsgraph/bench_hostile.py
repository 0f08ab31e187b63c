"""Hostile inputs at 1x, 2x and 4x size: time and peak memory of the full pipeline on each,
and the ratios 4x/1x (near 4 is linear; a quadratic path shows as 16).

The inputs are those of issue 16 (at 4x, the sizes reported there): one token of ``"``
characters, ``Iran said "`` repeated (nested reports in one endless sentence), and one-word
sentences. Each measurement runs in its own spawned process, so its peak RSS is its own;
"extra" is that peak minus the RSS after the pipeline is loaded and warmed up. CPU time
(``time.process_time``) is the steadier figure on a shared machine.
"""
from __future__ import annotations

import multiprocessing
import resource
import time
from typing import Any

# name -> (unit repeated, repeats at 1x); at 4x these are the sizes of the issue
HOSTILE: dict[str, tuple[str, int]] = {
    "quote_marks": ('"', 50_000),
    "nested_reports": ('Iran said "', 5_000),
    "one_word_sentences": ("Word. ", 25_000),
}
SCALES = (1, 2, 4)
WARM_UP_TEXT = "The envoy met the minister in Geneva on Monday, officials said."


def hostile_text(name: str, scale: int, shrink: int = 1) -> str:
    """The hostile input ``name`` at ``scale`` times its 1x size (divided by ``shrink``)."""
    unit, repeats = HOSTILE[name]
    return unit * (repeats * scale // shrink)


def _measure(text: str, queue) -> None:
    from .model import Document
    from .pipeline import build, over_budget

    pipeline = build(fresh=True)
    pipeline(Document(text=WARM_UP_TEXT))
    loaded_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began, cpu_began = time.perf_counter(), time.process_time()
    doc = pipeline(Document(text=text))
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    failed = over_budget(doc)
    queue.put({"seconds": elapsed, "cpu_seconds": cpu, "peak_rss_mb": peak_kb / 1024,
               "extra_rss_mb": (peak_kb - loaded_kb) / 1024, "tokens": len(doc.nlp or ()) or None,
               "sentences": len(doc.sentences), "quotes": len(doc.quotes),
               "errors": [f"{e.stage}: {e.message}" for e in doc.errors],
               "over_budget": failed.stage if failed else None})


def measure_one(text: str) -> dict[str, Any]:
    """Run the full pipeline over ``text`` in a fresh process; its figures."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_measure, args=(text, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def run_hostile(names: list[str] | None = None, shrink: int = 1) -> dict[str, Any]:
    """Every hostile input at 1x, 2x and 4x (each size divided by ``shrink``, for a quick
    run), with the 4x/1x ratios of CPU time, wall time and extra memory."""
    report: dict[str, Any] = {"shrink": shrink, "inputs": {}}
    for name in names or list(HOSTILE):
        runs = {}
        for scale in SCALES:
            text = hostile_text(name, scale, shrink)
            runs[f"{scale}x"] = {"chars": len(text), **measure_one(text)}
        first, last = runs["1x"], runs[f"{SCALES[-1]}x"]
        ratios = {key: round(last[key] / first[key], 2) if first[key] else None
                  for key in ("cpu_seconds", "seconds", "peak_rss_mb", "extra_rss_mb")}
        report["inputs"][name] = {"runs": runs, "ratio_4x_1x": ratios}
    return report


def format_hostile(report: dict[str, Any]) -> str:
    """The report as a table for people."""
    lines = [f"{'input':<20} {'size':>5} {'chars':>9} {'cpu s':>7} {'wall s':>7} "
             f"{'peak MB':>8} {'extra MB':>8}  notes"]
    for name, entry in report["inputs"].items():
        for scale, run in entry["runs"].items():
            note = f"over budget in {run['over_budget']}" if run["over_budget"] else \
                f"{run['sentences']} sentences, {run['quotes']} quotes"
            lines.append(f"{name:<20} {scale:>5} {run['chars']:>9,} {run['cpu_seconds']:>7.1f} "
                         f"{run['seconds']:>7.1f} {run['peak_rss_mb']:>8.0f} "
                         f"{run['extra_rss_mb']:>8.0f}  {note}")
        r = entry["ratio_4x_1x"]
        lines.append(f"{'':<20} 4x/1x: cpu {r['cpu_seconds']}, wall {r['seconds']}, "
                     f"peak RSS {r['peak_rss_mb']}, extra RSS {r['extra_rss_mb']}")
    return "\n".join(lines)
