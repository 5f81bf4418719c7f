"""Other spellings papers use for a company's names: "&" for "and" ("Scottish and
Newcastle"), a trailing legal form abbreviated or in full ("The Weinstein Co." of The
Weinstein Company). The matcher indexes them beside a company's aliases, and a summary
focused on a company looks for them too (:func:`focus_names`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A word in the possessive form ("Sainsbury's", "Macy’s"), not after an "s" ("St James's").
_POSSESSIVE = re.compile(r"(?<=[^\W_s])['’]s\b")


def and_variant(alias: str) -> str:
    """The alias with "&" and "and" swapped ("Scottish and Newcastle" for "Scottish &
    Newcastle"), or "" when it has neither: papers write such names both ways."""
    words = alias.split(" ")
    if "&" not in words and "and" not in words:
        return ""
    return " ".join({"&": "and", "and": "&"}.get(w, w) for w in words)


# Legal forms papers write in full or abbreviated ("The Weinstein Co." for The Weinstein
# Company, "Ford Motor Company" for Ford Motor Co).
_LEGAL_SHORT = {
    "company": "Co",
    "companies": "Cos",
    "corporation": "Corp",
    "incorporated": "Inc",
    "limited": "Ltd",
}
_LEGAL_FULL = {short.casefold(): full.title() for full, short in _LEGAL_SHORT.items()}


def legal_variant(alias: str) -> str:
    """The alias with its trailing legal form written the other way ("Weinstein Co" for
    "Weinstein Company", "Ford Motor Company" for "Ford Motor Co."), or "" when it ends on
    none (or is only one)."""
    head, _, last = alias.rpartition(" ")
    word = last.casefold().rstrip(".")
    if not head.strip() or not last[:1].isupper():
        return ""
    other = _LEGAL_SHORT.get(word) or _LEGAL_FULL.get(word, "")
    return f"{head} {other}" if other else ""


def spelling_variants(aliases: Sequence[str]) -> list[str]:
    """Other spellings of ``aliases`` papers use: "&" for "and" ("Scottish and Newcastle"),
    the legal form abbreviated or in full ("The Weinstein Co." of The Weinstein Company)
    where the name without it is no alias already (that one finds "Ford Motor Co." too)."""
    out = [variant for variant in map(and_variant, aliases) if variant]
    legal = [(alias, variant) for alias in aliases if (variant := legal_variant(alias))]
    if legal:  # most entries have none: no set to build
        bare = {alias.casefold().removeprefix("the ") for alias in aliases}
        out += [
            variant
            for alias, variant in legal
            if alias.rpartition(" ")[0].casefold().removeprefix("the ") not in bare
        ]
    return out


def possessive_variants(aliases: Sequence[str]) -> list[str]:
    """``aliases`` named in the possessive, without the apostrophe ("Sainsburys",
    "Moodys Investors Service"): papers, and users typing, drop it."""
    return [_POSSESSIVE.sub("s", alias) for alias in aliases if _POSSESSIVE.search(alias)]


def focus_names(names: Sequence[str | None]) -> tuple[str, ...]:
    """A followed company's names to look for in a story: ``names`` (empty ones left
    out) and their spellings papers also use (:func:`spelling_variants`), as the
    matcher finds them ("The Weinstein Co.", "Sainsburys")."""
    given = tuple(name.strip() for name in names if name and name.strip())
    return (*given, *spelling_variants(given), *possessive_variants(given))
