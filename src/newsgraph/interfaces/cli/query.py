"""Query and export commands over the store: ``register(cli)`` attaches them to the main group.

Every command opens the database read-only (an older schema is upgraded in place first), so
queries can run while no ingest holds the writer lock. Output: ``--format table|json|csv``.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

import click

from ...errors import NewsgraphError
from ...record import plain
from .options import choice_of, date_value, db_option, limit_option, not_empty

OUTPUT = click.Choice(["table", "json", "csv"])
MAX_CELL = 60


def format_option(func):
    return click.option("--format", "fmt", type=OUTPUT, default="table", show_default=True,
                        help="Output format.")(func)


def _connect(db: str, window: int | None = None, external_access: bool = True):
    from ...store import queries

    return queries.connect(db, window_days=window if window is not None else queries.DEFAULT_WINDOW_DAYS,
                           external_access=external_access)


# --- output --------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join("" if v is None else (json.dumps(v) if isinstance(v, dict) else str(v))
                          for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None,
         empty: str = "(nothing found)") -> None:
    """Print rows as an aligned table (COLUMNS only), JSON (every field) or CSV (every field)."""
    if fmt == "json":
        click.echo(json.dumps(plain(rows), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        if not rows:
            return
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        names = list(rows[0])
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_cell(row[n]) for n in names])
        click.echo(buffer.getvalue(), nl=False)
        return
    if not rows:
        click.echo(empty)
        return
    columns = columns or list(rows[0])
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for r in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def _csv_cell(value: Any) -> Any:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _plover_types():
    from ...store.queries import PLOVER_QUAD

    return PLOVER_QUAD


def _entity_types():
    from ...nlp.entities import ENTITY_LABELS  # imported only when --type is given

    return ENTITY_LABELS


# --- commands ------------------------------------------------------------------------------

@click.command()
@click.option("--actor", "actor", metavar="ACTOR", callback=not_empty,
              help="Actor id, name, alias or code (on either side unless --recipient is given).")
@click.option("--recipient", metavar="ACTOR", callback=not_empty, help="Recipient id, name, alias or code.")
@click.option("--type", "event_type", metavar="TYPE", callback=choice_of(_plover_types, "a PLOVER event type"),
              help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", callback=date_value, metavar="YYYY-MM-DD")
@click.option("--until", callback=date_value, metavar="YYYY-MM-DD")
@click.option("--raw", is_flag=True, help="Every event mention instead of deduplicated events.")
@click.option("--window", default=3, show_default=True, type=click.IntRange(0, 3650),
              help="Days within which reports of one event are merged.")
@db_option
@format_option
def events(actor, recipient, event_type, since, until, raw, window, db, fmt) -> None:
    """Events across the store, deduplicated across articles, in date order."""
    from ...store import queries

    con = _connect(db, window)
    a = queries.resolve_actor(con, actor) if actor else None
    r = queries.resolve_actor(con, recipient) if recipient else None
    found = queries.events(con, a, r, event_type, since, until, raw=raw)
    if raw:
        cols = ["day", "event", "actor_names", "recipient_names", "factuality", "event_text", "doc_id"]
    else:
        cols = ["first_day", "event", "actor_names", "recipient_names", "place", "n_sources",
                "factualities", "event_text"]
    emit(found, fmt, cols)


@click.command()
@click.option("--type", "type_", metavar="TYPE", callback=choice_of(_entity_types, "an entity type"),
              help="Only this entity type (PERSON, ORG, GPE, NORP).")
@limit_option("actors")
@db_option
@format_option
def actors(type_, limit, db, fmt) -> None:
    """Canonical actors across documents, most frequent first."""
    from ...store import queries

    found = queries.actors(_connect(db), type_, limit)
    emit(found, fmt, ["actor_id", "name", "type", "code", "doc_count", "events", "quotes"])


@click.command()
@click.argument("actor", callback=not_empty)
@db_option
@format_option
def timeline(actor, db, fmt) -> None:
    """Events, quotes, relations and commitments involving ACTOR, by date."""
    from ...store import queries

    con = _connect(db)
    found = queries.timeline(con, queries.resolve_actor(con, actor))
    emit(found, fmt, ["day", "kind", "what", "role", "counterpart", "text", "n_sources"])


@click.command()
@click.argument("actor_a", callback=not_empty)
@click.argument("actor_b", callback=not_empty)
@click.option("--weekly", is_flag=True, help="Only the weekly cooperation/conflict index.")
@click.option("--directed", is_flag=True, help="Index of A -> B only (default: both directions).")
@db_option
@format_option
def dyad(actor_a, actor_b, weekly, directed, db, fmt) -> None:
    """What passed between two actors, and their weekly cooperation/conflict index."""
    from ...store import queries

    con = _connect(db)
    a, b = queries.resolve_actor(con, actor_a), queries.resolve_actor(con, actor_b)
    index = queries.dyad_index(con, a, b, directed=directed)
    if weekly:
        emit(index, fmt)
        return
    found = queries.dyad(con, a, b)
    if fmt == "json":
        click.echo(json.dumps(plain({"a": a, "b": b, "timeline": found, "weekly": index}),
                              ensure_ascii=False, indent=2))
    elif fmt == "csv":
        emit(found, fmt)
    else:
        emit(found, fmt, ["day", "kind", "what", "direction", "text", "factuality", "n_sources"])
        click.echo("")
        emit(index, fmt, ["week", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                          "material_conflict", "coop_conflict_index"], empty="(no coded events)")


@click.command()
@click.option("--speaker", required=True, metavar="NAME", callback=not_empty,
              help="Canonical name, alias or the speaker as written (case-insensitive).")
@db_option
@format_option
def quotes(speaker, db, fmt) -> None:
    """A speaker's quotes across the store, with document and date."""
    from ...store import queries

    found = queries.quotes(_connect(db), speaker)
    emit(found, fmt, ["published", "doc_id", "speaker", "speaker_text", "kind", "text"])


