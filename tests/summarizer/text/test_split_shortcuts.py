"""The splitter's cheap test before a regex scan answers exactly as the scan would:
generated text made of the words and marks that scan looks for."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarizer.text import split


def _texts(tokens: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), max_size=16).map(" ".join)


# A name's closing abbreviation before a quotation: 'Warner Bros. "We ...," he said'.
_QUOTED = _texts(["Inc.", "Bros.", "Co.", '"We', "“We", "are", 'thrilled,"', "sold.”", "he", "."])


@given(st.lists(_QUOTED, max_size=4))
@settings(max_examples=500, deadline=None)
@example(['Acme Inc. "We are thrilled," he said', "Warner Bros. “We sold.”"])
def test_pieces_are_split_after_name_ends_wherever_the_regex_finds_one(pieces: list[str]) -> None:
    expected: list[str] = []
    for piece in pieces:
        start = 0
        for match in split._NAME_END_QUOTE.finditer(piece):
            expected.append(piece[start : match.end(1)])
            start = match.end()
        expected.append(piece[start:])
    assert split._split_after_name_ends(pieces) == expected
