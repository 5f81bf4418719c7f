"""The explainable sentence features NewsRank's learned scorer reads.

One row per sentence, one column per name in ``FEATURE_NAMES``; every value is
something a reader can check by looking at the sentence:

* where it stands: first / second / third sentence, log(1 + index), relative
  position (paragraphs are not used: the same text cut into paragraphs
  differently must get the same summary, and outlets paragraph differently);
* how long it is: log length, a fragment flag, words beyond 40 (runaway splits);
* what it shares: centrality (TextRank on word overlap, linear time); the share
  of the article's ten most used content words it holds (``top_words``), and the
  share of its own content words that come back in two other sentences or more
  (``recurring``; see ``keywords.py``). A summary sentence is made of what the
  whole article is about, wherever the sentence stands: these two lift such a
  sentence further down the article, which is where an XSum-like article (its
  lede cut off) keeps its best one. The headline is not used (many articles
  arrive without one; fitted, headline and first-sentence overlap lowered the
  worst cross-validated margin);
* what it holds: figures, proper names, a quotation, a question; and how many
  figures and names, log(1 + count) (``number_count``, ``name_count``: a sentence
  packed with facts, however long, is what a person's summary tends to keep;
  cross-validated, these two lift CNN/DM's highlights when no CNN/DM article is
  fitted on; see ``benchmarks/fitting/candidates.py``);
* how it reads: opens on a word leaning on an earlier sentence ("However", "It",
  "They"), and whether the story is wire copy (then position counts more).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import repeat
from operator import add, itemgetter

import numpy as np

from summarizer.algorithms.base import Document
from summarizer.algorithms.centrality import Features, features
from summarizer.algorithms.openers import opens_dangling
from summarizer.text.quotes import OPENING_QUOTES

FEATURE_NAMES: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "log_position",
    "relative_position",
    "length",
    "short",
    "overlong",
    "centrality",
    "numbers",
    "names",
    "quote_opening",
    "quoted",
    "question",
    "dangling",
    "wire_lead",
    "top_words",
    "recurring",
    "number_count",
    "name_count",
)

_NUMBER_RE = re.compile(r"\d")
_QUOTED_RE = re.compile(r"[\"“][^\"”]*[\"”]")
SHORT_WORDS = 8  # a sentence under this many words is (partly) a fragment
_LONG_WORDS = 40
_CLOSING = "\"”’' "  # stripped before looking for a question mark
_FIRST_LETTER = itemgetter(slice(None, 1))  # "" for an empty token
# Byte tables for the whole-document passes: A-Z (the ASCII characters str.isupper
# accepts) -> "U", space and line break kept, any other byte -> "x"; and every
# byte but the ASCII digits and the line break (deleted).
_CAPITAL_MARKS = (
    bytes(ord("U") if chr(c).isupper() else c if c in b" \n" else ord("x") for c in range(128))
    + b"x" * 128
)
_NOT_DIGIT_OR_NEWLINE = bytes(c for c in range(256) if c != 10 and not 48 <= c <= 57)
# Every ASCII digit -> "1"; deleted with the second table: every byte but the digits,
# the space and the line break (a word holding a figure is then a run of "1"s).
_DIGITS_TO_ONE = bytes(ord("1") if 48 <= c <= 57 else c for c in range(256))
_NOT_DIGIT_SPACE_OR_NEWLINE = bytes(c for c in range(256) if c not in b" \n" and not 48 <= c <= 57)


def _names_share(words: tuple[str, ...]) -> float:
    """Share of words after the first that are capitalised (names, places, firms)."""
    rest = words[1:]
    if not rest:
        return 0.0
    return sum(map(str.isupper, map(_FIRST_LETTER, rest))) / len(rest)


def _has_number(sentence: str) -> bool:
    """True when ``sentence`` holds a digit (``\\d``: any script's digits)."""
    # Substring search for ASCII digits is faster than stepping a regex through
    # every character; only a non-ASCII sentence can hold another script's digits.
    if any(map(sentence.__contains__, "0123456789")):
        return True
    return not sentence.isascii() and _NUMBER_RE.search(sentence) is not None


def _quoted_share(sentence: str) -> float:
    """Share of the sentence inside quotation marks (rough: between paired marks)."""
    if '"' not in sentence and "“" not in sentence:  # most sentences quote nobody
        return 0.0
    inside = sum(len(m) for m in _QUOTED_RE.findall(sentence))
    return inside / max(len(sentence), 1)


def _has_numbers(sentences: tuple[str, ...]) -> np.ndarray:
    """``_has_number`` of every sentence: for ASCII text, one pass over the document
    keeping only digits and sentence breaks, instead of ten searches per sentence."""
    n = len(sentences)
    text = "\n".join(sentences)
    if text.isascii() and text.count("\n") == n - 1:  # no sentence holds a line break
        digits = text.encode("ascii").translate(None, _NOT_DIGIT_OR_NEWLINE).split(b"\n")
        return np.fromiter(map(len, digits), bool, n)
    return np.fromiter(map(_has_number, sentences), bool, n)


def _joined_ascii(words: tuple[tuple[str, ...], ...]) -> bytes | None:
    """The document's words, one sentence a line, words split by one space, as ASCII
    bytes; None when that would not keep every word and sentence apart (a word holding
    a space or a line break, or any non-ASCII character)."""
    n = len(words)
    lengths = list(map(len, words))
    text = "\n".join(map(" ".join, words))
    spaces = sum(lengths) - n + lengths.count(0)  # between the words of each sentence
    if text.isascii() and text.count(" ") == spaces and text.count("\n") == n - 1:
        return text.encode("ascii")
    return None


def _name_counts(words: tuple[tuple[str, ...], ...], joined: bytes | None) -> np.ndarray:
    """Capitalised words after the first, per sentence (floats): for ASCII text
    (``joined``), capitals marked with a byte table and counted after each space."""
    n = len(words)
    if joined is not None:
        marks = joined.translate(_CAPITAL_MARKS).split(b"\n")
        return np.fromiter(map(bytes.count, marks, repeat(b" U")), float, n)
    return np.fromiter((sum(map(str.isupper, map(_FIRST_LETTER, s[1:]))) for s in words), float, n)


def _names_shares(words: tuple[tuple[str, ...], ...], names: np.ndarray) -> np.ndarray:
    """``_names_share`` of every sentence, from its ``_name_counts``."""
    others = np.fromiter(map(len, words), float, len(words)) - 1.0  # words after the first
    return names / np.maximum(others, 1.0)


def _number_counts(words: tuple[tuple[str, ...], ...], joined: bytes | None) -> np.ndarray:
    """Words holding a digit, per sentence (floats): for ASCII text (``joined``), every
    byte but digits, spaces and line breaks deleted and the digits made "1"s, so a word
    holding a figure is a "1" after a space (or at the line's start)."""
    n = len(words)
    if joined is not None:
        ones = joined.translate(_DIGITS_TO_ONE, _NOT_DIGIT_SPACE_OR_NEWLINE).split(b"\n")
        inner = map(bytes.count, ones, repeat(b" 1"))
        return np.fromiter(map(add, inner, map(bytes.startswith, ones, repeat(b"1"))), float, n)
    return np.fromiter(map(_words_with_digits, words), float, n)


def _words_with_digits(words: tuple[str, ...]) -> int:
    """How many of ``words`` hold a digit (``\\d``: any script's digits)."""
    if _NUMBER_RE.search(" ".join(words)) is None:  # most sentences hold no figure
        return 0
    return sum(_NUMBER_RE.search(w) is not None for w in words)


def _text_columns(doc: Document, out: np.ndarray, names: np.ndarray) -> None:
    """numbers, names, quote_opening, quoted, question, dangling (per sentence), into
    the columns of ``out``; each a ``map`` run in C, not a Python loop over sentences."""
    sentences, n = doc.sentences, len(doc.sentences)
    out[:, 0] = _has_numbers(sentences)
    out[:, 1] = _names_shares(doc.words, names)
    starts = map(str.startswith, map(str.lstrip, sentences), repeat(OPENING_QUOTES))
    out[:, 2] = np.fromiter(starts, bool, n)
    out[:, 3] = np.fromiter(map(_quoted_share, sentences), float, n)
    ends = map(str.endswith, map(str.rstrip, sentences, repeat(_CLOSING)), repeat("?"))
    out[:, 4] = np.fromiter(ends, bool, n)
    out[:, 5] = np.fromiter(map(opens_dangling, sentences), bool, n)


@lru_cache(maxsize=256)  # a pure function of its arguments; articles repeat counts
def _position_columns(n: int, wire: bool) -> np.ndarray:
    """A (sentences x FEATURE_NAMES) matrix of ``n`` sentences holding first, second,
    third, log_position, relative_position and wire_lead (exp(-i / 2) in wire copy), the
    other columns 0: what ``sentence_matrix`` fills the rest of; read-only."""
    i = np.arange(n, dtype=float)
    columns = np.zeros((n, len(FEATURE_NAMES)))
    columns[:, 0:3] = i[:, None] == np.arange(3.0)
    columns[:, 3] = np.log1p(i)
    columns[:, 4] = i / max(n - 1, 1)
    columns[:, 15] = np.exp(-i / 2.0) * float(wire)
    columns.flags.writeable = False
    return columns


def _length_columns_of(counts: np.ndarray) -> np.ndarray:
    """length, short and overlong (the FEATURE_NAMES columns in that order) of sentences
    of ``counts`` words (floats)."""
    columns = np.empty((len(counts), 3))
    columns[:, 0] = np.log1p(counts) / math.log1p(30)
    columns[:, 1] = np.minimum(np.maximum(1.0 - counts / SHORT_WORDS, 0.0), 1.0)
    columns[:, 2] = np.maximum(counts - _LONG_WORDS, 0) / 20
    return columns


# ``_length_columns_of`` every word count up to _TABLED_WORDS, computed once: a document's
# rows are read from it by index (the same values: each is the same float operations
# on the same count), not computed with ten numpy calls per document.
_TABLED_WORDS = 255
_LENGTH_COLUMNS = _length_columns_of(np.arange(_TABLED_WORDS + 1, dtype=float))
_LENGTH_COLUMNS.flags.writeable = False


def _length_columns(words: tuple[tuple[str, ...], ...]) -> np.ndarray:
    """``_length_columns_of`` the word counts of ``words`` (one tuple per sentence)."""
    counts = list(map(len, words))
    if max(counts, default=0) > _TABLED_WORDS:
        return _length_columns_of(np.array(counts, dtype=float))
    return _LENGTH_COLUMNS.take(counts, axis=0)


def sentence_matrix(doc: Document, stop: frozenset[str]) -> tuple[np.ndarray, Features]:
    """The (sentences x FEATURE_NAMES) matrix of ``doc``, and NewsRank's raw features
    (reused for redundancy checks)."""
    n = len(doc.sentences)
    f = features(doc, stop)
    # Filled column by column (FEATURE_NAMES order): no per-column arrays stacked.
    matrix = _position_columns(n, doc.wire).copy()
    matrix[:, 5:8] = _length_columns(doc.words)
    matrix[:, 8] = f.centrality
    joined = _joined_ascii(doc.words)
    names = _name_counts(doc.words, joined)
    _text_columns(doc, matrix[:, 9:15], names)
    matrix[:, 16] = f.top_words
    matrix[:, 17] = f.recurring
    matrix[:, 18] = np.log1p(_number_counts(doc.words, joined))
    matrix[:, 19] = np.log1p(names)
    return matrix, f
