"""Passing roles: mentions that name a company for something other than its own news.

News names a company in passing in set phrases (labelling guide rules 4, 7 and 8: such a
company is a mention, not a subject):

* the site something happens on: "sold on eBay", "posted on video site X", "via the X app";
* an example of a kind: "companies such as X", "retailers like X", "e.g. X";
* an event named after it: "the X crash", "the X scandal", "the X saga", "the X explosion",
  "the X oil spill" (explosions, accidents, incidents, blasts, fires and spills added in stop
  39: on the labelled splits one passing alert fewer, in fresh5, "the recent X explosion" in
  a story on checks of another maker's jets; over the 2,258 dev stories only that story);
* the compiler of a list or survey: "the X list", "X's annual ranking", "the people X
  questioned", "X surveyed 2,000 adults";
* what a news outlet reports, where the story also tells it something (guide rules 5 and
  7): "..., X says." and "according to X" beside "Acme told X:" or "told news agency X on
  Monday" (not "told X to stop", an order: then ", X said." is its own news). On the splits
  tune to fresh4 (every labelled name followed) false subjects 35 -> 34 (Reuters, in a story
  on a bidder's investors that opened "..., Reuters says."); over the 2,258 dev stories only
  that story changes its subjects.

A company named only as the compiler of an index or survey whose figures the whole story
reports ("House prices rebound, says X", "the X survey") is capped as a source by
``compilers.py``: that is a verdict on the company, not on one mention.

A name listed right after such a mention shares its role ("such as Google, Yahoo and
eBay"). Salience counts these mentions with those quoting a company as a source (the
``source`` share, ``cues.is_source``), so a company named only so is rarely a subject while
one named so once among many own mentions hardly changes.

Where and how such a company is named (lead, cover, starts, deal) is read from its other
mentions, if it has any (``salience.features``): "Producers such as X can copy ... and sell"
is no deal of X's. Measured with the same weights (``newsbot companies --score``, every
labelled name followed): on the 370 never-fitted "fresh" to "fresh4" articles false
subjects 31 -> 27 (P 0.844 -> 0.862), passing mentions alerting 31 -> 27 of 819, recall
unchanged at 0.771 (registry only P 0.856 -> 0.875, R 0.706 both); all 685: false subjects
47 -> 42, passing alerts 46 -> 41 of 1480, recall unchanged. Over the 2,258 dev stories 8
subjects were dropped and none gained, each read: eBay three times as the site or the
model ("Existing services such as eBay could provide a blueprint"), Yukos by "the Yukos
saga", Enron by "the Enron scandal" in a story on SEC rules, BT as an example, Ericsson as
the firm behind a study; Sandoz, the unit Novartis buys for, was a subject only through
"sell" in "Producers such as Sandoz can copy ... and sell" (unlabelled, debatable).
Tried and dropped: a rival or
comparison ("rival X", "unlike X"; "its largest rival Argos" bought stores), a former owner
("former X boss"), an owner ("owned by X", "a unit of X": parents are parties), the maker
of a product ("the X Walkman", "a X phone": a story about the product is about its maker),
a venue ("at X", "the X store"), "including X" (defendants), technology "from X"
(suppliers tested in the story), and dropping these mentions from ``starts`` and ``deal``:
each lost a subject or changed nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.companies.aboutness.cues import ends_with, window
from summarizer.companies.aboutness.occurrences import Occurrence, list_link

# Each cue is looked for in the lower-cased window ``cues.window`` cuts around a mention.
_CUES_BEFORE = {
    "platform": re.compile(
        r"\b(?:(?:on|via) (?:the )?(?:[\w-]+ )?(?:website|web site|site|platform|network|app|"
        r"service)|(?:sold|sells?|selling|posted|posting|shared|uploaded|listed|available|"
        r"streamed|streaming|watched|broadcast|aired|advertised|auctioned) on) (?:the )?$"
    ),
    "example": re.compile(
        r"\b(?:such as|e\.g\.,?|(?!(?:looks|seems|sounds|feels|is|was|has|does|as) )\w+s like)"
        r" (?:the )?$"
    ),
}
# Last words the ``_CUES_BEFORE`` patterns end with (before an optional "the"): a window
# ending in none of them is rejected without running the regexes.
_BEFORE_ENDS = (
    "on",
    "website",
    "site",
    "platform",
    "network",
    "app",
    "service",
    "as",
    "like",
    "e.g.",
    "e.g.,",
)
# After the name: an event named after it, or its list or survey. One regex, one call a
# mention; "event" is tried first (the "'s" and the space before either leave one way to
# read the start, so this finds what the two patterns tried in turn would).
_CUES_AFTER = re.compile(
    r"^(?:['’]s?)? (?:(?P<event>(?:oil |gas |plane |factory |plant |mine )?(?:crash|tragedy|"
    r"disaster|scandal|saga|affair|collapse|explosion|accident|incident|blast|fire|spill)\b)|"
    r"(?P<figures>(?:[\w-]+ )?(?:list|ranking|rankings|league table)\b|"
    r"(?:interviewed|questioned|surveyed|polled)\b))"
)


def role_of(before: str, after: str) -> str:
    """The passing role a mention is in ("" if none): ``before`` and ``after`` are the
    lower-cased text around it (``cues.window``)."""
    if ends_with(before, _BEFORE_ENDS):
        for name, cue in _CUES_BEFORE.items():
            if cue.search(before):
                return name
    after_cue = _CUES_AFTER.match(after)
    return after_cue.lastgroup or "" if after_cue else ""


# A list goes on after a name: a comma or a conjunction follows it.
_LIST_GOES_ON = re.compile(r"(?:['’]s)?\s*(?:,|(?:and|or|&)\s)")


def _listed(text: str, end: int, o: Occurrence) -> bool:
    """Whether ``o`` is the next name of a list whose previous name ends at ``end``: "A, B
    and C", "A or B"; a comma alone only inside a list that goes on ("such as A, B and C";
    not "sold on A, B said")."""
    between = text[end : o.start]
    if not list_link(between):
        return False
    return (
        "," not in between
        or any(w in between for w in (" and ", " or ", "&"))
        or bool(_LIST_GOES_ON.match(text, o.end))
    )


# Told something, as a news outlet is: "told Reuters:", "told news agency X on Monday", "told
# the daily X." (not "told X to stop", "told X that it must": an order or a warning).
_TOLD_BEFORE = re.compile(
    r"\btold (?:the )?(?:[\w-]+ )?(?:(?:news agency|news service|newspaper|paper|daily|weekly|"
    r"magazine|broadcaster|radio|television) )?$"
)
_TOLD_AFTER = re.compile(r"^(?:\s*[.,:;]|\s+(?:on|in an?|last|this|earlier)\b)")
# What an outlet reports, at a sentence's end: ", X says.", ", X reported"; "according to X".
_REPORTS_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:has\s+|had\s+)?(?:said|says|reported|reports)\b")


def _outlets_quoted(occs: Sequence[Occurrence], lower: Sequence[str]) -> set[tuple[int, int]]:
    """(part, start) of what a news outlet reports (", X says.", "according to X") where the
    story also tells it something ("Acme told X:"): guide rules 5 and 7, a source."""
    told = set()
    for o in occs:
        # Most mentions have no "told" before them: looked for without cutting the window.
        if lower[o.part].find("told ", max(0, o.start - 60), o.start) < 0:
            continue
        before, after = window(lower[o.part], o.start, o.end)
        if _TOLD_BEFORE.search(before) and _TOLD_AFTER.match(after):
            told.add(o.entry)
    if not told:  # most stories tell no outlet anything
        return set()
    out = set()
    for o in occs:
        if o.entry in told:
            before, after = window(lower[o.part], o.start, o.end)
            if (before.endswith(", ") and _REPORTS_AFTER.match(after)) or before.endswith(
                ("according to ", "according to the ")
            ):
                out.add((o.part, o.start))
    return out


def in_passing(
    occs: Sequence[Occurrence], parts: Sequence[str], lower: Sequence[str]
) -> set[tuple[int, int]]:
    """(part, start) of the mentions in a passing role (``lower``: ``parts`` lower-cased);
    a name listed right after one ("such as Google, Yahoo and eBay", "sold on eBay or
    Amazon") shares its role."""
    out: set[tuple[int, int]] = set()
    last: Occurrence | None = None
    for o in sorted(occs, key=lambda o: (o.part, o.start)):
        listed = (
            last is not None
            and (last.part, last.start) in out
            and last.part == o.part
            and 0 <= o.start - last.end < 80
            and _listed(parts[o.part], last.end, o)
        )
        if listed or role_of(*window(lower[o.part], o.start, o.end)):
            out.add((o.part, o.start))
        last = o
    return out | _outlets_quoted(occs, lower)
