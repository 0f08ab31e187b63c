"""Dump what the pipeline extracts from Wikinews articles, to check that a speed change
changes no output.

    .venv/bin/python benchmarks/dump_outputs.py --docs 200 --out /tmp/before.jsonl
    ... edit ...
    .venv/bin/python benchmarks/dump_outputs.py --docs 200 --out /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

One JSON line per document with every record the stages produced (and stage errors).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from newsgraph import config
from newsgraph.bench import load_texts
from newsgraph.model import Document, _plain
from newsgraph.pipeline import Pipeline

FIELDS = ("sentences", "entities", "timexes", "quantities", "quotes", "events", "relations",
          "commitments", "genre", "errors")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    items = load_texts(args.corpus, args.docs)
    docs = [Document(text=i["text"], published=dt.date.fromisoformat(i["published"])
                     if i["published"] else None) for i in items]
    pipeline = Pipeline.from_names(config.stage_names())
    with args.out.open("w", encoding="utf-8") as out:
        for n, doc in enumerate(pipeline.run(docs)):
            record = {"n": n, **{f: _plain(getattr(doc, f)) for f in FIELDS}}
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
