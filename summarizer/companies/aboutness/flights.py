"""The airline whose flight a story's lead is about: "missing Acme Air Flight 370".

A story about a flight (an emergency landing, a crash, a search) names its airline as the
flight's qualifier, often once or twice: "A Acme Airways flight made an emergency landing",
"the search for missing Acme Air Flight 370". The airline is a party to the story's main
event (labelling guide rule 8), so its salience gets the makers' floor when its flight is
named in the lead (the first three body sentences). A flight named later is background
("passengers of an earlier Acme flight").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence

# Right after the airline's name: "Flight 370", "flight MH17", "'s flight", "flight from".
_FLIGHT = re.compile(r"(?:['’]s)?[ -][Ff]light\b")


def flights(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """Entries whose flight the story's lead is about (see the module docstring); ``layout``:
    the article's sentences."""
    # The flight first: most stories name none.
    flown = [o for o in occs if o.part > 0 and _FLIGHT.match(layout.parts[o.part], o.end)]
    if not flown:
        return set()
    lead = layout.lead
    return {
        o.entry
        for o in flown
        if any(p == o.part and begin <= o.start < end for p, begin, end in lead)
    }
