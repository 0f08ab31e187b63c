"""Attributed relations between actors (stage ``relations.v1``; see docs/claims.md)."""
from .stage import RelationStage, extract_relations

__all__ = ["RelationStage", "extract_relations"]
