"""newsgraph: structured, source-attributed intelligence from news articles."""
from .analysis import analyze, analyze_many
from .model import Document
from .record import to_record

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_many", "Document", "to_record", "__version__"]
