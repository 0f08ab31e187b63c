"""The quote extractors' interval indexes give the answers of testing every interval."""
import random

from newsgraph.nlp.common.intervals import DisjointOverlaps, Enclosures, Overlaps


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def test_overlaps_answers_as_the_pairwise_test():
    rng = random.Random(16)
    for _ in range(200):
        pairs = [(s, s + rng.randint(-2, 12)) for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        index = Overlaps(pairs)
        for a in range(-2, 70, 3):
            for b in range(a - 2, a + 15, 2):
                assert index.overlaps(a, b) == any(overlap(a, b, s, e) > 0 for s, e in pairs)


def test_disjoint_overlaps_answers_as_the_pairwise_test():
    rng = random.Random(7)
    for _ in range(100):
        index, kept = DisjointOverlaps(), []
        for _ in range(30):
            a = rng.randint(0, 100)
            b = a + rng.randint(-1, 15)
            expected = any(overlap(a, b, s, e) > 0 for s, e in kept)
            assert index.overlaps(a, b) == expected
            if not expected:  # how the merge adds: only what overlaps nothing kept
                kept.append((a, b))
                index.add(a, b)


def test_enclosures_answer_as_the_pairwise_tests():
    rng = random.Random(3)
    for _ in range(200):
        pairs = [(o, o + rng.randint(0, 20)) for o in (rng.randint(0, 80) for _ in range(rng.randint(0, 8)))]
        index = Enclosures(pairs)
        for pos in range(-1, 105):
            assert index.inside(pos) == any(o < pos < c for o, c in pairs)
        for a in range(0, 100, 4):
            for b in range(a, a + 30, 3):
                assert index.contains(a, b) == any(a <= o and c <= b for o, c in pairs)
                assert index.wraps(a, b) == any(o < a and b <= c for o, c in pairs)


def test_clause_timex_candidates_include_every_overlapping_timex():
    from newsgraph.model import Timex
    from newsgraph.nlp.common.attribution import timexes_near

    rng = random.Random(5)
    for _ in range(100):
        starts = sorted(rng.randint(0, 200) for _ in range(rng.randint(0, 12)))
        timexes = [Timex("x", s, s + rng.randint(1, 25), "DATE", "2020") for s in starts]
        for lo in range(0, 220, 7):
            hi = lo + rng.randint(1, 40)
            near = timexes_near(timexes, lo, hi)
            assert [t for t in timexes if t.start < hi and lo < t.end] == \
                [t for t in near if t.start < hi and lo < t.end]
