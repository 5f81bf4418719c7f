"""Wire datelines: "(CNN)The ...", "LONDON (Reuters) - ...", "NEW YORK — ...".

An agency or outlet tag opening a story marks wire copy (an inverted pyramid,
where the lead carries the story) and is not part of the sentence a reader
should see: :func:`split_dateline` returns the sentence without it.
"""

from __future__ import annotations

import re

# Outlets and agencies whose tag opens a story, plus generic outlet words.
_AGENCY = (
    r"CNN(?: Money| Student News)?|Reuters|AP|AFP|Bloomberg|Xinhua|dpa|UPI|PA|IANS|PTI"
    r"|EW\.com|Mashable|Rolling Stone|(?:[A-Z][\w.&'’ ]{0,30}?)?"
    r"(?:Reporter|News|Magazine|Times|Post|Press|Wire|Journal|Telegraph|Guardian|Independent|Herald|Billboard|Variety|Week|\.com)"
)
# "(CNN)The", "Washington (CNN)The", "LONDON (Reuters) - ", "(CNN) -- ", "(CNN):".
_TAGGED = re.compile(
    r"^\s*(?:[A-Z][\w .,'’/-]{0,50}?\s*)?\((?:" + _AGENCY + r")\)"
    r"(?:\s*[-–—:]{1,2}\s*(?=[\w\"“‘'(\[])|(?=[A-Z\"“‘]))"
)
# "(Billboard)From ...": any capitalised tag glued to the first word of the story.
_GLUED = re.compile(r"^\s*\([A-Z][\w.&'’ ]{1,30}\)(?=[A-Z\"“])")
# "NEW YORK — ", "BRUSSELS, March 3 -- ", "WASHINGTON (AP) — " without a known agency.
_UPPER = re.compile(
    r"^\s*[A-Z][A-Z .,'’/-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?(?:\s*\([A-Za-z .]+\))?"
    r"\s*[-–—]{1,2}\s+(?=\S)"
)


def split_dateline(sentence: str) -> tuple[str, bool]:
    """``sentence`` without a leading wire dateline, and whether it had one.

    A dateline that would leave nothing, or only a few characters, is kept.
    """
    for pattern in (_TAGGED, _GLUED, _UPPER):
        match = pattern.match(sentence)
        if match:
            rest = sentence[match.end() :].lstrip()
            if len(rest) >= 10:
                return rest, True
    return sentence, False
