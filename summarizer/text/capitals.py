"""Capitals in text that lost them: how to tell, and sentences shown with them again.

A transcript or a lower-cased paste is split and scored like any other text (the
splitter reads its missing capitals, ``long_runs.py``), but a summary shown as
"xiaomi is to become the latest tech firm ..." reads as broken. Once split, each
sentence opens on a capital again and "i" is "I"; in a summary or brief for a
followed company, its name and aliases are spelled as the caller spells them (not
one that is also a word: "next year" stays). Other names stay as the text has them:
guessing them would capitalise words that are no names. Only the letters' case
changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# A capital A-Z other than the word "I", which a transcript that lost its capitals may
# still write.
_CAPITAL = re.compile(r"(?!I\b)[A-Z]")
# The first letter of a sentence, after any opening quote or bracket.
_FIRST_LETTER = re.compile(r"^[\s\"'“‘(\[]*[a-z]")
# "i", "i'm", "i've", "i'll", "i'd" as words; not "i.e.", "(i)" or "i-pad".
_I = re.compile(r"(?<![\w'’(])i(?=(?:['’](?:m|ve|ll|d))?(?![\w'’\-]|\.\w))")


def has_capitals(text: str) -> bool:
    """Whether ``text`` holds a capital A-Z other than the word "I"."""
    return _CAPITAL.search(text) is not None


def lost_capitals(paragraphs: Iterable[str]) -> bool:
    """Whether the text holds words but no capital A-Z (but for the word "I")."""
    texts = [p for p in paragraphs if p.strip()]
    return bool(texts) and not any(map(has_capitals, texts))


def opened(sentence: str) -> str:
    """``sentence`` (from text that lost its capitals) opening on a capital, "i" as "I"."""
    out = _I.sub("I", sentence)
    return _FIRST_LETTER.sub(lambda m: m.group()[:-1] + m.group()[-1].upper(), out)


def spell_names(sentence: str, names: Sequence[str]) -> str:
    """``sentence`` with each of ``names`` that holds a capital and is no ordinary word
    spelled as given, where the sentence has it in lower case (whole words only)."""
    # Imported here: only a followed company's summary needs the word list.
    from summarizer.companies.registry.names import is_common

    for name in sorted({n for n in names if has_capitals(n)}, key=len, reverse=True):
        if is_common(name.lower()):
            continue  # "next year", "apple pie": the word, as often as the company
        pattern = re.compile(rf"(?<![\w'’]){re.escape(name.lower())}(?![^\W_])")
        sentence = pattern.sub(name.replace("\\", "\\\\"), sentence)
    return sentence
