"""Feature columns read from tables built once are the values computed on each
document's own counts, to the last bit (summaries must not change when code gets
faster), past the end of the tables too."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.algorithms.sentence_features import (
    FEATURE_NAMES,
    SHORT_WORDS,
    _length_columns,
    _position_columns,
)


@given(st.lists(st.integers(min_value=0, max_value=300), max_size=40))
@settings(max_examples=300, deadline=None)
def test_length_columns_are_computed_on_the_document_counts(counts: list[int]) -> None:
    words = tuple(("w",) * count for count in counts)
    lengths = np.array(counts, dtype=float)
    plain = np.empty((len(counts), 3))
    plain[:, 0] = np.log1p(lengths) / math.log1p(30)
    plain[:, 1] = np.minimum(np.maximum(1.0 - lengths / SHORT_WORDS, 0.0), 1.0)
    plain[:, 2] = np.maximum(lengths - 40, 0) / 20
    assert _length_columns(words).tobytes() == plain.tobytes()


def test_position_columns_hold_positions_and_the_wire_lead_only() -> None:
    for n in range(1, 70):
        i = np.arange(n, dtype=float)
        for wire in (False, True):
            columns = _position_columns(n, wire)
            assert columns.shape == (n, len(FEATURE_NAMES)) and not columns.flags.writeable
            assert columns[:, 0:3].tolist() == (i[:, None] == np.arange(3.0)).tolist()
            assert columns[:, 3].tobytes() == np.log1p(i).tobytes()
            assert columns[:, 4].tobytes() == (i / max(n - 1, 1)).tobytes()
            lead = np.exp(-i / 2.0) * float(wire)
            assert columns[:, 15].tobytes() == lead.tobytes()
            assert not columns[:, 5:15].any() and not columns[:, 16:].any()
