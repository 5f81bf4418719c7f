"""A news outlet named only as the one reporting the story: a source, not a subject.

Business news often credits another outlet with the news it passes on ("Reuters has
reported that X will step down", "a news agency reported that ...", "is reported by Y to
have won", "has denied to Z that it is the company", "according to the daily W"). Such an
outlet is a source (labelling guide rule 7), even named in the first sentence and acting
there: the story is about what it reports, not about it.

A company is such a reporter when every one of its mentions reports or is told the news:

* "X news agency reported"; and for a wire service or agency ("Reuters", "Interfax") or a
  newspaper, "X reported that", "X has reported that", "X reports:", "X, citing ...,
  reported" (a reporting verb and then a clause, not a result: "X reported a loss"). Any
  other company that "has reported that like-for-like sales fell" reports its own news;
* "reported by X", "according to X", "told X", "denied to X", "confirmed to X", "said in an
  interview with X", "quoted by X", "cited by X";
* for a name that says it is a newspaper ("The Sunday Telegraph", "the Evening Post"), also
  "X says ...", "X said ...", "the X report added": over the 2,258 dev stories the Sunday
  Telegraph stops being a subject of two unlabelled stories it is the source of (a bid for a
  football club, an exchange's takeover timetable), and nothing else changes;

and at least one says it is reporting news ("reported that", "news agency", "reported by",
"told X", "denied to X"), so a company quoted once about its own figures ("sales rose,
according to X") is not one. A mention naming its own business ("X's chief executive",
"shares in X", "X reported that its profits rose", "X said its sales fell") keeps it a
subject. Unlike compilers (``compilers.py``), the deal words of its sentences do not: they
are the news it reports ("Y is reported by X to have won a contract").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.companies.aboutness.compilers import ITS_BEFORE
from summarizer.companies.aboutness.cues import OFFICER_TITLE, window
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence

_KIND = r"(?:news agency|news service|newswire|wire service|newspaper|broadcaster|website)"
# Reporting news after the name: "X reported that", "X has reported on", "X news agency
# reported", "X, citing officials, reported", "X reports:".
_REPORTS_AFTER = re.compile(
    rf"^(?:['’]s?)?(?: {_KIND})?(?:,[^,.]{{0,60}},)?(?: (?:has|had|also|earlier|first))*"
    r" (?:reported|reports|revealed|quoted|cited)(?: (?:that|on)\b|\s*[,:]| \w+ as saying\b)"
)
_NEWS_KIND_AFTER = re.compile(rf"^(?:['’]s?)? {_KIND}\b")
# A newspaper's own name says what it is ("The Sunday Telegraph", "the Daily Herald", "the
# Evening Post"): then "X says ..." and "X said ..." report news too.
_PAPER_NAME = re.compile(
    r"\b(?:daily|sunday|evening|times|telegraph|herald|gazette|tribune|journal|post|"
    r"chronicle|observer|mail|express|mirror|courier)\b"
)
# The wire services and agencies whose name alone says they report news: for any other
# company, "X has reported that sales fell" is its own news (its results), not a report.
_AGENCY_NAME = re.compile(
    r"\b(?:reuters|bloomberg|associated press|ap|agence france-presse|afp|dow jones|xinhua|"
    r"kyodo|jiji|yonhap|interfax|tass|itar-tass|ria novosti|press association|dpa|ansa|efe|"
    r"bernama|anadolu|press trust of india)\b"
)
_SAYS_AFTER = re.compile(
    r"^(?:['’]s?)?(?: report)?(?: (?:has|had|also))* (?:said|says|say|added|adds)\b"
)
# Told the news before the name: "reported by X", "denied to X", "told X"; with the outlet's
# kind between ("told the news agency X", "according to the daily X").
_TOLD_BEFORE = re.compile(
    r"\b(?:reported by|(?:denied|confirmed|said|explained|admitted|revealed|disclosed) to|"
    r"told|in an interview with|quoted by|cited by)"
    rf" (?:the )?(?:(?:[\w-]+ )?{_KIND} )?$"
)
_CREDITED_BEFORE = re.compile(rf"\b(?:according to|reports?) (?:the )?(?:(?:[\w-]+ )?{_KIND} )?$")


# Its own business beside the name: "X's chief executive", "shares in X", "X reported that its
# profits rose". Not the sentence's deal words, which are the news it reports ("Y is reported
# by X to have won a contract").
_OWN_AFTER = re.compile(
    rf"^(?:['’]s?)? (?:[\w-]+ )?(?:{OFFICER_TITLE}|shares|stock|profits?|results|sales)\b|"
    r"^[^.]{0,40}?\b(?:that|on|said|says|say|added) (?:its|their)\b"
)


# Last words before the name one of the patterns above needs (optionally + "the").
_ENDS = (
    *("reported by", "quoted by", "cited by", "according to", "denied to", "confirmed to"),
    *("said to", "explained to", "admitted to", "revealed to", "disclosed to", "told"),
    *("interview with", "agency", "service", "newswire", "newspaper", "broadcaster"),
    *("website", "reports", "report"),
)
_BEFORE_ENDS = tuple(f"{e}{the} " for e in _ENDS for the in ("", " the"))


def _cued(lower: str, o: Occurrence) -> bool:
    """Whether a word one of the patterns needs is near ``o``: most mentions have none, and
    are passed over without cutting windows or running the patterns (plain substring tests
    are several times faster than one regex alternation here)."""
    if lower.endswith(_BEFORE_ENDS, max(0, o.start - 24), o.start):
        return True
    near = lower[o.end : o.end + 110]
    if (
        "report" in near
        or "reveal" in near
        or "quoted" in near
        or "cited" in near
        or "news" in near
        or "paper" in near
        or "broadcaster" in near
        or "website" in near
    ):
        return True
    # "X says", "X report added": read only for a newspaper's name.
    head = near[:24]
    return ("sa" in head or "add" in head) and bool(_PAPER_NAME.search(lower, o.start, o.end))


def _role(lower: str, o: Occurrence) -> int:
    """2: reports news or is told it; 1: credited with it ("according to X"); 0: neither,
    or its own business."""
    if not _cued(lower, o):
        return 0
    before, after = window(lower, o.start, o.end)
    if _OWN_AFTER.match(after) or ITS_BEFORE.search(before):
        return 0
    if _NEWS_KIND_AFTER.match(after):
        return 2
    if _REPORTS_AFTER.match(after):
        return 2 if _says_it_reports(lower, o) else 1
    if _SAYS_AFTER.match(after) and _PAPER_NAME.search(lower, o.start, o.end):
        return 2
    if _TOLD_BEFORE.search(before):
        return 2
    return 1 if _CREDITED_BEFORE.search(before) else 0


def _says_it_reports(lower: str, o: Occurrence) -> bool:
    """Whether the name itself says it reports news: an agency's or a newspaper's."""
    return bool(
        _AGENCY_NAME.search(lower, o.start, o.end) or _PAPER_NAME.search(lower, o.start, o.end)
    )


def reporters(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """Entries named only as an outlet reporting the story (see the module docstring)."""
    lower = layout.lower
    roles: dict[int, int] = {}
    for o in occs:
        if roles.get(o.entry, 2) == 0:
            continue
        role = _role(lower[o.part], o)
        roles[o.entry] = 0 if role == 0 else max(role, roles.get(o.entry, 0))
    return {e for e, role in roles.items() if role == 2}
