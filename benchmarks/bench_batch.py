"""``newsbot summarize --batch`` end to end, the way a held-out check runs it, beside sumy.

    python benchmarks/bench_batch.py [DATA.jsonl ...] [--limit N] [--rounds 3]

For each data file (default: bbc_dev and cnndm_dev), writes ``{id, title, article}``
lines to a temporary file and, alternating in each round, times

* ``newsbot summarize --batch FILE -n 3`` as a subprocess (wall clock: start-up,
  JSON in and out, cleaning, splitting and picking all included), and
* sumy's own TextRank pipeline on the same raw texts in this process
  (``PlaintextParser`` + ``TextRankSummarizer``, as ``newsbot eval`` times it), once
  without and once with the seconds sumy's imports take in a fresh interpreter
  (a sumy user pays those too).

Prints the median of the rounds for each, and the ratios (goal for ours: <= 0.25).
With ``--versus DIR``, another checkout's ``--batch`` (e.g. before a change) is timed
in the same rounds too, first and last in turn. The subprocesses use this interpreter
(``-m bot.cli``), with the checkout first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared_data import eval_file

from summarizer.evaluation.sumy_pipeline import SumyPipeline

_SUMY_IMPORTS = (
    "import sumy.parsers.plaintext, sumy.summarizers.text_rank, sumy.nlp.stemmers, sumy.utils"
)


def batch_lines(path: Path, limit: int) -> list[dict[str, str]]:
    """The first ``limit`` rows of ``path`` as batch input lines."""
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            rows.append(
                {"id": row["id"], "title": row.get("title") or "", "article": row["article"]}
            )
            if len(rows) >= limit:
                break
    return rows


REPO = Path(__file__).resolve().parent.parent


def time_batch(batch: Path, checkout: Path = REPO) -> float:
    """Seconds for one ``newsbot summarize --batch`` process of ``checkout``, start to exit."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "summarize", "--batch", str(batch), "-n", "3"],
        stdout=subprocess.DEVNULL,
        check=False,
        env=env,
        cwd=checkout,  # -m puts the working directory first on sys.path
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"newsbot summarize --batch exited {done.returncode}")
    return elapsed


def time_sumy(pipeline: SumyPipeline, rows: list[dict[str, str]]) -> float:
    """Seconds sumy's TextRank pipeline takes over the raw texts (parsing included)."""
    total = 0.0
    for row in rows:
        text = f"{row['title']}\n\n{row['article']}" if row["title"] else row["article"]
        total += pipeline(text, 3)[1] / 1000
    return total


def sumy_import_seconds() -> float:
    """Wall seconds of a fresh interpreter importing sumy's pipeline, minus a bare one."""

    def run(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - started

    return statistics.median(run(_SUMY_IMPORTS) - run("pass") for _ in range(3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--versus", type=Path, help="another checkout to time alongside")
    args = parser.parse_args()
    files = args.data or [eval_file("bbc_dev.jsonl"), eval_file("cnndm_dev.jsonl")]
    pipeline = SumyPipeline()
    sumy_imports = sumy_import_seconds()
    print(f"sumy's imports in a fresh interpreter: {sumy_imports:.2f} s\n")
    other = " | versus (s) | versus ratio" if args.versus else ""
    print(
        "| data | articles | ours (s) | sumy TextRank (s) | ratio | ratio, sumy imports in"
        f"{other} |"
    )
    print("|---" * (8 if args.versus else 6) + "|")
    for path in files:
        rows = batch_lines(path, args.limit)
        with tempfile.TemporaryDirectory() as tmp:
            batch = Path(tmp) / "batch.jsonl"
            batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            ours, sumy, versus = [], [], []
            for round_ in range(args.rounds):
                # Alternate who goes first, so a machine warming up or a load coming and
                # going does not favour one side every round.
                first_ours = round_ % 2 == 0 or not args.versus
                if first_ours:
                    ours.append(time_batch(batch))
                elif args.versus:
                    versus.append(time_batch(batch, args.versus))
                sumy.append(time_sumy(pipeline, rows))
                if args.versus and first_ours:
                    versus.append(time_batch(batch, args.versus))
                elif not first_ours:
                    ours.append(time_batch(batch))
        mine, theirs = statistics.median(ours), statistics.median(sumy)
        line = (
            f"| {path.name} | {len(rows)} | {mine:.2f} | {theirs:.2f} | {mine / theirs:.3f} "
            f"| {mine / (theirs + sumy_imports):.3f}"
        )
        if versus:
            line += f" | {statistics.median(versus):.2f} | {statistics.median(versus) / theirs:.3f}"
        print(line + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
