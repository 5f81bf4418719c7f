"""The default summarizer gives the same summaries as another checkout (e.g. before a speed-up).

    python benchmarks/check_summary_outputs.py --before /tmp/base [--limit N]

Runs the dump once for this checkout and once for ``--before`` (each in its own
subprocess, with that checkout first on ``sys.path``; same interpreter), over every
article of bbc_dev.jsonl and cnndm_dev.jsonl (in /work/shared/eval or
``$NEWSBOT_SHARED/eval``), and prints how many summaries differ (0 = byte-identical),
with the first few differences.

Per article it records the 3-sentence ``summarize()`` output plainly and with a
company in focus (``company=``, as ``--company`` does): the article's most frequent
capitalised word after a sentence start (a name it really holds), and that name with
a second one as an alias. It also records NewsRank's raw scores (``repr`` of every
float) on the candidate document; those are reported separately, for information.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("NEWSBOT_SHARED", "/work/shared"))
SOURCES = ("bbc_dev", "cnndm_dev")
_NAME_RE = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{2,})")


def focus_names(text: str) -> list[str]:
    """Up to two capitalised words the article uses most (mid-sentence), ties by text order."""
    counts = Counter(_NAME_RE.findall(text))
    return [name for name, _ in counts.most_common(2)]


def dump(limit: int) -> dict[str, Any]:
    """Every summary (and NewsRank's scores) of the dev sets, keyed by source and line."""
    import summarizer
    from summarizer import get_algorithm
    from summarizer.summarize import build_document, candidates, summarize
    from summarizer.text.clean import article_from_parts

    newsrank = get_algorithm("newsrank")
    out: dict[str, Any] = {"module": summarizer.__file__}
    for source in SOURCES:
        path = SHARED / "eval" / f"{source}.jsonl"
        for n, line in enumerate(path.open(encoding="utf-8")):
            if n >= limit:
                break
            row = json.loads(line)
            article = article_from_parts(row.get("title") or "", row["article"])
            names = focus_names(row["article"])
            record: dict[str, Any] = {"plain": list(summarize(article).sentences)}
            if names:
                record["company"] = list(summarize(article, company=names[0]).sentences)
                record["aliases"] = list(
                    summarize(article, company=names[-1], aliases=names[:1]).sentences
                )
            sub, _ = candidates(build_document(article))
            if sub.sentences:
                scores, _ = newsrank.scores(sub)  # type: ignore[attr-defined]
                record["scores"] = [repr(float(s)) for s in scores]
            out[f"{source}:{n}"] = record
    return out


def run(root: Path, limit: int, dest: Path) -> dict[str, Any]:
    """``dump`` in a subprocess that imports the summarizer from ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    cmd = [sys.executable, __file__, "--dump", str(dest), "--limit", str(limit)]
    subprocess.run(cmd, check=True, env=env, cwd=root)
    data: dict[str, Any] = json.loads(dest.read_text(encoding="utf-8"))
    if not str(data["module"]).startswith(str(root.resolve())):
        raise SystemExit(f"{root}: imported {data['module']} instead")
    return data


def compare(before: dict[str, Any], after: dict[str, Any], show: int = 5) -> int:
    """Print the differences; the number of differing summaries."""
    keys = sorted((set(before) | set(after)) - {"module"})
    kinds = ("plain", "company", "aliases")
    differ = [
        (k, kind)
        for k in keys
        for kind in kinds
        if before.get(k, {}).get(kind) != after.get(k, {}).get(kind)
    ]
    score_diffs = sum(
        before.get(k, {}).get("scores") != after.get(k, {}).get("scores") for k in keys
    )
    total = sum(kind in before.get(k, {}) for k in keys for kind in kinds)
    print(f"articles: {len(keys)}, summaries compared: {total}")
    print(f"summaries differing: {len(differ)}; articles with any score differing: {score_diffs}")
    for key, kind in differ[:show]:
        print(f"  {key} [{kind}]")
        print(f"    before: {before[key].get(kind)}\n    after:  {after[key].get(kind)}")
    return len(differ)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path)
    parser.add_argument("--limit", type=int, default=10**9)
    parser.add_argument("--show", type=int, default=5, help="how many differences to print")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        args.dump.write_text(json.dumps(dump(args.limit)), encoding="utf-8")
        return 0
    if args.before is None:
        parser.error("--before is required")
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        before = run(args.before.resolve(), args.limit, Path(tmp) / "before.json")
        after = run(here, args.limit, Path(tmp) / "after.json")
    return 1 if compare(before, after, args.show) else 0


if __name__ == "__main__":
    sys.exit(main())
