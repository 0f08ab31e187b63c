"""API latency of the actor timeline and events endpoints, against the same query through
the CLI's functions, on the large synthetic store of ``store_queries.py``.

    .venv/bin/python benchmarks/api_latency.py [--events 1000000] [--db PATH] [--runs 5] [--json FILE]

For the busiest actor A, its most frequent event type T and a day D a year before the last:

* ``timeline``: ``GET /api/timeline/A`` against ``newsgraph timeline A``'s work
  (``queries.connect`` + ``resolve_actor`` + ``queries.timeline``, connection closed);
* ``events``: ``GET /api/events?actor=A&type=T&since=D`` against ``newsgraph events``'s
  (``queries.events`` with the same filters).

The API is called in-process (Starlette's test client: routing, validation, the store access
per request, one page of 100 items as JSON; no sockets), each the median of ``--runs`` after a
warm-up. Printed as seconds and the ratio API / function (1.0 = no cost over the CLI's path);
compare ratios within one run, since the machine may be shared.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_queries import median_time, prepared_store  # noqa: E402  (the sibling benchmark)

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.interfaces.api import create_app  # noqa: E402
from newsgraph.store import queries  # noqa: E402


def subjects(db: str):
    """(actor id, its name, its most frequent event type, a day a year before the last)."""
    con = queries.connect(db)
    try:
        actor = con.execute("""
            SELECT id FROM (SELECT unnest(actor_ids) AS id FROM events UNION ALL
                            SELECT unnest(recipient_ids) FROM events)
            WHERE id IS NOT NULL GROUP BY id ORDER BY count(*) DESC, id LIMIT 1""").fetchone()[0]
        name = con.execute("SELECT name FROM actors WHERE actor_id = ?", [actor]).fetchone()[0]
        etype = con.execute("""
            SELECT event FROM events WHERE list_contains(actor_ids, $a) OR list_contains(recipient_ids, $a)
            GROUP BY event ORDER BY count(*) DESC, event LIMIT 1""", {"a": actor}).fetchone()[0]
        last = con.execute("SELECT max(published) FROM documents").fetchone()[0]
        return actor, name, etype, last.replace(year=last.year - 1)
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--db", type=Path, default=None, help="store file (reused when it exists)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    tmp, db = prepared_store(args.db, args.events, max(args.events // 20, 1), args.actors)
    actor, name, etype, since = subjects(db)
    print(f"actor A = {actor} ({name}), T = {etype}, D = {since}; median of {args.runs} runs", flush=True)

    def through_function(query):
        def run():
            con = queries.connect(db)
            try:
                return query(con)
            finally:
                con.close()
        return run

    def timeline_function(con):
        return queries.timeline(con, queries.resolve_actor(con, name))

    def events_function(con):
        return queries.events(con, queries.resolve_actor(con, name), None, etype, since, None)

    report = {"command": " ".join(["benchmarks/api_latency.py", *(argv or sys.argv[1:])]),
              "actor": actor, "type": etype, "since": since.isoformat(), "runs": args.runs, "endpoints": {}}
    with TestClient(create_app(db, read_only=True, token="bench-token-0123456789")) as client:
        def through_api(path):
            def run():
                response = client.get(path)
                assert response.status_code == 200, response.text[:300]
                return response.json()
            return run

        cases = (("timeline", f"/api/timeline/{quote(name)}", timeline_function),
                 ("events", f"/api/events?actor={quote(name)}&type={etype}&since={since}", events_function))
        print(f"{'endpoint':<10} {'function s':>10} {'API s':>8} {'API/function':>13}  rows")
        for label, path, query in cases:
            fn_s, _, rows = median_time(through_function(query), args.runs)
            api_s, _, body = median_time(through_api(path), args.runs)
            assert body["total"] == len(rows)  # the same query behind both
            report["endpoints"][label] = {"path": path, "function_s": fn_s, "api_s": api_s,
                                          "ratio": api_s / fn_s, "rows": len(rows)}
            print(f"{label:<10} {fn_s:>10.3f} {api_s:>8.3f} {api_s / fn_s:>13.2f}  {len(rows)}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {args.json}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
