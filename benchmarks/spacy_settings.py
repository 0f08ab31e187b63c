"""Bare spaCy throughput under different settings, on the bench texts.

    .venv/bin/python benchmarks/spacy_settings.py --docs 40 [--batch 1 4 16 64 256] [--n-process 1 2]

Each setting runs in its own child process (model loaded once before timing); reports wall
and CPU seconds (CPU of the parent only: with n_process > 1 the work happens in workers, so
compare wall time there) and tokens/s. Also times the pipeline's spaCy model with the
components newsgraph does not use disabled vs. all enabled.
"""
from __future__ import annotations

import argparse
import multiprocessing
import time

from newsgraph.bench import load_texts


def _run(texts, batch_size, n_process, disable, queue) -> None:
    from newsgraph.nlp.spacy_model import load_model

    nlp = load_model(tuple(disable))
    list(nlp.pipe(texts[:2]))  # warm up
    began, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    queue.put((time.perf_counter() - began, time.process_time() - cpu, tokens, list(nlp.pipe_names)))


def measure(texts, batch_size=16, n_process=1, disable=("lemmatizer",)):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(texts, batch_size, n_process, list(disable), queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--batch", type=int, nargs="*", default=[1, 4, 16, 64, 256])
    parser.add_argument("--n-process", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    texts = [i["text"] for i in load_texts(None, args.docs)]

    def show(label, runs):
        wall = sorted(r[0] for r in runs)[len(runs) // 2]
        cpu = sorted(r[1] for r in runs)[len(runs) // 2]
        tokens = runs[0][2]
        print(f"  {label:<34} wall {wall:6.2f} s  CPU {cpu:6.2f} s  {tokens / wall:7.0f} tokens/s (wall)",
              flush=True)

    print(f"{len(texts)} documents; median of {args.rounds} rounds")
    for batch in args.batch:
        show(f"batch {batch}, n_process 1", [measure(texts, batch) for _ in range(args.rounds)])
    for n_process in args.n_process:
        if n_process > 1:
            show(f"batch 16, n_process {n_process}",
                 [measure(texts, 16, n_process) for _ in range(args.rounds)])
    show("all components (lemmatizer on)", [measure(texts, 16, 1, ()) for _ in range(args.rounds)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
