"""Spellings of accented company names as English-language news writes them.

Wire copy drops accents ("Societe Generale", "Citroen", "Estee Lauder") and writes
German umlauts as two letters ("Suedzucker", "Duerr"). ``fix_registry.py`` adds these
spellings as aliases of the same company, so matching and ``/subscribe`` find them,
unless another company already has that name.
"""

from __future__ import annotations

import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# Also a person (the physicist; "Schrödinger's cat"): the accent-free spelling adds
# nothing a reader means by the company.
SKIP = frozenset({"Schrodinger", "Schroedinger"})


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def plain_spellings(name: str) -> list[str]:
    """ASCII spellings of an accented Latin-script ``name`` ([] when it has no accents):
    the marks dropped, and for umlauts also written out as ae / oe / ue."""
    if name.isascii():
        return []
    forms = [_without_marks(name)]
    if any(c in name for c in "äöüÄÖÜ"):
        forms.append(_without_marks(name.translate(_UMLAUTS)))
    out = []
    for form in forms:
        if form.isascii() and form != name and form not in SKIP and form not in out:
            out.append(form)
    return out
