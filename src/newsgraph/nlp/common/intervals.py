"""Interval lookups for the rule stages (quotes, timexes): the same answers as testing every
interval, in logarithmic time, so that a text with thousands of quote marks, cues or dates
is not quadratic."""
from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable


class Overlaps:
    """Intervals ``[start, end)`` and the question "does any overlap ``[a, b)`` by at least one
    character?" (``min(b, end) - max(a, start) > 0`` for one of them)."""

    def __init__(self, intervals: Iterable[tuple[int, int]] = ()):
        # empty intervals overlap nothing: leaving them out keeps the prefix maxima exact
        pairs = sorted((s, e) for s, e in intervals if s < e)
        self.starts = [s for s, _ in pairs]
        self.reach: list[int] = []  # reach[k]: the largest end among the first k + 1 intervals
        for _, end in pairs:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, a: int, b: int) -> bool:
        """True when some interval shares a character with ``[a, b)``."""
        if a >= b:
            return False
        k = bisect_left(self.starts, b)  # intervals starting before b
        return k > 0 and self.reach[k - 1] > a


class DisjointOverlaps:
    """The same question over intervals added one at a time that never overlap each other
    (each is added only when it overlaps none of those already there)."""

    def __init__(self):
        self.pairs: list[tuple[int, int]] = []  # sorted; disjoint, so the ends are sorted too

    def overlaps(self, a: int, b: int) -> bool:
        """True when some interval shares a character with ``[a, b)``."""
        if a >= b:
            return False
        k = bisect_left(self.pairs, (b, -1))  # intervals starting before b; the last ends last
        return k > 0 and self.pairs[k - 1][1] > a

    def add(self, a: int, b: int) -> None:
        """Add ``[a, b)``, which must overlap none of the intervals already there."""
        if a < b:
            insort(self.pairs, (a, b))


class Enclosures:
    """Pairs ``(open, close)`` and three questions: is a position strictly inside one
    (``open < pos < close``), does one wrap a range (``open < a`` and ``b <= close``), and
    does a range contain one (``a <= open`` and ``close <= b``)."""

    def __init__(self, pairs: Iterable[tuple[int, int]]):
        ordered = sorted(pairs)
        self.opens = [o for o, _ in ordered]
        self.reach: list[int] = []  # prefix maxima of the closes
        for _, close in ordered:
            self.reach.append(max(close, self.reach[-1]) if self.reach else close)
        self.floor = [0] * len(ordered)  # suffix minima of the closes
        low = None
        for k in range(len(ordered) - 1, -1, -1):
            low = ordered[k][1] if low is None else min(low, ordered[k][1])
            self.floor[k] = low

    def inside(self, pos: int) -> bool:
        """True when ``open < pos < close`` for some pair."""
        k = bisect_left(self.opens, pos)  # pairs opening before pos
        return k > 0 and self.reach[k - 1] > pos

    def wraps(self, a: int, b: int) -> bool:
        """True when ``open < a`` and ``b <= close`` for some pair."""
        k = bisect_left(self.opens, a)  # pairs opening before a
        return k > 0 and self.reach[k - 1] >= b

    def contains(self, a: int, b: int) -> bool:
        """True when ``a <= open`` and ``close <= b`` for some pair."""
        k = bisect_left(self.opens, a)  # pairs opening at or after a
        return k < len(self.opens) and self.floor[k] <= b
