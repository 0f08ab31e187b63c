"""Near-duplicate articles (wire copies, lightly edited reprints) with MinHash and LSH bands.

The text is normalised (Unicode NFKC, case-folded, punctuation dropped, whitespace
collapsed) and cut into word 5-gram shingles, so re-wrapping, case and punctuation edits
change nothing. A MinHash signature (``datasketch``) estimates the Jaccard similarity of two
shingle sets; LSH band keys let a database find candidate pairs with an equality join on
(band, key) instead of comparing every pair, and ``similarity`` then checks each candidate.

Signatures and band keys are stable across processes and runs: the permutations come from a
fixed seed and scheme, and shingles are hashed with SHA-1 (never Python's salted ``hash``).
They depend on ``num_perm``, ``SEED``, ``SCHEME`` and the normalisation below: change any of
them and stored signatures must be recomputed. This module knows nothing about the store.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
# datasketch >= 2.0's default scheme, named so that a change of default cannot silently
# change every signature (datasketch < 2.0 had only "legacy", whose values differ).
SCHEME = "affine32"

# LSH banding: 128 hash values cut into b = 32 bands of r = 4 rows. Two texts become a
# candidate pair when all rows of at least one band agree, which happens with probability
# 1 - (1 - J^r)^b for Jaccard similarity J. The S-curve's threshold (1/b)^(1/r) is
# (1/32)^(1/4) ~= 0.42, so pairs at J >= 0.7 are found almost surely:
#     J = 0.5: 0.87   J = 0.6: 0.988   J = 0.7: 0.9998   J = 0.8: > 0.99999
# while unrelated articles (J < 0.05 on 5-word shingles) are candidates with p < 0.0002.
# 16 bands of 8 rows (threshold (1/16)^(1/8) ~= 0.71) would miss ~39% of pairs at J = 0.7
# and ~5% at J = 0.8. The extra candidates between 0.4 and 0.7 cost one ``similarity``
# check each, which is cheap next to a missed reprint.
BANDS = 32

# Jaccard similarity of 5-word shingles at or above which two articles count as near
# duplicates. Rewriting a run of k words changes the k + 4 shingles that overlap it, and
# with c shingles changed out of n, J ~= (n - c) / (n + c). A new 8-word headline plus one
# rewritten 15-word sentence changes c ~= 31: J ~= 0.73 for a 200-word story (0.77 for the
# one in the tests), 0.88 for a 500-word one; exact and re-wrapped copies are at 1.0. So
# 0.8, the usual choice for whole documents, would miss short lightly edited reprints.
# Different articles on the same story share few 5-word runs (J < 0.1, shared quotes
# aside), so 0.7 still leaves a wide margin above them. The MinHash estimate's standard
# error at J = 0.7 with 128 permutations is sqrt(0.7 * 0.3 / 128) ~= 0.04.
NEAR_DUPLICATE_THRESHOLD = 0.7

# Inside a word or number these join rather than separate: "U.S." -> "us", "don't" ->
# "dont", "cease-fire" -> "ceasefire", "1,200" -> "1200". Everything else that is not a
# letter, digit or combining mark becomes a space.
_JOINERS = re.compile(r"(?<=\w)['\u2019\u02bc.\-\u2010\u2011](?=\w)|(?<=\d),(?=\d)")


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces: no punctuation, no line layout."""
    text = _JOINERS.sub("", unicodedata.normalize("NFKC", text).casefold())
    kept = "".join(ch if ch.isalnum() or unicodedata.category(ch)[0] == "M" else " " for ch in text)
    return " ".join(kept.split())


def shingles(text: str) -> set[str]:
    """Word 5-gram shingles of the normalised text.

    A text of fewer than 5 words gives one shingle of all its words.
    Raises ``ValueError`` for a text with no words (empty, blank or only punctuation).
    """
    words = normalise(text).split()
    if not words:
        raise ValueError("text has no words to compare (it is empty or only punctuation)")
    size = min(SHINGLE_WORDS, len(words))
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


@functools.lru_cache(maxsize=8)
def _permutations(num_perm: int) -> np.ndarray:
    """The permutation parameters for ``num_perm`` (made once: they cost more than hashing)."""
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def signature(text: str, num_perm: int = NUM_PERM) -> list[int]:
    """The MinHash signature of a text's shingles: ``num_perm`` integers, the same in any process.

    Raises ``ValueError`` for a text with no words.
    """
    minhash = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm))
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return [int(v) for v in minhash.hashvalues]


def band_keys(sig: list[int], bands: int = BANDS) -> list[str]:
    """LSH band keys ``"<band index>:<hash of the band's rows>"``, one per band.

    Two signatures share a key exactly when all rows of that band are equal, so candidate
    pairs are an equality join on the key (the band index is part of it). The hash is
    BLAKE2b over the rows' 8-byte big-endian values: stable across processes and platforms.
    """
    if bands < 1 or len(sig) % bands:
        raise ValueError(f"a signature of {len(sig)} values cannot be cut into {bands} equal bands")
    rows = len(sig) // bands
    keys = []
    for band in range(bands):
        chunk = b"".join(int(v).to_bytes(8, "big") for v in sig[band * rows:(band + 1) * rows])
        keys.append(f"{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def similarity(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard similarity: the share of positions where the signatures agree."""
    if len(sig_a) != len(sig_b) or not sig_a:
        raise ValueError(f"signatures differ in length ({len(sig_a)} and {len(sig_b)}) or are "
                         "empty; compare signatures made with the same num_perm")
    return sum(a == b for a, b in zip(sig_a, sig_b)) / len(sig_a)


def is_near_duplicate(sig_a: list[int], sig_b: list[int]) -> bool:
    """Whether two signatures' estimated similarity reaches ``NEAR_DUPLICATE_THRESHOLD``."""
    return similarity(sig_a, sig_b) >= NEAR_DUPLICATE_THRESHOLD
