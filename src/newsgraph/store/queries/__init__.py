"""The one read API over the store (DuckDB or PostgreSQL): the CLI, the exports and the web
layer call these functions and hold no SQL themselves.

Open a connection with ``connect(db)`` (read-only, with the cross-document views), then:

* documents: ``record``, ``entity_actors``, ``search``, ``stats``, ``near_duplicates``, ``has_document``
* browsing: ``list_documents`` (a page), ``count_documents``, ``actor`` (one, with codes and roles)
* actors: ``resolve_actor``, ``actors``, ``quotes`` (a speaker's)
* events: ``events`` (deduplicated or raw), ``events_page`` (one page and the total),
  ``timeline``, ``dyad``, ``dyad_index``
* network: ``relation_edges``, ``event_edges`` (merged, strongest first), ``actors_by_id``
* claims: ``claims`` (relations about or by an actor), ``commitments``
* exports: ``articles``, ``actor_records``, ``document_actors``, ``actor_relations``,
  ``event_clusters``, ``event_mentions``, ``write_tables``
* watched feeds: ``feed_state``, ``feed_states``, ``save_feed_state``, ``stored_urls``
* SQL from users: ``check_read_only``, ``run_select`` (within ``Limits``)
"""
from __future__ import annotations

from ..clusters import DEFAULT_WINDOW_DAYS, PLOVER_QUAD
from .actors import actors, quotes, resolve_actor
from .claims import claims, commitments
from .connection import clusters_of, connect, install_views, rows
from .documents import entity_actors, has_document, near_duplicates, record, search, stats
from .events import dyad, dyad_index, events, events_page, timeline
from .exports import (actor_records, actor_relations, articles, document_actors, event_clusters,
                      event_mentions)
from .feeds import feed_state, feed_states, save_feed_state, stored_urls
from .listing import actor, count_documents, list_documents
from .network import actors_by_id, event_edges, relation_edges
from .sql import Limits, check_read_only, run_select
from .tables import write_tables

__all__ = ["DEFAULT_WINDOW_DAYS", "Limits", "PLOVER_QUAD", "actor", "actor_records", "actors_by_id",
           "actor_relations",
           "actors", "articles", "check_read_only", "claims", "clusters_of", "commitments",
           "connect", "count_documents", "document_actors", "dyad", "dyad_index", "entity_actors",
           "event_clusters", "event_edges", "feed_state", "feed_states", "event_mentions", "events", "events_page", "has_document", "install_views",
           "list_documents", "near_duplicates", "quotes", "record", "relation_edges", "resolve_actor",
           "rows", "run_select", "save_feed_state", "stored_urls", "search", "stats", "timeline", "write_tables"]
