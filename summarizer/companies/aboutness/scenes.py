"""A feature that opens on a scene: the company it then introduces is what it is about.

A feature often opens on a scene, a trend or a question and names no company in its
headline or its first three sentences (its lead): "The hi-tech and the arts worlds have for
some time danced around each other ... UK telco BT is serious about the idea and has
launched its Connected World initiative"; "The United States has stated Monday that it will
support a ban on cocoa exports ... US agricultural firm Cargill, which buys around 15% of
Ivorian cocoa, have said ...". The first company such a story names, introduced by its kind
("UK telco", "agricultural firm") as the subject of its sentence and named again later, is
the one its news is about (labelling guide: the company the story is about), however seldom
it is named: its salience gets the makers' floor.

Not when the headline or the lead names a company (the story's own lead then says whom it
is about, ``agents.py``), nor when a lead sentence opens on a person ("Maria Lopez first
sang in a church choir ..."): such a feature is about that person, and the record company
that signed her is a passing name however often it comes back; nor a company named once
only ("Record company X are releasing the singer's singles" in a story on the singer's
fans), nor one named after a preposition or quoted as a source (``agents.is_subject``),
nor a bank forecasting a market (``forecasts.py``).

Measured on the 814 labelled articles read (``newsbot companies --score``, every labelled
name followed): subjects 481 -> 483 (BT and Cargill above), no false subject added; registry
only 435 -> 437. Over the 2,258 dev stories only those two stories change. Tried and
dropped: the whole lead shifted to the first sentence naming a company, with ``agents.py``
and ``officers.py`` read there (subjects +4, false subjects +17: a scene's background firm
named once is far more common), and the officer rule alone on that shifted lead (+1, +2).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from summarizer.companies.aboutness.agents import KIND, is_subject
from summarizer.companies.aboutness.forecasts import forecaster
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence
from summarizer.companies.registry.names import is_first_name


def scene_subjects(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """The company a feature opening on a scene introduces (see the module docstring);
    ``layout``: the article's sentences."""
    if not occs or any(o.part == 0 for o in occs):  # none, or a company in the headline
        return set()
    # The cheap tests first (a company named once, most stories naming one: no word read).
    first = min(occs, key=lambda o: (o.part, o.start))
    if sum(o.entry == first.entry for o in occs) < 2:
        return set()
    lead = layout.lead
    if not lead or any(_inside(o, lead) for o in occs) or _on_a_person(lead, layout.parts):
        return set()
    text, starts = layout.parts[first.part], layout.starts[first.part]
    begin = starts[bisect_right(starts, first.start) - 1]
    if not KIND.search(text, max(begin, first.start - 40), first.start):
        return set()
    agent = is_subject(first, text, begin) and not forecaster(first, text)
    return {first.entry} if agent else set()


def _inside(o: Occurrence, lead: Sequence[tuple[int, int, int]]) -> bool:
    return any(p == o.part and begin <= o.start < end for p, begin, end in lead)


def _on_a_person(lead: Sequence[tuple[int, int, int]], parts: Sequence[str]) -> bool:
    """Whether a lead sentence opens on a person's name ("Maria Lopez first sang ...")."""
    for p, begin, end in lead:
        words = parts[p][begin:end].split(maxsplit=2)
        if len(words) > 1 and is_first_name(words[0]) and words[1][:1].isupper():
            return True
    return False
