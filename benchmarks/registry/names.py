"""Name cleaning of the registry build: lookup keys, the word lists, legal forms and share
classes stripped from listed names, and which aliases are worth keeping."""

from __future__ import annotations

import re
import unicodedata

from source_tables import SRC
from word_tables import EXTRA_AMBIGUOUS, GENERIC, SMALL

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


def good_alias(alias: str) -> bool:
    a = alias.strip()
    if len(a) < 2 or a.isdigit():
        return False
    return not (norm_key(a) in GENERIC or norm_key(a) in {"holdings", "group", "the group"})
