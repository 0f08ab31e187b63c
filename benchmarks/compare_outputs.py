"""Compare two dumps of ``dump_outputs.py``: which fields changed in how many documents, and
the changed records of the documents one may study.

    .venv/bin/python benchmarks/compare_outputs.py /tmp/before.jsonl /tmp/after.jsonl

Counts cover every document. Records are printed only for documents outside the Wikinews
corpus (the seed, our own texts) and for articles of the ``dev`` split (``--show dev``): test
articles are scored, never studied, and articles in neither split are reserved.
"""
from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path


def load(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.open(encoding="utf-8"))}


def studiable(split_file: Path, show: str) -> set[str] | None:
    """Ids of the Wikinews articles whose records may be printed (None: the file is absent)."""
    if not split_file.exists():
        return None
    return set(json.loads(split_file.read_text(encoding="utf-8")).get(show, []))


def differing(a: list, b: list) -> tuple[list, list]:
    """Records only in ``a`` and only in ``b`` (as JSON strings, order-free)."""
    ka = Counter(json.dumps(x, sort_keys=True, ensure_ascii=False) for x in a)
    kb = Counter(json.dumps(x, sort_keys=True, ensure_ascii=False) for x in b)
    return sorted((ka - kb).elements()), sorted((kb - ka).elements())


def main(argv: list[str] | None = None) -> int:
    shared = Path(os.environ.get("NEWSGRAPH_SHARED") or Path.cwd().parent / "shared")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", default="dev", help="the split whose records may be printed")
    parser.add_argument("--field", action="append", help="only these fields")
    args = parser.parse_args(argv)
    before, after = load(args.before), load(args.after)
    allowed = studiable(shared / "splits" / "wikinews-2019-2020.json", args.show)
    changed: Counter[str] = Counter()
    for doc_id in sorted(set(before) | set(after)):
        a, b = before.get(doc_id, {}), after.get(doc_id, {})
        for field in sorted(set(a) | set(b)):
            if field == "id" or a.get(field) == b.get(field):
                continue
            if args.field and field not in args.field:
                continue
            changed[field] += 1
            wikinews = doc_id.startswith("enwikinews:")
            if wikinews and (allowed is None or doc_id not in allowed):
                continue
            print(f"== {doc_id} {field}")
            old, new = a.get(field), b.get(field)
            if isinstance(old, list) and isinstance(new, list):
                gone, added = differing(old, new)
                for item in gone:
                    print(f"  - {item}")
                for item in added:
                    print(f"  + {item}")
            else:
                print(f"  - {old!r}\n  + {new!r}")
    total = len(set(before) | set(after))
    print(f"documents: {total}; changed per field: " +
          (", ".join(f"{k} {v}" for k, v in sorted(changed.items())) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
