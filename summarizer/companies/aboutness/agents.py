"""The companies that do what a story's lead reports, however seldom they are named.

A story's opening says whom it is about. Three ways a subject is named there only once or
twice, so that counting mentions undersells it (labelling guide: the company the story is
about, and the parties to its main event, rule 8):

* the first company the story names, as the grammatical subject of its sentence: "Sabra
  Dipping Co. is recalling 30,000 cases of hummus", "(CNN) Acme Corp said on Tuesday it
  will cut 2,000 jobs"; in the second or third sentence only when it is introduced by its
  kind ("Finnish handset giant Nokia has been working on ..."), since a company named
  later after an opening about a government, police or a market is more often an example;
* the company named first after an opening sentence that describes one without naming it:
  "An Indian telecommunications firm has turned to lasers ... Tata Teleservices is using";
* the other party of a deal or case that a lead sentence reports with a company (or "it",
  "the company", standing for the previous sentence's company subject) as its subject: "X
  signed a merger agreement with Y and Z", "It plans to buy A, B and the holding firm, C",
  "X flies the route under a codesharing agreement with Y", "X has ordered 30 Y planes".

Not an agent: a source ("research firm X said", "analysts at X", "X said in a research
note", "X expects the Fed to cut rates", unlike "X expects its sales to rise": guide rule
7), a possessive ("X's new phone is ..."), a name made an adjective by a participle ("X
branded trainers were seized"), a name after a preposition ("at the X plant", "fans of X"),
a company that is not the sentence's subject in a deal ("the merger between A and B in
2002", "the winner will work with X").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.companies.aboutness.cues import is_source, window
from summarizer.companies.aboutness.forecasts import forecaster
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence, lower_keeping_offsets
from summarizer.companies.aboutness.verbs import VERB, VERB_AFTER
from summarizer.text.dateline import dateline_end

# Words that may not stand before a sentence's subject: a preposition or conjunction puts the
# name in a phrase of its own ("at the X plant", "Fans of X"), a verb makes it an object.
_STOP = frozenset(
    re.findall(
        r"\S+",
        "of in at for with by from on to after as about over under into than like and or but "
        "that which who when while if because since although said says",
    )
)
# Not its verb: a participle that makes the name part of an adjective before a bare noun
# ("Nike branded trainers were seized", "Google funded research shows": the noun is the
# subject), or a note, which is what analysts write ("X said in a research note that the
# pound would fall": a source, guide rule 7).
_NOT_ITS_VERB = re.compile(
    r"(?:(?:backed|funded|owned|branded|sponsored|licensed|listed|powered|controlled|"
    r"linked|related|based|affiliated|approved|operated|supported)"
    r"\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|some|all|up|out|off)\b)"
    r"[a-z]|(?:said|says|wrote|writes)\s+in\s+(?:a|an|its)\s+(?:[\w-]+\s+){0,2}notes?\b)"
)
# Introduced by its kind: "handset giant Nokia", "speech technology firm CEC Systems".
KIND = re.compile(
    r"\b(?:firm|company|giant|maker|carrier|airline|retailer|bank|lender|provider|operator|"
    r"group|manufacturer|carmaker|chain|start-up|network|telco) $"
)
# An opening that describes a company without naming it: "An Indian telecoms firm has ...".
_DESCRIBED = re.compile(
    r"(?:A|An|One)(?: (?!(?:of|in|at|for|with|by|from|on|to|and|or)\b)[\w'’-]+){0,5}? "
    r"(?:firm|company|retailer|bank|lender|carrier|airline|maker|manufacturer|start-up|"
    r"giant|operator|chain|developer|publisher|provider|supplier|insurer|carmaker|producer|"
    rf"brewer|distributor|conglomerate)(?: (?:based|headquartered) in [A-Z][\w-]+)? {VERB}"
)
# The words before the other party of a deal or case: "a merger agreement with", "to buy",
# "a bid for the rival chemicals firm", "the lawsuit against".
_PARTY_BEFORE = re.compile(
    r"\b(?:(?:agreement|merger|deal|contract|alliance|joint venture|partnership|talks) with|"
    r"(?:to )?(?:buy|acquire|purchase|bought|acquired|purchased|buys|acquires|takes over|"
    r"took over|(?<!in )order(?:ed|s)?)|(?:takeover|acquisition|purchase|merger) of|"
    r"(?:bid|offer) for|stake in|"
    r"sued|suing|lawsuit against|between)"
    r"(?: (?:the|a|an|its|rival|[\w-]+ (?:firm|company|group|giant|maker|bank|airline|carrier)))*"
    r"(?: [\w'’-]+){0,2} $"
)
# Words one of which a sentence needs for ``_PARTY_BEFORE`` to be tried at its names.
_DEAL_HINT = re.compile(
    r"with|buy|bought|acqui|purchas|took over|takes over|takeover|merger|bid|offer|stake|"
    r"sued|suing|lawsuit|between|order"
)
# From one party to the next of a list: "Y LLC (...) and Z", "A, B and the holding firm, C".
_NEXT_PARTY = re.compile(
    r"(?:['’]s?)?(?:,? (?:LLC|Inc|Ltd|Corp|plc|AG)\.?)?(?:\.\w+)?(?:\s*\([^)]*\))?"
    r"(?:,| and| &)(?: and)? (?:the )?(?:[\w-]+ (?:firm|company), )?"
)
# A sentence whose subject is a company named before: "It plans to buy ...".
_PRONOUN = re.compile(r"(?:It|The (?:company|firm|group|bank|airline|carrier|retailer)) ")


def agents(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """Entries that do what the story's lead reports (see the module docstring); ``layout``:
    the article's sentences."""
    # Only occurrences in the lead's paragraphs matter: most stories name none there.
    first = min((o.part for o in occs if o.part > 0), default=0)
    if not first:
        return set()
    parts, lead = layout.parts, layout.lead
    last, end = lead[-1][0], lead[-1][2]
    if first > last:
        return set()
    body = sorted(
        (o for o in occs if 0 < o.part <= last and (o.part < last or o.start < end)),
        key=lambda o: (o.part, o.start),
    )
    # Where each sentence's words start: after a wire dateline in a paragraph's first one
    # (found once here: each rule below reads it).
    named = [
        (b, [o for o in body if o.part == p and b <= o.start < e], p, e, _start(parts[p], b))
        for p, b, e in lead
    ]
    return _named_first(named, parts) | _described_first(named, parts) | _parties(named, parts)