@click.command()
@click.argument("text")
@limit_option("documents")
@db_option
@format_option
def search(text, limit, db, fmt) -> None:
    """Documents whose text contains TEXT (case-insensitive), with a snippet."""
    from ...store import queries

    if not text.strip():
        raise NewsgraphError("give some text to search for")
    found = queries.search(_connect(db), text, limit=limit)
    emit(found, fmt, ["doc_id", "published", "title", "hits", "snippet"])


@click.command()
@click.argument("query")
@click.option("--timeout", type=float, default=30.0, show_default=True, metavar="SECONDS",
              help="Stop the query after this long.")
@click.option("--max-memory", default="1GB", show_default=True, metavar="SIZE",
              help="DuckDB: memory the query may use (then it spills to disk, up to 4GB).")
@click.option("--max-rows", type=int, default=100_000, show_default=True,
              help="Refuse results longer than this (add a LIMIT).")
@db_option
@format_option
def sql(query, timeout, max_memory, max_rows, db, fmt) -> None:
    """Run one read-only SELECT (or WITH ... SELECT) query over the store.

    Tables: documents, entities, mentions, timexes, quantities, quotes, events, relations,
    commitments, actors, stage_errors; views: event_clusters, event_members, dyad_weekly.
    On PostgreSQL the query runs as the read-only role newsgraph_reader, in a read-only
    transaction, and may call only built-in functions that compute values (docs/store.md).
    """
    from ...store import queries

    limits = queries.Limits(timeout=timeout, max_memory=max_memory, max_rows=max_rows)
    con = _connect(db, external_access=False)
    try:
        found = queries.run_select(con, query, limits,
                                   on_warning=lambda line: click.echo(f"newsgraph: warning: {line}", err=True))
    finally:
        con.close()
    emit(found, fmt, empty="(no rows)")


@click.command()
@db_option
@format_option
def duplicates(db, fmt) -> None:
    """Near-duplicate articles (reprints, wire copies): each later one with the earlier one."""
    from ...store import queries

    emit(queries.near_duplicates(_connect(db)), fmt, ["similarity", "doc_id", "published", "title",
                                         "duplicate_of", "duplicate_of_published"])


def _export_formats() -> dict:
    from ...export import formats

    return formats()


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(list(_export_formats())),
              help="What to write.")
@click.option("--out", metavar="PATH",
              help="File (or directory for csv/parquet); '-' or absent = stdout for file formats.")
@db_option
def export_cmd(fmt, out, db) -> None:
    """Export the store: PLOVER JSONL, CSV/Parquet tables, GEXF/GraphML/Cytoscape, FtM, STIX 2.1."""
    from ...export import export

    spec = _export_formats()[fmt]
    if spec.kind == "dir" and (out is None or out == "-"):
        out = spec.default_out
    con = _connect(db)
    if out is None or out == "-":
        summary = export(con, fmt, sys.stdout)
        click.echo(f"newsgraph: {summary}", err=True)
    else:
        click.echo(export(con, fmt, out))


@click.command()
@click.option("--about", "actor", required=True, metavar="ACTOR", callback=not_empty,
              help="Actor id, name, alias or KB id: as subject, object or source of the claim.")
@db_option
@format_option
def claims(actor, db, fmt) -> None:
    """Claims (relations between actors) about or by ACTOR, with who asserts each, by date."""
    from ...store import queries

    found = queries.claims(_connect(db), actor)
    for row in found:
        row["as"] = "/".join(row["as"])
        row["source"] = row.get("attributed_to_name") or row.get("attributed_to")
    emit(found, fmt, ["date", "as", "subject_name", "predicate", "object_name", "factuality", "source",
                      "document", "text"])


@click.command()
@click.option("--due-before", callback=date_value, metavar="YYYY-MM-DD", help="Deadline earlier than this.")
@click.option("--party", metavar="ACTOR", callback=not_empty, help="Only this party's commitments.")
@db_option
@format_option
def commitments(due_before, party, db, fmt) -> None:
    """Commitments across documents: party, action, deadline, condition, and the trail of
    status claims (who said it was kept, broken or at risk, when, where)."""
    from ...store import queries

    found = queries.commitments(_connect(db), due_before=due_before.isoformat() if due_before else None,
                                party=party)
    if fmt != "table":
        emit(found, fmt)
        return
    if not found:
        click.echo("(nothing found)")
    for item in found:
        click.echo(f"{item.get('party_name') or item['party']}: {item['action']} by {item['deadline'] or '?'}"
                   f"  [{item.get('agreement') or 'no agreement'}]  latest: {item['latest_status'] or '-'}")
        if item.get("condition"):
            click.echo(f"  condition: {item['condition']}")
        for claim in item["status_claims"]:
            who = ", ".join(c for c in claim["claimed_by_all"] if c) or "author"
            click.echo(f"  {claim['date'] or '?':<10}  {claim['status']:<13}  {who:<30}  "
                       f"{claim['document'][:12]}  {_cell(claim['text'])}")


COMMANDS = (events, actors, timeline, dyad, quotes, search, duplicates, sql, export_cmd, claims, commitments)


def register(cli: click.Group) -> None:
    """Attach the query and export commands to the main ``newsgraph`` group."""
    for command in COMMANDS:
        cli.add_command(command)
