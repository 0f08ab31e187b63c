"""Run ``newsgraph bench`` several times and report medians (the machine is shared).

    .venv/bin/python benchmarks/bench_repeat.py --docs 40 --runs 3 [--json out.json]
    .venv/bin/python benchmarks/bench_repeat.py --docs 160 --runs 5 --workers 2 --wait-quiet 600

Prints every run's report, then the median of the wall-clock and CPU-time throughput
ratios, of each mode's docs/s, tokens/s and peak RSS, and of each stage's time share.
With ``--workers N``, also the median speedup of N workers over one process (wall clock,
each run's pair measured back to back, and by CPU time), the largest peak RSS of a worker,
and the other load on the machine (cores) while each mode ran, plus the load average; and
the same medians over the quiet runs only (other load under 0.1 core in both modes).
``--wait-quiet S`` waits up to S seconds before each run for the machine to be idle.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
from pathlib import Path

from newsgraph import config
from newsgraph.bench import BUSY_CORES, format_report, run_bench, wait_until_quiet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--batch-size", type=int, default=config.DEFAULT_BATCH_SIZE)
    parser.add_argument("--workers", type=int, default=1, help="also measure N worker processes")
    parser.add_argument("--wait-quiet", type=float, default=0.0, metavar="SECONDS",
                        help="before each run, wait up to this long for the machine to be idle")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    reports = []
    for n in range(args.runs):
        if args.wait_quiet > 0:
            idle = wait_until_quiet(args.wait_quiet)
            print(f"--- machine load before run {n + 1}: "
                  + (f"{idle:.2f} cores busy" if idle is not None else "unknown"), flush=True)
        load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
        report = run_bench(args.corpus, args.docs, args.batch_size, args.workers)
        report["load_average_before"] = load_before
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
    if args.workers > 1:
        summary["worker_speedup"] = med(r["worker_speedup"] for r in reports)
        cpu_speedups = [r["worker_cpu_speedup"] for r in reports if r["worker_cpu_speedup"] is not None]
        summary["worker_cpu_speedup"] = med(cpu_speedups) if cpu_speedups else None
        summary["worker_speedups"] = [r["worker_speedup"] for r in reports]
        summary["peak_rss_per_worker_mb"] = max(r["parallel"]["peak_rss_per_worker_mb"] for r in reports)
        for mode in ("pipeline", "parallel"):
            loads = [r[mode]["other_load_cores"] for r in reports if r[mode].get("other_load_cores") is not None]
            summary[f"other_load_cores_{mode}"] = med(loads) if loads else None
        summary["load_average_before"] = [r["load_average_before"] for r in reports]
        quiet = [r for r in reports
                 if all((r[m].get("other_load_cores") or 0.0) <= BUSY_CORES for m in ("pipeline", "parallel"))]
        summary["quiet_runs"] = len(quiet)
        summary["quiet_worker_speedup"] = med(r["worker_speedup"] for r in quiet) if quiet else None
    print(f"=== median of {args.runs} runs")
    for mode in ("spacy", "pipeline"):
        m = summary[mode]
        print(f"  {mode:<9} {m['docs_per_second']:7.2f} docs/s {m['tokens_per_second']:9.0f} tokens/s "
              f"peak RSS {m['peak_rss_mb']:6.0f} MB  ({m['seconds']:.2f} s wall, {m['cpu_seconds']:.2f} s CPU)")
    print(f"  throughput ratio {summary['throughput_ratio']:.2f}x wall, "
          f"{summary['cpu_throughput_ratio']:.2f}x CPU time")
    print("  stage time shares: " + ", ".join(f"{k} {v:.0%}" for k, v in summary["stage_share"].items()))
    if args.workers > 1:
        print(f"  {args.workers} workers / one process: {summary['worker_speedup']:.2f}x wall clock "
              f"(runs: {', '.join(f'{x:.2f}' for x in summary['worker_speedups'])})"
              + (f", {summary['worker_cpu_speedup']:.2f}x by CPU time" if summary["worker_cpu_speedup"] else ""))
        print(f"  peak RSS per worker (largest) {summary['peak_rss_per_worker_mb']:.0f} MB")
        if summary["other_load_cores_pipeline"] is not None and summary["other_load_cores_parallel"] is not None:
            print(f"  other load (cores, median): one process {summary['other_load_cores_pipeline']:.2f}, "
                  f"{args.workers} workers {summary['other_load_cores_parallel']:.2f}")
        if summary["quiet_worker_speedup"] is not None:
            print(f"  quiet runs (other load <= {BUSY_CORES} core in both modes): {summary['quiet_runs']} of "
                  f"{args.runs}, median {summary['quiet_worker_speedup']:.2f}x wall clock")
        else:
            print(f"  no quiet run (other load <= {BUSY_CORES} core in both modes): rerun with --wait-quiet")
        if summary["load_average_before"][0] is not None:
            print("  1-min load average before each run: "
                  + ", ".join(f"{la[0]:.2f}" for la in summary["load_average_before"]))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "runs": reports}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
