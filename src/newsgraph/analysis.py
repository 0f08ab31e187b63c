"""The Python API: ``analyze`` one text, ``analyze_many`` a stream of Documents."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from . import config
from .ingest.readers import IngestOptions, from_text
from .model import Document
from .pipeline import build


def analyze(text: str, published: dt.date | str | None = None, title: str | None = None,
            kb_paths: tuple[str, ...] = ()) -> Document:
    """Analyse one article's text; ``published`` anchors relative dates ("last week")."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = from_text(text, "<text>", IngestOptions(published=published))
    doc.title = title or doc.title
    return build(kb_paths=kb_paths)(doc)


def analyze_many(docs: Iterable[Document], batch_size: int = config.DEFAULT_BATCH_SIZE,
                 kb_paths: tuple[str, ...] = ()) -> Iterator[Document]:
    """Analyse Documents in batches through spaCy's ``nlp.pipe``."""
    return build(kb_paths=kb_paths).run(docs, batch_size=batch_size)
