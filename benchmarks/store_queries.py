"""Time the store's query commands over a large synthetic store, against a full scan.

    .venv/bin/python benchmarks/store_queries.py [--events 1000000] [--db PATH] [--json FILE]

Builds (or reuses, with ``--db`` pointing at an existing file) a store in the real schema
(``Store`` creates and migrates it) and fills documents, actors, events, quotes, relations and
commitments with ``generate_series``/``random()`` SQL inside DuckDB, from a fixed seed
(``setseed(0.42)``, generated on one thread so the rows are the same on every run). Actors and
recipients are drawn with a skew (a few busy actors, a long tail), so the same dyad meets on
nearby days and events cluster across documents.

Then, on a read-only connection from ``queries.connect`` (as the CLI opens it), it times the
median of ``--runs`` runs (after one warm-up) of:

* ``scan``: ``SELECT count(*), sum(length(event_text)) FROM events`` (the baseline),
* ``timeline``: ``newsgraph timeline A`` (``resolve_actor`` + ``queries.timeline``),
* ``dyad``: ``newsgraph dyad A B`` (``dyad_index`` + ``dyad``),
* ``filter``: ``newsgraph events --actor A --type T --since D`` (``queries.events``),

* ``timeline_median``: ``newsgraph timeline`` of the actor with the median number of events,

with A the busiest actor, B its most frequent counterpart, T A's most frequent event type and
D a year before the last day. Each is printed with its ratio to the scan (and the CPU seconds
of all threads: the machine may be shared, so compare ratios within one run). When ``queries``
has the actor push-down (``pushdown=False`` selects the whole-store view), the view path is
timed too (``--view-runs``, 0 to skip) and the two paths' rows are compared.
"""
from __future__ import annotations

import argparse
import inspect
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from newsgraph.store import queries
from newsgraph.store.database import Store

PLOVER = list(queries.PLOVER_QUAD)
PLACES = 100


