"""Actors: entities linked to the knowledge base, with codes, roles and coreference (stage
``actors.v1``; see docs/actors.md)."""
from .stage import ActorStage

__all__ = ["ActorStage"]
