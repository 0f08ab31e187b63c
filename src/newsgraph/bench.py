"""Throughput and memory of the pipeline as ratios against bare spaCy on the same texts.

Each measurement runs in its own child process so that peak RSS belongs to one mode only.
Numbers are relative to the baseline measured in the same run, never absolute thresholds.
Both wall-clock and CPU time (``time.process_time`` of the child) are recorded: on a shared
machine other processes slow the wall clock of one mode and not the other, while CPU time
stays close to what the work itself costs, so ``cpu_throughput_ratio`` is the steadier one.

With ``workers`` > 1 the pipeline also runs through ``parallel.analyze_in_pool`` (the code
path of ``ingest --workers``: same tasks, pickling and ordering). Besides the wall-clock
speedup against one process, the report gives each worker's CPU time, the CPU-time speedup
(one process's CPU time over the busiest worker's, what the wall clock shows when nothing
else runs), each worker's peak RSS, and the other load on the machine during each mode (CPU
time the whole machine used, from ``/proc/stat``, minus this benchmark's own, per second):
two workers on two cores lose any core another program takes, one process does not.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import time
from pathlib import Path
from typing import Any

from . import config

BUNDLED = Path(__file__).resolve().parents[2] / "examples"
BUSY_CORES = 0.1  # other programs using more than this while a mode ran: its wall clock is skewed
WARM_UP_TEXT = "The envoy met the minister in Geneva on Monday, officials said."


def load_texts(corpus: Path | None, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` articles ({text, published}) from a JSONL(.gz) file or a directory."""
    from .ingest.readers import IngestOptions, iter_inputs
    from .model import Document

    if corpus is None:
        from .eval.suites import shared_dir

        sample = shared_dir() / "corpus/wikinews-sample-2019-2020/wikinews_2019_2020.jsonl.gz"
        corpus = sample if sample.exists() else BUNDLED
    items = []
    for item in iter_inputs([str(corpus)], IngestOptions()):
        if isinstance(item, Document):
            items.append({"text": item.text, "published": item.published.isoformat() if item.published else None})
        if len(items) >= limit:
            break
    return items


def _measure(mode: str, items: list[dict[str, Any]], batch_size: int, queue) -> None:
    import datetime as dt

    from .model import Document
    from .nlp.parse import UNUSED_COMPONENTS
    from .nlp.spacy_model import load_model
    from .pipeline import build

    if mode == "spacy":
        nlp = load_model(UNUSED_COMPONENTS)
        list(nlp.pipe([WARM_UP_TEXT]))
        busy_began = machine_busy_seconds()
        began, cpu_began = time.perf_counter(), time.process_time()
        tokens = sum(len(d) for d in nlp.pipe((i["text"] for i in items), batch_size=batch_size))
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
        busy_ended = machine_busy_seconds()
        stages = {}
    else:
        pipeline = build(fresh=True)
        docs = [Document(text=i["text"], published=dt.date.fromisoformat(i["published"]) if i["published"] else None)
                for i in items]
        for _ in pipeline.run([Document(text=WARM_UP_TEXT)]):  # first-call set-up, both modes
            pass
        pipeline.seconds = dict.fromkeys(pipeline.seconds, 0.0)
        busy_began = machine_busy_seconds()
        began, cpu_began = time.perf_counter(), time.process_time()
        for _ in pipeline.run(docs, batch_size=batch_size):
            pass
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
        busy_ended = machine_busy_seconds()
        stages = dict(pipeline.seconds)
        tokens = None  # the same texts: token counts come from the spaCy run
    other = _other_load(busy_began, busy_ended, cpu, elapsed)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put({"seconds": elapsed, "cpu_seconds": cpu, "tokens": tokens, "peak_rss_mb": peak_kb / 1024,
               "stages": stages, "other_load_cores": other})


def machine_busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (all cores, every process),
    from ``/proc/stat``; None where there is no ``/proc``."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal [guest guest_nice: already in user/nice]
    busy = sum(fields[:8]) - fields[3] - fields[4]
    return busy / os.sysconf("SC_CLK_TCK")