def generate(path: str, n_events: int, n_docs: int, n_actors: int, days: int = 3 * 365) -> None:
    """Fill a new store at PATH with synthetic rows (deterministic: one thread, fixed seed)."""
    Store(path).close()  # the real schema, created and migrated as `newsgraph ingest` does
    con = duckdb.connect(path)
    con.execute("SET threads = 1")  # random() is only reproducible on one thread
    con.execute("SELECT setseed(0.42)")
    types = "[" + ", ".join(f"'{t}'" for t in PLOVER) + "]"
    skew = f"CAST(floor(pow(random(), 2) * {n_actors}) AS INTEGER)"  # busy actors first
    con.execute("BEGIN TRANSACTION")
    con.execute(f"""
        CREATE TEMP TABLE doc_n AS
        SELECT i, substr(md5('doc' || i), 1, 16) AS id,
               DATE '2021-01-01' + CAST(floor(random() * {days}) AS INTEGER) AS published
        FROM generate_series(0, {n_docs - 1}) t(i)""")
    con.execute("""
        INSERT INTO documents (id, content_hash, external_id, title, published, source, url,
                               genre, language, text, record)
        SELECT id, md5('doc' || i), 'synthetic-' || i, 'Synthetic article ' || i, published,
               'Wire ' || (i % 20), 'https://example.org/' || i, 'news', 'en',
               'Synthetic article ' || i || '. ' || repeat('Officials met and talked. ', 20),
               '{}'
        FROM doc_n""")
    con.execute(f"""
        INSERT INTO actors
        SELECT printf('A%04d', i), printf('A%04d', i), 'Actor ' || i,
               ['PERSON', 'ORG', 'GPE', 'NORP'][i % 4 + 1], printf('A%04d GOV', i),
               ['actor ' || i], 0, 0, DATE '2021-01-01', DATE '2021-01-01' + {days}
        FROM generate_series(0, {n_actors - 1}) t(i)""")
    # Events: a skewed actor and recipient (15 % no recipient, 5 % a party with no id),
    # the event's own day for 75 % (0-3 days before publication), a place for 70 %.
    con.execute(f"""
        CREATE TEMP TABLE ev_n AS
        SELECT i, CAST(floor(random() * {n_docs}) AS INTEGER) AS d,
               {types}[CAST(floor(pow(random(), 1.5) * 16) AS INTEGER) + 1] AS event,
               {skew} AS a, {skew} AS b, random() AS r_kind, random() AS r_day,
               CAST(floor(random() * 4) AS INTEGER) AS back, random() AS r_place,
               CAST(floor(random() * {PLACES}) AS INTEGER) AS place, random() AS r_fact,
               CAST(floor(random() * 400) AS INTEGER) AS pos
        FROM generate_series(0, {n_events - 1}) t(i)""")
    con.execute(f"""
        INSERT INTO events
        WITH e AS (
            SELECT ev_n.*, doc_n.id AS doc_id, doc_n.published,
                   printf('A%04d', a) AS a_id,
                   CASE WHEN r_kind < 0.15 THEN NULL WHEN r_kind < 0.20 THEN 'officials'
                        ELSE printf('A%04d', CASE WHEN b = a THEN (b + 1) % {n_actors} ELSE b END)
                   END AS r_ref
            FROM ev_n JOIN doc_n ON doc_n.i = ev_n.d)
        SELECT doc_id, 'e' || i, event, NULL, [],
               [a_id], ['Actor ' || a], [a_id || ' GOV'],
               CASE WHEN r_ref IS NULL THEN [] WHEN r_ref = 'officials' THEN [NULL]
                    ELSE [r_ref] END,
               CASE WHEN r_ref IS NULL THEN [] WHEN r_ref = 'officials' THEN ['officials']
                    ELSE ['Actor ' || CAST(substr(r_ref, 2) AS INTEGER)] END,
               CASE WHEN r_ref IS NULL THEN [] WHEN r_ref = 'officials' THEN [NULL]
                    ELSE [r_ref || ' GOV'] END,
               a_id,
               CASE WHEN r_ref IS NULL THEN '' WHEN r_ref = 'officials' THEN '~officials'
                    ELSE r_ref END,
               CASE WHEN r_day < 0.75 THEN CAST(published - back AS VARCHAR) END,
               CASE WHEN r_day < 0.75 THEN published - back END,
               CASE WHEN r_day < 0.75 THEN 'on day ' || back END,
               CASE WHEN r_place < 0.7 THEN 'Place ' || place END, NULL, NULL, NULL,
               CASE WHEN r_place < 0.7 THEN 'gpe:place-' || place END,
               CASE WHEN r_fact < 0.9 THEN 'asserted' WHEN r_fact < 0.95 THEN 'negated'
                    ELSE 'possible' END,
               CASE WHEN r_fact > 0.97 THEN 'Officials' END, NULL,
               lower(event) || ' ' || i, pos, pos + 12
        FROM e ORDER BY i""")
    con.execute(f"""
        INSERT INTO quotes
        SELECT substr(md5('doc' || CAST(floor(random() * {n_docs}) AS INTEGER)), 1, 16),
               'q' || i, CASE WHEN random() < 0.6 THEN 'direct' ELSE 'indirect' END,
               10, 40, 'Synthetic quote number ' || i, 'said', NULL, NULL,
               printf('A%04d', {skew}), 'the speaker', NULL, []
        FROM generate_series(0, {max(n_events // 5, 1) - 1}) t(i)""")
    con.execute(f"""
        INSERT INTO relations (doc_id, relation_no, subject, subject_id, subject_name, predicate, object,
                               object_id, object_name, factuality, attributed_to, attributed_to_id,
                               start_char, end_char)
        SELECT substr(md5('doc' || CAST(floor(random() * {n_docs}) AS INTEGER)), 1, 16), i,
               'x', printf('A%04d', {skew}) AS s, 'Actor', 'allied_with', 'y',
               printf('A%04d', {skew}), 'Actor', 'asserted', NULL, NULL, 0, 20
        FROM generate_series(0, {max(n_events // 10, 1) - 1}) t(i)""")
    con.execute(f"""
        INSERT INTO commitments
        SELECT substr(md5('doc' || CAST(floor(random() * {n_docs}) AS INTEGER)), 1, 16), i,
               'x', printf('A%04d', {skew}), 'Actor', 'withdraw troops', '2022-05', NULL,
               'Synthetic agreement', NULL, '[]'
        FROM generate_series(0, {max(n_events // 50, 1) - 1}) t(i)""")
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    con.close()


def prepared_store(path: Path | None, n_events: int, n_docs: int, n_actors: int):
    """(the temporary folder to clean up or None, the store's path): PATH reused when it
    exists, else generated there (or in a temporary folder when PATH is None)."""
    tmp = None
    if path is None:
        tmp = tempfile.TemporaryDirectory(prefix="newsgraph-bench-")
        path = Path(tmp.name) / "bench.duckdb"
    if path.exists():
        print(f"reusing {path}", flush=True)
    else:
        start = time.perf_counter()
        generate(str(path), n_events, n_docs, n_actors)
        print(f"generated {path} in {time.perf_counter() - start:.1f} s", flush=True)
    return tmp, str(path)


