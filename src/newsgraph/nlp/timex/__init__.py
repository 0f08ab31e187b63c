"""Time expressions normalised to TIMEX3 (stage ``timex.v1``)."""
from .stage import TimexStage, find_timexes, normalise

__all__ = ["TimexStage", "find_timexes", "normalise"]
