"""Which language an article is in, and that language's stop words.

``detect_language`` guesses the language of a text from its script and from
sumy's stop-word lists, so non-English articles get a fitting splitter, stemmer
and stop words instead of English ones; anything unknown falls back to English
rules, which still split on ``. ! ?``. An opening that is plainly English settles
it without counting the whole sample.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from summarizer.text.words import WORD_RE

# Languages that sumy (stemmer/stop words) or Punkt know, keyed for detection.
# Compiled on first use (re's cache): the CJK and Hangul ranges take ~3 ms to compile,
# which ASCII and Latin-script news never needs.
_SCRIPT_LANGUAGES = (
    ("[\u3040-\u30ff]", "japanese"),
    ("[\uac00-\ud7af]", "korean"),
    ("[\u4e00-\u9fff]", "chinese"),
    ("[\u0e00-\u0e7f]", "thai"),
    ("[\u0600-\u06ff]", "arabic"),
    ("[\u0590-\u05ff]", "hebrew"),
    ("[\u0900-\u097f]", "hindi"),
    ("[\u0370-\u03ff]", "greek"),
)
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
_ASCII_LETTER_RE = re.compile("[A-Za-z]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_UKRAINIAN_RE = re.compile("[ієїґІЄЇҐ]")
_LATIN_CANDIDATES = (
    "english",
    "french",
    "german",
    "spanish",
    "italian",
    "portuguese",
    "swedish",
    "czech",
    "polish",
    "slovak",
)
# The English shortcut of detect_language: in the first _QUICK_CHARS characters, at
# least _QUICK_MIN_HITS English stop words and _QUICK_LEAD times as many as any other
# candidate's (on the dev sets and the Wikinews corpus English leads by >= 2.6x).
_QUICK_CHARS, _QUICK_MIN_HITS, _QUICK_LEAD = 1000, 20, 2
_ASCII_BYTES = bytes(range(128))
# Every byte but the ASCII letters (UTF-8 bytes of other characters are >= 0x80).
_NOT_ASCII_LETTER_BYTES = bytes(c for c in range(256) if not chr(c).isalpha() or c >= 128)


@lru_cache(maxsize=32)
def stop_words(language: str) -> frozenset[str]:
    """sumy's bundled stop words for ``language`` (empty when it has none).

    Read straight from sumy's data folder: ``sumy.utils`` would import requests, and
    ``importlib.resources`` costs ~12 ms at start-up (pip installs sumy as files).
    """
    spec = find_spec("sumy")
    folders = (spec.submodule_search_locations or []) if spec else []
    try:
        path = Path(next(iter(folders)), "data", "stopwords", f"{language}.txt")
        data = path.read_text("utf-8")
    except (StopIteration, OSError):
        return frozenset()
    return frozenset(line.strip() for line in data.splitlines() if line.strip())


def detect_language(text: str, *, sample_chars: int = 4000) -> str:
    """The most likely language of ``text`` ("english" when unsure)."""
    sample = text[:sample_chars]
    by_script = _script_language(sample)
    if by_script is not None:
        return by_script
    # An opening that is plainly English decides (most news here): counting stop
    # words over the whole sample would cost more than splitting the article.
    # Its words are taken between spaces, without a regex pass (a word glued to
    # punctuation is not counted; the margins above are measured this way).
    if _plainly_english(sample[:_QUICK_CHARS].lower().split()):
        return "english"
    best, best_hits = "english", 0
    words = map(str.lower, WORD_RE.findall(sample))
    for language, language_hits in zip(_LATIN_CANDIDATES, _stop_word_hits(words), strict=True):
        if language_hits > best_hits * 1.1:  # ties keep the earlier (more common) language
            best, best_hits = language, language_hits
    return best


def _script_language(sample: str) -> str | None:
    """The language the script of ``sample`` decides ("unknown" for a script we have
    no rules for, "english" without letters), or None for Latin-script text."""
    # Every script tested below lies outside ASCII: scan only the (usually few)
    # non-ASCII characters instead of the whole sample once per script.
    if sample.isascii():  # plain ASCII: Latin letters, or no letters at all
        return None if _ASCII_LETTER_RE.search(sample) else "english"
    # In UTF-8 every ASCII character is one byte below 0x80 and no other character
    # holds one: deleting those bytes leaves exactly the non-ASCII characters.
    utf8 = sample.encode("utf-8", "surrogatepass")
    rest = utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    # ASCII letters are exactly A-Z and a-z, all of them Latin.
    ascii_letters = len(utf8.translate(None, _NOT_ASCII_LETTER_BYTES))
    letters = ascii_letters + sum(map(str.isalpha, rest))
    if not letters:
        return "english"
    if len(rest) * 5 <= letters:
        # At most a fifth of the letters lie outside ASCII: no script test below can
        # pass (each needs more than that), and the text is mostly Latin.
        return None
    for pattern, language in _SCRIPT_LANGUAGES:
        if len(re.findall(pattern, rest)) / letters > 0.2:
            return language
    if len(_CYRILLIC_RE.findall(rest)) / letters > 0.3:
        return "ukrainian" if _UKRAINIAN_RE.search(rest) else "russian"
    if (ascii_letters + len(_LATIN_RE.findall(rest))) / letters < 0.3:
        return "unknown"  # generic splitting, no stop words
    return None


def _plainly_english(words: list[str]) -> bool:
    """The English shortcut: at least _QUICK_MIN_HITS of ``words`` are English stop
    words, and _QUICK_LEAD times as many as any other candidate's."""
    english = sum(map(stop_words("english").__contains__, words))
    if english < _QUICK_MIN_HITS:
        return False
    # No other candidate lists more of the words than all of them together: a lead
    # over that settles most English text without a count per language.
    if english >= _QUICK_LEAD * sum(map(_other_stop_words().__contains__, words)):
        return True
    hits = _stop_word_hits(words)
    return english >= _QUICK_LEAD * max(hits[1:])


@lru_cache(maxsize=1)
def _other_stop_words() -> frozenset[str]:
    """Every stop word of the candidates but English."""
    return frozenset().union(*map(stop_words, _LATIN_CANDIDATES[1:]))


def _stop_word_hits(words: Iterable[str]) -> list[int]:
    """How many of ``words`` (lower case, repeats counted) each of _LATIN_CANDIDATES
    lists as stop words."""
    # Each stop word stands for the bytes of the positions of the languages listing
    # it: joined over the sample, one byte count per language counts its hits in C
    # (a Counter's Python-level set-up cost more than the counting).
    listed = b"".join(filter(None, map(_stop_word_index().get, words)))
    return list(map(listed.count, range(len(_LATIN_CANDIDATES))))


@lru_cache(maxsize=1)
def _stop_word_index() -> dict[str, bytes]:
    """Stop word -> positions in _LATIN_CANDIDATES of the languages listing it."""
    index: dict[str, bytearray] = {}
    for k, language in enumerate(_LATIN_CANDIDATES):
        for word in stop_words(language):
            index.setdefault(word, bytearray()).append(k)
    return {word: bytes(ks) for word, ks in index.items()}
