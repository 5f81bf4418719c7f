"""The alias index: every registry alias by its words, and the words that can start one.

Built once per registry (``AliasIndex``); the matching rules that use it are in
:mod:`summarizer.companies.finding.scan`, documented at the top of
:mod:`summarizer.companies.matcher`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.companies.registry.words import (
    _ASCII_START_PAIR_RE,
    _ASCII_START_WORD_RE,
    _RUNS,
    _START_PAIR_RE,
    _START_WORD_RE,
    fold,
    lower_word_starts,
    split_words,
    trie_regex,
)

# Alias case modes.
FOLD = "fold"  # any case, capitals kept ("Google", "GOOGLE", not "google" or "Indian oil")
EXACT = "exact"  # exactly as written ("BYD", "VW", "NIO")
WORD = "word"  # a common word ("Apple", "Shell"): exact case, and see AMBIGUOUS positions
EXCLUDED = "excluded"  # a phrase that contains an alias but is not the company


# What a word of the text starts, as far as the index knows: (its length as written, its
# folded form, its lookup form without "'s", the most words of an alias it starts, whether
# it is an alias on its own).
StartWord = tuple[int, str, str, int, bool]
_UNLEARNT: StartWord = (0, "", "", 0, False)  # a word not looked up yet (by identity)
# An index of at most this many first words (one story's discovered names) finds them with
# str.find rather than by cutting out every capitalised word (``_few_start_words``).
_FEW = 16


@dataclass(frozen=True, slots=True)
class AliasRef:
    """One alias in the index: which company and how it may be written."""

    entry: int  # index of the company (for exclusions: whose alias the phrase contains)
    surface: tuple[str, ...]  # the alias's words as written, for EXACT and WORD checks
    mode: str
    weak: bool = False  # counts only beside a sure mention of the company ("ISG", "Cadbury")


def alias_mode(alias: str, *, ambiguous: bool) -> str:
    """Case mode of an alias (see summarizer/companies/README.md for the rules)."""
    if ambiguous:
        return WORD
    if alias.isascii():  # letters are the cased characters: the same test in C
        return EXACT if alias.isupper() else FOLD
    letters = [c for c in alias if c.isalpha()]
    if letters and not any(c.islower() for c in letters):
        return EXACT
    return FOLD


class AliasIndex:
    """Word n-gram -> aliases; built once per registry."""

    def __init__(self) -> None:
        self.grams: dict[tuple[str, ...], tuple[AliasRef, ...]] = {}
        self.first: dict[str, int] = {}  # first word -> longest alias length starting with it
        self.lower_first: set[str] = set()  # first words of aliases written lower case ("ebay")
        # Leading parts of 2+ words of longer alias keys ("the boeing" of "the boeing company"):
        # with ``first`` and ``grams`` they tell where an alias may go on (see ``continues``).
        self.inner: set[tuple[str, ...]] = set()
        self.tickers: dict[str, int] = {}  # full symbols: "AAPL", "1810.HK"
        self.bases: dict[str, int] = {}  # "1810" of "1810.HK", after an exchange name only
        self.bare: set[str] = set()  # symbols that may also stand alone ("TSLA")
        # (regex of lower_first,), built on first use and dropped when lower_first grows
        self._lower_re: tuple[re.Pattern[str] | None] | None = None
        self._lower_bytes: tuple[frozenset[bytes] | None] | None = None  # (see _lower_words)
        self._starts_word: dict[str, StartWord | None] = {}  # written word -> what it starts
        self.pairs: dict[tuple[str, str], bool] = {}  # (word, next as written): scan._goes_on

    def add(self, alias: str, ref_entry: int, *, mode: str, weak: bool = False) -> None:
        """Index one alias, or an exclusion phrase (mode EXCLUDED) of that company."""
        words = split_words(alias)
        if not words:
            return
        surface = [w.replace("’", "'") for w in words]
        if len(surface[-1]) > 2 and surface[-1].endswith("'s"):
            surface[-1] = surface[-1][:-2]  # "Macy's" is looked up as "Macy", like the text
        # Interned: thousands of aliases share words ("inc", "group", "bank"), and a word
        # written in lower case is its own key, so one string serves them all.
        written = tuple(map(sys.intern, surface))
        key = tuple(sys.intern(fold(w)) for w in written)
        ref = AliasRef(ref_entry, key if key == written else written, mode, weak)
        refs = self.grams.get(key, ())
        if ref not in refs:  # "NIO" (exact) and "Nio" (any case) may share a key
            self.grams[key] = (*refs, ref)  # a new tuple: copies share the old ones
        self._starts_word, self.pairs = {}, {}  # what a word starts may have changed: forget
        self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
        self.inner.update(key[:k] for k in range(2, len(key)))
        if surface[0][:1].islower() and key[0] not in self.lower_first:
            self.lower_first.add(key[0])
            self._lower_re = self._lower_bytes = None

    def continues(self, key: tuple[str, ...]) -> bool:
        """Whether an alias key starts with (or is) the folded words ``key``."""
        if len(key) == 1:
            return key[0] in self.first
        return key in self.grams or key in self.inner

    def _lower_regex(self) -> re.Pattern[str] | None:
        """One trie-shaped regex of the lower-case first words ("ebay"), built on first use."""
        if self._lower_re is None:
            words = self.lower_first
            ok = all(w.isalnum() for w in words)  # \b below equals isalnum() only then
            # Led by the non-word character before the word (searched in " " + text): the
            # regex engine then skips at C speed between words instead of trying "\b"
            # at every letter.
            pattern = re.compile(rf"\W{trie_regex(words)}(?!\w)") if ok and words else None
            self._lower_re = (pattern,)
        return self._lower_re[0]

    def starts(self, text: str) -> list[int]:
        """Offsets of the words in ``text`` that may start an alias, in order."""
        return [at for at, _ in self.start_words(text)]

    def start_words(
        self, text: str, present: Sequence[str] | None = None, *, going_on: bool = False
    ) -> list[tuple[int, StartWord | None]]:
        """The words in ``text`` that may start an alias, in order: (offset, what it starts,
        learnt once per written form; None for a lower-case first word, "ebay": look it up).
        ``present``: ``lower_present`` of the story ``text`` is part of, if known.
        ``going_on``: without the capitalised words that are no alias alone and that no
        alias goes on from with the word after them ("The report", "Mr Smith": ``goes_on``)."""
        known = self._starts_word
        if len(known) > 50_000:  # bounded: a stream of odd words must not grow it forever
            known.clear()
        get, learn, unlearnt, goes_on = known.get, self._learn, _UNLEARNT, self.goes_on
        if len(self.first) <= _FEW and not self.lower_first:
            few = self._few_start_words(text)
            if few is not None:
                return few
        if going_on:  # the regex reads the next word too, in the same C-speed pass
            words = _ASCII_START_PAIR_RE if text.isascii() else _START_PAIR_RE
        else:
            words = _ASCII_START_WORD_RE if text.isascii() else _START_WORD_RE
        found: list[tuple[int, StartWord | None]] = [
            (m.start(), info)
            for m in words.finditer(text)
            if (
                ((info := get(word := m[0], unlearnt)) is unlearnt and (info := learn(word)))
                or info
            )
            # No alias alone, going nowhere ("The report", "Mr Smith"): dropped, not scanned.
            and (not going_on or info[4] or info[1] != info[2] or goes_on(info[2], m[1]))
        ]
        if not self.lower_first:
            return found
        more = self._lower_starts(text, present)
        if not more:
            return found
        merged: dict[int, StartWord | None] = dict(found)
        for at in more:
            merged.setdefault(at, None)
        return sorted(merged.items())

    def goes_on(self, word: str, following: str | None) -> bool:
        """Whether an alias starts with the folded word ``word`` and then ``following``, the
        next word as written (None: there is none), its "'s" aside."""
        if following is None:
            return False
        # Remembered per pair as written: "The", "Mr" and "In" are followed by the same words
        # again and again, and folding the next word and looking the pair up cost more.
        pair = (word, following)
        known = self.pairs.get(pair)
        if known is None:
            if len(self.pairs) > 50_000:  # bounded, as ``start_words``' memory
                self.pairs.clear()
            nxt = fold(following)
            nxt = nxt[:-2] if len(nxt) > 2 and nxt.endswith("'s") else nxt
            known = self.pairs[pair] = self.continues((word, nxt))
        return known

    def _few_start_words(self, text: str) -> list[tuple[int, StartWord | None]] | None:
        """``start_words`` of an index of a few first words (the names one story's discovery
        found): each first word is looked for in the folded text with ``str.find``, and only
        where one is found is a word cut out, instead of every capitalised word of the text
        being cut out and learnt by an index that is new for each story. None where folding
        changes the text's length (then offsets in the folded text are not the text's)."""
        folded = fold(text)
        if len(folded) != len(text):
            return None
        # Where a word folds to one of ``first`` (or to it + "'s"), the folded text holds that
        # first word: every start is among these; the regex then says which are word starts.
        at_least: set[int] = set()
        for key in self.first:
            at = folded.find(key)
            while at >= 0:
                at_least.add(at)
                at = folded.find(key, at + 1)
        known, learn = self._starts_word, self._learn
        found: list[tuple[int, StartWord | None]] = []
        for at in sorted(at_least):
            m = _START_WORD_RE.match(text, at)
            if m is not None:
                word = m.group()
                info = known[word] if word in known else learn(word)
                if info:
                    found.append((at, info))
        return found

    def lower_present(self, words: list[bytes]) -> list[str] | None:
        """The lower-case first words a story holds as words (``words``: its
        ``story_words``), or None when they are not all ASCII letters and digits."""
        simple = self._lower_words()
        return None if simple is None else [w.decode() for w in simple.intersection(words)]

    def _lower_starts(self, text: str, present: Sequence[str] | None = None) -> list[int]:
        if present is not None and not present and "_" not in text and text.isascii():
            return []  # the story holds none of them (as below, without lower-casing)
        lower = text.lower()
        if "_" in text or len(lower) != len(text):
            return self._starts_slow(text)  # rare: exact character-by-character rules
        words = self._lower_words()
        if words is not None:
            # Most paragraphs hold none of these words: one C-speed pass over the text's
            # ASCII letter-and-digit runs says so, where the regex below tried the whole
            # trie after every space (about a seventh of matching's time). Those the whole
            # story holds (``present``) are a superset of this part's: a word standing
            # alone in it is one of its runs, so searching for the others finds nothing.
            if present is None:
                runs = lower.encode("utf-8", "replace").translate(_RUNS).split()
                present = [w.decode() for w in words.intersection(runs)]
            return lower_word_starts(text, lower, present) if present else []
        return self._regex_starts(text, lower)

    def _regex_starts(self, text: str, lower: str) -> list[int]:
        """``_lower_starts`` by one trie-shaped regex (lower-case first words that are not
        all ASCII letters and digits)."""
        pattern = self._lower_regex()
        if pattern is None:
            return self._starts_slow(text)
        # In " " + lower, a match's offset is its word's offset in ``text``, and its first
        # character the one before the word (" " at the start).
        return [
            at
            for m in pattern.finditer(" " + lower)
            if m.group()[0] not in "'’" and text[at := m.start()].islower()
        ]

    def _lower_words(self) -> frozenset[bytes] | None:
        """The lower-case first words as bytes, when all are ASCII letters and digits
        (then a text's runs of those hold every one it uses); else None."""
        if self._lower_bytes is None:
            simple = all(w.isascii() and w.isalnum() for w in self.lower_first)
            self._lower_bytes = (
                frozenset(w.encode() for w in self.lower_first) if simple else None,
            )
        return self._lower_bytes[0]

    def start_word(self, word: str) -> StartWord | None:
        """What an alias starting with ``word`` as written needs; None when none starts so."""
        known = self._starts_word
        return known[word] if word in known else self._learn(word)

    def _learn(self, word: str) -> StartWord | None:
        """What an alias starting with ``word`` as written needs (remembered per written form)."""
        folded = fold(word)
        key = folded.removesuffix("'s")
        longest = self.first.get(key, 0)
        if key != folded:  # "Sam's Club" starts with its "'s", "Macy's" is looked up as "macy"
            longest = max(longest, self.first.get(folded, 0))
        info = (len(word), folded, key, longest, (key,) in self.grams) if longest else None
        self._starts_word[word] = info
        return info

    def _starts_slow(self, text: str) -> list[int]:
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer: rare, be exact
            lower = "".join(ch.lower()[:1] or ch for ch in text)
        return lower_word_starts(text, lower, self.lower_first)

    def copy(self) -> AliasIndex:
        """An index that can grow without changing this one (cheap: alias tuples are shared)."""
        other = AliasIndex()
        other.grams, other.first = dict(self.grams), dict(self.first)
        other.lower_first, other.inner = set(self.lower_first), set(self.inner)
        other.tickers, other.bases = dict(self.tickers), dict(self.bases)
        other.bare = set(self.bare)
        other._lower_re, other._lower_bytes = self._lower_re, self._lower_bytes
        return other

    def add_ticker(self, ticker: str, entry: int, *, bare_ok: bool) -> None:
        """Index a ticker for the ticker forms ("NYSE:F", "$AAPL", "(1810.HK)")."""
        symbol = ticker.strip().upper()
        self.tickers.setdefault(symbol, entry)
        if "." in symbol:
            self.bases.setdefault(symbol.split(".")[0], entry)
        if bare_ok:
            self.bare.add(symbol)
