"""The last resort for a runaway "sentence": cut it where its clauses most likely meet.

Text that lost its sentence punctuation is first split before the capitalised words
that start sentences (``glued.split_runaway``). What that leaves over ``RUNAWAY_WORDS``
words comes here: all of a lower-cased transcript, where no capital says where a
sentence starts, or a cased run whose sentences start on names ("… police said on
Wednesday Kim Ki-Jong was …"). Shown whole, it would be a 300-word "sentence" in a
summary. Each place between two words gets a rank, best first:

1. in lower-case text, after a full stop ("… in 2003. | liberia is …", where Punkt's
   guard against splitting before a lower-case word held), or a subject pronoun after a
   word that can end a clause ("… the iranian foreign minister | he has been …"; not
   "said he would", "that he");
2. in lower-case text, a word that starts sentences and seldom stands inside one, after
   a word that can end a clause ("… in from the cold | but there are …"); in cased text,
   a capitalised word after a weekday ("… on Wednesday | Kim …"), unless the weekday
   is part of a name ("the Sunday Times", "Good Friday Agreement");
3. (lower-case text) a word that often starts sentences, after a word that can end a
   clause ("… the previous month | the reference was …");
4. after a comma;
5. after a word that can end a clause; 6. anywhere.

Rank-1 places always split (as the starters of ``split_runaway`` do); then each piece
still over the limit (``LOST_STOPS_WORDS`` words) is halved at its best-ranked place
nearest its middle, again and again. Cased text and lists are cut at ranks 1-3 only.
Every piece keeps at least ``MIN_WORDS`` words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

from summarizer.text.capitals import has_capitals

MIN_WORDS = 6
_SUBJECTS = frozenset(
    re.findall(r"\S+", "he she they we i i'm i've he's she's they're they've we're we've")
)
# Words that start sentences: the first seldom stand inside one after a word that ends
# a clause; the others often do ("surviving the holocaust", "was seen there").
_STARTERS = frozenset(
    re.findall(r"\S+", "but however meanwhile according although though despite yet later")
)
_WEAK_STARTERS = frozenset(
    re.findall(
        r"\S+",
        "the this these those his her their its there in on at after when while if since also "
        "it then now",
    )
)
# Words a clause does not end on: articles, prepositions, conjunctions, auxiliaries,
# determiners, and verbs that take a clause ("said he would", "thinks they will").
_NO_END = frozenset(
    re.findall(
        r"\S+",
        "a an the and or but nor for from with into onto about of on in at by to as than like "
        "is was are were be been being am has have had having do does did will would shall "
        "should can could may might must that which who whom whose where when while if because "
        "so not also then his her its their my our your this these those some any every each "
        "he she they we i "
        "no all both many more most such said says say told tell tells think thinks thought "
        "believe believes believed know knows knew hope hopes hoped feel feels felt claimed "
        "claims added adds admitted insisted warned fear fears feared suggested suggests "
        "explained revealed announced confirmed reported noted argued insists warns "
        "very too just only even still how what why whether until unless after before over "
        "under since during without against between among through per via",
    )
)
_WEEKDAYS = frozenset(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
)
# Abbreviations of four letters or more that end on a full stop in news copy.
_ABBREVIATIONS = frozenset(("corp", "sept", "prof", "calif", "mass", "conn", "dept", "univ"))
_LIST_WORDS = 8  # a run with a comma every 8 words or fewer is a list
_EDGE = "\"“”'’()[],"


def cut_long_run(piece: str, limit: int) -> list[str]:
    """``piece`` (single-spaced, over ``RUNAWAY_WORDS`` words) cut into pieces of at most
    ``limit`` words where it can be, at the best-ranked places (module docstring)."""
    words = piece.split(" ")
    caseless = not has_capitals(piece)
    ranks: list[list[int]] = [[] for _ in range(7)]  # rank -> word indexes, ascending
    for i in range(MIN_WORDS, len(words) - MIN_WORDS + 1):
        ranks[_rank(words[i - 2 : i], words[i], caseless=caseless)].append(i)
    cuts = _every(ranks[1], len(words))
    bounds = [0, *cuts, len(words)]
    out: list[str] = []
    if not caseless or piece.count(",") * _LIST_WORDS > len(words):
        # Only where a sentence starts: a cut in a cased run of picture captions or in a
        # list of names ("Dan Parks (Glasgow Rugby), Chris Paterson (Edinburgh Rugby),
        # …") would be picked as a "sentence" (8 dev summaries were, when they were cut).
        ranks = ranks[:4]
    for lo, hi in pairwise(bounds):
        for a, b in _halves(ranks, lo, hi, limit):
            out.append(" ".join(words[a:b]))
    return out


def _rank(earlier: Sequence[str], word: str, *, caseless: bool) -> int:
    """The rank of the place between the last of the ``earlier`` words and ``word``
    (module docstring)."""
    before = earlier[-1]
    if before.rstrip("\"”’')").endswith(","):  # also '… going," | he said'
        return 4
    bare = before.strip(_EDGE)
    ends = bool(bare) and bare.casefold() not in _NO_END
    head = word.lstrip("\"“'‘")  # a bracket opens no sentence: "(the borders)"
    if caseless:
        head = head.lower().replace("’", "'")  # "I", "I’m"
        if _full_stop(before):
            return 1
        if ends and head in _SUBJECTS:
            return 1
        if ends and head in _STARTERS:
            return 2
        if ends and head in _WEAK_STARTERS:
            return 3
    elif head[:1].isupper() and bare in _WEEKDAYS and not _names_day(earlier[0]):
        return 2
    return 5 if ends else 6


def _names_day(word: str) -> bool:
    """Whether ``word``, before a weekday, makes the weekday part of a name: an article
    ("the Sunday Times") or a capitalised word ("Good Friday Agreement", "Super Tuesday
    results")."""
    bare = word.strip(_EDGE)
    return bare.casefold() in ("the", "a", "an") or bare[:1].isupper()


def _full_stop(word: str) -> bool:
    """Whether ``word`` ends a sentence with its own stop ("2003.", "recovering!"), which
    lower-case text leaves unsplit; not an abbreviation ("u.s.", "mr.", "inc.")."""
    bare = word.rstrip("\"”’')")
    if bare[-1:] not in (".", "!", "?"):
        return False
    stem = bare[:-1].lstrip("\"“'‘(")
    return (stem.isdigit() or (stem.isalpha() and len(stem) > 3)) and stem not in _ABBREVIATIONS


def _every(places: Sequence[int], total: int) -> list[int]:
    """The rank-1 places that leave ``MIN_WORDS`` words since the last cut taken."""
    cuts: list[int] = []
    for i in places:
        if i - (cuts[-1] if cuts else 0) >= MIN_WORDS and total - i >= MIN_WORDS:
            cuts.append(i)
    return cuts


def _halves(ranks: list[list[int]], lo: int, hi: int, limit: int) -> list[tuple[int, int]]:
    """Word ranges of ``[lo, hi)`` halved at its best places until each is ``limit`` words
    or no place is left."""
    out: list[tuple[int, int]] = []
    todo = [(lo, hi)]
    while todo:
        a, b = todo.pop()
        cut = _best(ranks, a, b) if b - a > limit else None
        if cut is None:
            out.append((a, b))
        else:
            todo += [(cut, b), (a, cut)]  # popped first: the left half, so order is kept
    return out


def _best(ranks: list[list[int]], a: int, b: int) -> int | None:
    """The best-ranked place in ``[a, b)`` leaving ``MIN_WORDS`` words each side, nearest
    the middle."""
    middle = (a + b) / 2
    for places in ranks[2:]:
        first = bisect_left(places, a + MIN_WORDS)
        last = bisect_left(places, b - MIN_WORDS + 1)
        if first < last:
            at = bisect_left(places, middle, first, last)
            near = [places[j] for j in (at - 1, at) if first <= j < last]
            return min(near, key=lambda i: abs(i - middle))
    return None
