"""Agreements, their commitments and status claims (stage ``commitments.v1``; see
docs/claims.md)."""
from .stage import CommitmentStage, extract_commitments

__all__ = ["CommitmentStage", "extract_commitments"]
