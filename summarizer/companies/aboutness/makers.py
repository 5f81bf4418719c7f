"""The company that made the thing a sentence is about: "The pipeline will be built by X".

News names the maker of the story's product, network or service in a passive: "The network
has been developed by X", "The drug, made by Swiss drug maker X, ...", "The car park, run by
parking firm X, ...". The thing made opens the sentence (its grammatical subject) and the
company is the agent of the verb: the company did what the story reports, however seldom it is
named, so it is a subject (labelling guide: the firm that built or launched the thing).

Not a maker:

* one of several ("handheld devices made by X and Y", "made by X, Y and Z"): a comparison;
* a company run or operated by another ("Sam's Club, operated by X"): ownership, background;
* a subject phrase with a verb or preposition in it ("This is due to the competition provided
  by X", "Better fuel efficiency from engines made by X"), or a sentence opening on a
  participle ("Using a technology created by X, memory can ..."): the thing made is not what
  the sentence is about;
* surveys and reports "published" or "conducted" by a firm (guide rule 7: sources), and
  ownership ("owned by"): the verbs are only those of making and running a thing; nor
  one "produced" or "provided" by it ("The report was produced by X", "Figures provided by
  X show"): a document's maker is its source.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence

# Salience at least this for a maker: on the 685 labelled articles (every labelled name
# followed), 9 of the 10 companies the rule marks were labelled subjects.
MAKER_SALIENCE = 0.6

_VERBS = (
    "made|developed|built|designed|installed|provided|produced|created|invented|manufactured|"
    "supplied"
)
# Verbs that also say who owns a business ("Sam's Club, operated by X"): only after a thing
# named with an article ("The vessel will be operated by X", "The car park, run by X").
_RUNS = "run|operated"
_AUX = "will|has|have|had|is|was|are|were|being|been|be|now|also|currently|jointly|originally"
# Words the subject phrase may not hold: a verb of its own, or a preposition that makes the
# thing made part of something else ("fuel efficiency from engines made by X").
_NOT_SUBJECT = (
    "is|was|are|were|has|have|had|will|be|been|faces|of|from|than|with|between|like|against|due|to"
)
# From the sentence's start to the company: "The vessel will be operated by the Japanese-based ",
# "The drug, made by Switzerland-based drug makers " (at most six more words in the subject).
_SUBJECT = rf"(?: (?!(?:{_NOT_SUBJECT})\b)\w[\w'’-]*){{0,6}}?,? (?:(?:{_AUX}) ){{0,3}}"
_MAKER = re.compile(
    rf"[\"'“‘(]?(?:(?!\w+ing\b)[A-Z0-9][\w'’-]*{_SUBJECT}(?:{_VERBS})|"
    rf"(?:The|A|An|Its){_SUBJECT}(?:{_RUNS})) by (?:the )?(?:[\w'’.-]+ ){{0,4}}"
)
# A thing made that is a source's document: "The report was produced by X", "Figures
# provided by X show" (guide rule 7: the firm behind a survey or report is a source), or a
# picture credited to an agency ("The photo was supplied by X"). Only the noun the verb
# follows ("The data centre was built by X" is a maker's).
_DOCUMENT = re.compile(
    r"\b(?:surveys?|stud(?:y|ies)|reports?|polls?|research|index|figures|data|statistics|"
    r"forecasts?|analys[ie]s|estimates?|rankings?|photo(?:graph)?s?|pictures?|images?|footage),? "
    rf"(?:(?:{_AUX}) ){{0,3}}(?:{_VERBS}) by ",
    re.IGNORECASE,
)
# The end of a name ("'s", ".com", an aside in brackets), then what joins it to another.
_JOIN = r"(?:['’]s?)?(?:\.\w+)?(?:\s*\([^)]*\))?(?:,|\s+(?:and|or|&))\s+"
# Another name right after it: a list of makers ("X and Y", "X, Y").
_LISTED = re.compile(rf"{_JOIN}[A-Z0-9]")
# What may stand between two companies of such a list: "X and chip firm Y".
_BETWEEN = re.compile(rf"{_JOIN}(?:[\w-]+\s+){{0,3}}")


def makers(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """Entries named as the maker of what their sentence opens with (see the module docstring);
    ``layout``: the article's sentences."""
    found: set[int] = set()
    by_part: dict[int, list[Occurrence]] = {}
    for o in occs:
        if o.part > 0:
            by_part.setdefault(o.part, []).append(o)
    for part, here in by_part.items():
        text = layout.parts[part]
        if " by " not in text:  # most paragraphs have no passive to read: skip them whole
            continue
        here.sort(key=lambda o: o.start)
        at = [o.start for o in here]
        starts = [*layout.starts[part], len(text)]
        for o in here:
            # Cheap test first: the verb's " by " must stand within 80 characters before it.
            if o.entry in found or " by " not in text[max(0, o.start - 80) : o.start]:
                continue
            k = bisect_right(starts, o.start) - 1
            begin, end = starts[k], starts[k + 1]
            if not _MAKER.fullmatch(text, begin, o.start) or _DOCUMENT.search(text, begin, o.start):
                continue
            # Only the sentence's mentions, and only now: a paragraph with no full stop may
            # hold thousands, and copying them for every mention was quadratic.
            near = here[bisect_left(at, begin) : bisect_left(at, end)]
            if not _shared(o, near, text, begin):
                found.add(o.entry)
    return found


def _shared(o: Occurrence, here: Sequence[Occurrence], text: str, begin: int) -> bool:
    """Whether the maker at ``o`` is one of a list, or the thing made is itself a company
    (``here``: the mentions in ``o``'s sentence; ``begin``: where its sentence starts)."""
    if _LISTED.match(text, o.end):
        return True
    return any(
        begin <= other.start < o.start
        or (o.end <= other.start and _BETWEEN.fullmatch(text, o.end, other.start))
        for other in here
        if other.entry != o.entry
    )
