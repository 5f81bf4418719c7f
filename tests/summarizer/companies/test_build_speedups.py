"""Cheaper forms of the matcher's building blocks give what the plain forms gave.

Each shortcut is compared with the straightforward version it replaced: the ASCII
capitalised-word regex with the Unicode one, ``_key`` folded once with the words folded
one by one, the ASCII case-mode test with the per-letter one, ``split_words`` by
``findall`` with the words cut out of ``finditer``'s matches, and a story's
discovered-name matcher built directly with the one ``with_entries`` made.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seeds import companies_file
from summarizer.companies.finding.discover import discover
from summarizer.companies.finding.spans import unclaimed
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher, _key, load_registry
from summarizer.companies.registry.index import EXACT, FOLD, alias_mode
from summarizer.companies.registry.words import (
    _ASCII_START_WORD_RE,
    _START_WORD_RE,
    _TOKEN_RE,
    fold,
    split_words,
)

BBC = Path("/work/shared/eval/bbc_dev.jsonl")
_PIECES = (
    "The", "the", "Boeing", "Mr", "US", "eBay", "3M", "&", "& ", "A&P", "AT&T", "x&Y", "_", "-",
    ".", ",", "'", "'s", "(", ")", " ", "\n", "\t", "\x1c", "Sam's", "O'Neil", "2004", "a1B",
    "Ltd.", "J.P.", "_Foo", "Foo_", "9", "Z",
)  # fmt: skip
ascii_texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
names = st.lists(
    st.sampled_from(
        ("Apple", "inc", "&", "’s", "'s", "İstanbul", "ſtar", "STRASSE", "ß", "$", "Σ")
    ),
    max_size=6,
).map(" ".join)


def _plain_key(text: str) -> str:
    return " ".join(fold(w) for w in split_words(text)).lstrip("$")


def _plain_mode(alias: str) -> str:
    letters = [c for c in alias if c.isalpha()]
    return EXACT if letters and not any(c.islower() for c in letters) else FOLD


@settings(max_examples=500, deadline=None)
@given(ascii_texts)
def test_ascii_start_word_regex_finds_what_the_unicode_one_finds(text: str) -> None:
    expected = [(m.start(), m.group()) for m in _START_WORD_RE.finditer(text)]
    assert [(m.start(), m.group()) for m in _ASCII_START_WORD_RE.finditer(text)] == expected


def test_ascii_start_word_regex_on_the_bbc_stories() -> None:
    """Every ASCII line of the first 300 BBC stories: the same words at the same places."""
    lines = [line for row in _bbc(300) for line in row.split("\n") if line.isascii()]
    assert len(lines) > 1000
    for line in lines:
        expected = [(m.start(), m.group()) for m in _START_WORD_RE.finditer(line)]
        assert [(m.start(), m.group()) for m in _ASCII_START_WORD_RE.finditer(line)] == expected


@settings(max_examples=500, deadline=None)
@given(names)
def test_key_folded_once_is_the_words_folded_one_by_one(name: str) -> None:
    assert _key(name) == _plain_key(name)
    assert split_words(name) == [m.group() for m in _TOKEN_RE.finditer(name)]


def test_key_and_case_mode_of_every_registry_alias() -> None:
    """Every name, alias and ticker of the shipped registry keeps its key and case mode."""
    entries = load_registry(companies_file().read_text(encoding="utf-8"))
    aliases = [a for e in entries for a in (e.name, *e.aliases, e.ticker or "")]
    assert len(aliases) > 3000
    for alias in aliases:
        assert _key(alias) == _plain_key(alias), alias
        assert alias_mode(alias, ambiguous=False) == _plain_mode(alias), alias
    assert alias_mode("3M", ambiguous=False) == EXACT and alias_mode("42", ambiguous=False) == FOLD


def test_discovered_names_are_found_as_with_entries_found_them() -> None:
    """Stories whose discovery finds names: the occurrences and names of companies the
    registry lacks are those a ``with_entries`` matcher found (the code before)."""
    matcher = CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))
    compared = 0
    for body in _bbc(300):
        parts = [p for p in body.split("\n") if p.strip()]
        occs = matcher.occurrences(parts)
        found = discover(parts, known=matcher._names)
        if not found:
            continue
        old = CompanyMatcher((), discover=False).with_entries(CompanyEntry(n) for n in found)
        offset = len(matcher.entries)
        local = unclaimed(old.occurrences(old._could_hold(parts)), occs)
        expected = [replace(o, entry=o.entry + offset) for o in local]
        assert matcher._discovered(parts, occs) == (expected, [e.name for e in old.entries])
        compared += 1
    assert compared > 30


def _bbc(limit: int) -> list[str]:
    if not BBC.exists():
        pytest.skip("no /work/shared/eval/bbc_dev.jsonl")
    rows = []
    with BBC.open(encoding="utf-8") as lines:
        for line in lines:
            rows.append(json.loads(line)["article"])
            if len(rows) >= limit:
                break
    return rows
