"""Companies named in one list with a subject, the list then acting as one.

"Games giants Electronic Arts and Vorlex would both support its format", "Sony, Microsoft
and Nintendo are all expected to release new machines": a list of companies that does one
thing together, its quantifier ("both", "all", "each", "jointly", "together") saying that
each of them does it, is as much about each of them. When one of them is a subject of the
story, the others get the makers' floor (labelling guide rule 8: the parties to the main
event), however seldom they are named.

Not a list after a preposition whose companies only undergo something ("with Delta,
Continental and American all falling by 7%": a participle), "all too", "all of", nor a list
none of whose companies is a subject ("A, B and C have all invested in China" in a story on
a market), nor a compiler or outlet the story quotes (``compilers.py``, ``reporters.py``).

``ventures``: the partners of a joint venture the story is about ("The system is a joint
venture between security firm A and storage specialists B"), when one of them is a subject;
not a merger or a partnership in passing ("uses a partnership between A and B"). A venture
that is itself a company opening its sentence ("X is a joint venture between A and B") is
left to ``agents.py``'s lead rule.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import pairwise

from summarizer.companies.aboutness.occurrences import Occurrence, list_link

# After the list's last name: an auxiliary, then the quantifier and a verb that is no
# participle in -ing ("would both support", "are all expected"; not "all falling", "all
# too aware", "all of them").
_TOGETHER = re.compile(
    r"(?:['’]s?)?(?:,? (?:Inc|Corp|Ltd|plc)\.?)?(?:\s*\([^()]{0,80}\))?\s+"
    r"(?:(?:would|will|are|were|have|has|had|is|could|may|can|should|did|do)\s+)?"
    r"(?:both|all|each|jointly|together)\s+(?!too\b|of\b)[a-z]+\b(?<!ing)"
)

# A name after a preposition is in a phrase of its own, not the list's first member: "As
# well as Qantas, A, B and C have all had their involvement confirmed" lists A, B and C.
_PHRASE_BEFORE = re.compile(
    r"\b(?:as well as|like|such as|with|besides|including|unlike|of|by|from|for|to|at|in|on)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# A joint venture of the list's companies, the sentence's subject being no named company
# ("The system is a joint venture between security firm A and storage specialists B"; not
# "TNT is a joint venture between A and ...", where the venture is itself the company).
_JOINT = re.compile(
    r"(?:^|[.!?]\s+)(?:The|This|That|It|Their)\b[^.!?\d]{0,60}\bjoint venture between "
    r"(?:the )?(?:[\w-]+ ){0,3}$"
)
# From the first partner to the second: "A and storage specialists B".
_AND = re.compile(r"(?:['’]s)?,? and (?:the )?(?:[\w-]+ ){0,3}$")


def together(
    occs: Sequence[Occurrence], parts: Sequence[str], subjects: Collection[int]
) -> set[int]:
    """Entries in a list acting together with a subject of the story (see the module
    docstring); ``subjects``: the entries already scored subjects."""
    found: set[int] = set()
    body = sorted((o for o in occs if o.part > 0), key=lambda o: (o.part, o.start))
    run: list[Occurrence] = []
    for o in [*body, None]:
        if (
            o is not None
            and run
            and o.part == run[-1].part
            and list_link(parts[o.part][run[-1].end : o.start])
        ):
            run.append(o)
            continue
        found |= _acting(run, parts[run[-1].part], subjects) if run else set()
        run = [o] if o is not None else []
    return found


def _acting(run: Sequence[Occurrence], text: str, subjects: Collection[int]) -> set[int]:
    """The entries of one list (``run``, named in ``text``) that get the floor."""
    if len(run) < 2:  # most names stand alone: no list, and no regex to run
        return set()
    if _PHRASE_BEFORE.search(text, max(0, run[0].start - 20), run[0].start):
        run = run[1:]
    entries = {r.entry for r in run}
    if len(entries) < 2:
        return set()
    if not _TOGETHER.match(text, run[-1].end):
        return set()
    return entries - set(subjects) if entries & set(subjects) else set()


def ventures(
    occs: Sequence[Occurrence], parts: Sequence[str], subjects: Collection[int]
) -> set[int]:
    """The partners of a joint venture the story is about, when one of them is a subject: "The
    system is a joint venture between security firm A and storage specialists B"."""
    found: set[int] = set()
    body = sorted((o for o in occs if o.part > 0), key=lambda o: (o.part, o.start))
    for a, b in pairwise(body):
        text = parts[a.part]
        if (
            a.part == b.part
            and a.entry != b.entry
            and {a.entry, b.entry} & set(subjects)
            # The words first, at C speed: the regex is tried at each of 120 characters.
            and text.find("joint venture between", max(0, a.start - 120), a.start) >= 0
            and _JOINT.search(text, max(0, a.start - 120), a.start)
            and _AND.match(text, a.end, b.start)
        ):
            found |= {a.entry, b.entry} - set(subjects)
    return found
