"""The faster salience passes find exactly what the plain ones find.

Each shortcut in ``cues`` is compared on generated text with the straightforward version
of the same rule: sentence starts found with the full-stop-only regex where a text holds
no "!" or "?".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.companies.cues import SENTENCE_END, sentence_starts

_PIECES = (
    "Acme", "said", "so", ".", "!", "?", " ", "  ", "\n", '"', "'", "”", "’", ")", "(", "“",
    "‘", "3", "a", "U.S.", "Mr.", "...", "é", "É",
)  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_sentence_starts_equal_the_plain_search(text: str) -> None:
    assert sentence_starts(text) == [0, *(m.end() for m in SENTENCE_END.finditer(text))]


def test_sentence_starts_read_every_end_mark() -> None:
    text = 'It rose. Did it? "Yes!" Acme said. (Then) it fell.'
    starts = sentence_starts(text)
    assert [text[s : s + 4] for s in starts] == ["It r", "Did ", '"Yes', "Acme", "(The"]
    assert sentence_starts("It rose. It fell.") == [0, 9]  # no "!" or "?": full stops only
