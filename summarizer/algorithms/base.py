"""The small interface every summarization algorithm implements.

An algorithm sees a :class:`Document` (the cleaned article already split into
sentences, title removed) and returns the indices of the sentences it picks.
Ordering, the sentence count guarantee and formatting are done once, by
``summarizer.summarize``, not by each algorithm.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Document:
    """An article ready for scoring.

    ``sentences`` excludes the title; ``paragraph_of[i]`` is the paragraph index of
    sentence ``i``; ``words[i]`` are the word tokens of sentence ``i`` (from
    ``NewsTokenizer.to_words``); ``wire`` is True when the story opened with an
    agency or outlet dateline ("(CNN)", "LONDON (Reuters) -"), already stripped
    from the first sentence.
    """

    title: str
    sentences: tuple[str, ...]
    paragraph_of: tuple[int, ...]
    words: tuple[tuple[str, ...], ...]
    language: str = "english"
    wire: bool = False


class Algorithm(Protocol):
    """Picks the ``count`` best sentences of a document."""

    name: str

    def select(self, doc: Document, count: int, *, focus: Sequence[str] = ()) -> list[int]:
        """Indices into ``doc.sentences``, best first; ``focus`` = company names/aliases
        the reader follows (algorithms that cannot use it ignore it)."""
        ...
