"""The words of a text as the alias index reads them: the word regexes, ``split_words``,
``fold`` (a word's lookup form), ``story_words`` (a story's ASCII runs, cut once) and the
searches for lower-case first words ("ebay") that ``AliasIndex`` runs.

Pure functions and compiled patterns; the index itself is in
:mod:`summarizer.companies.registry.index`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Chinese, Japanese and Korean are written without spaces between words (and Korean glues
# particles on: "삼성전자는"), so each of their characters is a word of its own.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_LETTERS = rf"[^\W_{_CJK}]+"  # letters and digits, not CJK (a class: no lookahead per letter)
# Words: letters/digits with inner apostrophes ("L'Oréal", "Xiaomi’s"), a CJK character,
# or a lone "&".
_TOKEN_RE = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*|[{_CJK}]|&")
# The next word of an n-gram, after a gap an alias may have (see _GAP_RE).
_NEXT_RE = re.compile(rf"(?:[ \t.\-/!]{{0,3}}|,[ \t]?|\.?,[ \t]?)({_TOKEN_RE.pattern})")
# Where a word can start an alias — a capital, a digit, "&", any letter outside ASCII
# (checked again in Python) or a CJK character; the few lower-case first words of
# aliases ("eBay") are found by AliasIndex.starts — as the word there: words no alias
# starts with are then dropped in one list comprehension instead of one Python loop turn
# each. It opens with one character class so the regex engine skips at C speed to the
# next capital, digit, "&" or non-ASCII character (a leading lookbehind would be tried at
# every position: 3x slower). The lookbehinds after that first character say what
# "(?<![\w'’])" before it would (CJK characters need none), then the rest of the word is
# ``_TOKEN_RE``'s.
_L = rf"[^\W_{_CJK}]"
_START_WORD_RE = re.compile(
    rf"[A-Z0-9&\x80-\U0010ffff](?<![\w'’][^{_CJK}])"
    rf"(?:(?<={_L}){_L}*(?:['’]{_L}+)*|(?<=[{_CJK}&]))"
)
# The same for ASCII text, where it finds the same words: there the other scripts and "’"
# never occur and "\w" is "[A-Za-z0-9_]" either way, and the first character's class is a
# plain bitmap, tested at every character the search passes (not a range walk).
_ASCII_START_WORD_RE = re.compile(
    r"[A-Z0-9&](?<![\w'].)(?:(?<=[^\W_])[^\W_]*(?:'[^\W_]+)*|(?<=&))", re.ASCII
)
# Both, with the next word of an n-gram (``_NEXT_RE``'s) as group 1 where there is one: the
# pair a word that is no alias alone needs to go on ("The report" goes nowhere) is then
# read in the same C-speed pass, instead of by a regex match per such word afterwards.
_START_PAIR_RE = re.compile(rf"{_START_WORD_RE.pattern}(?:(?={_NEXT_RE.pattern})|)")
_ASCII_START_PAIR_RE = re.compile(
    rf"{_ASCII_START_WORD_RE.pattern}(?:(?={_NEXT_RE.pattern})|)", re.ASCII
)
# Bytes that are not ASCII letters or digits become spaces (capitals kept: the text is
# lower-cased first): bytes.split then gives the text's letter-and-digit runs.
_RUNS = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
# Tokens of an alias may be separated by spaces, dots, hyphens, slashes, "!" ("Yahoo!7")
# or one comma.
_GAP_RE = re.compile(r"[ \t.\-/!]{0,3}|,[ \t]?|\.?,[ \t]?")


def split_words(text: str) -> list[str]:
    """The words of an alias, as written (possessive kept)."""
    return _TOKEN_RE.findall(text)  # no groups in the pattern: the whole matches


def story_words(parts: Sequence[str]) -> list[bytes]:
    """The lower-cased ASCII letter-and-digit runs of a story's parts (other characters part
    them): cut once per story, they say which of a few sought words it holds at all, where
    searching each part for each word cost a pass per word (``AliasIndex.lower_present``,
    ``sought.present``)."""
    return " ".join(parts).lower().encode("utf-8", "replace").translate(_RUNS).split()


def fold(word: str) -> str:
    """The lookup form of a word: case-folded, curly apostrophe straightened."""
    return word.replace("’", "'").casefold()


_Trie = dict[str, "_Trie"]


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, shaped as a trie so each letter is tried once."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        alts = [re.escape(ch) + pattern(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{pattern(root)})"


def lower_word_starts(text: str, lower: str, words: Iterable[str]) -> list[int]:
    """Where each of ``words`` stands alone in ``lower`` (``text`` lower-cased, offsets
    kept): not after a letter, digit or apostrophe, not before a letter or digit, and
    written in lower case in ``text``; in order. A match never starts inside another
    (words are letters and digits with inner apostrophes), so each search goes on from
    the end of the last."""
    found: list[int] = []
    for word in words:
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            before = lower[at - 1] if at else " "
            if (
                not before.isalnum()
                and before not in "'’"
                and (end >= len(lower) or not lower[end].isalnum())
                and text[at].islower()
            ):
                found.append(at)
            at = lower.find(word, end)
    return sorted(found)
