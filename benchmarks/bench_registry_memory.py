"""Memory the shipped company registry takes once loaded (what an idle bot holds).

    python benchmarks/bench_registry_memory.py

Prints the process's resident memory (RSS, from /proc/self/status) after the imports
a bot makes, after reading the registry and after building its ``CompanyMatcher``
(and matching one article, so lazily built parts exist), with the sizes of the parts
of the alias index.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path


def rss_mb() -> float:
    """Resident set size of this process in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    from seeds import companies_file
    from summarizer.article import Article
    from summarizer.companies.matcher import CompanyMatcher, load_registry

    rows = [("imports", rss_mb())]
    entries = load_registry(companies_file().read_text(encoding="utf-8"))
    rows.append(("registry read", rss_mb()))
    matcher = CompanyMatcher(entries)
    matcher.find(Article("Apple and Tesla", ("Shares in Apple Inc. rose, Mr Musk said.",)))
    gc.collect()
    rows.append(("matcher built", rss_mb()))
    print(f"{len(entries):,} companies; python {sys.version.split()[0]}")
    for label, mb in rows:
        print(f"{label:<14} {mb:7.1f} MB RSS")
    print(f"{'registry+index':<14} {rows[-1][1] - rows[0][1]:7.1f} MB")
    index = matcher._index
    print(
        f"index: {len(index.grams):,} grams, {len(index.inner):,} inner prefixes, "
        f"{len(index.first):,} first words, {len(matcher._lookup):,} lookup keys"
    )


if __name__ == "__main__":
    main()
