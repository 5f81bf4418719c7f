"""Word cues around a company's mention that say what role it plays in the story.

Each cue is a small regex over the words just before or after a mention, or over
the mention's sentence (see ``salience.py`` for how they become features):

* acting: "X said", "X shares fell", "boss of X";
* quoted as a source: "analysts at X", "according to X", "X, the research firm", and
  outlets through their staff or kind: "editor of X", "the daily X";
* the sentence is about a deal or case ("bid", "sued", "a $1.8bn deal", "an agreement
  with X", "ordered 30 planes"), or about a survey or report;
* an abbreviation defined in brackets after the name: "Singapore Airlines (SIA)".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from summarizer.companies.aboutness.senses import deal_meant

# What follows a sentence's end mark: closing quotes or brackets, space, the next opening.
_AFTER_END = r"[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])"
# Starts with a literal class so the regex engine skips ahead to the next full stop.
SENTENCE_END = re.compile(rf"[.!?]{_AFTER_END}")
# The same for text with no "!" or "?": one literal character first, which the engine finds
# with a plain loop instead of testing a class at every character (~2x faster over a story).
_FULL_STOP_END = re.compile(rf"\.{_AFTER_END}")


def sentence_starts(text: str) -> list[int]:
    """Where each of ``text``'s sentences starts, in order (0 first). Found in the whole
    text, so that a company opening a sentence starts it: "... made by hand. X sells it"."""
    ends = SENTENCE_END if "!" in text or "?" in text else _FULL_STOP_END
    # map with the unbound method: no Python frame per sentence (a third faster).
    return [0, *map(re.Match.end, ends.finditer(text))]


def by_first_letter(kinds: Mapping[str, str]) -> str:
    """One regex alternation of the alternatives of each kind's alternation (the name of a
    kind, or "", to the alternation), grouped by the character each opens on (plain or
    escaped, not a class): the engine then tries only those opening on the character at
    hand, not every one in turn (a third of the instructions). Within a character they keep
    their order, so the one that matches is the one the flat alternation of them all
    matches; a named kind's matches are in groups named after it and a number ("deal3")."""
    by_char: dict[str, list[tuple[str, list[str]]]] = {}
    for name, alternation in kinds.items():
        for alternative in _alternatives(alternation):
            # Its first character, escaped ("\\&" as re.escape writes "&") or not.
            size = 2 if alternative.startswith("\\") else 1
            first = alternative[:size] if size == 2 else re.escape(alternative[0])
            runs = by_char.setdefault(first, [])
            if not runs or runs[-1][0] != name:
                runs.append((name, []))
            runs[-1][1].append(alternative[size:])
    branches = []
    for n, (char, runs) in enumerate(by_char.items()):
        rests = "|".join(
            f"(?P<{name}{n}>{'|'.join(rest)})" if name else f"(?:{'|'.join(rest)})"
            for name, rest in runs
        )
        branches.append(f"{char}(?:{rests})")
    return f"(?:{'|'.join(branches)})"


def _alternatives(alternation: str) -> list[str]:
    """The alternatives of a regex alternation: split at each "|" outside brackets (written
    with no bracket or "|" in a character class)."""
    found, depth, start, escaped = [], 0, 0, False
    for i, char in enumerate(alternation):
        if escaped:
            escaped = False  # "\\(" is no bracket
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and not depth:
            found.append(alternation[start:i])
            start = i + 1
    return [*found, alternation[start:]]


