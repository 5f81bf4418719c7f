"""The companies a legal case or a bid is brought against: parties to it, not passing names.

A story about a lawsuit, a complaint or charges names the defendants once or twice, often at
the end of a list ("families launch legal action against the airline, as well as its parent
Acme Air and lessor Bolt Leasing", "the lawsuit was filed against the Acme and Bolt sites",
"X and Y are named as defendants, along with Acme Films and Y's Bolt Media production
company"). A defendant is a party to the story's case (labelling guide rule 8: "defendants
in the case the story reports are subjects"), however seldom it is named, so its salience
gets the makers' floor.

Read only right before the name: a legal noun ("action", "proceedings", "lawsuit", "suit",
"complaint", "charges", "case", "claim", "injunction") with "against", "filed (lodged,
brought) against", or "defendants, along with"; then each further company of the same list
("A, B and C", "A, as well as B"). Or right after it: "X was also the subject of a complaint
filing", "X is the focus of an inquiry", "X is the target of a takeover bid" (a bid's target
is a party too), or the one asking a court for something ("X has called on the US court to
overturn its decision"). Not a match or a game ("in action against Tottenham"; a sports result names
no subject), nor a case the sentence dates by a year ("In December 1999 X won an injunction
against Y" in a story of 2007): that is background, a comparison or the story's history.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence

# Determiners and a company's kind between the legal words and the name: "against the
# airline, as well as parent airline", "against media giant", "against its rival".
_BETWEEN = r"(?: (?:the|a|an|its|their|rival|parent|former))*(?: [a-z][\w-]*){0,3}"
# "(legal) action against", "proceedings have been begun against", "a complaint filed
# against", "charges against", "(the lawsuit ...) was filed against"; not "in action against"
# (a match).
_AGAINST = re.compile(
    r"(?:(?:(?<!\bin )\b(?:legal |court |civil |criminal |antitrust |class[- ]action )?"
    r"(?:action|actions|proceedings|lawsuits?|law ?suits?|suits?|complaints?|charges|cases?|"
    r"claims?|injunctions?)(?: (?:was|were|has been|have been|had been|being))?"
    r"(?: (?:filed|brought|launched|lodged|taken|begun|started))?|\b(?:filed|lodged|brought))"
    r" against"
    rf"{_BETWEEN}(?:,? (?:and|as well as)(?: [a-z][\w-]*){{0,2}})?"
    r"|\bdefendants?,? (?:along with|including|such as)(?: the)?) $"
)
# From one defendant to the next of the same list: "A, B and C", "A, as well as parent B",
# "A and Y's B" (the name's end, a joiner, then at most two lower-case words or a possessive).
_NEXT = re.compile(
    r"(?:['’]s?)?(?:,? (?:LLC|Inc|Ltd|Corp|plc|AG)\.?)?(?:\s*\([^)]*\))?"
    r"(?:,|,? and|,? or|,? as well as)(?: (?:the|its|their|parent))*(?: [a-z][\w-]*){0,2}"
    r"(?: [A-Z][\w-]*['’]s)? "
)
# Right after the name: "was also the subject of a complaint", "is the target of a bid", or
# the party that asks a court: "X, an adviser to Y, has called on the US court to overturn".
_AFTER = re.compile(
    r"(?:['’]s?)?(?:,[^,.;]{0,80},)? (?:(?:is|was|are|were|has been|have been|had been|"
    r"could be|may be|will be|would be)(?: also| now| still)? (?:the )?(?:subject|target|focus) "
    r"of (?:a|an|the)(?: [\w-]+){0,3}? (?:complaints?|lawsuits?|suits?|cases?|claims?|charges|"
    r"investigations?|inquiry|inquiries|probes?|bids?|takeover|offers?)|(?:has |have |had )?"
    r"(?:also )?(?:asked|called on|petitioned|urged|applied to|appealed to) (?:a|the)"
    r"(?: [\w-]+){0,2}? (?:court|judge|tribunal)s?)\b"
)
_REACH = 100  # characters read before a name
# A year: the case so dated is background.
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def defendants(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """Entries a legal case or bid is brought against (see the module docstring)."""
    parts = layout.parts
    # Most paragraphs name no case: only those holding a hint are read.
    read: dict[int, list[Occurrence]] = {
        p: [] for p in {o.part for o in occs} if p > 0 and _hinted(parts[p])
    }
    if not read:
        return set()
    for o in occs:
        if o.part in read:
            read[o.part].append(o)
    found: set[int] = set()
    for part, here in read.items():
        text = parts[part]
        here.sort(key=lambda o: o.start)
        # Where its years start: found once a paragraph, a long one holding many cases, and
        # only when a case is read in it (most hinted paragraphs hold none).
        years: list[int] | None = None
        previous: Occurrence | None = None  # the last defendant, while its list goes on
        for o in here:
            # The next of a list of defendants, or one a case names (and not dated).
            party = previous is not None and bool(_NEXT.fullmatch(text, previous.end, o.start))
            if not party and _party(text, o):
                years = years if years is not None else [m.start() for m in _YEAR.finditer(text)]
                party = not _dated(o.start, layout.starts[part], years)
            if party:
                found.add(o.entry)
                previous = o
            else:
                previous = None
    return found


def _party(text: str, o: Occurrence) -> bool:
    """Whether the name at ``o`` is one a case or bid is brought against (named right before
    or right after it)."""
    window = text[max(0, o.start - _REACH) : o.start]
    before = ("against" in window or "defendant" in window) and _AGAINST.search(window)
    return bool(before or _AFTER.match(text, o.end))


def _hinted(text: str) -> bool:
    """Whether ``text`` holds a word the rule needs (each found at C speed: a regex
    alternation of them, or a loop over them, is several times slower)."""
    return (
        "against" in text
        or "defendant" in text
        or "subject of" in text
        or "target of" in text
        or "focus of" in text
        or "court" in text
        or "judge" in text
    )


def _dated(at: int, starts: Sequence[int], years: Sequence[int]) -> bool:
    """Whether the sentence holding ``at`` names a year before it (``starts``, ``years``:
    where the paragraph's sentences and years start, in order)."""
    begin = starts[bisect_right(starts, at) - 1]  # starts[0] is 0
    k = bisect_left(years, begin)
    return k < len(years) and years[k] < at
