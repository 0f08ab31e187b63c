"""Run ``newsgraph bench`` several times and report medians (the machine is shared).

    .venv/bin/python benchmarks/bench_repeat.py --docs 40 --runs 3 [--json out.json]

Prints every run's report, then the median of the wall-clock and CPU-time throughput
ratios, of each mode's docs/s, tokens/s and peak RSS, and of each stage's time share.
"""
from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from newsgraph import config
from newsgraph.bench import format_report, run_bench


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--batch-size", type=int, default=config.DEFAULT_BATCH_SIZE)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    reports = []
    for n in range(args.runs):
        report = run_bench(args.corpus, args.docs, args.batch_size)
        reports.append(report)
        print(f"--- run {n + 1}/{args.runs}")
        print(format_report(report), flush=True)
    med = statistics.median
    summary = {
        "runs": args.runs,
        "documents": reports[0]["documents"],
        "tokens": reports[0]["tokens"],
        "throughput_ratio": med(r["throughput_ratio"] for r in reports),
        "cpu_throughput_ratio": med(r["cpu_throughput_ratio"] for r in reports),
    }
    for mode in ("spacy", "pipeline"):
        summary[mode] = {k: med(r[mode][k] for r in reports)
                         for k in ("docs_per_second", "tokens_per_second", "peak_rss_mb",
                                   "seconds", "cpu_seconds")}
    summary["stage_share"] = {k: med(r["stage_share"][k] for r in reports)
                              for k in reports[0]["stage_share"]}
    print(f"=== median of {args.runs} runs")
    for mode in ("spacy", "pipeline"):
        m = summary[mode]
        print(f"  {mode:<9} {m['docs_per_second']:7.2f} docs/s {m['tokens_per_second']:9.0f} tokens/s "
              f"peak RSS {m['peak_rss_mb']:6.0f} MB  ({m['seconds']:.2f} s wall, {m['cpu_seconds']:.2f} s CPU)")
    print(f"  throughput ratio {summary['throughput_ratio']:.2f}x wall, "
          f"{summary['cpu_throughput_ratio']:.2f}x CPU time")
    print("  stage time shares: " + ", ".join(f"{k} {v:.0%}" for k, v in summary["stage_share"].items()))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "runs": reports}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