# Titles of a company's officers, the one list the rules read: an officer speaking for it
# (``officers.py``), its own business beside a compiler's name (``compilers.py``), and a
# company acting through one ("X's chairman": ``acts``). Not its analysts or economists, who
# are sources (guide rule 7).
OFFICER_TITLE = (
    r"(?:(?:co-|deputy |senior |executive |group |joint )?(?:chief executive|chief \w+ officer|"
    r"ceo|president|chairman|chairwoman|chair|founder|managing director|general manager|owner|"
    r"boss|spokes(?:man|woman|person)|publisher))"
)
_AUX = r"(?:has|have|had|also|will|would|is|was|were|are|did|does|do|not|itself|on \w+day)"
_ACTS_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:\([^)]{0,30}\)\s*)?(?:,[^,.]{0,60},\s*)?"
    rf"(?:{_AUX}\s+){{0,3}}(?:immediately\s+)?"
    r"(?:said|says|declined|confirmed|announced|reported|posted|expects|warned|denied|plans|"
    r"told|unveiled|launched|agreed|respond\w*|comment\w*|shares?|stocks?|chief|"
    rf"{OFFICER_TITLE}|executives?|profits?|sales|revenues?|earnings)\b",
)
# Before the name, only the titles that speak for or head a company ("spokesman for X",
# "boss of X"): with every title ("managing director of X"), a survey firm quoted through its
# director became a subject (labelled a source, guide rule 7) and no subject was gained.
_ACTS_BEFORE = re.compile(
    r"(?:spokes\w+ for|shares (?:in|of)|statement from|representative for|"
    r"executives? (?:at|of)|profits? (?:at|of)|sales (?:at|of)|boss of|chief executive of)"
    r"\s+(?:the\s+)?$",
)
_SOURCE_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:chief\s+|senior\s+|equity\s+|market\s+|oil\s+|retail\s+)?"
    r"(?:analysts?|economists?|strategists?|researchers?|research|consultants?|survey|study|"
    r"index|poll|report(?:ed)?\b|newspaper|magazine|news agency)",
)
# Who is quoted at a firm ("analysts at X") and who writes for an outlet ("editor of X").
_QUOTED = (
    "analysts?|economists?|strategists?|dealers?|traders?|researchers?|experts?|consultants?|"
    "director|head of research"
)
_WRITERS = "editor|columnist|reporter|writer"
# Those sources, outlets named with their kind, and verbs of saying: "analysts at X".
_SOURCE_WORDS = "|".join(
    (
        *(rf"{who}\s+(?:at|with|from|for)" for who in _QUOTED.split("|")),
        *(rf"{who}\s+(?:at|with|for|of)" for who in _WRITERS.split("|")),
        r"according to|daily|weekly|tabloid|research(?:\s+(?:firm|group|company|house))?|"
        r"consultanc(?:y|ies)|analysts?|brokers?|brokerage|magazine|newspaper|news agency|"
        r"survey by|study by|report by|data from|figures from|told|quoted by|reported by|"
        r"says|said",
    )
)
_SOURCE_BEFORE = re.compile(by_first_letter({"": _SOURCE_WORDS}) + r"\s+(?:the\s+)?$")
# Last words the two "...$" patterns above can end with: a window ending in none of them
# is rejected without running the regex (which would try every position of the window).
_SOURCE_ENDS = (
    "of",
    "daily",
    "weekly",
    "tabloid",
    "at",
    "with",
    "from",
    "for",
    "to",
    "research",
    "firm",
    "group",
    "company",
    "house",
    "consultancy",
    "consultancies",
    "analyst",
    "analysts",
    "broker",
    "brokers",
    "brokerage",
    "magazine",
    "newspaper",
    "agency",
    "by",
    "told",
    "says",
    "said",
)
_ACTS_ENDS = ("for", "in", "of", "from", "at")
# Searched in lower-cased text (3x faster than IGNORECASE), both in one pass: a sentence
# about a survey, index, forecast or report; one about a deal or a case (a deal, agreement,
# contract or order counts: the other party to it is usually a subject, guide rule 8).
# Led by the non-word character before the word, searched in " " + sentence: the engine
# then skips between words at C speed instead of trying the alternation after every "\b";
# the words are grouped by their first letter (``by_first_letter``: a third fewer instructions).
# "order" not after "in" ("in order to"): the lookbehind stands after the letter it opens on.
SENTENCE_CUES = re.compile(
    r"\W"
    + by_first_letter(
        {
            "report": r"survey\w*|index|figures|forecast\w*|report(?:ed|s)?|study|research|"
            r"poll\w*|data|according to|estimates?|predict\w*|analys[ie]s|house prices|consumer\w*",
            "deal": r"buy\w*|bought|acqui\w+|takeover|take over|took over|merg\w+|bid|bids|"
            r"bidder|sue|sued|suing|lawsuit|stake|sell\w*|sold|offer|tie-up|alliance|"
            r"joint venture|fined|charged|accused|defendants?|settle\w*|deals?|agreements?|"
            r"contracts?|o(?<!in o)rder(?:ed|s)?",
        }
    )
    + r"\b"
)
_DEAL_GROUPS = frozenset(name for name in SENTENCE_CUES.groupindex if name.startswith("deal"))
# The same for ASCII text, where it finds the same words (it has no "\s", whose ASCII form
# lacks "\x1c" to "\x1f"): its "\W" is then a table lookup, not a Unicode category.
_ASCII_CUES = re.compile(SENTENCE_CUES.pattern, re.ASCII)


