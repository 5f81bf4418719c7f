"""Page furniture in scraped news: which paragraphs and sentences are not the story.

The rules themselves are plain data in :mod:`summarizer.text.furniture` (the tail
cut and the line rules); this module applies them: ``matching_rule`` says which rule
a paragraph meets, ``is_boilerplate`` / ``boilerplate_flags`` answer the same
question fast (rules grouped by how many words they admit and by the first character
they can start with, which ``_starts`` reads from each regex), and
``clean_paragraphs`` is the boilerplate pass every article goes through.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from summarizer.text.furniture import ALL_FURNITURE, LINE_RULES, TAIL_MARKERS, Rule
from summarizer.text.normalize import paragraph_key

__all__ = [
    "LINE_RULES",
    "TAIL_MARKERS",
    "Rule",
    "boilerplate_flags",
    "clean_paragraphs",
    "is_boilerplate",
    "matching_rule",
]


# Furniture is a short line: text longer than this is never furniture, whatever its
# word count ("xxxx…" of 5 MB is one "word", and the share-button rule's repeated
# group would take seconds to reject it; X is a share button).
MAX_FURNITURE_CHARS = 1_000


def matching_rule(paragraph: str, rules: Iterable[Rule] = ALL_FURNITURE) -> Rule | None:
    """The first rule that marks ``paragraph`` as boilerplate, or None for real text."""
    text = paragraph.strip()
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    words = len(text.split())
    for rule in rules:
        if words <= rule.max_words and rule.pattern.search(text):
            return rule
    return None


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth) of the characters of regex ``pattern`` that are
    syntax: neither escaped nor inside a character class."""
    depth, in_class, escaped = 0, False, False
    for k, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth -= char == ")"
            yield k, char, depth
            depth += char == "("


