"""One loader per source file, in build order: seeds, the manual list, pytickersymbols,
FinanceDatabase, SEC EDGAR (see build_registry.py's docstring and PROVENANCE.md)."""

from __future__ import annotations

import ast
import csv
import glob
import json
import re

from merge import Registry
from names import JUNK, clean_name, good_alias, norm_key
from seed_fixes import SEED_FIXES
from source_tables import (
    COUNTRY_CODE,
    EXCHANGE_COUNTRY,
    FDB_CAPS,
    MIDCAP_SKIP,
    OFFSHORE,
    SEC_LIMIT,
    SRC,
    YAHOO_SUFFIX,
)


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
