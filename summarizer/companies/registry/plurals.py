"""A company word that ends a name, in the other number: papers write "Seibu Railways" for
Seibu Railway, "Asahi Brewery" for Asahi Breweries, "Hyundai Motors" for Hyundai Motor."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Singular -> plural of the company words a name ends on and papers write either way.
_PLURALS = dict(
    pair.split("/")
    for pair in re.findall(
        r"\S+",
        "Railway/Railways Airline/Airlines Brewery/Breweries Motor/Motors Industry/Industries "
        "Holding/Holdings Pharmaceutical/Pharmaceuticals Laboratory/Laboratories "
        "Technology/Technologies Enterprise/Enterprises Store/Stores Resource/Resources "
        "System/Systems Network/Networks Communication/Communications",
    )
)
_OTHER = {**_PLURALS, **{plural: single for single, plural in _PLURALS.items()}}


def number_variants(aliases: Sequence[str]) -> list[str]:
    """``aliases`` whose last word is such a company word, with it in the other number
    ("Seibu Railways" of "Seibu Railway"); a one-word alias has none ("Motors" is no name)."""
    out = []
    for alias in aliases:
        head, _, last = alias.rpartition(" ")
        other = _OTHER.get(last)
        if head.strip() and other:
            out.append(f"{head} {other}")
    return out
