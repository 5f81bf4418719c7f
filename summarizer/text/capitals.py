"""Capitals for sentences of text that lost them.

A transcript or a lower-cased paste is split and scored like any other text (the
splitter reads its missing capitals, ``long_runs.py``), but a summary shown as
"xiaomi is to become the latest tech firm ..." reads as broken. Once split, each
sentence opens on a capital again and "i" is "I"; in a summary or brief for a
followed company, its name and aliases are spelled as the caller spells them. Other
names stay as the text has them: guessing them would capitalise words that are no
names. Only the letters' case changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summarizer.text.long_runs import has_capitals

# The first letter of a sentence, after any opening quote or bracket.
_OPENING = re.compile(r"^[\s\"'“‘(\[]*[a-z]")
# "i", "i'm", "i've", "i'll", "i'd" as words.
_I = re.compile(r"(?<![\w'’])i(?=(?:['’](?:m|ve|ll|d))?(?![\w'’]))")


def lost_capitals(paragraphs: Iterable[str]) -> bool:
    """Whether the text holds words but no capital A-Z (but for the word "I")."""
    texts = [p for p in paragraphs if p.strip()]
    return bool(texts) and not any(map(has_capitals, texts))


def opened(sentence: str) -> str:
    """``sentence`` (from text that lost its capitals) opening on a capital, "i" as "I"."""
    out = _I.sub("I", sentence)
    return _OPENING.sub(lambda m: m.group()[:-1] + m.group()[-1].upper(), out)


def spelled(sentence: str, names: Sequence[str]) -> str:
    """``sentence`` with each of ``names`` that holds a capital spelled as given, where
    the sentence has it in lower case (whole words only)."""
    for name in sorted({n for n in names if has_capitals(n)}, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w'’]){re.escape(name.lower())}(?![^\W_])")
        sentence = pattern.sub(name.replace("\\", "\\\\"), sentence)
    return sentence
