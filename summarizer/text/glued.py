"""Sentences glued together, split apart again.

Three kinds: a full stop with no space after it ("profits rose.The company", any
language, before Punkt runs); in English text, a line that lost its full stop glued to
the next sentence ("… a rare sunlight allergy He suffers from …", picture captions of
scraped pages), and a runaway "sentence" from text with no sentence punctuation at all
(a transcript, a paste that lost its stops), which would otherwise be shown whole as
one 500-word "sentence" of a summary. Each kind has its own list of words that start
sentences: the less punctuation says, the fewer words are trusted where.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from summarizer.text.long_runs import cut_long_run

# A terminator with no space after it before a capitalised word: "profits rose.The
# company …", 'history."More from …', "said Mr Smith.The" (paragraphs a scraper joined
# without a space). Punkt never looks there. After a lower-case word of 3+ letters any
# capitalised word starts a sentence; after a name, an acronym or a number ("in
# 2013.The") only a word that starts sentences (below) does, so "Amazon.Com",
# "St.Louis", "Mrs.Smith", "U.S.The" and web addresses stay as they are.
_GLUED_STOP_RE = re.compile(
    "(?<![\\w.])(?!www\\.)([A-Za-z][a-z]{2,}|[A-Z]{3,}|\\d{2,}%?)[.!?]"
    '(?=["“”’)]?([A-Z][a-z]+)(?![a-z@/]|\\.\\w))'  # not an address: "press.Office@acme.com"
)
_GLUED_STARTERS = frozenset(
    re.findall(
        r"\w+",
        "The He She It They We This That These Those His Her Its Their There In On At After "
        "When While But And However Mr Mrs Ms Police Officials According",
    )
)
# Cheap tests first (a literal "." prefix is searched fast; ~2 µs a paragraph).
_GLUED_PERIOD_HINT = re.compile('\\.["“”’)]?[A-Z][a-z]')
_GLUED_MARK_HINT = re.compile('[!?]["“”’)]?[A-Z][a-z]')


def unglue_stops(paragraph: str) -> str:
    """``paragraph`` with a space after each full stop glued to the next sentence
    (after a closing quote or bracket that follows it, before an opening quote)."""
    if not (
        _GLUED_PERIOD_HINT.search(paragraph)
        or (("!" in paragraph or "?" in paragraph) and _GLUED_MARK_HINT.search(paragraph))
    ):
        return paragraph
    parts, last = [], 0
    for match in _GLUED_STOP_RE.finditer(paragraph):
        if not (match[1].islower() or match[2] in _GLUED_STARTERS):
            continue
        at = match.end()
        mark = paragraph[at]
        # A straight quote closes when an odd number of them comes before it.
        if mark in "”’)" or (mark == '"' and paragraph.count('"', 0, at) % 2 == 1):
            at += 1
        parts += [paragraph[last:at], " "]
        last = at
    return "".join(parts) + paragraph[last:] if parts else paragraph


# A line that lost its full stop, glued to the next sentence: "… has a rare sunlight
# allergy He suffers from …", "… on Saturday The former triathlete said …" (picture
# captions of scraped pages, Daily Mail rows of CNN/DM). English prose never puts one of
# these words, capitalised, between two lower-case words except at a sentence start;
# the word before must not be one that takes a title ("joined The", "star of The").
# (Starting on the space, not on a look-behind for the letter before it: 7x faster.)
_GLUED_RE = re.compile(r" (The|He|She|It|They|His|Her|Its|Their) (?=[a-z])")
_GLUED_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789)")
_TAKES_A_TITLE = frozenset(
    re.findall(
        r"\S+",
        "the a an and or but nor for from with into onto about of on in at by to as than like "
        "see read reads watch watched called named titled dubbed says said told joined host hosts "
        "hosted star stars starring film show series album song book novel play magazine "
        "newspaper paper column wrote write writes including include includes saw tweeted "
        "posted is was are were be been being become became that which who whom where when "
        "while if because so not also then",
    )
)
_CAPTION_MARK = re.compile(
    r"\((?:left|right|above|below|pictured|centre|center|inset|top|bottom)\)"
)
_GLUED_MIN_WORDS = 5  # on each side: a short run is a label or a name, not a line


def _glue_points(text: str) -> Iterator[tuple[int, str]]:
    """Where a glued line may end in ``text``: the space before "The", "He", ... between a
    lower-case letter, digit or ")" and a lower-case word ("… Street. The" is no such
    place: Punkt splits there); with that word."""
    for m in _GLUED_RE.finditer(text):
        if text[m.start() - 1 : m.start()] in _GLUED_AFTER:
            yield m.start(), m[1]


def may_glue_lines(paragraph: str) -> bool:
    """Whether a glued line may be in ``paragraph`` (one scan; most paragraphs hold none)."""
    return next(_glue_points(paragraph), None) is not None


def split_glued_lines(pieces: list[str]) -> list[str]:
    """Split a sentence where a line that lost its full stop runs into the next one."""
    out: list[str] = []
    for piece in pieces:
        out += _split_at(piece, _glue_points(piece), _line_ends, _GLUED_MIN_WORDS)
    return out


def _line_ends(word: str, _next: str) -> bool:
    """Whether a glued line ends on ``word``: a lower-case word that takes no title, or a
    caption's "(left)"."""
    return (word[:1].islower() and word.casefold() not in _TAKES_A_TITLE) or bool(
        _CAPTION_MARK.fullmatch(word)
    )


