"""Which articles the held-back company split "fresh9" labels (ids only; no program output).

    python benchmarks/select_fresh9.py [--data ../shared] [--as-unlabelled fresh9]

Prints the ids to label by reading:

* bbc_dev: every unlabelled business and tech article, less exact text duplicates of a
  labelled article (same title and text; the first id is kept);
* wikinews: ``random.Random(9).sample`` of 15 among the sorted unlabelled ids whose text has a
  capitalised word followed by Inc/Corp/Ltd/Co/Group/company/firm/bank/airline/maker (a plain
  regex, so that the sample holds business news).

Only ids and ``source_file`` are read from the labels files. Once fresh9 is committed its
articles are labelled; ``--as-unlabelled fresh9`` treats them as unlabelled again, which
reproduces the draw.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABELS = sorted((REPO / "tests/summarizer/companies/data").glob("labels_*.jsonl"))
BUSINESS = re.compile(
    r"\b[A-Z][\w&'.-]*\s+(?:Inc|Corp|Ltd|Co|Group|company|firm|bank|airline|maker)\b"
)
WIKINEWS_COUNT = 15
SEED = 9


def rows(path: Path) -> Iterator[dict[str, str]]:
    """The JSON objects of a JSONL file."""
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def labelled_ids(source: str, as_unlabelled: set[str]) -> set[str]:
    """Ids of ``source`` in any labels file, except those of the splits named."""
    return {
        str(row["id"])
        for path in LABELS
        for row in rows(path)
        if row["source_file"] == source and row.get("split") not in as_unlabelled
    }


def bbc_ids(data: Path, as_unlabelled: set[str]) -> tuple[list[str], list[str]]:
    """Unlabelled business/tech ids to label, and those dropped as duplicates."""
    done = labelled_ids("bbc_dev", as_unlabelled)
    articles = list(rows(data / "eval" / "bbc_dev.jsonl"))
    seen = {(a["title"].strip(), a["article"].strip()) for a in articles if a["id"] in done}
    keep: list[str] = []
    dropped: list[str] = []
    for a in articles:
        if a["category"] not in ("business", "tech") or a["id"] in done:
            continue
        key = (a["title"].strip(), a["article"].strip())
        (dropped if key in seen else keep).append(a["id"])
        seen.add(key)
    return keep, dropped


def wikinews_ids(data: Path, as_unlabelled: set[str]) -> list[str]:
    """The seeded sample of unlabelled Wikinews ids whose text names a business."""
    done = labelled_ids("wikinews", as_unlabelled)
    pool = sorted(
        a["id"]
        for a in rows(data / "corpus" / "wikinews.jsonl")
        if a["id"] not in done and BUSINESS.search(a["article"])
    )
    print(f"wikinews pool: {len(pool)} unlabelled articles match the regex")
    return random.Random(SEED).sample(pool, WIKINEWS_COUNT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--as-unlabelled", action="append", default=[])
    args = parser.parse_args()
    hold = set(args.as_unlabelled)
    keep, dropped = bbc_ids(args.data, hold)
    print(f"bbc_dev ({len(keep)}; duplicates dropped: {' '.join(dropped)}):")
    print(" ".join(keep))
    print("wikinews:")
    print(" ".join(wikinews_ids(args.data, hold)))


if __name__ == "__main__":
    main()