def _alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex (outside groups and classes)."""
    bars = [k for k, char, depth in _syntax(pattern) if char == "|" and depth == 0]
    return [pattern[start + 1 : end] for start, end in pairwise([-1, *bars, len(pattern)])]


# Words without which an unanchored rule cannot match (each of its alternatives
# holds one): a case-insensitive search scans the whole sentence, ``in`` is ~10x
# cheaper. A rule not listed here is always searched.
_NEEDS: dict[str, tuple[str, ...]] = {
    "cookie notice": ("cookie",),
    "newsletter prompt": ("newsletter",),
    "copyright line": ("reserved", "©", "copyright"),
    "browser notice": ("javascript", "browser"),
    "contributor line": ("contributed",),
    "embedded post": ("pic.twitter.com", "(@"),
}
# Every one of those words: most sentences hold none of them (substring tests are
# ~5x faster than one regex alternation).
_ALL_NEEDS = tuple(word for words in _NEEDS.values() for word in words)


_Match = Callable[[str], "re.Match[str] | None"]


@dataclass(frozen=True, slots=True)
class _Limit:
    """The rules that apply to text of at most ``words`` words: the ``match`` of those
    anchored at the start, by the lower-cased first character they can start with
    (``by_first``; ``every`` for a text opening on a character outside printable ASCII),
    and the others; when ``gated``, every other rule needs one of the _NEEDS words."""

    words: int
    by_first: dict[str, tuple[_Match, ...]]
    every: tuple[_Match, ...]
    others: tuple[Rule, ...]
    gated: bool


# Characters regex syntax gives a meaning of their own (an escaped one is itself).
_SPECIAL = frozenset("\\()[]{}?*+|.^$")
_PRINTABLE = frozenset(map(chr, range(32, 127)))
_DIGITS = frozenset("0123456789")
# A quantifier after an item ("least": the minimum of a braced one), lazy or not.
_REPEAT = re.compile(r"(?:[?*+]|\{(?P<least>\d*)(?:,\d*)?\})\??")


def _starts(pattern: str) -> frozenset[str] | None:
    """The lower-case characters a match of ``pattern`` (case-insensitive) can start
    with, or None when this small reader cannot tell: it reads literals, escaped
    literals, ``\\d``, groups of alternatives, simple classes and optional items."""
    if not pattern:
        return None  # the rest can match nothing: any character may follow
    first, rest = _first_item(pattern)
    if first is None:
        return None
    repeat = _REPEAT.match(rest)
    if repeat is None or (repeat[0][0] not in "?*" and repeat["least"] not in ("", "0")):
        return first  # a single item, or one repeated at least once ("+", "{1,2}")
    after = _starts(rest[repeat.end() :])  # optional: what follows may come first
    return None if after is None else first | after


def _first_item(pattern: str) -> tuple[frozenset[str] | None, str]:
    """What the first item of ``pattern`` starts with, and the pattern after that item."""
    char = pattern[0]
    if char == "(":
        end = _closing(pattern)
        body = pattern[1:end]
        if body.startswith("?"):
            if not body.startswith("?:"):
                return None, ""  # a lookaround or inline flags
            body = body[2:]
        return _union(_starts(part) for part in _alternatives(body)), pattern[end + 1 :]
    if char == "[":
        end = pattern.find("]", 2)
        body = pattern[1:end]
        if end < 0 or body.startswith("^") or "\\" in body:
            return None, ""
        chars = set(body)  # with "-" itself where it marks a range: a harmless extra
        for low, high in re.findall(r"(.)-(.)", body):
            chars.update(map(chr, range(ord(low), ord(high) + 1)))
        return frozenset(c.lower() for c in chars), pattern[end + 1 :]
    if char == "\\":
        escaped = pattern[1:2]
        if escaped == "d":
            return _DIGITS, pattern[2:]
        if escaped.isalnum() or not escaped:
            return None, ""  # \w, \s, \b, \W ...: a class or an assertion
        return frozenset(escaped), pattern[2:]
    if char in _SPECIAL:
        return None, ""
    return frozenset(char.lower()), pattern[1:]


def _closing(pattern: str) -> int:
    """The index of the ")" closing the group that opens ``pattern``."""
    return next((k for k, char, depth in _syntax(pattern) if char == ")" and not depth), -1)


def _union(options: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """Every character of ``options``; None when one of them is None (unknown)."""
    out: set[str] = set()
    for option in options:
        if option is None:
            return None
        out |= option
    return frozenset(out)


def _rule_starts(rule: Rule) -> frozenset[str] | None:
    """The printable ASCII characters a rule anchored at the start (every top-level
    alternative "^...") can start with, all of them when ``_starts`` cannot tell; None
    for a rule that is not anchored."""
    alternatives = _alternatives(rule.pattern.pattern)
    if not all(a[:1] == "^" for a in alternatives):
        return None
    options = _union(_starts(a[1:]) for a in alternatives)
    return _PRINTABLE if options is None else options


def _by_limit(rules: Iterable[Rule]) -> tuple[_Limit, ...]:
    """Per distinct word limit, highest first: same answers as trying every rule,
    several times faster."""
    rules = tuple(rules)
    # (rule, first characters; None when not anchored), kept in a list: a Rule hashes
    # and compares its compiled pattern, slow at start-up.
    starts = [(r, _rule_starts(r)) for r in rules]
    out = []
    for limit in sorted({r.max_words for r in rules}, reverse=True):
        fits = [
            (r.pattern.match, chars)
            for r, chars in starts
            if chars is not None and r.max_words >= limit
        ]
        by_first: dict[str, tuple[_Match, ...]] = {
            char: tuple(match for match, chars in fits if char in chars) for char in _PRINTABLE
        }
        others = tuple(r for r, chars in starts if chars is None and r.max_words >= limit)
        gated = all(r.reason in _NEEDS for r in others)
        every = tuple(match for match, _ in fits)
        out.append(_Limit(limit, by_first, every, others, gated))
    return tuple(out)


_FURNITURE_BY_LIMIT = _by_limit(ALL_FURNITURE)
# Word count -> the tightest limit that still admits that many words.
_LIMIT_FOR_WORDS = tuple(
    min((e for e in _FURNITURE_BY_LIMIT if e.words >= n), key=lambda e: e.words)
    for n in range(_FURNITURE_BY_LIMIT[0].words + 1)
)


def is_boilerplate(text: str) -> bool:
    """True for page furniture (share widgets, bylines, cookie lines, ...)."""
    return _is_boilerplate(text, True)


def boilerplate_flags(texts: Sequence[str]) -> list[bool]:
    """``is_boilerplate`` of each of ``texts``; the words some rules need are looked
    for once in all of them (case folding is per character), not in each."""
    folded = "\n".join(texts).casefold()
    possible = any([word in folded for word in _ALL_NEEDS])
    return [_is_boilerplate(text, possible) for text in texts]


def _word_count(text: str) -> int:
    """How many whitespace-separated words the stripped ``text`` holds, or any count of
    at least ``len(_LIMIT_FOR_WORDS)`` when it holds that many (no rule admits them)."""
    if text.isprintable() and "  " not in text:
        # Its only whitespace is single spaces (no other whitespace is printable): one
        # count, not a list of every word (a sentence is mostly 10 to 40 of them).
        return text.count(" ") + 1 if text else 0
    # Splitting stops at the first count no rule admits: long paragraphs are not split.
    return len(text.split(None, len(_LIMIT_FOR_WORDS) - 1))


def _is_boilerplate(text: str, needs_possible: bool) -> bool:
    text = text.strip()
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    words = _word_count(text)
    if words >= len(_LIMIT_FOR_WORDS):
        return False
    chosen = _LIMIT_FOR_WORDS[words]
    # Only the rules its first character can start: none, one or two for most text (one
    # regex of them all tried every rule in turn: slower once there were 40 rules).
    first = chosen.by_first.get(text[:1].lower(), chosen.every)
    if first and any([match(text) for match in first]):
        return True
    if not needs_possible and chosen.gated:
        return False  # every rule left needs a word the text lacks
    folded = text.casefold() if needs_possible else ""  # "": only rules needing none
    if chosen.gated and not any([word in folded for word in _ALL_NEEDS]):
        return False
    return any(
        r.pattern.search(text)
        for r in chosen.others
        if any(word in folded for word in _NEEDS.get(r.reason, ("",)))
    )


# Daily Mail copy glues its video prompt to the caption or sentence after it, with no stop
# between ("Scroll down for video Grim discovery: Street cleaners ..."): cut out inline.
_GLUED_SCROLL = re.compile(r"(?:^|(?<=[.!?\"”’'] ))Scroll down for (?:the )?videos?\b\s*(?:\.\s*)?")


def clean_paragraphs(paragraphs: Iterable[str], *, title: str = "") -> tuple[str, ...]:
    """Drop boilerplate, cut the other-stories tail, drop repeats and the title."""
    kept: list[str] = []
    seen = {paragraph_key(title)} if title else set()
    items = list(paragraphs)
    last = len(items) - 1
    for k, paragraph in enumerate(items):
        if "Scroll down for" in paragraph:  # a substring test first: most text has none
            paragraph = _GLUED_SCROLL.sub("", paragraph).strip()
            if not paragraph:
                continue
        if _is_boilerplate(paragraph, True):  # the joined rules: one test for most text
            marker = matching_rule(paragraph, TAIL_MARKERS)
            if marker is not None and len(kept) >= marker.min_story:
                break
            continue  # a line rule, or a tail marker above the story
        if k == last and not seen:  # nothing to repeat and none after: no key needed
            kept.append(paragraph)  # (a one-paragraph article's key is its whole text)
            break
        key = paragraph_key(paragraph)
        if key not in seen:
            seen.add(key)
            kept.append(paragraph)
    return tuple(kept)
