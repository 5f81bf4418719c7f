"""Near-duplicate stories: the same report carried by several sources.

Two texts are the same story when most word 3-shingles of the shorter one also occur
in the other (containment). Syndicated copies -- another headline, a trimmed last third,
words swapped, other boilerplate -- keep 60-90 % of their shingles; two different BBC
stories share under 5 % (measured on 300 articles: 99.9th percentile 0.05, edited copies
5th percentile 0.71). Containment, not Jaccard, because outlets trim wire copy.
:func:`fingerprint` is a compact 64-bit SimHash for storage and quick pre-checks.
Pure and deterministic (blake2b, not Python's randomised ``hash``).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

BITS = 64
#: Share of the shorter text's shingles found in the other text for "same story".
MIN_OVERLAP = 0.5
_SHINGLE = 3
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_BIT_VALUES = np.array([1 << i for i in range(BITS)], dtype=np.uint64)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _shingles(words: list[str]) -> list[str]:
    if len(words) < _SHINGLE:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)]


def fingerprint(text: str) -> int:
    """The 64-bit SimHash of ``text`` (0 for text without words)."""
    shingles = _shingles(_words(text))
    if not shingles:
        return 0
    digests = b"".join(
        hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in set(shingles)
    )
    hashes = np.frombuffer(digests, dtype="<u8")
    # One row per shingle, one column per bit; a bit is set when most shingles set it.
    bits = (hashes[:, None] >> np.arange(BITS, dtype=np.uint64)) & np.uint64(1)
    votes = bits.sum(axis=0) * 2 > len(hashes)
    return int(_BIT_VALUES[votes].sum()) if votes.any() else 0


def distance(a: int, b: int) -> int:
    """How many of the 64 bits differ between two fingerprints."""
    return (a ^ b).bit_count()


def shingles(text: str) -> frozenset[int]:
    """The set of hashed word 3-shingles of ``text`` (what :func:`overlap` compares)."""
    return frozenset(
        int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
        for s in _shingles(_words(text))
    )


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Containment: the share of the smaller shingle set found in the other (0..1)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def similar(a: str, b: str, *, min_overlap: float = MIN_OVERLAP) -> bool:
    """Whether two texts are copies of the same story (near-duplicates)."""
    return overlap(shingles(a), shingles(b)) >= min_overlap
