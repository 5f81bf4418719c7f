"""Candidate salience features measured in issue 13's feature round (not shipped unless a
pre-registered rule says so: ``salience_features_2026-12.md``).

Each is computed from the article and the company's own mentions, as ``salience.features``
reads them (the same occurrences, group references included, the same passing roles):

* ``quoted``: share of its mentions inside quotation marks (a company named only in
  someone's quoted words is rarely what the story is about);
* ``possessor``: it is named as a possessor at least once ("X's profits", "Barclays' bid");
* ``figure``: share of its own sentences (headline included) that carry a financial figure
  ("£3bn", "$40m", "20%", "5 per cent", "12p"): a subject's results are reported;
* ``peers``: log2(1 + other companies named twice or more with a mention count within a
  factor 2 of its own, when it is named twice or more): a story about several companies.

Round 2 (after round 1 had run):

* ``quoted_only``: every mention is inside quotation marks (none in the headline);
* ``front``: share of the first third of the body's sentences naming it minus the share
  of the other sentences naming it (a subject is set up early, a foil appears later);
* ``late_only``: all its own mentions are in the last paragraph of a story of two or more
  paragraphs (none in the headline): a company brought in at the end.

``install()`` wraps ``salience._company_features`` so every feature dict also holds these;
the shipped model ignores them (``salience.FEATURES`` picks the ones it weighs).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence

from summarizer.companies.aboutness import salience
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence, with_group_references

ROUND1 = ("quoted", "possessor", "figure", "peers")
# Round 2, pre-registered after round 1 had run (same rule): see the note.
ROUND2 = ("quoted_only", "front", "late_only")
CANDIDATES = (*ROUND1, *ROUND2)

_QUOTES = re.compile('["“”]')
_POSSESSIVE = re.compile(r"['’](?:s\b|(?=\s))")
_FIGURE = re.compile(
    r"[£$€¥]\s?\d|\d(?:[.,]\d+)?\s?(?:%|per ?cent\b|bn\b|billion\b|m\b|million\b|"
    r"trillion\b|p\b|pence\b|cents?\b)",
    re.IGNORECASE,
)


def quote_spans(text: str) -> list[int]:
    """Offsets where quotation marks open and close, alternately ("..." toggles; “ opens,
    ” closes); a quote left open at the paragraph's end runs to the end."""
    marks: list[int] = []
    for m in _QUOTES.finditer(text):
        char, inside = m.group(), len(marks) % 2 == 1
        if (char == "“" and not inside) or (char == "”" and inside) or char == '"':
            marks.append(m.start())
    return marks


def in_quotes(marks: Sequence[int], start: int) -> bool:
    """Whether ``start`` lies inside a quotation (an odd number of marks before it)."""
    return bisect_right(marks, start) % 2 == 1


def possessive(text: str, end: int) -> bool:
    """The name ending at ``end`` is followed by a possessive ("'s", "’s", or "'" after s)."""
    return _POSSESSIVE.match(text, end) is not None


def _sentence(layout: Layout, occ: Occurrence) -> tuple[int, str]:
    """(sentence key, its text): the headline is one sentence, key -1."""
    if occ.part == 0:
        return -1, layout.parts[0]
    begin, end, k = layout.sentence(occ)
    return layout.first[occ.part] + k, layout.parts[occ.part][begin:end]


def extras(occs: Sequence[Occurrence], layout: Layout) -> dict[int, dict[str, float]]:
    """The candidate features per company entry (``occs`` after the group references)."""
    by_entry: dict[int, list[Occurrence]] = {}
    for occ in occs:
        by_entry.setdefault(occ.entry, []).append(occ)
    marks = [quote_spans(text) for text in layout.parts]
    counts = {e: len(found) for e, found in by_entry.items()}
    out: dict[int, dict[str, float]] = {}
    for e, found in by_entry.items():
        own = [o for o in found if (o.part, o.start) not in layout.passing] or found
        sentences = dict(_sentence(layout, o) for o in own)
        n = counts[e]
        peers = sum(
            1
            for other, m in counts.items()
            if other != e and n >= 2 and m >= 2 and 2 * m >= n and 2 * n >= m
        )
        quoted = sum(in_quotes(marks[o.part], o.start) for o in found)
        out[e] = {
            "quoted": quoted / len(found),
            "possessor": float(any(possessive(layout.parts[o.part], o.end) for o in found)),
            "figure": sum(bool(_FIGURE.search(s)) for s in sentences.values()) / len(sentences),
            "peers": math.log2(1 + peers),
            "quoted_only": float(quoted == len(found)),
            "front": _front(sorted(k for k in sentences if k >= 0), layout.sentences),
            "late_only": float(
                len(layout.parts) > 2 and all(o.part == len(layout.parts) - 1 for o in own)
            ),
        }
    return out


def _front(sentences: Sequence[int], total: int) -> float:
    """Share of the first third of ``total`` body sentences among ``sentences`` minus the
    share of the rest."""
    third = math.ceil(total / 3)
    early = sum(k < third for k in sentences)
    rest = total - third
    return early / third - ((len(sentences) - early) / rest if rest else 0.0)


_Features = Callable[[Sequence[Occurrence], Layout], dict[int, dict[str, float]]]


def install() -> _Features:
    """Make ``salience`` compute the candidates too; returns the original function."""
    original: _Features = salience._company_features

    def with_extras(occs: Sequence[Occurrence], layout: Layout) -> dict[int, dict[str, float]]:
        feats = original(occs, layout)  # sets layout.passing, which ``extras`` reads
        more = extras(with_group_references(occs, layout.parts, layout.lower), layout)
        for e, f in feats.items():
            f.update(more[e])
        return feats

    salience._company_features = with_extras  # type: ignore[assignment]
    return original


def describe(feats: Mapping[str, float]) -> str:
    """The candidates of one company, for a quick look."""
    return " ".join(f"{k}={feats[k]:.2f}" for k in CANDIDATES)
