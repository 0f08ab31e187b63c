"""Profile the default pipeline on Wikinews articles, stage by stage.

Usage (from the repository root)::

    .venv/bin/python benchmarks/profile_pipeline.py --docs 40            # per-stage seconds
    .venv/bin/python benchmarks/profile_pipeline.py --docs 40 --profile  # + pyinstrument tree
    .venv/bin/python benchmarks/profile_pipeline.py --stage quotes.v1 --profile

The spaCy parse is done once up front; each post-parse stage is then timed (and, with
``--profile``, profiled with pyinstrument, ``pip install pyinstrument``) on its own, so the
tree shows only that stage's code. Stages run in pipeline order on the same documents, so
each one sees what the earlier stages provided, exactly as in ``newsgraph bench``.
``--repeat N`` runs each post-parse stage N times on copies of its input (min is reported).
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import sys
import time
from pathlib import Path

from newsgraph import config
from newsgraph.bench import load_texts
from newsgraph.model import Document
from newsgraph.pipeline import INITIAL_FEATURES, build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--stage", action="append", default=[],
                        help="profile only these stages (default: all after parse)")
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument tree per stage")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=config.DEFAULT_BATCH_SIZE)
    args = parser.parse_args(argv)

    items = load_texts(args.corpus, args.docs)
    docs = [Document(text=i["text"], published=dt.date.fromisoformat(i["published"])
                     if i["published"] else None) for i in items]
    pipeline = build(config.stage_names(), fresh=True)
    for doc in docs:
        doc.provided.update(INITIAL_FEATURES)
    parse, rest = pipeline.stages[0], pipeline.stages[1:]
    began = time.perf_counter()
    for i in range(0, len(docs), args.batch_size):
        parse.process_batch(docs[i:i + args.batch_size])
    timings = {parse.name: time.perf_counter() - began}
    tokens = sum(len(d.nlp) for d in docs if d.nlp is not None)
    wanted = set(args.stage)
    for stage in rest:
        best = float("inf")
        profiler = None
        if args.profile and (not wanted or stage.name in wanted):
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
        for n in range(args.repeat):
            last = n == args.repeat - 1
            batch = docs if last else [_copy_doc(d) for d in docs]
            if profiler is not None and last:
                profiler.start()
            t0 = time.perf_counter()
            stage.process_batch(batch)
            best = min(best, time.perf_counter() - t0)
            if profiler is not None and last:
                profiler.stop()
        timings[stage.name] = best
        if profiler is not None:
            print(f"===== {stage.name} =====")
            print(profiler.output_text(unicode=True, color=False, show_all=False))
    total = sum(timings.values())
    print(f"{len(docs)} documents, {tokens:,} tokens")
    for name, secs in timings.items():
        print(f"  {name:<15} {secs:7.3f} s  {secs / total:6.1%}")
    print(f"  {'total':<15} {total:7.3f} s")
    errors = [(d.title if hasattr(d, 'title') else '', e) for d in docs for e in d.errors]
    if errors:
        print(f"{len(errors)} stage errors, first: {errors[0]}", file=sys.stderr)
    return 0


def _copy_doc(doc: Document) -> Document:
    """A shallow copy whose lists can be rewritten by a stage without touching ``doc``."""
    clone = copy.copy(doc)
    for name, value in vars(doc).items() if hasattr(doc, "__dict__") else ():
        if isinstance(value, (list, set, dict)):
            setattr(clone, name, copy.deepcopy(value) if name == "entities" else copy.copy(value))
    return clone


if __name__ == "__main__":
    raise SystemExit(main())
