"""Past one machine: the same per-document pipeline mapped over partitions with Ray Data.

Ray Data reads JSON Lines (optionally compressed) or Parquet partitions of articles
(columns ``id, title, published|date, url, text``), ``map_batches`` runs a callable class
that builds the pipeline once per worker, and each batch becomes rows of analysis records
written as Parquet. ``load_records`` bulk-loads such a folder into the store through the
same ``Store.add`` as a local ingest, so both paths give the same database.

Ray is optional (``pip install 'newsgraph[ray]'``); nothing else imports this module.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, NewsgraphError
from ..model import Document
from ..record import from_record, to_record

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz", ".ndjson")
READ_CPUS = 0.25


class RecordMaker:
    """A Ray Data callable class: one pipeline per worker process, reused for every batch."""

    def __init__(self, published: str | None = None, kb_paths: tuple[str, ...] = ()):
        from .build import build
        from ..ingest.readers import IngestOptions

        self.pipeline = build(kb_paths=kb_paths)
        self.options = IngestOptions(published=dt.date.fromisoformat(published) if published else None)

    def __call__(self, batch) -> dict[str, list]:
        from ..ingest.readers import from_record as document_from_row
        from ..ingest.run import analysis_failure

        rows = batch.to_pylist()  # pyarrow batch: missing values are None, not NaN
        docs, out = [], {"id": [], "content_hash": [], "record": [], "error": []}
        for row in rows:
            where = f"row {row.get('id')!r}"
            try:
                docs.append(document_from_row(row, where, self.options))
            except InputError as exc:
                _append(out, None, None, None, str(exc))
        for doc in self.pipeline.run(docs):
            failure = analysis_failure(doc)
            if failure is not None:  # reported by the load, never stored
                _append(out, None, None, None, failure)
                continue
            _append(out, doc.id, doc.content_hash, json.dumps(to_record(doc), ensure_ascii=False), None)
        return out


def _append(out: dict[str, list], doc_id, content_hash, record, error) -> None:
    out["id"].append(doc_id)
    out["content_hash"].append(content_hash)
    out["record"].append(record)
    out["error"].append(error)


def run_ray(paths: list[str], out_dir: Path, address: str | None = None, workers: int = 2,
            batch_size: int = 16, published: dt.date | None = None,
            kb_paths: tuple[str, ...] = ()) -> Path:
    """Analyse JSONL/Parquet inputs on a Ray cluster; write Parquet records to ``out_dir``."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise NewsgraphError("the Ray engine needs Ray: pip install 'newsgraph[ray]'") from None
    jsonl = [p for p in paths if p.endswith(JSONL_SUFFIXES)]
    parquet = [p for p in paths if p.endswith(".parquet") or Path(p).is_dir()]
    unknown = sorted(set(paths) - set(jsonl) - set(parquet))
    if unknown:
        raise NewsgraphError(f"the Ray engine reads JSON Lines or Parquet; not: {', '.join(unknown)}")
    logging.getLogger("ray").setLevel(logging.WARNING)
    ray.data.DataContext.get_current().enable_progress_bars = False
    if address is None and not ray.is_initialized():
        # A local cluster sized for the analysing actors plus the readers and the writer.
        ray.init(num_cpus=workers + 1, include_dashboard=False, log_to_driver=False,
                 configure_logging=False)
    else:
        ray.init(address=address, ignore_reinit_error=True, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    datasets = []
    # Reading is light: a small CPU share keeps it schedulable while the analysing actors hold
    # whole CPUs (with equal shares, the actors can starve the readers and the job hangs).
    if jsonl:
        datasets.append(ray.data.read_json([str(Path(p).resolve()) for p in jsonl], lines=True,
                                           num_cpus=READ_CPUS))
    if parquet:
        datasets.append(ray.data.read_parquet([str(Path(p).resolve()) for p in parquet],
                                              num_cpus=READ_CPUS))
    dataset = datasets[0].union(*datasets[1:]) if len(datasets) > 1 else datasets[0]
    records = dataset.map_batches(
        RecordMaker, batch_size=batch_size, batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1,
        fn_constructor_kwargs={"published": published.isoformat() if published else None,
                               "kb_paths": tuple(kb_paths)})
    out_dir.mkdir(parents=True, exist_ok=True)
    records.write_parquet(str(out_dir.resolve()))
    return out_dir


def records_as_documents(folder: Path, problems: list[str]) -> Iterator[Document]:
    """Documents from a records folder; rows that failed on the cluster go to ``problems``."""
    from ..store.parquet import read_records

    for row in read_records(folder):
        if row["error"]:
            problems.append(row["error"])
        elif row["record"]:
            yield from_record(json.loads(row["record"]))