# A lead sentence: (begin, its mentions, part, end, where its words start).
_Lead = Sequence[tuple[int, list[Occurrence], int, int, int]]


def _start(text: str, begin: int) -> int:
    """Where a sentence's words start, after a wire dateline in the story's first one."""
    return dateline_end(text) if begin == 0 else begin


def _named_first(lead: _Lead, parts: Sequence[str]) -> set[int]:
    """The story's first company, as the grammatical subject of its sentence."""
    for k, (begin, here, p, _, start) in enumerate(lead):
        if not here:
            continue
        o, text = here[0], parts[p]
        if k and not KIND.search(text, max(begin, o.start - 40), o.start):
            return set()
        agent = is_subject(o, text, start) and not forecaster(o, text)
        return {o.entry} if agent else set()
    return set()


def is_subject(o: Occurrence, text: str, begin: int) -> bool:
    """Whether ``o`` is the subject of its sentence: at most six words before it, none a
    preposition, a verb after it, and not quoted as a source."""
    words = text[begin : o.start].split()
    if len(words) > 6 or any(w.casefold() in _STOP or w.endswith(",") for w in words):
        return False
    verb = VERB_AFTER.match(text, o.end)
    if not verb:
        return False
    word = verb.end() - len(verb.group(0).split()[-1])  # where the verb itself starts
    if _NOT_ITS_VERB.match(text, word):
        return False
    return not _source(o, text)


def _described_first(lead: _Lead, parts: Sequence[str]) -> set[int]:
    """The company named first after an opening that describes one without naming it."""
    if not lead or lead[0][1]:
        return set()
    _, _, p, _, start = lead[0]
    if not _DESCRIBED.match(parts[p], start):
        return set()
    for _, here, p, _, _ in lead[1:]:
        if here:
            o = here[0]
            return set() if _source(o, parts[p]) else {o.entry}
    return set()


def _parties(lead: _Lead, parts: Sequence[str]) -> set[int]:
    """The other parties of a deal or case a lead sentence reports with a company subject."""
    found: set[int] = set()
    for k, (begin, here, p, end, start) in enumerate(lead):
        text = parts[p]
        # A company or "it" as its subject, another company after it, a deal word.
        if _PRONOUN.match(text, start):
            subject = bool(here) and _antecedent(lead, k, parts)
        else:
            subject = len(here) > 1 and _heads(here[0], text, start)
        if not subject or not _DEAL_HINT.search(text, begin, end):
            continue
        prev: Occurrence | None = None
        for o in here:
            if _PARTY_BEFORE.search(text, max(begin, o.start - 80), o.start) or (
                prev is not None and _NEXT_PARTY.fullmatch(text, prev.end, o.start)
            ):
                found.add(o.entry)
                prev = o
            else:
                prev = None
    return found


def _antecedent(lead: _Lead, k: int, parts: Sequence[str]) -> bool:
    """Whether "It" (or "The company") opening lead sentence ``k`` stands for a company: the
    previous sentence's subject is one, named ("X has bid $800m ... It plans to buy"),
    described ("A Swiss firm has ...") or itself such a reference. After "Prices rose." or
    "The government has ..." it is no company, and what it buys names no party."""
    for j in range(k - 1, -1, -1):
        _, here, p, _, start = lead[j]
        text = parts[p]
        if here and is_subject(here[0], text, start):
            return True
        if not _PRONOUN.match(text, start):
            return bool(_DESCRIBED.match(text, start))
    return False


def _heads(o: Occurrence, text: str, begin: int) -> bool:
    """Whether ``o`` opens its sentence as its subject ("Thursday, PlanetOut Inc. signed")."""
    words = text[begin : o.start].split()
    possessive = text.startswith(("'", "’"), o.end)
    return len(words) <= 3 and not possessive and not any(w.casefold() in _STOP for w in words)


def _source(o: Occurrence, text: str) -> bool:
    """Whether ``o`` is quoted as a source ("research firm X said"; guide rule 7)."""
    begin = max(0, o.start - 60)
    near = lower_keeping_offsets(text[begin : o.end + 120])
    return is_source(*window(near, o.start - begin, o.end - begin))
