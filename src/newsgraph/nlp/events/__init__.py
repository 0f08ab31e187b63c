"""PLOVER events (stage ``events.v1``; see docs/events.md)."""
from .stage import EventStage, code_document, code_sentence, extract_events

__all__ = ["EventStage", "code_document", "code_sentence", "extract_events"]
