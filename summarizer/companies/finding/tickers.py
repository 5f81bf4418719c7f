"""Stock tickers in the forms that cannot be ordinary words (rules: summarizer/companies/README.md).

"(NASDAQ: AAPL)", "NYSE:F", "HKG: 1810", "$AAPL", "(AAPL.O)", "(1810.HK)", "(NVDA)".
Bare tickers ("TSLA") are indexed as aliases instead (see ``CompanyMatcher``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer.companies.finding.scan import AliasIndex, Hit

_EXCHANGES = (
    "NYSE|NASDAQ|Nasdaq|NYSEAMERICAN|AMEX|LSE|LON|HKEX|HKG|HK|SEHK|SSE|SHA|SHE|SZSE|TSE|TYO|"
    "KRX|KOSPI|KOSDAQ|NSE|BSE|Euronext|EPA|AMS|EBR|ETR|FRA|XETRA|SWX|SIX|BIT|BME|STO|CPH|HEL|"
    "OSL|ASX|TSX|TWSE|TPE|OTC|OTCQX|SGX|JSE|BMV"
)
_SYMBOL = r"[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?"
# "(NASDAQ: AAPL)", "NYSE:F", "$AAPL", "(AAPL.O)", "(AAPL)", "(1810.HK)".
_TICKER_RE = re.compile(
    rf"\b(?:{_EXCHANGES})\s?:\s?(?P<a>{_SYMBOL})\b"
    r"|(?<![\w$])\$(?P<b>[A-Z]{1,6})\b"
    r"|\((?P<c>[A-Z]{2,6}(?:\.[A-Z]{1,3})?|\d{3,6}\.[A-Z]{1,3})\)"
)

# Where a ticker form can start: "$", "(", or an exchange's name that ends right before a ":"
# (or a space and a ":"). The regex above opens on "\b", so a search tries every position
# of a paragraph; trying these few is as exact and ~3x cheaper in all.
_NAMES = frozenset(_EXCHANGES.split("|"))
_NAME_SIZES = sorted({len(name) for name in _NAMES})


def _starts(text: str) -> list[int]:
    """Every position where ``_TICKER_RE`` may match, in order (and some where it cannot)."""
    found: set[int] = set()
    for mark in "$(":
        at = text.find(mark)
        while at >= 0:
            found.add(at)
            at = text.find(mark, at + 1)
    at = text.find(":")
    while at >= 0:
        end = at - 1 if text[at - 1 : at].isspace() else at  # the name's end
        found.update(end - n for n in _NAME_SIZES if n <= end and text[end - n : end] in _NAMES)
        at = text.find(":", at + 1)
    return sorted(found)


def _ticker_entry(index: AliasIndex, m: re.Match[str]) -> int:
    if m.group("a"):  # after an exchange: any known symbol, with or without its suffix
        symbol = m.group("a")
        found = index.tickers.get(symbol, index.bases.get(symbol.split(".")[0]))
    elif m.group("b"):  # cashtag
        found = index.tickers.get(m.group("b"))
    else:  # in brackets: "(AAPL.O)", "(1810.HK)", "(AAPL)"; never "(GM)" or "(BNP)"
        symbol = m.group("c")
        base = symbol.split(".")[0]
        if "." in symbol:
            found = index.tickers.get(symbol, index.tickers.get(base))
        else:
            found = index.tickers.get(symbol) if symbol in index.bare else None
    return -1 if found is None else found


def ticker_hits(index: AliasIndex, text: str) -> list[Hit]:
    """Tickers written in an unmistakable form (as ``_TICKER_RE.finditer`` finds them)."""
    # Every form holds a "$", "(" or ":": three C-speed tests settle the many paragraphs
    # with none, and one story's discovered names have no symbol to stand for.
    if not index.tickers or not ("(" in text or ":" in text or "$" in text):
        return []
    return list(_ticker_hits(index, text))


def _ticker_hits(index: AliasIndex, text: str) -> Iterator[Hit]:
    end = 0
    for at in _starts(text):
        m = _TICKER_RE.match(text, at) if at >= end else None
        if m is None:
            continue
        end = m.end()
        entry = _ticker_entry(index, m)
        if entry >= 0:
            yield Hit(entry, m.start(), m.end(), weak=False)
