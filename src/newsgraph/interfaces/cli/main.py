"""The ``newsgraph`` command line: a thin layer over the ingest, analysis and store modules."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ... import config
from ...errors import NewsgraphError
from ...ingest.readers import IngestOptions
from ...ingest.run import analysis_failure, read_documents, stage_warnings
from ...ingest.decode import DEFAULT_MAX_BYTES
from ...model import Document
from ...record import to_record
from .messages import bounded
from .options import COUNT, date_value, db_option
from .render import render_table

FORMATS = click.Choice(["json", "jsonl", "table"])


published_option = click.option("--published", callback=date_value, metavar="YYYY-MM-DD",
                                help="Publication date for every input (overrides what they say).")
max_bytes_option = click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES,
                                show_default=True,
                                help="Largest article file, or batch row (JSONL/CSV line), accepted.")
kb_option = click.option("--kb", "kb_paths", multiple=True, type=click.Path(exists=True, dir_okay=False),
                         help="Your own actors file (same YAML format as the built-in KB; see docs/actors.md).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def cli() -> None:
    """newsgraph: who did what to whom, who said what, when and where, from news text."""
    from ...store import backend

    backend.on_busy(lambda line: click.echo(f"newsgraph: {line}", err=True))


def _warn(message: str) -> None:
    click.echo(bounded(f"newsgraph: warning: {message}", sys.argv), err=True)


def _skipped(problem: str) -> None:
    click.echo(bounded(f"newsgraph: skipped {problem}", sys.argv), err=True)


def _documents(paths: tuple[str, ...], options: IngestOptions, problems: list[str]) -> Iterator[Document]:
    """The Documents among the inputs; each problem becomes one line on stderr."""
    return read_documents(paths, options, problems, on_warning=_warn, on_problem=_skipped)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--text/--no-text", "with_text", default=False,
              help="Include the full document text in JSON output.")
@published_option
@max_bytes_option
@kb_option
def analyze(paths, fmt, with_text, published, max_bytes, kb_paths) -> None:
    """Analyse articles (files, directories, JSONL/CSV batches, or - for stdin) and print records."""
    from ...analysis import analyze_many

    problems: list[str] = []
    options = IngestOptions(published=published, max_bytes=max_bytes)
    records = []
    for doc in analyze_many(_documents(paths, options, problems), kb_paths=kb_paths):
        failure = analysis_failure(doc)
        if failure is not None:  # one line, like an unreadable input; the others go on
            problems.append(failure)
            _skipped(failure)
            continue
        for warning in stage_warnings(doc):
            _warn(warning)
        record = to_record(doc)
        if not with_text:
            record["document"].pop("text", None)
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        elif fmt == "table":
            click.echo(render_table(record, doc.text))
        else:
            records.append(record)
    if fmt == "json" and records:
        click.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
    if problems:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@max_bytes_option
@click.option("--batch-size", default=config.DEFAULT_BATCH_SIZE, show_default=True, type=COUNT,
              help="Documents per spaCy batch.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes analysing in parallel (each loads spaCy; this process writes).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="ray: analyse JSONL/Parquet partitions on a Ray cluster, then load the records.")
@click.option("--ray-address", default=None, help="Ray cluster address (default: start a local one).")
@click.option("--staging", type=click.Path(path_type=Path), default=None,
              help="Folder for the Ray engine's Parquet records (default: DB file name + '.records',"
                   " or ./newsgraph.records for a server).")
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(0.01),
              help="Seconds to wait for a web page given as an http(s):// URL.")
@kb_option
def ingest(paths, db, published, max_bytes, batch_size, workers, engine, ray_address, staging,
           timeout, kb_paths) -> None:
    """Analyse articles and store them in the database; already stored articles are skipped.

    An http:// or https:// argument is fetched and its page extracted as a saved HTML file."""
    from tqdm import tqdm

    from ...ingest import run

    if engine == "ray":
        if staging is not None:
            from ...export.output import paths_of_store, refuse_store

            refuse_store(staging, paths_of_store(db), "--staging")
        report = run.ingest_with_ray(paths, db, staging, address=ray_address, workers=workers,
                                     batch_size=batch_size, published=published, kb_paths=kb_paths,
                                     on_problem=_skipped)
        _finish(report, "loaded")
        return
    from ...ingest.fetch import Fetcher, is_url

    # Network only for the URLs the user gave: no client at all otherwise.
    fetcher = Fetcher(timeout=timeout, max_bytes=max_bytes) if any(is_url(p) for p in paths) else None
    progress = tqdm(unit="doc", desc="ingest", file=sys.stderr, disable=None, dynamic_ncols=True)
    try:
        report = run.ingest(paths, db, IngestOptions(published=published, max_bytes=max_bytes,
                                                     fetcher=fetcher),
                            batch_size=batch_size, workers=workers, kb_paths=kb_paths, on_warning=_warn,
                            on_problem=_skipped, on_stored=lambda _doc: progress.update(1))
    finally:
        if fetcher is not None:
            fetcher.close()
    progress.close()
    _finish(report, "ingested")


