"""Throughput and memory of the pipeline as ratios against bare spaCy on the same texts.

Each measurement runs in its own child process so that peak RSS belongs to one mode only.
Numbers are relative to the baseline measured in the same run, never absolute thresholds.
Both wall-clock and CPU time (``time.process_time`` of the child) are recorded: on a shared
machine other processes slow the wall clock of one mode and not the other, while CPU time
stays close to what the work itself costs, so ``cpu_throughput_ratio`` is the steadier one.
"""
from __future__ import annotations

import multiprocessing
import resource
import time
from pathlib import Path
from typing import Any

from . import config

BUNDLED = Path(__file__).resolve().parents[2] / "examples"
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
    from .pipeline import Pipeline

    if mode == "spacy":
        nlp = load_model(UNUSED_COMPONENTS)
        list(nlp.pipe([WARM_UP_TEXT]))
        began, cpu_began = time.perf_counter(), time.process_time()
        tokens = sum(len(d) for d in nlp.pipe((i["text"] for i in items), batch_size=batch_size))
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
        stages = {}
    else:
        pipeline = Pipeline.from_names(config.stage_names())
        docs = [Document(text=i["text"], published=dt.date.fromisoformat(i["published"]) if i["published"] else None)
                for i in items]
        for _ in pipeline.run([Document(text=WARM_UP_TEXT)]):  # first-call set-up, both modes
            pass
        pipeline.seconds = dict.fromkeys(pipeline.seconds, 0.0)
        began, cpu_began = time.perf_counter(), time.process_time()
        for _ in pipeline.run(docs, batch_size=batch_size):
            pass
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
        stages = dict(pipeline.seconds)
        tokens = None  # the same texts: token counts come from the spaCy run
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put({"seconds": elapsed, "cpu_seconds": cpu, "tokens": tokens, "peak_rss_mb": peak_kb / 1024,
               "stages": stages})


def _warm_worker(_) -> None:
    """Run one short text through a worker's pipeline (first-call set-up: matchers, lemma
    tables), then hold the worker so that every worker gets one of these tasks."""
    from . import parallel
    from .model import Document

    parallel._analyse_batch([Document(text=WARM_UP_TEXT)])
    time.sleep(0.5)


def _measure_workers(workers: int, items: list[dict[str, Any]], batch_size: int, queue) -> None:
    """The pipeline in ``workers`` processes (pool warmed up first, as a long ingest is)."""
    import datetime as dt

    from . import parallel
    from .model import Document

    docs = [Document(text=i["text"], published=dt.date.fromisoformat(i["published"]) if i["published"] else None)
            for i in items]
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=parallel._init, initargs=((),)) as pool:
        pool.map(_warm_worker, range(workers), chunksize=1)  # every worker is warmed up
        began = time.perf_counter()
        batches = [docs[i:i + batch_size] for i in range(0, len(docs), batch_size)]
        for _ in pool.imap(parallel._analyse_batch, batches):
            pass
        elapsed = time.perf_counter() - began
    worker_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    queue.put({"seconds": elapsed, "workers": workers, "peak_rss_per_worker_mb": worker_kb / 1024})


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
        scaling = {"parallel": results["parallel"],
                   "worker_speedup": results["pipeline"]["seconds"] / results["parallel"]["seconds"]}
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
                     f"{par['peak_rss_per_worker_mb']:.0f} MB")
    return "\n".join(lines)

