"""Word cues around a company's mention that say what role it plays in the story.

Each cue is a small regex over the words just before or after a mention, or over
the mention's sentence (see ``salience.py`` for how they become features):

* acting: "X said", "X shares fell", "boss of X";
* quoted as a source: "analysts at X", "according to X", "X, the research firm";
* a speaker of figures about something else: "prices rose, Halifax said",
  "growth will slow, consultancy Deloitte has warned", "a report by telecoms giant BT";
* named as a rival or an example: "European rival Airbus", "companies like X";
* generic references back to the last company named: "the firm", "the bank";
* an abbreviation defined in brackets after the name: "Singapore Airlines (SIA)".
"""

from __future__ import annotations

import re

# Starts with a literal class so the regex engine skips ahead to the next full stop.
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_AUX = r"(?:has|have|had|also|will|would|is|was|were|are|did|does|do|not|itself|on \w+day)"
_ACTS_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:\([^)]{0,30}\)\s*)?(?:,[^,.]{0,60},\s*)?"
    rf"(?:{_AUX}\s+){{0,3}}(?:immediately\s+)?"
    r"(?:said|says|declined|confirmed|announced|reported|posted|expects|warned|denied|plans|"
    r"told|unveiled|launched|agreed|respond\w*|comment\w*|shares?|stocks?|chief|CEO|"
    r"spokes\w+|executives?|boss|profits?|sales|revenues?|earnings)\b",
    re.IGNORECASE,
)
_ACTS_BEFORE = re.compile(
    r"(?:spokes\w+ for|shares (?:in|of)|statement from|representative for|"
    r"executives? (?:at|of)|profits? (?:at|of)|sales (?:at|of)|boss of|chief executive of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:chief\s+|senior\s+|equity\s+|market\s+|oil\s+|retail\s+)?"
    r"(?:analysts?|economists?|strategists?|researchers?|research|consultants?|survey|study|"
    r"index|poll|report(?:ed)?\b|newspaper|magazine|news agency)",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(
    r"(?:(?:analysts?|economists?|strategists?|dealers?|traders?|researchers?|experts?|"
    r"consultants?|director|head of research)\s+(?:at|with|from|for)|according to|"
    r"research(?:\s+(?:firm|group|company|house))?|consultanc(?:y|ies)|analysts?|brokers?|"
    r"brokerage|magazine|newspaper|news agency|survey by|study by|report by|data from|"
    r"figures from|told|quoted by|reported by|says|said)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Last words the two "...$" patterns above can end with: a window ending in none of them
# is rejected without running the regex (which would try every position of the window).
_SOURCE_ENDS = (
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
# about a survey, index, forecast or report; one about a deal or a case.
SENTENCE_CUES = re.compile(
    r"\b(?:(?P<report>survey\w*|index|figures|forecast\w*|report(?:ed|s)?|study|research|"
    r"poll\w*|data|according to|estimates?|predict\w*|analys[ie]s|house prices|consumer\w*)|"
    r"(?P<deal>buy\w*|bought|acqui\w+|takeover|take over|took over|merg\w+|bid|bids|bidder|"
    r"sue|sued|suing|lawsuit|stake|sell\w*|sold|offer|tie-up|alliance|joint venture|"
    r"fined|charged|accused|settle\w*))\b"
)


def sentence_cues(sentence: str) -> tuple[bool, bool]:
    """(about a deal or case, about a survey or report) for a lower-cased sentence."""
    deal = report = False
    for m in SENTENCE_CUES.finditer(sentence):
        if m.lastgroup == "deal":
            deal = True
        else:
            report = True
        if deal and report:
            break
    return deal, report




def ends_with(before: str, ends: tuple[str, ...]) -> bool:
    """Whether ``before`` ends in whitespace after one of ``ends`` (optionally + "the")."""
    if not before[-1:].isspace():
        return False
    tail = before.rstrip().lower()
    if tail.endswith("the"):
        return tail.endswith(ends) or tail[:-3].rstrip().endswith(ends)
    return tail.endswith(ends)




def window(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to 60 characters before and 120 after a mention."""
    return text[max(0, start - 60) : start], text[end : end + 120]


def is_source(before: str, after: str) -> bool:
    """Quoted as a source: "analysts at X", "X analyst", "according to X"."""
    if _SOURCE_AFTER.match(after):
        return True
    return ends_with(before, _SOURCE_ENDS) and bool(_SOURCE_BEFORE.search(before))


def acts(before: str, after: str) -> bool:
    """Acts in the story: "X said", "X shares", "boss of X"."""
    if _ACTS_AFTER.match(after):
        return True
    return ends_with(before, _ACTS_ENDS) and bool(_ACTS_BEFORE.search(before))


# The company speaks (says, warns, predicts) or its report does. Together with a sentence
# about prices, growth, the economy or a market this is a sponsor of figures, not the topic.
_SPEAKS_AFTER = re.compile(
    rf"^(?:['’]s?)?\s*(?:,[^,.]{{0,60}},\s*)?(?:{_AUX}\s+){{0,3}}"
    r"(?:said|says|warned|warns|predicts?|predicted|forecasts?|forecasting|believes?|claims?|"
    r"expects?|estimates?|found|finds|survey|study|report|index|research|poll|data|figures|"
    r"analysts?|economists?)\b",
    re.IGNORECASE,
)
_SAYS = frozenset(("says", "said"))
_PAPERS = frozenset(("report", "survey", "study", "poll", "research", "data", "figures", "index"))
_BY = frozenset(("by", "from", "of", "for"))
MACRO = re.compile(
    r"\b(?:prices?|growth|econom\w+|inflation|interest rates?|unemployment|consumers?|spending|"
    r"survey\w*|forecast\w*|index|study|poll\w*|per cent|%|population|households?|"
    r"the (?:housing|property|jobs|labour) market|britons|americans)\b"
)


def speaks(before: str, after: str) -> bool:
    """The company (or its report) speaks: "X said", "says X", "a study by analysts X"."""
    if _SPEAKS_AFTER.match(after):
        return True
    if not before[-1:].isspace():
        return False
    words = before[-40:].lower().split()[-5:]
    for i, word in enumerate(words):  # the cue, then at most three words up to the name
        if len(words) - i > 4:
            continue
        if word in _SAYS or (i and words[i - 1] == "according" and word == "to"):
            return True
        if i and word in _BY and words[i - 1] in _PAPERS:
            return True
    return False


# Named as a rival or an example beside the story's own company: "European rival Airbus",
# "companies like Microsoft and Sony", "in contrast to X".
_RIVAL = frozenset(("rival", "rivals", "competitor", "competitors", "unlike", "like", "than"))
_RIVAL_PAIRS = frozenset(("contrast to", "compared with", "compared to", "likes of", "such as"))


def compares(before: str) -> bool:
    """Named as a rival or an example: "rival Fujitsu", "companies like Microsoft"."""
    if not before[-1:].isspace():
        return False
    words = before[-40:].split()[-4:]
    for i in range(len(words) - 1, max(-1, len(words) - 4), -1):  # cue + <= 2 capitalised
        word = words[i].lower()
        if word in _RIVAL or (i and f"{words[i - 1].lower()} {word}" in _RIVAL_PAIRS):
            return True
        if not words[i][:1].isupper():
            return False
    return False


# "the firm", "the bank's": read as the company named last (see salience.refs).
GENERIC = re.compile(  # searched in lower-cased text
    r"the (?:company|firm|group|bank|airline|carrier|retailer|lender|insurer|broker|"
    r"carmaker|chain|supermarket|operator|maker|manufacturer|business|publisher|studio|"
    r"start-?up|conglomerate|club|brand|giant|store|network|website|site)\b"
)
# "Singapore Airlines (SIA)": the capitals in brackets name the same company from then on.
ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,6})\)")
