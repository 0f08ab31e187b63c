"""The Python API: ``analyze`` one text, ``analyze_many`` a stream of Documents."""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator

from . import config
from .ingest.readers import IngestOptions, from_text
from .model import Document
from .pipeline import Pipeline


@functools.lru_cache(maxsize=4)
def default_pipeline(names: tuple[str, ...] | None = None, kb_paths: tuple[str, ...] = ()) -> Pipeline:
    """The configured pipeline, built (and checked) once per process. ``kb_paths`` are the
    user's own actor files, added to the built-in knowledge base."""
    return Pipeline.from_names(names or tuple(config.stage_names()), kb_paths=kb_paths)


def analyze(text: str, published: dt.date | str | None = None, title: str | None = None,
            kb_paths: tuple[str, ...] = ()) -> Document:
    """Analyse one article's text; ``published`` anchors relative dates ("last week")."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = from_text(text, "<text>", IngestOptions(published=published))
    doc.title = title or doc.title
    return default_pipeline(kb_paths=tuple(kb_paths))(doc)


def analyze_many(docs: Iterable[Document], batch_size: int = config.DEFAULT_BATCH_SIZE,
                 kb_paths: tuple[str, ...] = ()) -> Iterator[Document]:
    """Analyse Documents in batches through spaCy's ``nlp.pipe``."""
    return default_pipeline(kb_paths=tuple(kb_paths)).run(docs, batch_size=batch_size)