# Words of business news: the share of a story's opening sentences using one tells a
# business story from one where a company is only named (a venue, a platform in a story
# about its users, a company behind a news event). A set, checked against each sentence's
# words: several times faster than a regex alternation.
_BUSINESS = (
    "company companies firm firms share shares stock stocks profit profits revenue revenues sales "
    "deal takeover acquisition acquisitions merger ceo investor investors shareholder shareholders "
    "earnings customers billion bid contract subsidiary brand retailer bank"
)
BUSINESS_WORDS = frozenset(_BUSINESS.encode().split())
# Bytes that are not ASCII letters or digits become spaces: bytes.split then gives bare words.
_NOT_WORD = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def business_sentence(sentence: str) -> bool:
    """Whether a lower-cased sentence uses a word of business news (any language's
    letters around it are word breaks, which only costs a rare miss)."""
    words = sentence.encode("utf-8", "replace").translate(_NOT_WORD).split()
    return not BUSINESS_WORDS.isdisjoint(words) or "chief executive" in sentence


def sentence_cues(sentence: str, cased: str = "") -> tuple[bool, bool]:
    """(about a deal or case, about a survey or report) for a lower-cased sentence
    (``cased``: the same with its capitals, for "Sue" the name; the sentence if none)."""
    deal = report = False
    # In " " + sentence a match starts one character before its word: m.start() is the
    # word's offset in ``sentence``, m.end() - 1 its end.
    cues = _ASCII_CUES if sentence.isascii() else SENTENCE_CUES
    for m in cues.finditer(" " + sentence):
        if m.lastgroup in _DEAL_GROUPS:
            # "helps websites deal with", "already offer free services", "Sue Wagner"
            deal = deal or deal_meant(sentence, cased or sentence, m.start(), m.end() - 1)
        else:
            report = True
        if deal and report:
            break
    return deal, report


def ends_with(before: str, ends: tuple[str, ...]) -> bool:
    """Whether lower-cased ``before`` ends in whitespace after one of ``ends`` (optionally
    + "the")."""
    if not before[-1:].isspace():
        return False
    tail = before.rstrip()
    if tail.endswith("the"):
        return tail.endswith(ends) or tail[:-3].rstrip().endswith(ends)
    return tail.endswith(ends)


def window(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to 60 characters before and 120 after a mention, cut from lower-cased ``text``
    (the cue regexes are written in lower case: several times faster than IGNORECASE)."""
    return text[max(0, start - 60) : start], text[end : end + 120]


# The sponsor of a survey or report, also named with its kind or after a few words: "a
# survey carried out by PC Pro", "the report by telecoms giant BT", "research by security
# firm X" (guide rule 7: a mention). Only looked for when the window holds " by ".
_SPONSOR_BEFORE = re.compile(
    r"\b(?:survey\w*|stud(?:y|ies)|reports?|polls?|research|index|figures|data|forecasts?|"
    r"analysis)(?: (?:carried|conducted|commissioned|released|published|compiled|funded|"
    r"issued|produced|prepared|sponsored|done)(?: [\w-]+){0,2})? by (?:the )?(?:[\w-]+ ){0,2}$"
)


# Figures credited to a company named with its kind: "according to the payroll services
# company X", "the figures, from e-mail management firm X", "a recent report from X"; not
# through someone of it ("according to a statement released by X", "the head of X").
_CREDITED_BEFORE = re.compile(
    r"\b(?:according to|(?:figures|data|statistics|numbers|report|study|survey|research|"
    r"analysis),? from) (?:the |a |an )?(?:(?!(?:of|for|by|at|with) )[\w-]+ ){0,3}$"
)


def is_source(before: str, after: str) -> bool:
    """Quoted as a source: "analysts at X", "X analyst", "according to X", "a survey by
    telecoms firm X" (``before`` and ``after`` in lower case, as ``window`` cuts them from
    lower-cased text)."""
    if _SOURCE_AFTER.match(after):
        return True
    if " by " in before and _SPONSOR_BEFORE.search(before):
        return True
    if ("according to " in before or " from " in before) and _CREDITED_BEFORE.search(before):
        return True
    return ends_with(before, _SOURCE_ENDS) and bool(_SOURCE_BEFORE.search(before))


def acts(before: str, after: str) -> bool:
    """Acts in the story: "X said", "X shares", "boss of X" (lower-cased, as for ``is_source``)."""
    if _ACTS_AFTER.match(after):
        return True
    return ends_with(before, _ACTS_ENDS) and bool(_ACTS_BEFORE.search(before))


# "Singapore Airlines (SIA)": the capitals in brackets name the same company from then on.
# The letters of such an abbreviation: its first, then the rest.
ABBREVIATED_FIRST, ABBREVIATED_REST = "[A-Z]", "[A-Za-z&]{1,6}"
ABBREVIATED = ABBREVIATED_FIRST + ABBREVIATED_REST
ABBREVIATION = re.compile(rf"\s*\(({ABBREVIATED})\)")
