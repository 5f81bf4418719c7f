"""Page furniture in scraped news: which paragraphs and sentences are not the story.

Two kinds of rule, both plain data you can read:

* the *tail cut*: a share widget or a "Recent Stories" / "Related articles" /
  "More from" / "Read more" heading ends the article — what follows is teasers of
  other stories, so it is dropped (only once the story has started, so a share bar
  above the text does not empty the page);
* line rules: cookie, newsletter and subscribe lines, bylines, photo credits,
  "Advertisement" and similar page furniture are dropped wherever they are.

Rules match whole short paragraphs, never words inside prose: "Xiaomi's share
price rose" and "shares rose 9 per cent" are news, not widgets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarizer.text.normalize import paragraph_key


@dataclass(frozen=True, slots=True)
class Rule:
    """A paragraph-level boilerplate rule: drop a paragraph of at most
    ``max_words`` words that matches ``pattern``, for ``reason``.

    For a tail marker, ``min_story`` is how many story paragraphs must come first
    for it to end the article (share bars also sit above the text; "Related" does not).
    """

    pattern: re.Pattern[str]
    reason: str
    max_words: int = 12
    min_story: int = 1


def _rule(pattern: str, reason: str, max_words: int = 12, min_story: int = 1) -> Rule:
    return Rule(re.compile(pattern, re.IGNORECASE), reason, max_words, min_story)


_SOCIAL = (
    r"(facebook|twitter|x|linkedin|whatsapp|email|e-mail|reddit|pinterest|telegram|print"
    r"|copy link|messenger|flipboard)"
)

# Headings after which the rest of the page is other stories (the tail cut).
TAIL_MARKERS: tuple[Rule, ...] = (
    _rule(
        r"^share (this |the )?(story|article|post|page|on|via)\b[\s\w:]*$|^share this\s*:?$",
        "share widget",
        8,
        min_story=2,
    ),
    _rule(
        rf"^(share|tweet|{_SOCIAL})(\s*[,|/·•]?\s*{_SOCIAL})*\s*:?$",
        "share buttons",
        10,
        min_story=2,
    ),
    _rule(
        r"^(most )?(recent|related|latest|popular|trending|top|more|other|recommended"
        r"|similar|featured|editor'?s'? picks?)( news)? (stories|articles|news|posts|reads"
        r"|content|links|coverage|topics|videos)\b.{0,30}$",
        "other-stories heading",
        6,
    ),
    _rule(
        r"^(related|more|read more|see also|read also|also read|more stories|trending)\s*:?$",
        "other-stories heading",
        3,
    ),
    _rule(r"^more (from|on|about|in) [\w .&'’-]{1,40}:?$", "other-stories heading", 6),
    _rule(
        r"^(you|we think you) (may|might|could) (also )?(like|enjoy|be interested)\b",
        "recommendations",
        10,
    ),
    _rule(
        r"^(comments?|\d+ comments?|leave a (comment|reply)|join the (conversation|discussion))"
        r"\s*:?$",
        "comments",
        5,
    ),
)

# Page furniture dropped wherever it appears.
LINE_RULES: tuple[Rule, ...] = (
    _rule(
        r"\bcookies?\b.*\b(use|accept|consent|policy|settings|preferences|agree)\b"
        r"|\b(use|accept|consent to) (of )?(all )?cookies\b",
        "cookie notice",
        40,
    ),
    _rule(
        r"^(sign up|subscribe|register|join)\b.*\b(newsletter|updates|alerts|briefing|daily"
        r"|weekly|inbox|free)\b",
        "newsletter prompt",
        30,
    ),
    _rule(
        r"\bnewsletters?\b.*\b(sign up|subscribe|inbox|delivered|free|register)\b"
        r"|\b(sign up|subscribe|register)\b.*\bnewsletters?\b|^(our|the) .{0,30}newsletters?:?$",
        "newsletter prompt",
        30,
    ),
    _rule(r"^subscribe( now| today| here| to\b.*)?[.!]?$", "subscribe prompt"),
    _rule(
        r"^(photo|image|picture|illustration|video|graphic|caption)s?( credit)?\s*[:|/©]",
        "photo credit",
        20,
    ),
    _rule(r"^(image|photo|picture) (credit|copyright|source|courtesy)\b", "photo credit", 20),
    _rule(r"^(image|media|video) (source|caption)\s*[,:]", "photo caption", 40),
    _rule(r"^(watch|listen|video|gallery|in pictures)\s*:", "media teaser", 20),
    _rule(r"^(additional )?(reporting|writing|editing|compiled) by\b", "wire credit line", 30),
    _rule(r"^our standards\s*:", "wire credit line", 12),
    _rule(r"^[\W_]+$", "separator", 10),
    _rule(
        r"^(getty images|reuters|afp|ap photo|epa|shutterstock|pa media|bloomberg)"
        r"(\s*[/|,]\s*[\w ]+)?$",
        "photo credit",
        6,
    ),
    # Names must be capitalised (case-sensitive part): "By Jane Doe", not "By the end".
    _rule(
        r"^by\s+(?-i:[A-Z])[\w.'’-]*(\s+(and\s+)?(?-i:[A-Z])[\w.'’-]*){0,4}\s*"
        r"([|,·•–-].*)?$(?<![.!?\"”])",
        "byline",
        14,
    ),
    _rule(
        r"^(published|updated|last updated|posted|first published)(\s+(on|at))?\s*:?\s*"
        r"(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|yesterday|today"
        r"|(mon|tues|wednes|thurs|fri|satur|sun)day).*(?<![!?\"”])$",
        "timestamp",
        10,
    ),
    _rule(
        r"^(story continues below )?(advertisement|advert|sponsored( content)?|ad|skip"
        r" advertisement|promoted)\s*:?$",
        "advertisement",
        4,
    ),
    _rule(r"^(click|tap) here\b", "click prompt", 15),
    _rule(r"^follow (us|\w+) on\b|^follow @\w+", "follow prompt", 12),
    _rule(r"all rights reserved|^(©|copyright ©?\s*\d{4})", "copyright line", 20),
    _rule(
        r"^(terms of (use|service)|privacy (policy|notice)|contact us|about us)\b", "site link", 8
    ),
    _rule(
        r"^(listen to (this )?(article|story)|\d+\s*min(ute)?s? read|reading time)\b",
        "reading aid",
        8,
    ),
    _rule(r"(enable|turn on) javascript|browser does not support", "browser notice", 25),
    _rule(r"^(read more|see also|related|also read)\s*:", "link to another story", 25),
)

_ALL_FURNITURE = TAIL_MARKERS + LINE_RULES


def matching_rule(paragraph: str, rules: Iterable[Rule] = _ALL_FURNITURE) -> Rule | None:
    """The first rule that marks ``paragraph`` as boilerplate, or None for real text."""
    text = paragraph.strip()
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
}
# Every one of those words: most sentences hold none of them (substring tests are
# ~5x faster than one regex alternation).
_ALL_NEEDS = tuple(word for words in _NEEDS.values() for word in words)


@dataclass(frozen=True, slots=True)
class _Limit:
    """The rules that apply to text of at most ``words`` words: those anchored at the
    start joined into one regex (tried at one position only), and the others; when
    ``gated``, every other rule needs one of the _NEEDS words."""

    words: int
    anchored: re.Pattern[str]
    others: tuple[Rule, ...]
    gated: bool


def _by_limit(rules: Iterable[Rule]) -> tuple[_Limit, ...]:
    """Per distinct word limit, highest first: same answers as trying every rule,
    several times faster."""
    rules = tuple(rules)
    anchored = {
        r for r in rules if all(a.startswith("^") for a in _alternatives(r.pattern.pattern))
    }
    out = []
    for limit in sorted({r.max_words for r in rules}, reverse=True):
        fits = [r for r in rules if r.max_words >= limit]
        joined = "|".join(f"(?:{r.pattern.pattern})" for r in fits if r in anchored) or "(?!)"
        others = tuple(r for r in fits if r not in anchored)
        gated = all(r.reason in _NEEDS for r in others)
        out.append(_Limit(limit, re.compile(joined, re.IGNORECASE), others, gated))
    return tuple(out)


_FURNITURE_BY_LIMIT = _by_limit(_ALL_FURNITURE)
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
    # Counting stops at the first count no rule admits: long paragraphs are not split.
    words = len(text.split(None, len(_LIMIT_FOR_WORDS) - 1))
    if words >= len(_LIMIT_FOR_WORDS):
        return False
    chosen = _LIMIT_FOR_WORDS[words]
    if chosen.anchored.match(text) is not None:
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


def clean_paragraphs(paragraphs: Iterable[str], *, title: str = "") -> tuple[str, ...]:
    """Drop boilerplate, cut the other-stories tail, drop repeats and the title."""
    kept: list[str] = []
    seen = {paragraph_key(title)} if title else set()
    for paragraph in paragraphs:
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
