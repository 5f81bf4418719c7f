"""The compiler of an index or survey whose figures a story reports: a source, not a subject.

A mortgage lender's house price index, a payroll firm's employment report, a consultancy's
survey of shoppers: news about a market often comes from one company's figures, and names
that company in the headline, the first sentence and throughout ("House prices rebound,
says X", "UK house prices rose 1.1% in December, X said", "the X house price index", "X's
monthly survey showed"). Such a company supplies the story's figures about others: it is a
source (labelling guide rule 7), however often it is named.

A company is such a compiler only when both hold:

* one of its mentions forecasts the economy or a market ("X is forecasting economic growth
  of 2%", "X expects the Fed to cut rates": ``forecasts.forecaster``, a source there too), or
  names its index, survey or poll ("the X survey", "X's monthly house
  price index", "an index compiled by X", "X house price data"), or its list or ranking
  right after its name ("the X list", "X's annual ranking": a dictionary publisher's list
  of the year's words; not "X's phone topping wish lists"), or its economist ("X economist
  Y said", "X's chief economist": guide rule 7; stop 39: on the labelled splits one false
  subject fewer, a building society's house price figures in "fresh5", tp unchanged; over
  the 2,258 dev stories only that story changes);
* none of its sentences (the headline's included) is about its own business: no deal or case
  (``cues.sentence_cues``), none of its own results, shares, staff or customers ("X's profits
  rose", "shares in X", "X's chief executive", "its customers"). "Profits at X rose, and its
  house price index showed prices rising" is X's own news, so X stays a subject.

Forecasters were added later: on the same articles false subjects 34 -> 33 (a City
consultancy "forecasting economic growth of 2%" throughout a story on its economic review,
in "check"), nothing else; over the 2,258 dev stories only that story changes.
Lists were added too: on the 685 articles of tune to fresh4 (every labelled name followed)
false subjects 37 -> 36 (a dictionary publisher whose list of most looked-up words was the
story, in "fresh"), nothing else changed; over the 2,258 dev stories only that story changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from summarizer.companies.aboutness.cues import OFFICER_TITLE, window
from summarizer.companies.aboutness.forecasts import forecaster
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.makers import MAKER_SALIENCE
from summarizer.companies.aboutness.occurrences import Occurrence

# Salience at most this for a compiler (below ``SUBJECT_THRESHOLD``: never a subject).
COMPILER_SALIENCE = 0.3

_FIGURES = r"(?:index|indices|survey|surveys|poll|polls|barometer)"
# "the X survey", "X's monthly house price index", "X house price data"; a list only right
# after the name ("the X list", "X's annual list": not "X's iPod topping wish lists").
_NAMES_ITS_FIGURES = re.compile(
    rf"^(?:['’]s?)? (?:[\w-]+ ){{0,3}}?{_FIGURES}\b|^(?:['’]s?)? (?:house|home|property) "
    r"prices? (?:data|figures|report|statistics)\b|"
    r"^(?:['’]s?)? (?:annual |latest |new )?(?:list|ranking|rankings|league table)\b|"
    r"^(?:['’]s?)? (?:chief |senior |group |uk |us |head )?economists?\b"
)
# "an index compiled by X", "the survey from lender X".
_FIGURES_BY = re.compile(
    rf"\b{_FIGURES} (?:[\w-]+ ){{0,3}}?(?:by|from) (?:the )?(?:[\w-]+ ){{0,2}}$"
)
# A forecast word soon after the name: only then is it read as a forecaster of the economy
# or a market (``forecasts.forecaster``: "X is forecasting economic growth of 2%").
# The company's own business in a sentence naming it: its results, shares, staff and
# customers ("X's profits", "its customers", "the firm's shareholders"), a deal or a case.
# Not every deal word of ``cues.SENTENCE_CUES``: a market's "buyers" and "sales" are no deal.
_OWN_BUSINESS = re.compile(
    r"\b(?:profits?|revenues?|turnover|earnings|dividends?|shareholders?|takeover|take over|"
    r"took over|merg(?:e|er|ers|ed|ing)|acqui(?:re|res|red|ring|sition)|(?:to|will) buy|bought|"
    r"bid|stake|deal|agreement|contract|sue|sued|suing|lawsuit|fined|charged|accused|"
    r"(?:its|the (?:firm|company|group|bank)['’]s) (?:[\w-]+ )?(?:shares|customers|staff|"
    r"workers|employees|branches|stores|results|sales))\b"
)
# Its officer, or its shares, named with it: "X's chief executive", "shares in X".
_ITS_AFTER = re.compile(rf"^(?:['’]s?)? (?:[\w-]+ )?(?:{OFFICER_TITLE}|shares|stock)\b")
ITS_BEFORE = re.compile(rf"\b(?:{OFFICER_TITLE} (?:of|at)|shares (?:in|of)) (?:the )?$")


def bounded(salience: float, maker: bool, compiler: bool) -> float:
    """``salience``, at most ``COMPILER_SALIENCE`` for a compiler of figures, else at least
    ``MAKER_SALIENCE`` for the maker of what a sentence opens with (``makers.py``)."""
    if compiler:
        return min(salience, COMPILER_SALIENCE)
    return max(salience, MAKER_SALIENCE) if maker else salience


def compilers(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """Entries named only as the compiler of an index or survey (see the module docstring);
    ``layout``: the article's sentences."""
    parts, lower = layout.parts, layout.lower
    cued: set[int] = set()
    for o in occs:
        # Windows cut from the cased text and lower-cased whole (``layout.lower`` lowers only
        # ASCII in a part whose lower case is longer, "İ").
        text = parts[o.part]
        before, after = window(text, o.start, o.end)
        before, after = before.lower(), after.lower()
        if (
            _NAMES_ITS_FIGURES.match(after)
            or ((" by " in before or " from " in before) and _FIGURES_BY.search(before))
            or (_forecast_word(after[:40]) and forecaster(o, text))
        ):
            cued.add(o.entry)
    if not cued:  # most stories name no index or survey
        return cued
    named = {o.part for o in occs if o.entry in cued}
    starts = {p: [*layout.starts[p], len(parts[p])] for p in named}
    read: dict[tuple[int, int], bool] = {}  # (part, sentence start): about its own business
    own = {
        o.entry
        for o in occs
        if o.entry in cued and _own_business(lower[o.part], starts[o.part], o, read)
    }
    return cued - own


def _forecast_word(near: str) -> bool:
    """Whether ``near`` holds a forecast word (each found at C speed: a regex alternation is
    tried at every character, three times slower)."""
    return (
        "expect" in near
        or "forecast" in near
        or "predict" in near
        or "estimat" in near
        or "project" in near
        or "anticipat" in near
        or "sees" in near
    )


def _own_business(
    lower: str, starts: Sequence[int], o: Occurrence, read: dict[tuple[int, int], bool]
) -> bool:
    """Whether ``o`` names its company's own business (``lower``: its part lower-cased,
    ``starts``: that part's sentence starts): its officer or shares beside it, or a sentence
    about its results, staff or customers, a deal or a case (``read``: sentences already
    read, each read once: a long one naming many compilers is not read again for each)."""
    before, after = window(lower, o.start, o.end)
    if _ITS_AFTER.match(after) or ITS_BEFORE.search(before):
        return True
    k = bisect_right(starts, o.start) - 1
    begin, end = starts[k], starts[min(k + 1, len(starts) - 1)]
    if (o.part, begin) not in read:
        read[o.part, begin] = bool(_OWN_BUSINESS.search(lower, begin, end))
    return read[o.part, begin]
