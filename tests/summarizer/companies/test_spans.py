"""Long stories: later matches never take claimed text, and counting stays linear."""

from __future__ import annotations

import random

from summarizer.companies.aboutness.salience import Occurrence
from summarizer.companies.finding.spans import unclaimed


def _occ(part: int, start: int, end: int) -> Occurrence:
    return Occurrence(entry=0, part=part, start=start, end=end)


def test_overlapping_occurrences_are_left_out() -> None:
    taken = [_occ(1, 10, 20), _occ(1, 40, 45), _occ(2, 0, 5)]
    found = [
        _occ(1, 0, 10),  # ends where a claimed span starts: free
        _occ(1, 15, 25),  # overlaps 10-20
        _occ(1, 20, 40),  # between two claimed spans: free
        _occ(1, 30, 41),  # overlaps 40-45
        _occ(1, 12, 14),  # inside 10-20
        _occ(2, 5, 9),  # other part, after its claimed span: free
        _occ(3, 0, 50),  # a part with nothing claimed: free
        _occ(0, 10, 20),  # the headline is a part of its own: free
    ]
    assert list(unclaimed(found, taken)) == [found[0], found[2], found[5], found[6], found[7]]


def test_a_long_claimed_span_covers_later_short_ones() -> None:
    """A span that starts early and reaches far still claims what lies inside it, even
    when shorter spans start after it."""
    taken = [_occ(1, 0, 100), _occ(1, 10, 12), _occ(1, 50, 52)]
    assert list(unclaimed([_occ(1, 60, 70), _occ(1, 100, 104)], taken)) == [_occ(1, 100, 104)]


def test_the_same_answer_as_comparing_every_pair() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = [(rng.randrange(3), rng.randrange(60)) for _ in range(rng.randrange(12))]
        taken = [_occ(p, s, s + rng.randrange(1, 15)) for p, s in spans]
        found = [
            _occ(rng.randrange(3), s := rng.randrange(70), s + rng.randrange(1, 9))
            for _ in range(10)
        ]
        pairwise = [
            o
            for o in found
            if not any(t.part == o.part and t.start < o.end and o.start < t.end for t in taken)
        ]
        assert list(unclaimed(found, taken)) == pairwise


def test_words_before_a_mention_are_counted_up_to_three() -> None:
    from summarizer.companies.aboutness.layout import _words_before

    text = "Shares in Acme rose. " + "x" * 150 + " " + "y" * 150 + " Acme fell."
    assert _words_before(text, 0, text.index("Acme")) == 2
    assert _words_before(text, 0, 0) == 0
    second = text.index("Acme", 20)
    assert _words_before(text, 21, second) == 2  # two 150-letter words: past the window
    assert _words_before(text, 0, second) == 3  # "3 or more"
