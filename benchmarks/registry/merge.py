"""The registry being built: its entries and the index that merges a known company's
later listings into one entry."""

from __future__ import annotations

from names import Words, bare_key, good_alias, norm_key, tick_key


class Registry:
    """Entries plus an index of every name/alias key -> entry position."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.entries: list[dict] = []
        self.index: dict[str, int] = {}
        self.tickers: set[str] = set()
        self.by_ticker: dict[str, int] = {}
        self.bare: dict[str, int] = {}  # keys without legal suffixes: "oil and natural gas"

    def find(self, *names: str) -> int | None:
        for n in names:
            for k in (norm_key(n), bare_key(n)):
                i = self.index.get(k) if k else None
                if i is None:
                    i = self.bare.get(k) if k else None
                if i is not None:
                    return i
        return None

    def remember(self, text: str, i: int) -> None:
        self.index.setdefault(norm_key(text), i)
        self.bare.setdefault(bare_key(text), i)

    def add(self, entry: dict, *, merge_names: list[str]) -> int:
        """Add ``entry`` or, when a name or ticker is known already, fill the known entry's gaps."""
        i = self.find(*merge_names)
        if (
            i is not None
            and self.entries[i]["source"] == "manual"
            and (norm_key(self.entries[i]["name"]) != norm_key(merge_names[0]))
        ):
            i = None  # a listed "Rover Group" is not the historical MG Rover: no merge by alias
        by_tick = False
        if i is None and entry.get("ticker"):
            i = self.by_ticker.get(tick_key(entry["ticker"]))
            by_tick = i is not None
        if i is not None:
            old = self.entries[i]
            if by_tick:  # same listing under another name form: keep that form as an alias
                for a in [entry["name"], *entry["aliases"]]:
                    if norm_key(a) not in self.index and good_alias(a):
                        old["aliases"].append(a)
                        self.index[norm_key(a)] = i
            old = self.entries[i]
            if (
                not old.get("ticker")
                and entry.get("ticker")
                and entry["ticker"] not in self.tickers
            ):
                old["ticker"] = entry["ticker"]
                self.tickers.add(entry["ticker"])
                self.by_ticker[tick_key(entry["ticker"])] = i
            for f in ("country", "parent"):
                if not old.get(f) and entry.get(f):
                    old[f] = entry[f]
            for a in entry.get("former", []):
                if norm_key(a) not in self.index:
                    old.setdefault("former", []).append(a)
                    old["aliases"].append(a)
                    self.index[norm_key(a)] = i
            return i
        if entry.get("ticker") in self.tickers:
            entry["ticker"] = None
        self.entries.append(entry)
        i = len(self.entries) - 1
        for n in [entry["name"], *entry["aliases"]]:
            self.remember(n, i)
        if entry.get("ticker"):
            self.tickers.add(entry["ticker"])
            self.by_ticker.setdefault(tick_key(entry["ticker"]), i)
        return i
