"""Which of the phrases ``described.py`` and ``owned.py`` search for a story holds, in one pass.

``company_words``, ``roles`` and ``owned`` look for some forty phrases ("firm", "unit of ",
"CEO", " subsidiary"), each with its own ``str.find`` pass over the story; most stories
hold a handful. The story's words, cut once (``words.story_words``, shared with the
registry's scan), say which: only those are searched for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from summarizer.companies.finding.described import _WORDS, PARTS, ROLES
from summarizer.companies.finding.owned import OWNED


def _run(phrase: str) -> bytes:
    """A sought phrase's first letters and digits, lower-cased ("start-up" -> b"start")."""
    return re.findall(r"[a-z0-9]+", phrase.lower())[0].encode()


def _by_run() -> Mapping[bytes, tuple[str, ...]]:
    """Each phrase searched for above, by its first run and that run + "s" (a plural lead)."""
    found: dict[bytes, list[str]] = {}
    for phrase in (*_WORDS, *PARTS, *ROLES, *OWNED):
        for key in (_run(phrase), _run(phrase) + b"s"):
            found.setdefault(key, []).append(phrase)
    return MappingProxyType({key: tuple(phrases) for key, phrases in found.items()})


_BY_RUN = _by_run()  # read-only: built once at import
_RUN_KEYS = frozenset(_BY_RUN)


def present(words: list[bytes]) -> frozenset[str]:
    """The phrases ``company_words``, ``roles`` and ``owned`` search for that a story may
    hold (``words``: its ``words.story_words``). Where one of them is found as they read it
    (standing alone before, a space, "s" or punctuation after), the lower-cased story has
    its first run, or that + "s", as a word: the others need no pass over the story."""
    return frozenset(p for key in _RUN_KEYS.intersection(words) for p in _BY_RUN[key])