def _split_at(
    piece: str,
    points: Iterable[tuple[int, str]],
    ends: Callable[[str, str], bool],
    min_words: int,
) -> list[str]:
    """``piece`` (single-spaced) split at the spaces ``points`` gives (offset, next word)
    where ``ends(word before, next word)`` and both sides keep ``min_words`` words."""
    # Words are counted as the scan goes, never by slicing the rest at each point: that
    # was quadratic (3.3 s for 113,000 words of text that lost its stops).
    out: list[str] = []
    total = piece.count(" ")
    start = start_spaces = seen = scanned = 0  # seen: spaces in piece[:scanned]
    for at, following in points:
        seen += piece.count(" ", scanned, at)
        scanned = at
        if min(seen - start_spaces + 1, total - seen) < min_words:
            continue
        if ends(piece[max(start, piece.rfind(" ", start, at) + 1) : at], following):
            out.append(piece[start:at])
            start, start_spaces = at + 1, seen + 1
    out.append(piece[start:])
    return out


# A "sentence" this long (in spaces, about words) was not written as one: it is text
# that lost its sentence punctuation. Plain Punkt gives news sentences over 60 words in
# 0.2-0.35 % of summaries, and each of those still holds commas and clauses.
RUNAWAY_WORDS = 60
# Only in a paragraph whose sentences average more words than this (news averages 20-25):
# one that kept its full stops elsewhere holds a long run of picture captions
# ("… Ronald Reagan Pictured is Ukip leader Nigel Farage"), not prose, and captions split
# off would be picked as sentences (on cnndm_dev, 8 of 12 summaries that changed lost
# ROUGE-1).
LOST_STOPS_WORDS = 40
_RUNAWAY_MIN_WORDS = 6  # on each side of a split
# Words that start sentences and seldom stand capitalised inside one (names and titles
# do: "Israel" is no split point). The weak ones do in titles ("the Grammys On The Hill
# Awards"), so they need a lower-case word or a number before them.
_STARTERS = frozenset(
    re.findall(
        r"\S+",
        "The But As After When While If He She It They We His Her Its Their This These Those "
        "There Then Later However Meanwhile Now Since Yet Also Still Today Yesterday Earlier "
        "According Although Though Despite Indeed And So Among Another Both",
    )
)
_WEAK_STARTERS = frozenset(
    re.findall(
        r"\S+",
        "That Some Many Most In On At For With A An Several Each Police Officials Analysts "
        "Critics Former Soon From Which About Last Shares Sales Two Three Four Five Six Seven "
        "Eight Nine Ten",
    )
)
# "… the court official said According to …": a reporting verb ends a sentence before
# these, though it may take a title ("told The Times", "said His Holiness").
_REPORTING = frozenset(("said", "says", "told", "wrote", "tweeted", "posted"))
_TITLE_STARTERS = frozenset(("The", "His", "Her", "Its", "Their", "This", "Today"))
# A starter after a lower-case letter, digit, "%", ")" or closing quote and a space,
# perhaps opening a quotation: '… in the Netherlands The court …', '… 2014" Later that
# month …', '… toward greater justice "As Palestine …'.
_RUNAWAY_POINT_RE = re.compile(r"(?<=[a-z0-9%)\"”’]) (?=[\"“]?([A-Z][a-z]*)\b)")


def split_runaway(pieces: list[str]) -> list[str]:
    """Split each runaway "sentence" (over ``RUNAWAY_WORDS`` words) before the words
    that start its sentences, then cut what is still that long (``long_runs``); the rest
    pass through untouched (one count each)."""
    if all(piece.count(" ") < RUNAWAY_WORDS for piece in pieces):
        return pieces
    out: list[str] = []
    for piece in pieces:
        if piece.count(" ") < RUNAWAY_WORDS:
            out.append(piece)
            continue
        for part in _split_at(piece, _runaway_points(piece), _ends_sentence, _RUNAWAY_MIN_WORDS):
            # What no starter splits (lower-case text, sentences opening on names) is cut
            # at its likeliest clause boundaries: a cut in the wrong place reads better
            # than a 300-word "sentence".
            long = part.count(" ") >= RUNAWAY_WORDS
            out += cut_long_run(part, LOST_STOPS_WORDS) if long else [part]
    return out


def _runaway_points(piece: str) -> Iterator[tuple[int, str]]:
    return ((m.start(), m[1]) for m in _RUNAWAY_POINT_RE.finditer(piece))


def _ends_sentence(word: str, starter: str) -> bool:
    """Whether a sentence that lost its full stop ends on ``word`` (as written, quotes
    kept) before the capitalised word ``starter``."""
    weak = starter in _WEAK_STARTERS
    if not (weak or starter in _STARTERS):
        return False
    word = word.strip('"“”’()')
    if weak and not (word[:1].islower() or word[:1].isdigit()):
        return False  # "the Grammys On The Hill Awards": a name goes on
    word = word.casefold()
    # "joined The band", "the With": no sentence end; "said According to": one
    return word not in _TAKES_A_TITLE or (word in _REPORTING and starter not in _TITLE_STARTERS)
