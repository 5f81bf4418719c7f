"""The short forms and abbreviations a spelled name brings along in lower-case text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from summarizer.companies.names import is_common, short_forms
from summarizer.companies.recase.spellings import JOINS, Name
from summarizer.text.long_runs import has_capitals


def short_form_speller(names: Iterable[Name]) -> Callable[[str], str]:
    """What spells, in a text, the short forms of ``names`` spelled there in full ("blb"
    beside "BLB Investors", "rago" beside "Rago Arts and Auction Center"): the matcher
    counts a short form only beside its full name, as in cased text."""
    forms = {
        form.lower(): form
        for name in names
        for form, _ in short_forms(" ".join(name))
        if has_capitals(form)
        and " ".join(name).lower().startswith(form.lower())
        and not is_common(form.lower())  # "deep" of Deep Ocean Search is the word
    }
    if not forms:
        return lambda text: text
    pattern = re.compile(
        rf"(?<![\w'’])(?:{'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})"
        r"(?![^\W_])"
    )
    return lambda text: pattern.sub(lambda m: forms[m.group()], text)


# An abbreviation in brackets right after a name: "london stock exchange (lse)".
_BRACKETED = re.compile(r"\s*\(([a-z][a-z&]{1,5})\)")


def with_abbreviations(
    texts: list[str], tokens: list[list[tuple[int, str]]], chosen: list[list[tuple[int, Name]]]
) -> list[str]:
    """``texts`` with each abbreviation that a spelled name defines in brackets written
    in capitals wherever it stands ("London Stock Exchange (LSE) ... LSE said"), as the
    matcher reads a defined abbreviation in cased text; only one made of the name's
    initials ("(lse)", "(s&n)", "(tepco)" of Tokyo Electric Power; not "(uk)")."""
    short = {
        abbr
        for text, toks, names in zip(texts, tokens, chosen, strict=True)
        for k, name in names
        if (abbr := abbreviation_after(text, toks, k, name))
    }
    if not short:
        return texts
    # (Any case: a sentence may open on one, "Lse's board met" once opened.)
    pattern = re.compile(
        rf"(?<![\w&'’])(?:{'|'.join(map(re.escape, short))})(?![^\W_]|&)", re.IGNORECASE
    )
    return [pattern.sub(lambda m: m.group().upper(), text) for text in texts]


def abbreviation_after(text: str, toks: list[tuple[int, str]], k: int, name: Name) -> str:
    """The abbreviation of ``name`` (at token ``k``) in brackets right after it, or ""."""
    start, low = toks[k + len(name) - 1]
    m = _BRACKETED.match(text, start + len(low))
    return m.group(1) if m and _abbreviates(m.group(1), name) else ""


def _abbreviates(short: str, name: Name) -> bool:
    """Whether ``short`` is made of the initials of ``name``'s words (hyphenated parts
    count: "hp" of Hewlett-Packard), or starts with three or more of them ("tepco")."""
    words = [p for w in name if w.lower() not in JOINS for p in w.split("-") if p]
    initials = "".join(w[0].lower() for w in words)
    letters = short.replace("&", "")
    return len(initials) >= 2 and (
        letters == initials or (len(initials) >= 3 and letters.startswith(initials))
    )
