"""The verb after a company's name: what makes it the subject of its sentence.

``agents.py`` reads it to tell whether a company does what the story's lead reports
("Acme Corp said on Tuesday it will cut 2,000 jobs"), and ``forecasts.py`` what that verb
forecasts ("X expects the Fed to cut rates").
"""

from __future__ import annotations

import re

AUX = (
    r"is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|does|did|"
    r"also|now|set|on \w+day|yesterday|today|this week|last week"
)
# The verb of the subject: an auxiliary, a past in -ed or an irregular one, or a present
# in -s from a short list ("Google fans", "YouTube videos show" and "Ford sales dropped" are
# nouns after a name, so no bare "-s" word counts).
VERB = (
    rf"(?:{AUX}|[a-z]+ed|said|cut|sold|won|bought|lost|hit|made|took|paid|began|became|broke|"
    r"built|fell|rose|led|left|kept|got|gave|went|came|sent|spent|told|"
    r"(?:say|plan|want|face|expect|hope|aim|make|offer|launch|unveil|announce|report|post|"
    r"warn|seek|need|claim|sell|buy|own|run|employ|intend|deny|agree|tell)s?)\b"
)
# After the name: the rest of a legal name the name left out (a short form followed, as in
# "Sabra" before "Sabra Dipping Co."), an aside ("(ACME)", ", the world's largest X,"),
# then its verb.
VERB_AFTER = re.compile(
    r"(?:(?: [A-Z][\w&'’-]*){0,3},? (?:Co|Corp|Inc|Ltd|LLC|plc|PLC|AG|SA|NV)\.?)?"
    r"(?:\s*\([^)]{0,40}\))?"
    rf"(?:,[^,.;]{{0,80}},)?\s+(?:(?:{AUX})\s+)*{VERB}"
)
