"""List capitalised names that unlabelled dev articles use often and the matcher misses.

    python benchmarks/registry/mine_names.py --data ../shared [--min-docs 2] > candidates.tsv

Reads every article of ``eval/bbc_dev.jsonl``, ``eval/cnndm_dev.jsonl`` and
``corpus/wikinews.jsonl`` that has *no* company label in
``tests/summarizer/companies/data/`` (so the labelled set stays a fair check of what
this finds), drops what the shipped matcher already finds (registry names and
discovered ones), and prints the capitalised spans left, with how many articles use
them (and in how many a business word such as "firm", "shares" or "bought" is
near) and two contexts each, for the spans that half of their articles name beside
such a word. The list is only a reading list: a person decided, by reading the
contexts and from general knowledge, which spans are companies (the entries that
``era_names.py`` credits to this script); nothing here is added automatically.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from names import Words  # noqa: E402  (the build's word lists, beside this script)

from bot.cli.companies import build_matcher  # noqa: E402
from bot.cli.scoring import read_labels  # noqa: E402
from summarizer.text.clean import article_from_parts  # noqa: E402

LABELS = REPO / "tests/summarizer/companies/data"
SOURCES = ("eval/bbc_dev.jsonl", "eval/cnndm_dev.jsonl", "corpus/wikinews.jsonl")
# A capitalised word (or an all-capitals acronym), then more of them, joined by "&",
# "-", "of", "de", "and" inside the name.
WORD = r"(?:[A-Z][A-Za-z0-9'’.\-]*[A-Za-z0-9]|[A-Z])"
SPAN = re.compile(rf"{WORD}(?:(?:\s+(?:&|and|of|de|du|la)\s+|\s+){WORD})*")
# Words near a name that make it worth reading: business news names companies with them.
CUES = re.compile(
    r"\b(?:firm|company|companies|group|shares?|chief executive|boss|chairman|bank|"
    r"brokers?|retailer|maker|makers|manufacturer|airline|carrier|operator|network|"
    r"studio|label|publisher|chain|brand|rival|bought|buy|takeover|bid|merger|deal|"
    r"profits?|sales|stake|subsidiary|unit|ltd|inc|plc|corp|llc|gmbh)\b",
    re.I,
)
POSSESSIVE = re.compile(r"['’]s?$")
SENTENCE_START = re.compile(r"(?:^|[.!?]['\"’”]?\s+|\n\s*|[\"“‘]\s*)$")


def _labelled() -> set[str]:
    """Ids of every article with company labels."""
    return {label.id for label in read_labels(sorted(LABELS.glob("labels_*.jsonl")))}


def _rows(data: Path, skip: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(source file, row) for every article of SOURCES without a label."""
    for rel in SOURCES:
        with (data / rel).open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if row["id"] not in skip:
                    yield rel, row


def _missed(
    parts: Sequence[str], taken: Sequence[tuple[int, int, int]], common: set[str]
) -> Iterator[tuple[str, str]]:
    """(span, text around it) for each distinct capitalised span of one article that is
    not sentence-initial, not a common word or place, and overlaps no matched company."""
    seen: set[str] = set()
    for p, text in enumerate(parts):
        for m in SPAN.finditer(text):
            span = POSSESSIVE.sub("", m.group(0)).strip(".'’-")
            key = span.lower()
            if key in seen or key in common or len(span) < 3:
                continue
            if SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]):
                continue  # capitalised anyway
            if any(q == p and a < m.end() and m.start() < b for q, a, b in taken):
                continue  # the matcher finds it (or a company inside it)
            seen.add(key)
            yield span, text[max(0, m.start() - 80) : m.end() + 80]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--min-docs", type=int, default=2)
    args = parser.parse_args()
    matcher = build_matcher()
    words = Words()
    common = words.common | words.places | words.first
    docs: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    contexts: dict[str, list[str]] = defaultdict(list)
    for rel, row in _rows(args.data, _labelled()):
        article = article_from_parts(row.get("title", ""), row.get("article", ""))
        parts = [article.title, *article.paragraphs]
        occs, _ = matcher.scored_occurrences(parts)
        taken = [(o.part, o.start, o.end) for o in occs]
        for span, window in _missed(parts, taken, common):
            docs[span] += 1
            cued[span] += bool(CUES.search(window))
            if len(contexts[span]) < 2:
                contexts[span].append(f"[{rel.split('/')[1][:5]}] {' '.join(window.split())}")
    for span, n in docs.most_common():
        if n >= args.min_docs and cued[span] * 2 >= n:
            print(f"{n}\t{cued[span]}\t{span}\t" + " || ".join(contexts[span]))


if __name__ == "__main__":
    main()
