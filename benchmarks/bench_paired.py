"""This checkout's default summarizer against another checkout's, in one process.

    python benchmarks/bench_paired.py --before /tmp/base [DATA.jsonl] [--limit 300]
        [--repeat 5] [--cold]

The other checkout's ``summarizer`` package is copied under the name
``summarizer_before`` (imports rewritten), so both run side by side: article by
article, alternating which goes first, with sumy's own TextRank pipeline timed in
the same moment (the ``newsbot eval`` baseline). A busy moment of the shared
machine hits all three alike.

Warm (default): each article's fastest of ``--repeat`` passes, after one untimed
pass; prints median ms per article, the median ratio to sumy's pipeline and the
median after/before ratio. ``--cold``: a single pass from empty caches, as
``newsbot eval`` measures it (``build_document`` first, untimed, then
``summarize()`` timed, then sumy's TextRank as eval runs it next; the pipeline
after both).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared_data import eval_file

DATA = eval_file("bbc_dev.jsonl")
_IMPORT_RE = re.compile(r"(\bfrom summarizer\b|\bimport summarizer\b|\"summarizer\.)")


def copy_before(root: Path, dest: Path) -> None:
    """``root``'s summarizer package as ``dest/summarizer_before``, imports rewritten."""
    target = dest / "summarizer_before"
    shutil.copytree(root / "summarizer", target, ignore=shutil.ignore_patterns("__pycache__"))
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        fixed = _IMPORT_RE.sub(lambda m: m.group().replace("summarizer", "summarizer_before"), text)
        path.write_text(fixed, encoding="utf-8")


def load_articles(path: Path, limit: int, parts: Callable[[str, str], Any]) -> list[Any]:
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(limit), strict=False)]
    return [parts(row.get("title") or "", row["article"]) for row in rows]


def _ms(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def measure(
    packages: dict[str, ModuleType], articles: dict[str, list[Any]], cold: bool, repeat: int
) -> dict[str, list[float]]:
    """ms per article of each package's summarize() and of sumy's pipeline."""
    from summarizer.evaluation.sumy_pipeline import SumyPipeline

    pipeline = SumyPipeline()
    names = list(packages)
    n = len(next(iter(articles.values())))
    best = {name: [float("inf")] * n for name in [*names, "sumy"]}
    for rep in range(1 if cold else repeat + 1):
        for i in range(n):
            order = names if (i + rep) % 2 == 0 else names[::-1]
            for name in order:
                article, pkg = articles[name][i], packages[name]
                if cold:
                    pkg.build_document(article)  # as newsbot eval splits first
                ms = _ms(lambda pkg=pkg, article=article: pkg.summarize(article))
                if cold:  # and runs sumy's TextRank next (other work between articles)
                    pkg.summarize(article, algorithm="textrank")
                if cold or rep > 0:
                    best[name][i] = min(best[name][i], ms)
            body = articles[names[0]][i].body
            sumy_ms = pipeline(body, 3)[1]
            if cold or rep > 0:
                best["sumy"][i] = min(best["sumy"][i], sumy_ms)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy_before(args.before.resolve(), Path(tmp))
        sys.path.insert(0, tmp)
        packages = {}
        articles = {}
        for label, name in (("before", "summarizer_before"), ("after", "summarizer")):
            packages[label] = importlib.import_module(f"{name}.summarize")
            clean = importlib.import_module(f"{name}.text.clean")
            articles[label] = load_articles(args.data, args.limit, clean.article_from_parts)
        times = measure(packages, articles, args.cold, args.repeat)
    sumy = times["sumy"]
    mode = "cold, one pass" if args.cold else f"warm, fastest of {args.repeat}"
    print(
        f"{len(sumy)} articles of {args.data.name} ({mode}); sumy pipeline median "
        f"{statistics.median(sumy):.3f} ms"
    )
    for label in ("before", "after"):
        ratio = statistics.median(t / s for t, s in zip(times[label], sumy, strict=True))
        print(f"  {label:<7} median {statistics.median(times[label]):.3f} ms, x sumy {ratio:.3f}")
    pairs = zip(times["after"], times["before"], strict=True)
    print(
        f"  after / before (median per article): {statistics.median(a / b for a, b in pairs):.3f}"
    )


if __name__ == "__main__":
    main()
