"""Wire datelines: "(CNN)The ...", "LONDON (Reuters) - ...", "NEW YORK — ...",
"NEW DELHI: ...", "Mumbai, Jan 5 (PTI) ...", and lower-cased "(cnn)if you've ...".

An agency or outlet tag opening a story marks wire copy (an inverted pyramid,
where the lead carries the story) and is not part of the sentence a reader
should see: :func:`split_dateline` returns the sentence without it.
"""

from __future__ import annotations

import re

# News agencies, whose tag opens wire copy ("Mumbai, Jan 5 (PTI) The ...").
_AGENCIES = (
    *("CNN", "Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "dpa", "UPI", "PA"),
    *("IANS", "PTI", "ANI", "UNI"),
)
# Those whose tag still says "agency" in text that lost its capitals: "(pa)" and "(uni)"
# are as often a state or a university there.
_LOWER_AGENCIES = tuple(a.lower() for a in _AGENCIES if a not in ("PA", "UNI"))
# Agencies and outlets whose tag opens a story, plus generic outlet words.
_AGENCY = (
    r"CNN Money|CNN Student News|" + "|".join(_AGENCIES) + r"|EW\.com|Mashable|Rolling Stone"
    r"|(?:[A-Z][\w.&'’ ]{0,30}?)?"
    r"(?:Reporter|News|Magazine|Times|Post|Press|Wire|Journal|Telegraph|Guardian|Independent|Herald|Billboard|Variety|Week|\.com)"
)
# "(CNN)The", "Washington (CNN)The", "LONDON (Reuters) - ", "(CNN) -- ", "(CNN):".
_TAGGED = re.compile(
    r"^\s*(?:[A-Z][\w .,'’/-]{0,50}?\s*)?\((?:" + _AGENCY + r")\)"
    r"(?:\s*[-–—:]{1,2}\s*(?=[\w\"“‘'(\[])|(?=[A-Z\"“‘]))"
)
# "(cnn)if you've been ...", "london (reuters) - ...": a known agency's tag in text that
# lost its capitals (only there: in cased text "(ap)" may be anything).
_LOWER_TAGGED = re.compile(
    r"^\s*(?:[a-z][a-z .,'’/-]{0,50}?\s*)?\((?:" + "|".join(_LOWER_AGENCIES) + r")\)"
    r"(?:\s*[-–—:]{1,2}\s*(?=[\w\"“‘'(\[])|(?=[a-z\"“‘]))"
)
# "mumbai, jan 5 (pti) the sensex ...": a place and a date before the tag, then a space
# (without the date, "... interface (upi) rose 5%" is a sentence naming a payment system).
_LOWER_DATED = re.compile(
    r"^\s*[a-z][a-z.'’-]{0,30}(?: [a-z][a-z.'’-]{0,30}){0,2},\s*[a-z]{3,9}\.? \d{1,2}"
    r"(?:,? \d{4})?\s*\((?:" + "|".join(_LOWER_AGENCIES) + r")\)\s+(?=[a-z\"“‘])"
)
# "(Billboard)From ...": any capitalised tag glued to the first word of the story.
_GLUED = re.compile(r"^\s*\([A-Z][\w.&'’ ]{1,30}\)(?=[A-Z\"“])")
_DATE = r",\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?"  # ", March 3", ", Jan. 5, 2015"
# (Every run below is bounded: a dateline is short, and a 5 MB one-word "article" must
# not be scanned back and forth.)
# "NEW YORK — ", "BRUSSELS, March 3 -- ", "WASHINGTON (AP) — " without a known agency,
# "SAN FRANCISCO, Calif. — ", "HONG KONG, Jan 5 /PRNewswire/ -- ".
_UPPER = re.compile(
    r"^\s*[A-Z][A-Z .,'’/-]{2,40}(?:,\s*[A-Z][a-z]{1,6}\.)?(?:" + _DATE + r")?"
    r"(?:\s*\([A-Za-z .]+\))?(?:\s*/[A-Za-z .-]{2,30}/)?\s*[-–—]{1,2}\s+(?=\S)"
)
# "Mumbai, Jan 5 (PTI) The": a place of capitalised words, a date, an agency, a space.
_PLACE_AGENCY = re.compile(
    r"^\s*[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,3}(?:,\s*[A-Z][\w.'’-]{0,30})?"
    r"(?:" + _DATE + r")?"
    r"\s*\((?:" + "|".join(_AGENCIES) + r")\)\s+(?=[A-Z\"“‘])"
)
# "NEW DELHI: ", "CHENNAI, March 3: ", "New Delhi, Oct 12: " (a place in capitals, or
# any place with a date, then a colon; "Wanted: " and "Result: " are no datelines).
_COLON = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’-]{2,30}(?: [A-Z][A-Z.'’-]{0,30}){0,3}(?:" + _DATE + r")?"
    r"|[A-Z][a-z]{1,30}(?: [A-Z][a-z]{1,30}){0,2}" + _DATE + r")(?:\s*\([A-Za-z .]{1,30}\))?"
    r":\s+(?=[A-Z\"“‘])"
)
_ALL = (_TAGGED, _GLUED, _UPPER, _PLACE_AGENCY, _COLON)  # tried in this order
_UNBRACKETED = (_UPPER, _COLON)  # those of them matching text with no "("


def dateline_end(text: str) -> int:
    """Where a leading wire dateline ends in ``text``; 0 when there is none (or when it
    would leave nothing, or only a few characters)."""
    # Without a "(" in the text those needing one cannot match: most paragraphs are settled
    # by two short patterns (the first, with its lazy run, cost half the time).
    for pattern in _ALL if "(" in text else _UNBRACKETED:
        match = pattern.match(text)
        if match and len(text[match.end() :].lstrip()) >= 10:
            return match.end()
    opening = text[:200]
    if "(" in opening and opening == opening.lower():
        match = _LOWER_TAGGED.match(text) or _LOWER_DATED.match(text)
        if match and len(text[match.end() :].lstrip()) >= 10:
            return match.end()
    return 0


def split_dateline(sentence: str) -> tuple[str, bool]:
    """``sentence`` without a leading wire dateline, and whether it had one."""
    end = dateline_end(sentence)
    return (sentence[end:].lstrip(), True) if end else (sentence, False)
