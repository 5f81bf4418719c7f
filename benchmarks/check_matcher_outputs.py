"""Company matching gives the same results as another checkout (e.g. before a speed-up).

    python benchmarks/check_matcher_outputs.py --before /work/main [--limit N]

Runs this script once in each checkout, each with its own ``.venv`` (the other
checkout is imported in a subprocess), over every article of
/work/shared/eval/bbc_dev.jsonl, cnndm_dev.jsonl and /work/shared/corpus/wikinews.jsonl
(or ``$NEWSBOT_SHARED``), dumps everything matching produces to JSON and prints
how many results differ (0 = byte-identical), with the first few differences.

Per article it records:

* ``CompanyMatcher.find`` with the shipped registry (what alerts and ``/news`` use):
  name, salience, subject flag, mentions; with paragraphs split on blank lines
  (as ``newsbot companies --score`` and stored articles) and on every line (as
  ``bench_mentions``);
* every occurrence salience is computed from (part, start, end) and the
  company names they stand for (registry and discovered companies);
* ``find`` with discovery off;
* ``find`` of the matcher ``newsbot companies --score`` builds per labelled article
  (the labelled names followed via ``with_entries``) or, for unlabelled articles, with
  a few custom names followed (short forms and acronyms included).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("NEWSBOT_SHARED", "/work/shared"))
SOURCES = {
    "bbc_dev": SHARED / "eval" / "bbc_dev.jsonl",
    "cnndm_dev": SHARED / "eval" / "cnndm_dev.jsonl",
    "wikinews": SHARED / "corpus" / "wikinews.jsonl",
}
SCRIPT = Path(__file__).resolve()  # absolute: the other side runs in its own checkout
LABELS = SCRIPT.parent.parent / "tests/summarizer/companies/data"
# Custom names as users follow them: registry gaps, short forms, acronyms, ordinary words.
CUSTOM = (
    "Cadbury Schweppes",
    "International Steel Group",
    "Grandmax Group",
    "Time Warner",
    "Sears Holdings",
    "Eos Airlines",
    "Brown & Williamson",
    "Siebel Systems Inc.",
)


def _rows(limit: int) -> Iterator[tuple[str, dict[str, Any]]]:
    for source, path in SOURCES.items():
        with path.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                if n >= limit:
                    break
                yield source, json.loads(line)


def _labelled_names() -> dict[tuple[str, str], list[str]]:
    names: dict[tuple[str, str], list[str]] = {}
    for path in sorted(LABELS.glob("labels_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                key = (row["source_file"], str(row["id"]))
                names[key] = [*row.get("subjects", ()), *row.get("mentions", ())]
    return names


def dump(limit: int) -> dict[str, Any]:
    """Everything matching gives, per article, as plain JSON data."""
    from seeds import companies_file
    from summarizer.article import Article
    from summarizer.companies.matcher import CompanyEntry, CompanyMatcher, load_registry

    entries = load_registry(companies_file().read_text(encoding="utf-8"))
    base = CompanyMatcher(entries)
    plain = CompanyMatcher(entries, discover=False)
    custom = base.with_entries(CompanyEntry(n) for n in CUSTOM)
    labelled = _labelled_names()

    def found(matcher: CompanyMatcher, article: Article) -> list[list[Any]]:
        return [[m.name, m.salience, m.subject, m.mentions] for m in matcher.find(article)]

    out: dict[str, Any] = {}
    for source, row in _rows(limit):
        title, text = str(row.get("title") or ""), str(row["article"])
        blank = Article(title, tuple(p.strip() for p in text.split("\n\n") if p.strip()))
        lines = Article(title, tuple(p for p in text.split("\n") if p.strip()))
        occs, names = base.scored_occurrences([blank.title, *blank.paragraphs])
        names_ = labelled.get((source, str(row.get("id"))))
        followed = base.with_entries(CompanyEntry(n) for n in names_) if names_ else custom
        out[f"{source}/{row.get('id')}"] = {
            "find": found(base, blank),
            "find_lines": found(base, lines),
            # Names, not entry numbers: a registry entry added shifts every discovered number.
            "occurrences": [[o.part, o.start, o.end, names[o.entry]] for o in occs],
            "no_discovery": found(plain, blank),
            "followed": found(followed, blank),
        }
    return out


def _diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    diffs = [f"{key}: only before" for key in before.keys() - after.keys()]
    diffs += [f"{key}: only after" for key in after.keys() - before.keys()]
    for key in sorted(before.keys() & after.keys()):
        for part, value in before[key].items():
            if after[key].get(part) != value:
                diffs.append(f"{key} {part}: {value} != {after[key].get(part)}")
    return diffs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the other checkout (with its .venv)")
    parser.add_argument("--limit", type=int, default=10**9, help="articles per source file")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # one side's JSON
    args = parser.parse_args()
    if args.dump:
        args.dump.write_text(json.dumps(dump(args.limit), ensure_ascii=False, sort_keys=True))
        return 0
    if args.before is None:
        parser.error("give --before CHECKOUT")
    here = SCRIPT.parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        sides = {}
        for label, root in (("before", args.before.resolve()), ("after", here)):
            path = Path(tmp) / f"{label}.json"
            script = [str(SCRIPT), "--dump", str(path), "--limit", str(args.limit)]
            # Run from the checkout itself so ``summarizer`` and ``seeds`` are imported from it.
            subprocess.run(
                [str(root / ".venv/bin/python"), *script],
                cwd=root,
                check=True,
                env={**os.environ, "PYTHONPATH": str(root), "PYTHONSAFEPATH": "1"},
            )
            sides[label] = path.read_bytes()
    before, after = (json.loads(sides[k]) for k in ("before", "after"))
    diffs = _diff(before, after)
    same = sides["before"] == sides["after"]
    print(f"{len(before)} articles; byte-identical dumps: {same}; differences: {len(diffs)}")
    for line in diffs[:20]:
        print(" ", line[:300])
    return 0 if same and not diffs else 1


if __name__ == "__main__":
    sys.exit(main())