def _finish(report, verb: str) -> None:
    """Print an ingest report; exit 1 when some input could not be read."""
    click.echo(report.summary(verb))
    if report.problems:
        sys.exit(1)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
def load(folder, db) -> None:
    """Bulk-load Parquet analysis records (from `ingest --engine ray`) into the database."""
    from ...ingest import run

    _finish(run.load(folder, db, on_problem=_skipped), "loaded")


@cli.command()
@click.argument("doc_id")
@db_option
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def show(doc_id, db, fmt) -> None:
    """Print the stored record of one document (id, id prefix, or the batch's own id)."""
    from ...store.database import Store

    with Store(db, read_only=True) as store:
        record = store.record(doc_id)
    if record is None:
        raise NewsgraphError(f"{doc_id}: no such document in {db}")
    text = record["document"].get("text", "")
    if fmt == "table":
        click.echo(render_table(record, text))
    else:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None))


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db, as_json) -> None:
    """Counts of what the database holds."""
    from ...store.database import Store

    with Store(db, read_only=True) as store:
        counts = store.stats()
    if as_json:
        click.echo(json.dumps(counts, indent=2))
        return
    for key, value in counts.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:<18} {value}")


@cli.command()
def stages() -> None:
    """List the registered pipeline stages: what each requires, reads and provides."""
    from ...pipeline import registered

    default = set(config.stage_names())
    for name, cls in sorted(registered().items()):
        mark = "*" if name in default else " "
        click.echo(f"{mark} {name:<16} requires {', '.join(cls.requires) or '-':<22} "
                   f"reads {', '.join(cls.reads) or '-':<24} provides {', '.join(cls.provides)}")


@cli.command()
@click.option("--corpus", type=click.Path(exists=True, path_type=Path),
              help="JSONL(.gz) file or directory (default: the Wikinews sample in ../shared, else examples/).")
@click.option("--docs", default=50, show_default=True, type=COUNT, help="How many articles.")
@click.option("--batch-size", default=config.DEFAULT_BATCH_SIZE, show_default=True, type=COUNT)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Also measure the pipeline in N processes against one.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the report here.")
@click.option("--hostile", is_flag=True,
              help="Instead: the hostile inputs of docs/reliability.md at 1x, 2x and 4x size.")
@click.option("--shrink", default=1, show_default=True, type=click.IntRange(1, None),
              help="With --hostile: divide every size by this (a quick run).")
def bench(corpus, docs, batch_size, workers, json_out, hostile, shrink) -> None:
    """Throughput and peak memory of the pipeline against bare spaCy on the same texts."""
    if hostile:
        from ...bench_hostile import format_hostile, run_hostile

        report = run_hostile(shrink=shrink)
        click.echo(format_hostile(report))
    else:
        from ...bench import format_report, run_bench

        report = run_bench(corpus, docs, batch_size, workers)
        click.echo(format_report(report))
    if json_out:
        json_out.write_text(json.dumps(report, indent=2), encoding="utf-8")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any but loopback needs a token for every request.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--read-only", is_flag=True, help="Store nothing (POST /api/analyze?store=true is refused).")
@click.option("--token", default=None, metavar="TOKEN",
              help="What POST requests (and, off loopback, every request) must send as"
                   " 'Authorization: Bearer TOKEN' (env NEWSGRAPH_API_TOKEN; on loopback one is"
                   " made up and printed when none is given).")
@click.option("--max-body", "max_body", default=2_000_000, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted, in bytes.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="An origin allowed to call the API from a browser (CORS is off by default).")
def serve(db, host, port, read_only, token, max_body, cors_origins) -> None:
    """Serve the REST API over the store (see docs/api.md; interactive docs at /docs)."""
    from ..api import serve as run_server

    run_server(db, host=host, port=port, read_only=read_only, token=token, max_body_bytes=max_body,
               cors_origins=cors_origins, echo=lambda line: click.echo(line, err=True))


def _register_subcommands() -> None:
    from . import live
    from . import query as query_cli
    from .evaluate import eval_group

    cli.add_command(eval_group)
    query_cli.register(cli)
    cli.add_command(live.watch)


_register_subcommands()


def main() -> None:
    """Entry point: every NewsgraphError is one line on stderr, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("newsgraph: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.message = bounded(exc.message, sys.argv)
        exc.show()
        sys.exit(exc.exit_code)
    except NewsgraphError as exc:
        click.echo(bounded(f"newsgraph: error: {exc}", sys.argv), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("newsgraph: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
