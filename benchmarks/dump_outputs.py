"""Dump what the pipeline extracts from a set of inputs, to check that a refactor or a speed
change changes no output.

    .venv/bin/python benchmarks/dump_outputs.py --out /tmp/before.jsonl
    ... edit ...
    .venv/bin/python benchmarks/dump_outputs.py --out /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

Inputs default to the Wikinews 2019-20 sample and the seed editorial in ``../shared``; they
are read by the ingest readers, so header lines, datelines and ids are what ``ingest`` sees.
One JSON line per document, keyed by its id, with every record the stages produced (and
stage errors). Compare the files, not their content by eye: some articles are reserved.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

FIELDS = ("sentences", "entities", "timexes", "quantities", "quotes", "events", "relations",
          "commitments", "genre", "errors")


def default_inputs() -> list[str]:
    shared = Path(os.environ.get("NEWSGRAPH_SHARED") or Path.cwd().parent / "shared") / "corpus"
    return [str(shared / "wikinews-sample-2019-2020" / "wikinews_2019_2020.jsonl.gz"),
            str(shared / "seed")]


def main(argv: list[str] | None = None) -> int:
    from newsgraph import config
    from newsgraph.ingest.readers import IngestOptions, iter_inputs
    from newsgraph.model import Document

    from newsgraph.pipeline import build
    from newsgraph.record import plain

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="files or directories (default: Wikinews + seed)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    docs = []
    for item in iter_inputs(args.inputs or default_inputs(), IngestOptions()):
        if isinstance(item, Document):
            docs.append(item)
        else:  # an input that could not be read: the comparison would be meaningless
            print(f"dump_outputs: {item}", file=sys.stderr)
            return 1
    pipeline = build(config.stage_names(), fresh=True)
    with args.out.open("w", encoding="utf-8") as out:
        for doc in pipeline.run(docs):
            record = {"id": doc.external_id or Path(doc.source or doc.id).name,
                      **{f: plain(getattr(doc, f)) for f in FIELDS}}
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
