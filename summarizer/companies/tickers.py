"""Stock tickers in the forms that cannot be ordinary words (rules: summarizer/companies/README.md).

"(NASDAQ: AAPL)", "NYSE:F", "HKG: 1810", "$AAPL", "(AAPL.O)", "(1810.HK)", "(NVDA)".
Bare tickers ("TSLA") are indexed as aliases instead (see ``CompanyMatcher``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer.companies.scan import AliasIndex, Hit

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

# Every ticker form holds one of these (a symbol after ":", "$" or "("): most paragraphs,
# even those with quotes or brackets, hold none, and the search above is skipped.
_TICKER_HINT = re.compile(r":\s?[A-Z0-9]|\$[A-Z]|\([A-Z0-9]")


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


def ticker_hits(index: AliasIndex, text: str) -> Iterator[Hit]:
    """Tickers written in an unmistakable form."""
    if ":" not in text and "$" not in text and "(" not in text:
        return  # every ticker form has one of these; most paragraphs have none
    if not _TICKER_HINT.search(text):
        return
    for m in _TICKER_RE.finditer(text):
        entry = _ticker_entry(index, m)
        if entry >= 0:
            yield Hit(entry, m.start(), m.end(), weak=False)
