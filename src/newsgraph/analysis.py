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
def default_pipeline(names: tuple[str, ...] | None = None) -> Pipeline:
    """The configured pipeline, built (and checked) once per process."""
    return Pipeline.from_names(names or tuple(config.stage_names()))


def analyze(text: str, published: dt.date | str | None = None, title: str | None = None) -> Document:
    """Analyse one article's text; ``published`` anchors relative dates ("last week")."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = from_text(text, "<text>", IngestOptions(published=published))
    doc.title = title or doc.title
    return default_pipeline()(doc)


def analyze_many(docs: Iterable[Document], batch_size: int = config.DEFAULT_BATCH_SIZE) -> Iterator[Document]:
    """Analyse Documents in batches through spaCy's ``nlp.pipe``."""
    return default_pipeline().run(docs, batch_size=batch_size)