def median_time(func, runs: int) -> tuple[float, float, object]:
    """Median wall-clock and CPU seconds (all threads of this process) of RUNS calls."""
    result = func()  # warm-up (and the rows, for the comparison)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--docs", type=int, default=None, help="default: events / 20")
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--db", type=Path, default=None,
                        help="store file (reused when it exists; default: a temporary file)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--view-runs", type=int, default=5,
                        help="runs of the whole-store view path (0 = skip)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    docs = args.docs or max(args.events // 20, 1)

    tmp, db = prepared_store(args.db, args.events, docs, args.actors)

    con = queries.connect(db)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "actors", "events", "quotes", "relations", "commitments")}
    actor, n_actor = con.execute("""
        SELECT id, count(*) FROM (SELECT unnest(actor_ids) AS id FROM events UNION ALL
                                  SELECT unnest(recipient_ids) FROM events)
        WHERE id IS NOT NULL GROUP BY id ORDER BY 2 DESC, 1 LIMIT 1""").fetchone()
    other = con.execute("""
        SELECT CASE WHEN actor_ids[1] = $a THEN recipient_ids[1] ELSE actor_ids[1] END AS b
        FROM events WHERE (actor_ids[1] = $a AND recipient_ids[1] IS NOT NULL)
           OR recipient_ids[1] = $a
        GROUP BY b ORDER BY count(*) DESC, b LIMIT 1""", {"a": actor}).fetchone()[0]
    etype = con.execute("""
        SELECT event FROM events WHERE list_contains(actor_ids, $a) OR list_contains(recipient_ids, $a)
        GROUP BY event ORDER BY count(*) DESC, event LIMIT 1""", {"a": actor}).fetchone()[0]
    last = con.execute("SELECT max(published) FROM documents").fetchone()[0]
    since = last.replace(year=last.year - 1)
    typical, n_typical = con.execute("""
        SELECT id, n FROM (SELECT id, count(*) AS n FROM (
            SELECT unnest(actor_ids) AS id FROM events UNION ALL
            SELECT unnest(recipient_ids) FROM events) WHERE id IS NOT NULL GROUP BY id)
        ORDER BY n, id LIMIT 1 OFFSET (SELECT count(*) FROM actors) // 2""").fetchone()
    name_a = con.execute("SELECT name FROM actors WHERE actor_id = ?", [actor]).fetchone()[0]
    name_t = con.execute("SELECT name FROM actors WHERE actor_id = ?", [typical]).fetchone()[0]
    name_b = con.execute("SELECT name FROM actors WHERE actor_id = ?", [other]).fetchone()[0]

    def scan():
        return con.execute("SELECT count(*), sum(length(event_text)) FROM events").fetchall()

    def timeline(**kw):
        return queries.timeline(con, queries.resolve_actor(con, name_a), **kw)

    def timeline_typical(**kw):
        return queries.timeline(con, queries.resolve_actor(con, name_t), **kw)

    def dyad(**kw):
        a, b = queries.resolve_actor(con, name_a), queries.resolve_actor(con, name_b)
        return queries.dyad_index(con, a, b, **kw), queries.dyad(con, a, b, **kw)

    def filter_(**kw):
        ids = queries.resolve_actor(con, name_a)
        return queries.events(con, ids, None, etype, since, None, **kw)

    has_view_path = "pushdown" in inspect.signature(queries.timeline).parameters
    machine = f"{platform.machine()}, {_cpus()} cores, {_memory_gb()} GB, {platform.system()}"
    print(f"{machine}; duckdb {duckdb.__version__}; python {platform.python_version()}")
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"actor A = {actor} ({name_a}, {n_actor:,} event mentions), B = {other} ({name_b}),"
          f" T = {etype}, D = {since}; median actor {typical} ({n_typical:,} event mentions)")
    print(f"median of {args.runs} runs (after a warm-up)", flush=True)

    scan_s, scan_cpu, _ = median_time(scan, args.runs)
    report = {"command": " ".join(["benchmarks/store_queries.py", *(argv or sys.argv[1:])]),
              "machine": machine, "duckdb": duckdb.__version__, "counts": counts,
              "actor": actor, "recipient": other, "type": etype, "since": since.isoformat(),
              "typical_actor": typical, "runs": args.runs, "scan_s": scan_s,
              "scan_cpu_s": scan_cpu, "queries": {}}
    print(f"{'query':<17} {'path':<9} {'median s':>9} {'x scan':>8} {'cpu s':>7}  rows")
    print(f"{'scan':<17} {'-':<9} {scan_s:>9.3f} {1.0:>8.1f} {scan_cpu:>7.3f}")
    for name, func in (("timeline", timeline), ("dyad", dyad), ("filter", filter_),
                       ("timeline_median", timeline_typical)):
        entry = {}
        paths = [("default", {})]
        if has_view_path and args.view_runs:
            paths = [("pushdown", {"pushdown": True}), ("view", {"pushdown": False})]
        for label, kw in paths:
            runs = args.view_runs if label == "view" else args.runs
            seconds, cpu, result = median_time(lambda: func(**kw), runs)
            n = sum(len(r) for r in result) if name == "dyad" else len(result)
            entry[label] = {"median_s": seconds, "ratio_to_scan": seconds / scan_s,
                            "cpu_s": cpu, "rows": n, "runs": runs}
            entry[label]["_result"] = result
            print(f"{name:<17} {label:<9} {seconds:>9.3f} {seconds / scan_s:>8.1f} {cpu:>7.3f}  {n}",
                  flush=True)
        if "view" in entry:
            same = entry["view"]["_result"] == entry["pushdown"]["_result"]
            entry["same_rows"] = same
            print(f"{'':<17} same rows on both paths: {same}")
        for value in entry.values():
            if isinstance(value, dict):
                value.pop("_result", None)
        report["queries"][name] = entry
    con.close()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {args.json}")
    if tmp is not None:
        tmp.cleanup()
    return 0


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _memory_gb() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
