"""Whether a company's verb forecasts the economy or a market rather than its own business.

A bank or broker in a story's lead often forecasts for others: "X expects the Fed to cut
rates", "X has raised its forecast for oil prices", "X predicted that the pound would fall".
It is then a source (labelling guide rule 7), not the lead's agent (``agents.py``). A company
forecasting its own business is still one: "X expects sales to rise", "X expects to cut jobs",
"X sees prices for its phones falling".
"""

from __future__ import annotations

import re

from summarizer.companies.aboutness.occurrences import Occurrence, lower_keeping_offsets
from summarizer.companies.aboutness.verbs import VERB_AFTER

# A forecaster's verb, and what it forecasts after it: "expects the Fed to cut rates", "has
# raised its forecast for oil prices", "predicts that inflation will", "is forecasting
# economic growth of 2%".
_FORECASTS = re.compile(
    r"(?:(?:is|are|was|were) (?:now |also )?(?:expecting|forecasting|predicting|estimating|"
    r"projecting|anticipating)|expects?|expected|forecasts?|forecast|predicts?|predicted|"
    r"estimates?|estimated|"
    r"projects?|projected|anticipates?|anticipated|sees|(?:raised|cut|lowered|trimmed|lifted|"
    r"revised|increased|reduced)(?: (?:up|down)\w*)? its (?:[\w-]+ ){0,2}(?:forecasts?|"
    r"targets?|outlook|estimates?|predictions?|projections?|expectations?|view) (?:for|on|of))"
    r"(?: that)? (?P<object>[^,.;]*?)(?= (?:to|will|would|could|may|might|should|is|are|was|"
    r"were|has|have|had)\b|[,.;]|$)"
)
# What a bank or broker forecasts for others (guide rule 7: it is then a source): the
# economy, a financial market, a central bank ("the Fed", "oil prices", "global growth").
_MARKET = re.compile(
    r"\b(?:fed|federal reserve|central banks?|ecb|bank of (?:england|japan|canada)|inflation|"
    r"(?:economic|global|world|gdp|wage) growth|econom(?:y|ies)|gdp|recession|unemployment|"
    r"jobless|(?:interest|mortgage|policy|base) rates?|(?:oil|crude|gas|house|home|property|"
    r"food|energy|commodity|consumer|share|stock|bond) prices|(?:stock|share|bond|equity|"
    r"currency|money|financial|housing) markets?|stocks|equities|bonds|yields|dollar|euro|"
    r"pound|sterling|yen|yuan|currenc(?:y|ies)|crude|oil|gold|commodities)\b"
)
# Words that make a forecast about the company itself or its business ("expects its sales",
# "sees prices for its phones falling", "expects oil demand to rise", "expects to cut jobs").
_OWN = re.compile(
    r"\b(?:its?|itself|we|our|own|sales|revenues?|profits?|earnings|margins?|orders|"
    r"deliveries|demand|subscribers|customers|jobs|dividends?|output|production|volumes?|"
    r"traffic|passengers|costs|spending|investment|capacity|shipments)\b"
)

# The most of the sentence read after the forecast's object: every sentence of news, and
# linear time in a paragraph with no full stop (each mention read the rest of it: 58 s
# for 200 KB of "X expects the Fed to cut rates; ").
_REST = 1000


def forecasts_a_market(text: str, verb: int) -> bool:
    """Whether the verb starting at ``verb`` in ``text`` forecasts the economy, a market or a
    central bank, and the rest of its sentence says nothing of the company's own business."""
    said = _FORECASTS.match(lower_keeping_offsets(text[verb : verb + 160]))
    if not said or not said.group("object"):
        return False
    begin = verb + said.start("object")
    rest = lower_keeping_offsets(text[begin : begin + _REST]).split(". ", 1)[0]
    return bool(_MARKET.search(said.group("object"))) and not _OWN.search(rest)


def forecaster(o: Occurrence, text: str) -> bool:
    """Whether ``o``'s verb (``verbs.VERB_AFTER``) forecasts the economy or a market rather
    than its own business ("X expects the Fed to cut rates", "X is forecasting economic
    growth of 2%": a source); not "X expects sales to rise" or "X expects to cut jobs"."""
    verb = VERB_AFTER.match(text, o.end)
    if not verb:
        return False
    return forecasts_a_market(text, verb.end() - len(verb.group(0).split()[-1]))
