"""Page furniture in scraped news: which paragraphs and sentences are not the story.

The rules themselves are plain data in :mod:`summarizer.text.furniture` (the tail
cut and the line rules); this module applies them: ``matching_rule`` says which rule
a paragraph meets, ``is_boilerplate`` / ``boilerplate_flags`` answer the same
question fast (rules grouped by how many words they admit), and
``clean_paragraphs`` is the boilerplate pass every article goes through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


def _alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex (outside groups and classes)."""
    parts: list[str] = []
    current: list[str] = []
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    return [*parts, "".join(current)]


# Words without which an unanchored rule cannot match (each of its alternatives
# holds one): a case-insensitive search scans the whole sentence, ``in`` is ~10x
# cheaper. A rule not listed here is always searched.
_NEEDS: dict[str, tuple[str, ...]] = {
    "cookie notice": ("cookie",),
    "newsletter prompt": ("newsletter",),
    "copyright line": ("reserved", "©", "copyright"),
    "browser notice": ("javascript", "browser"),
    "contributor line": ("contributed",),
}
# Every one of those words: most sentences hold none of them (substring tests are
# ~5x faster than one regex alternation).
_ALL_NEEDS = tuple(word for words in _NEEDS.values() for word in words)


@dataclass(frozen=True, slots=True)
class _Limit:
    """The rules that apply to text of at most ``words`` words: those anchored at the
    start (``anchored``), screened by one regex of them all joined (tried at one
    position only; for short text it also holds rules admitting fewer words, so a
    screen hit is checked rule by rule), and the others; when ``gated``, every other
    rule needs one of the _NEEDS words."""

    words: int
    screen: re.Pattern[str]
    anchored: tuple[Rule, ...]
    others: tuple[Rule, ...]
    gated: bool


# Below this many words one screen serves every limit: joined regexes for the low
# limits hold nearly every rule, and compiling one per limit took ~20 ms at start-up.
_SHARED_SCREEN_BELOW = 10


def _by_limit(rules: Iterable[Rule]) -> tuple[_Limit, ...]:
    """Per distinct word limit, highest first: same answers as trying every rule,
    several times faster."""
    rules = tuple(rules)
    anchored = tuple(
        r for r in rules if all(a.startswith("^") for a in _alternatives(r.pattern.pattern))
    )
    shared = _joined(anchored)
    out = []
    for limit in sorted({r.max_words for r in rules}, reverse=True):
        fits = [r for r in anchored if r.max_words >= limit]
        screen = shared if limit < _SHARED_SCREEN_BELOW else _joined(fits)
        others = tuple(r for r in rules if r.max_words >= limit and r not in anchored)
        gated = all(r.reason in _NEEDS for r in others)
        out.append(_Limit(limit, screen, tuple(fits), others, gated))
    return tuple(out)


def _joined(rules: Iterable[Rule]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules) or "(?!)", re.I)


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


def _is_boilerplate(text: str, needs_possible: bool) -> bool:
    text = text.strip()
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    # Counting stops at the first count no rule admits: long paragraphs are not split.
    words = len(text.split(None, len(_LIMIT_FOR_WORDS) - 1))
    if words >= len(_LIMIT_FOR_WORDS):
        return False
    chosen = _LIMIT_FOR_WORDS[words]
    if chosen.screen.match(text) and any(r.pattern.match(text) for r in chosen.anchored):
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
    for paragraph in paragraphs:
        if "Scroll down for" in paragraph:  # a substring test first: most text has none
            paragraph = _GLUED_SCROLL.sub("", paragraph).strip()
            if not paragraph:
                continue
        if _is_boilerplate(paragraph, True):  # the joined rules: one test for most text
            marker = matching_rule(paragraph, TAIL_MARKERS)
            if marker is not None and len(kept) >= marker.min_story:
                break
            continue  # a line rule, or a tail marker above the story
        key = paragraph_key(paragraph)
        if key not in seen:
            seen.add(key)
            kept.append(paragraph)
    return tuple(kept)