def wait_until_quiet(max_wait: float, window: float = 5.0, busy_cores: float = BUSY_CORES) -> float | None:
    """Wait (up to ``max_wait`` seconds) for ``window`` seconds in which the machine used
    less than ``busy_cores`` cores; return the load of the last window (None: no /proc)."""
    deadline = time.monotonic() + max_wait
    while True:
        began = machine_busy_seconds()
        if began is None:
            return None
        time.sleep(window)
        load = (machine_busy_seconds() - began) / window
        if load < busy_cores or time.monotonic() >= deadline:
            return load


def _other_load(busy_began: float | None, busy_ended: float | None, own_cpu: float,
                elapsed: float) -> float | None:
    """Cores' worth of CPU that other programs used while a mode ran."""
    if busy_began is None or busy_ended is None or elapsed <= 0:
        return None
    return max(0.0, (busy_ended - busy_began - own_cpu) / elapsed)


def _process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` (``/proc/<pid>/stat``), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_rss_mb(pid: int) -> float | None:
    """Peak resident set size of process ``pid`` (``VmHWM``), or None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _warm_worker(barrier) -> int:
    """Run one short text through a worker's pipeline (first-call set-up: matchers, lemma
    tables), then wait at ``barrier`` until every worker has one of these tasks (a worker
    that loads its model slowly on a busy machine still gets its own); return the worker's
    process id."""
    from .pipeline import local as parallel
    from .model import Document

    parallel._analyse_batch([Document(text=WARM_UP_TEXT)])
    barrier.wait(timeout=600)
    return os.getpid()


def _measure_workers(workers: int, items: list[dict[str, Any]], batch_size: int, queue) -> None:
    """The pipeline in ``workers`` processes through ``parallel.analyze_in_pool``, the code
    path of ``ingest --workers`` (pool warmed up first, as a long ingest is)."""
    import datetime as dt

    from .pipeline import local as parallel
    from .model import Document

    docs = [Document(text=i["text"], published=dt.date.fromisoformat(i["published"]) if i["published"] else None)
            for i in items]
    with multiprocessing.get_context("spawn").Manager() as manager, parallel.worker_pool(workers) as pool:
        barrier = manager.Barrier(workers)
        pids = sorted(set(pool.map(_warm_worker, [barrier] * workers, chunksize=1)))  # every worker warmed up
        cpu_before = {pid: _process_cpu_seconds(pid) for pid in pids}
        busy_began = machine_busy_seconds()
        began, parent_began = time.perf_counter(), time.process_time()
        analysed = sum(1 for _ in parallel.analyze_in_pool(pool, docs, workers, batch_size))
        elapsed, parent_cpu = time.perf_counter() - began, time.process_time() - parent_began
        busy_ended = machine_busy_seconds()
        cpu_after = {pid: _process_cpu_seconds(pid) for pid in pids}
        peaks = [_peak_rss_mb(pid) for pid in pids]
    assert analysed == len(docs)
    worker_cpu = [cpu_after[p] - cpu_before[p] for p in pids
                  if cpu_after[p] is not None and cpu_before[p] is not None]
    if len(peaks) != workers or None in peaks:  # no /proc: the largest child, after the pool ended
        peaks = [resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]
    other = (_other_load(busy_began, busy_ended, parent_cpu + sum(worker_cpu), elapsed)
             if len(worker_cpu) == workers else None)
    queue.put({"seconds": elapsed, "workers": workers, "parent_cpu_seconds": parent_cpu,
               "worker_cpu_seconds": worker_cpu if len(worker_cpu) == workers else None,
               "peak_rss_per_worker_mb": max(peaks), "peak_rss_of_workers_mb": peaks,
               "other_load_cores": other})


def run_bench(corpus: Path | None = None, docs: int = 50, batch_size: int = config.DEFAULT_BATCH_SIZE,
              workers: int = 1) -> dict:
    """Measure bare spaCy and the full pipeline on the same texts; return both and ratios.
    With ``workers`` > 1, also the pipeline in that many processes against one process."""
    items = load_texts(corpus, docs)
    if not items:
        raise ValueError(f"no articles found in {corpus}")
    ctx = multiprocessing.get_context("spawn")
    results = {}
    for mode in ("spacy", "pipeline"):
        queue = ctx.Queue()
        proc = ctx.Process(target=_measure, args=(mode, items, batch_size, queue))
        proc.start()
        results[mode] = queue.get()
        proc.join()
    if workers > 1:
        queue = ctx.Queue()
        proc = ctx.Process(target=_measure_workers, args=(workers, items, batch_size, queue))
        proc.start()
        results["parallel"] = queue.get()
        proc.join()
    tokens = results["spacy"]["tokens"]
    for mode in results.values():
        mode["docs_per_second"] = len(items) / mode["seconds"]
        mode["tokens_per_second"] = tokens / mode["seconds"]
    total = sum(results["pipeline"]["stages"].values()) or 1.0
    scaling = {}
    if "parallel" in results:
        par = results["parallel"]
        scaling = {"parallel": par,
                   "worker_speedup": results["pipeline"]["seconds"] / par["seconds"],
                   "worker_cpu_speedup": (results["pipeline"]["cpu_seconds"] / max(par["worker_cpu_seconds"])
                                          if par["worker_cpu_seconds"] else None)}
    return {**scaling,
        "documents": len(items),
        "tokens": tokens,
        "batch_size": batch_size,
        "stages": config.stage_names(),
        "spacy": {k: v for k, v in results["spacy"].items() if k != "stages"},
        "pipeline": {k: v for k, v in results["pipeline"].items() if k != "stages"},
        "throughput_ratio": results["spacy"]["seconds"] / results["pipeline"]["seconds"],
        "cpu_throughput_ratio": results["spacy"]["cpu_seconds"] / results["pipeline"]["cpu_seconds"],
        "rss_ratio": results["pipeline"]["peak_rss_mb"] / results["spacy"]["peak_rss_mb"],
        "stage_share": {k: v / total for k, v in results["pipeline"]["stages"].items()},
    }


def format_report(report: dict) -> str:
    lines = [f"{report['documents']} documents, {report['tokens']:,} tokens, batch {report['batch_size']}"]
    for mode in ("spacy", "pipeline"):
        r = report[mode]
        lines.append(f"  {mode:<9} {r['docs_per_second']:7.2f} docs/s {r['tokens_per_second']:9.0f} tokens/s "
                     f"peak RSS {r['peak_rss_mb']:6.0f} MB  ({r['seconds']:.2f} s wall, "
                     f"{r['cpu_seconds']:.2f} s CPU)")
    lines.append(f"  pipeline throughput / bare spaCy: {report['throughput_ratio']:.2f}x "
                 f"(CPU time: {report['cpu_throughput_ratio']:.2f}x); RSS ratio {report['rss_ratio']:.2f}")
    lines.append("  stage time shares: " + ", ".join(f"{k} {v:.0%}" for k, v in report["stage_share"].items()))
    if "parallel" in report:
        par = report["parallel"]
        lines.append(f"  {par['workers']} workers: {par['docs_per_second']:.2f} docs/s, "
                     f"{report['worker_speedup']:.2f}x one process (wall clock); peak RSS per worker "
                     + ", ".join(f"{mb:.0f}" for mb in par["peak_rss_of_workers_mb"]) + " MB")
        if par.get("worker_cpu_seconds"):
            lines.append(f"  {par['workers']} workers by CPU time: {report['worker_cpu_speedup']:.2f}x one process "
                         f"(worker CPU " + ", ".join(f"{s:.2f}" for s in par["worker_cpu_seconds"])
                         + f" s, parent {par['parent_cpu_seconds']:.2f} s, {par['seconds']:.2f} s wall)")
        loads = {m: report[m].get("other_load_cores") for m in ("pipeline", "parallel") if m in report}
        if None not in loads.values():
            lines.append("  other load on the machine (cores): one process "
                         f"{loads['pipeline']:.2f}, {par['workers']} workers {loads['parallel']:.2f}")
            if max(loads.values()) > BUSY_CORES:
                lines.append("  (the machine was busy: the wall-clock speedup is not the code's; "
                             "rerun when it is quiet, e.g. benchmarks/bench_repeat.py --wait-quiet 600)")
    return "\n".join(lines)

