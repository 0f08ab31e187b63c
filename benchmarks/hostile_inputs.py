"""Hostile inputs at 1x, 2x and 4x size: time and peak memory ratios 4x/1x (issue 16).

    .venv/bin/python benchmarks/hostile_inputs.py                 # the sizes of the issue at 4x
    .venv/bin/python benchmarks/hostile_inputs.py --shrink 10     # a quick run
    .venv/bin/python benchmarks/hostile_inputs.py --json out.json --input nested_reports

Also ``newsgraph bench --hostile``. The figures are in docs/reliability.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from newsgraph.bench_hostile import HOSTILE, format_hostile, run_hostile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", action="append", choices=sorted(HOSTILE),
                        help="only this input (repeatable; default: all)")
    parser.add_argument("--shrink", type=int, default=1, help="divide every size by this")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    if args.shrink < 1:
        parser.error("--shrink must be at least 1")
    report = run_hostile(args.input, args.shrink)
    print(format_hostile(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
