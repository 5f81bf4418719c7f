"""Registry entries: the companies ``seeds/companies.json`` lists, and how they are read.

Entry format and matching rules: see ``summarizer/companies/README.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.errors import InputError

# Tickers that are English words (or too common as abbreviations) never match bare.
_WORD_TICKERS = frozenset(
    re.findall(
        r"\S+",
        "ALL AND ANY ARE BIG BOX CAT CAR COST DAY DIS DOW EAT FAST FUN GAP GOLD GOOD HAS HOG "
        "HUM KEY LOW MAIN NOW NEW ONE OUT PEN PLAY RUN SAVE SEE SHE SNOW TAP TEAM TECH TRUE "
        "WELL WIN YOU SNAP COIN HOOD SHOP RACE RIO SAN BUD VALE TRI GRAB WIT HAL COP GIS YUM "
        "HON LUV MAR PEP AIR XYZ SPOT PINS CEO CFO CRM GDP USA EUR USD GBP CNY JPY IPO ETF AGM "
        "EPS ESG "
        "NATO",
    )
)


@dataclass(frozen=True, slots=True)
class CompanyEntry:
    """A company as the registry (or a user) names it."""

    name: str
    aliases: tuple[str, ...] = ()
    ticker: str | None = None
    country: str | None = None
    ambiguous: tuple[str, ...] = ()  # aliases that are also common words (case mode "word")
    exclude: tuple[str, ...] = ()  # phrases that contain an alias but are not the company
    former: tuple[str, ...] = ()  # former names ("MCI" of WorldCom); matched like aliases
    parent: str | None = None  # owner of a subsidiary with its own name (informational)
    # Names this entry was shown under before (a stored row keeps its id when renamed).
    renamed_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CompanyMention:
    """One company found in an article: how salient, whether it is the story's subject."""

    name: str
    salience: float
    subject: bool
    mentions: int


def _strings(value: object, field: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"The company registry entry {name!r} has a bad {field!r} list.")
    return tuple(v.strip() for v in value if v.strip())


def load_registry(json_text: str) -> list[CompanyEntry]:
    """Parse the registry JSON (a list of {name, aliases, ticker, country, ...})."""
    try:
        data = json.loads(json_text)
    except json.JSONDecodeError as err:
        raise InputError(f"The company registry is not valid JSON (line {err.lineno}).") from err
    if not isinstance(data, list):
        raise InputError("The company registry must be a JSON list of companies.")
    entries = []
    for item in data:
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise InputError("Every company in the registry needs a non-empty name.")
        aliases = _strings(item.get("aliases"), "aliases", name)
        former = _strings(item.get("former"), "former", name)
        entries.append(
            CompanyEntry(
                name=name.strip(),
                # Former names are found like aliases: "MCI" stories are WorldCom stories.
                aliases=(*aliases, *(f for f in former if f not in aliases)),
                ticker=(item.get("ticker") or None),
                country=(item.get("country") or None),
                ambiguous=_strings(item.get("ambiguous"), "ambiguous", name),
                exclude=_strings(item.get("exclude"), "exclude", name),
                former=former,
                parent=(item.get("parent") or None),
                renamed_from=_strings(item.get("renamed_from"), "renamed_from", name),
            )
        )
    return entries


def _bare_ticker_ok(ticker: str) -> bool:
    """US-style symbols only: "SIE.DE" or "2333.HK" never match bare ("SIE", "2333")."""
    # Three capitals are too often an abbreviation ("BAC", "NEC"): those need a ticker form.
    return (
        len(ticker) >= 4 and ticker.isalpha() and ticker.isupper() and (ticker not in _WORD_TICKERS)
    )


class EntryNames:
    """Entry number -> company name: registry entries, then discovered names."""

    def __init__(self, entries: Sequence[CompanyEntry], more: Sequence[str]) -> None:
        self._entries, self._more = entries, more

    def __len__(self) -> int:
        return len(self._entries) + len(self._more)

    def __getitem__(self, i: int) -> str:
        n = len(self._entries)
        return self._entries[i].name if i < n else self._more[i - n]
