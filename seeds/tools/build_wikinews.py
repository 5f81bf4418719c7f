"""How ``seeds/sample/wikinews.jsonl`` was made (a maintainer's tool, not used at run time).

Run from a checkout next to the shared corpus::

    .venv/bin/python seeds/tools/build_wikinews.py ../shared/corpus > seeds/sample/wikinews.jsonl

It keeps every company-focused article, all economy/business articles from toscaData, and
every third 2019-2020 general-news article (so the sample spans 2004-2020 and still is mostly
about companies). It writes newsbot's article schema (title, body, url, published, source,
license) and marks ``"replay": N`` on the newest few articles whose title names one of
the companies that ``/help`` suggests: the terminal chat holds those back and publishes them
one by one (see ``bot/sample.py``), company after company, so a new follower sees
alerts within the first minute or two.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

# Companies /help suggests following (registry name: words in a title), in the order the
# replay cycles through them. The tool imports nothing of newsbot: seeds/ is data only.
REPLAY_COMPANIES = {
    "Apple": ("Apple",),
    "Alphabet": ("Google",),
    "Toyota Motor": ("Toyota",),
    "Microsoft": ("Microsoft",),
    "Boeing": ("Boeing",),
}
REPLAY_PER_COMPANY = 3
KEEP_EVERY_NTH_GENERAL = 3


def main(corpus: Path) -> None:
    """Print the selected records as JSON Lines on stdout."""
    provenance = {
        row["id"]: row
        for row in csv.DictReader(
            (corpus / "provenance.tsv").open(encoding="utf-8"), delimiter="\t"
        )
    }
    records = [json.loads(line) for line in (corpus / "wikinews.jsonl").open(encoding="utf-8")]
    general = 0
    kept = []
    for record in records:
        row = provenance[record["id"]]
        if row["company_focused"] != "yes" and row["origin_repo"] == "vanatteveldt/wikinews":
            general += 1
            if general % KEEP_EVERY_NTH_GENERAL:
                continue
        kept.append(record)
    replay = _replay_ids(kept)
    for record in kept:
        out = {
            "id": record["id"],
            "title": record["title"],
            "published": record["published"],
            "url": record["url"],
            "source": record["source"],
            "license": record["license"],
            "body": record["article"].strip(),
        }
        if record["id"] in replay:
            out["replay"] = replay[record["id"]]
        print(json.dumps(out, ensure_ascii=False))


def _replay_ids(records: list[dict[str, str]]) -> dict[str, int]:
    """id -> replay position: round-robin over REPLAY_COMPANIES, each company's newest few
    articles with its name in the title (so the company is the story's main subject)."""
    chosen: dict[str, list[str]] = {name: [] for name in REPLAY_COMPANIES}
    for record in reversed(records):  # newest first
        for name, words in REPLAY_COMPANIES.items():
            title = record["title"]
            if len(chosen[name]) < REPLAY_PER_COMPANY and any(w in title for w in words):
                chosen[name].append(record["id"])
                break
    order: dict[str, int] = {}
    for round_ in range(REPLAY_PER_COMPANY):
        for name in REPLAY_COMPANIES:
            picks = list(reversed(chosen[name]))  # each company's oldest held-back first
            if round_ < len(picks):
                order[picks[round_]] = len(order) + 1
    return order


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"))
