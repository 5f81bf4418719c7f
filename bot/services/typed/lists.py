"""The names one command holds, as typed: separated by commas, semicolons or lines, a
name in quotes kept whole, a legal form after a comma kept with its name; and what
people type for "every company". Plain text, no database."""

from __future__ import annotations

import html
import re

from summarizer.companies.registry.names import LEGAL
from summarizer.errors import InputError

MAX_NAMES_PER_COMMAND = 10
# What people type to stop following everything (and keep their settings, unlike /stop).
EVERYTHING = frozenset(("all", "everything", "*", "all companies"))

_QUOTES = '"“”'


def split_names(text: str) -> list[str]:
    """Comma-, semicolon- or newline-separated names, trimmed, without repeats.

    HTML entities are decoded first ("AT&amp;T" pasted from a web page is AT&T, not
    "AT&amp" and "T"). A name in quotes is kept whole ("Sturm, Ruger & Co."), and a
    legal form after a comma stays with its name ("F5, Inc.").
    """
    pieces: list[str] = []
    for line in html.unescape(text).split("\n"):
        glue = False  # the piece before, on this line, may take a legal form
        for m in _PIECE.finditer(line):
            plain = m.lastgroup == "plain"
            name = " ".join(m.group(m.lastgroup or "plain").split())
            if plain and sum(map(name.count, _QUOTES)) == 1:
                name = name.strip(_QUOTES).strip()  # '"Unclosed': a quote left open
            if _in_single_quotes(name):
                name = name[1:-1].strip()  # 'Apple', ‘Tesla’, "'Apple'" (not Macy's apostrophe)
            if plain and glue and _legal_tail(name):
                pieces[-1] += f", {name}"
            elif name:
                pieces.append(name)
            glue = plain and bool(name)
    seen: dict[str, str] = {}
    for name in pieces:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


def quoted_names(text: str) -> frozenset[str]:
    """The names ``text`` puts wholly in quotes, folded: typed so to be kept whole
    (``/subscribe "Nokia Siemens"`` is one name, not Nokia and Siemens), also when the
    closing quote is forgotten (``/subscribe "Nokia Siemens``)."""
    found = set()
    for line in html.unescape(text).split("\n"):
        for m in _PIECE.finditer(line):
            name = " ".join(m.group(m.lastgroup or "plain").split())
            if m.lastgroup != "plain":
                found.add(name.casefold())
            elif name[:1] in _QUOTES and sum(map(name.count, _QUOTES)) == 1:
                found.add(name.strip(_QUOTES).strip().casefold())
            elif opened := open_quote(name):
                found.add(opened[1].casefold())
    return frozenset(found)


def open_quote(name: str) -> tuple[str, str] | None:
    """``Apple "Toyota``: the words before a quote opened after them, and the name it
    opens, its closing quote forgotten (the quote says a new name starts); None for a
    name without such a quote (``Toys "R" Us`` closes its own)."""
    found = _OPENED.fullmatch(name)
    return (found["before"], found["after"].strip()) if found else None


def _in_single_quotes(name: str) -> bool:
    """Whether the whole name is in single quotes, straight or curly: 'Apple', ‘Tesla’."""
    return len(name) > 2 and name[0] in "'‘" and name[-1] in "'’"


def names_in(text: str) -> list[str]:
    """The names of one command, or an :class:`InputError` saying what to type."""
    names, rest = first_names(text)
    if rest:
        raise InputError(f"Please name at most {MAX_NAMES_PER_COMMAND} companies at once.")
    return names


def first_names(text: str) -> tuple[list[str], list[str]]:
    """The names of one command as far as one command takes them, and the rest (a pasted
    list of 15 is followed 10 now, not refused whole); an :class:`InputError` for none."""
    names = split_names(text)
    if not names:
        raise InputError("Please name a company, for example: /subscribe Xiaomi")
    return names[:MAX_NAMES_PER_COMMAND], names[MAX_NAMES_PER_COMMAND:]


# A name wholly in quotes (straight or curly), or a run up to the next separator (so
# quotes inside a name stay: Toys "R" Us).
_PIECE = re.compile(r'\s*(?:"(?P<q1>[^"]*)"|“(?P<q2>[^”]*)”)\s*(?=[,;]|$)|(?P<plain>[^,;]+)')


# Words, then a quote opened after a space and never closed: 'Apple "Toyota'.
_OPENED = re.compile(r'(?P<before>[^"“”]*[^"“”\s])\s+["“](?P<after>[^"“”\s][^"“”]*)')


# What joins two company names typed as one: "Volkswagen and BMW", "Apple & Google",
# "Nokia/Siemens", "Toyota + Honda".
JOINERS = (re.compile(r"\s+(?:and|&|\+)\s+", re.IGNORECASE), re.compile(r"\s*/\s*"))


# Legal forms written with dots between letters: "N.A." (a US national bank), "a. s." (Czech).
_LEGAL_JOINED = LEGAL | {"na"}


def _legal_tail(piece: str) -> bool:
    """Whether a comma-separated piece only ends the name before it: "Inc.", "Co., Ltd.",
    "N.A", "a. s" (legal forms), never a name of its own ("AB InBev" is one)."""
    words = re.findall(r"[^\W_]+", piece.casefold())  # "Company1" is a name, not "Company"
    return bool(words) and (all(w in LEGAL for w in words) or "".join(words) in _LEGAL_JOINED)
