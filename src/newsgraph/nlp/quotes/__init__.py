"""Direct, indirect and mixed quotes with their cue and speaker (stage ``quotes.v1``)."""
from .stage import QuoteStage, analyse_quotes, extract_quotes

__all__ = ["QuoteStage", "analyse_quotes", "extract_quotes"]
