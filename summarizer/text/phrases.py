"""Whether a text uses one of a chat's muted words or phrases (``/settings mute``).

A muted entry matches whole words in any case and any spacing: "football" mutes
"Football" and "football-mad" but not "footballer"; "transfer rumour" mutes "Transfer
Rumour". A trailing "*" makes the last word a prefix: "rumour*" also mutes "rumours".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1024)
def _pattern(phrase: str) -> tuple[str, re.Pattern[str]] | None:
    """(a word the text must hold, the phrase's regex over case-folded text)."""
    prefix = phrase.endswith("*")
    words = phrase.rstrip("*").casefold().split()
    if not words:
        return None
    end = "" if prefix else r"(?!\w)"
    return words[0], re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + end)


def first_phrase(text: str, phrases: Iterable[str]) -> str | None:
    """The first of ``phrases`` that ``text`` uses (see the module doc), or None."""
    folded = text.casefold()
    for phrase in phrases:
        compiled = _pattern(phrase)
        # A substring test first: most texts hold none of the words at all.
        if compiled is not None and compiled[0] in folded and compiled[1].search(folded):
            return phrase
    return None
