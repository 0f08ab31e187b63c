"""The real-news gold set: hand annotations of Wikinews articles and the ``news`` suite.

One JSON file per article, ``eval/news_gold/<split>/<slug>.json``, annotated from the text alone
following ``eval/news_gold/GUIDE.md``. The package is split by what it does:

* ``format``: the vocabularies, record schemas and the validator (standard library only);
* ``load``: the corpus texts, draft-span resolution, loading a split, the command line;
* ``score``: matching newsgraph's output against one annotation, counts and error items;
* ``suite``: running the pipeline over a split and the metrics of ``newsgraph eval news``.

    python -m newsgraph.eval.news_gold resolve FILE [--corpus PATH | --text PATH]
    python -m newsgraph.eval.news_gold check [DIR_OR_FILE] [--corpus PATH | --text PATH]

The names of ``format`` and ``load`` are re-exported here; ``score`` and ``suite`` are imported
on demand (they need the pipeline).
"""
from __future__ import annotations

from .format import (ACTION_CLASSES, DRAFT_KEYS, ENTITY_TYPES, FACTUALITY, OLD_PLOVER_TYPES,
                     PLACE_TYPES, PLOVER_CONTEXTS, PLOVER_MODES, PLOVER_TYPES, PREDICATES,
                     QUOTE_KINDS, RECIPIENT_REQUIRED, SCHEMA, SECTIONS, SECTORS, STATUS_VALUES,
                     UNATTRIBUTED, as_list, slug, text_sha1, validate)
from .load import (CORPUS, SPLITS_FILE, article_texts, default_corpus, dumps, load_gold, main,
                   resolve_spans, split_lists)
from ..suites import shared_dir

__all__ = ["ACTION_CLASSES", "CORPUS", "DRAFT_KEYS", "ENTITY_TYPES", "FACTUALITY",
           "OLD_PLOVER_TYPES", "PLACE_TYPES", "PLOVER_CONTEXTS", "PLOVER_MODES", "PLOVER_TYPES",
           "PREDICATES", "QUOTE_KINDS", "RECIPIENT_REQUIRED", "SCHEMA", "SECTIONS", "SECTORS",
           "SPLITS_FILE", "STATUS_VALUES", "UNATTRIBUTED", "article_texts", "as_list",
           "default_corpus", "dumps", "load_gold", "main", "resolve_spans", "shared_dir", "slug",
           "split_lists", "text_sha1", "validate"]
