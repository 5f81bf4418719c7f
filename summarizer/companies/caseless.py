"""Case-insensitive regex search, done faster with the same answers.

Python's ``re.IGNORECASE`` compares every character both ways, which makes a word
list such as salience's "deal" and "report" cues four times slower than the same
search, case-sensitive, over the lower-cased text. The two give the same answer
whenever lower-casing changes no character's meaning for the pattern: always for a
pattern written in ASCII without capitals (escapes aside), unless the text holds one
of the four characters Unicode case-folds onto an ASCII letter ("İ", "ı", "ſ", the
Kelvin sign "K"; "İ" also becomes two characters). Anything else is searched as is.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The only characters IGNORECASE matches to an ASCII letter, or whose lower case is one.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_ESCAPE = re.compile(r"\\.", re.DOTALL)


@lru_cache(maxsize=64)
def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of an IGNORECASE ``pattern``, or None if there is none."""
    if not pattern.flags & re.IGNORECASE or not pattern.pattern.isascii():
        return None
    literal = _ESCAPE.sub("", pattern.pattern)
    if any(c.isupper() for c in literal):
        return None  # "[A-Z]", "CEO": lower-cased text would never match them
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def caseless_search(pattern: re.Pattern[str], text: str) -> bool:
    """``bool(pattern.search(text))``, faster for an IGNORECASE pattern of lower-case ASCII."""
    twin = _lower_twin(pattern)
    if twin is not None and (text.isascii() or not any(c in text for c in _FOLDS_TO_ASCII)):
        return twin.search(text.lower()) is not None
    return pattern.search(text) is not None
