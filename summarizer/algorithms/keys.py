"""The normal form NewsRank compares words in, and its cache.

``word_key`` folds a word to a cheap, language-light key (lower case, no
possessive, no plural s); ``content_keys`` maps a document's tokens to those keys,
stop words to None, from a cache shared by every document, since news reuses its
vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

# Distinct token spellings whose content keys are kept (memory stays bounded).
_KEY_CACHE_SPELLINGS = 1 << 16


@lru_cache(maxsize=1 << 16)  # pure, called per distinct token; news reuses its vocabulary
def word_key(word: str) -> str:
    """A cheap, language-light normal form: lower case, no possessive, no plural s."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=8)  # one per stop list (language)
def _content_key(stop: frozenset[str]) -> _lru_cache_wrapper[str | None]:
    """A token's ``word_key``, or None for a stop word: cached per spelling, since a
    document's tokens are mapped one by one and news reuses its vocabulary. The cache
    keeps no recency order (see ``content_keys``, which bounds it)."""
    normal_form = word_key.__wrapped__  # this cache is the only one a token goes through

    @cache
    def content_key(token: str) -> str | None:
        # A new spelling (~30 per news article, even with a warm cache) costs one
        # cache insertion, not two: word_key's own cache would hold the same forms.
        return None if token.lower() in stop else normal_form(token)

    return content_key


def content_keys(stop: frozenset[str]) -> Callable[[str], str | None]:
    """``_content_key(stop)``, emptied first once it holds _KEY_CACHE_SPELLINGS
    spellings. A hit in a cache kept in recency order also relinks its entry among
    others scattered in memory; between other work (a bot, ``newsbot eval``) that is
    most of a document's key lookups. Emptied, it refills within a few articles."""
    key = _content_key(stop)
    if key.cache_info().currsize >= _KEY_CACHE_SPELLINGS:
        key.cache_clear()
    return key
