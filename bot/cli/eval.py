"""``newsbot eval``: score the summarizers on a data set with reference summaries.

    newsbot eval DATA.jsonl [--sentences N] [--limit K] [--algorithms a,b,...]
    newsbot eval --sample [...]

DATA.jsonl has one JSON object per line with ``article`` (or ``body``;
paragraphs separated by blank lines), an optional ``title`` and ``source``, and
the reference as ``summary_sentences`` (a list, as in bbc_dev.jsonl) or
``summary`` (one highlight per line, as in cnndm_dev.jsonl). Prints one table:
ROUGE-1/2/L/Lsum F1, words per summary (and per reference), share of summaries
keeping the first sentence and ms per article for our default, ``lead`` and
every sumy algorithm, side by side, with the greedy extractive oracle as the
ceiling. With textrank comes ``textrank-raw``: sumy's own TextRank pipeline on
the raw article text, as a sumy user runs it, and the ratio of our default's
end-to-end ``summarize()`` time to it. Then the default minus Lead-3 per figure
with a 95 % paired bootstrap interval, per ``source`` when the data names one.
``--sample`` needs no data file: the shipped Wikinews sample, each article's first
sentence cut off as the one-line reference for the rest (how XSum was built; see
``summarizer/evaluation/lede.py``). Needs the eval extra (``pip install 'newsbot[eval]'``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.argtypes import positive_int

if TYPE_CHECKING:
    from summarizer.evaluation.evaluate import EvalCase


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``eval`` subcommand."""
    parser = subparsers.add_parser(
        "eval",
        help="compare the summarizers with ROUGE on a JSONL data set",
        description="Score the summarizers on a data set with reference summaries: ROUGE "
        "for the default, Lead-3 and every sumy algorithm side by side, with 95 % intervals "
        "of the default minus Lead-3. Needs the eval extra: pip install 'newsbot[eval]'.",
    )
    parser.add_argument(
        "data",
        type=Path,
        nargs="?",
        metavar="DATA.jsonl",
        help="one article per line: title, article (or body), and summary (one line per "
        "highlight) or summary_sentences (a list); source is optional",
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="instead of DATA.jsonl: the shipped Wikinews sample, each article's first "
        "sentence (written by its reporter) as the reference for the rest",
    )
    parser.add_argument(
        "--sentences",
        type=positive_int,
        default=3,
        metavar="N",
        help="sentences per summary (default 3)",
    )
    parser.add_argument(
        "--limit", type=positive_int, default=None, metavar="K", help="only the first K articles"
    )
    parser.add_argument(
        "--algorithms",
        default=None,
        metavar="a,b,...",
        help="comma-separated algorithms (default: all, plus oracle)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Evaluate and print the table; errors in the data end as one line, exit 1."""
    from summarizer.algorithms import DEFAULT_ALGORITHM
    from summarizer.errors import InputError, UsageError

    try:
        import rouge_score  # noqa: F401  (optional: the eval extra)
    except ImportError:
        raise InputError("newsbot eval needs rouge-score: pip install 'newsbot[eval]'.") from None
    from summarizer.evaluation.compare import format_differences
    from summarizer.evaluation.evaluate import evaluate, format_report

    if (args.data is None) == (not args.sample):
        raise UsageError("Give a DATA.jsonl file or --sample (not both).")
    names, oracle = choose_algorithms(args.algorithms)
    if args.sample:
        cases, label = sample_cases(limit=args.limit), "the Wikinews sample (lede as reference)"
    else:
        cases, label = list(read_cases(args.data, limit=args.limit)), args.data.name
    if not cases:
        raise InputError(f"{label} has no articles.")
    report = evaluate(
        cases,
        algorithms=names,
        sentences=args.sentences,
        oracle=oracle,
        default=DEFAULT_ALGORITHM,
        progress=_progress_bar,
    )
    print(f"newsbot eval {label}: default = {DEFAULT_ALGORITHM}")
    print(format_report(report, default=DEFAULT_ALGORITHM))
    differences = format_differences(report, default=DEFAULT_ALGORITHM)
    if differences:
        print(differences)
    return 0


def _progress_bar(cases: list[EvalCase]) -> Iterator[EvalCase]:
    """A tqdm bar on stderr when it is a terminal (silent in pipes and tests)."""
    from tqdm import tqdm

    yield from tqdm(
        cases,
        desc="eval",
        unit="article",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        leave=False,
    )


def choose_algorithms(spec: str | None) -> tuple[list[str], bool]:
    """The algorithm names to run (default first, then lead, then sumy's) and
    whether to add the oracle. Raises UnknownAlgorithmError for a bad name."""
    from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
    from summarizer.errors import UnknownAlgorithmError

    everything = [DEFAULT_ALGORITHM, *(n for n in ALGORITHMS if n != DEFAULT_ALGORITHM)]
    if not spec:
        return everything, True
    wanted = [n.strip().lower() for n in spec.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in ALGORITHMS and n != "oracle"]
    if unknown or not wanted:
        valid = ", ".join([*everything, "oracle"])
        raise UnknownAlgorithmError(
            f"Unknown algorithm {', '.join(unknown) or spec!r}; choose from: {valid}."
        )
    names = [n for n in everything if n in wanted]
    return names, "oracle" in wanted


def read_cases(path: Path, *, limit: int | None = None) -> Iterator[EvalCase]:
    """EvalCase objects from a JSONL file; InputError names the file and line
    of anything unreadable.

    Each line has the article text as ``article`` (or ``body``, ``text``, XSum's
    ``document``; a list of paragraphs too), an optional ``title`` and ``source``, and
    the reference as ``summary_sentences`` (a list, BBC style) or ``summary`` (or
    ``highlights``: a string with one highlight per line, CNN/DM style).
    """
    from summarizer.errors import InputError

    try:
        handle = path.open(encoding="utf-8")
    except OSError as err:
        raise InputError(f"Cannot read {path}: {err.strerror or err}.") from None
    count = 0
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            yield parse_case(line, f"{path}, line {number}")


def sample_cases(*, limit: int | None = None) -> list[EvalCase]:
    """The shipped Wikinews sample as untitled cases: each article's first sentence is
    the reference for the rest (articles of one sentence are left out)."""
    from bot.sample import sample_records
    from summarizer.evaluation.evaluate import EvalCase
    from summarizer.evaluation.lede import lede_cases

    texts = (str(record.get("body") or "") for record in sample_records())
    return [EvalCase(article, (lede,)) for article, lede in lede_cases(texts)][:limit]


def parse_case(line: str, where: str) -> EvalCase:
    """One EvalCase from one JSON line (``where`` names it in errors)."""
    from bot.ingest.records import record_text, record_title
    from summarizer.errors import EmptyArticleError, InputError
    from summarizer.evaluation.evaluate import EvalCase
    from summarizer.text.clean import article_from_parts

    try:
        row = json.loads(line)
        text = record_text(row)
        if not text:
            raise EmptyArticleError("no article text")
        reference = _reference(row)
        article = article_from_parts(record_title(row), text)
    except EmptyArticleError as err:
        raise InputError(f"{where}: {err}") from None
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError, ValueError):
        raise InputError(
            f"{where}: expected JSON with article (or body, text, document) and summary, "
            "summary_sentences or highlights."
        ) from None
    return EvalCase(article, reference, source=str(row.get("source") or ""))


def _reference(row: dict) -> tuple[str, ...]:
    """The reference sentences: ``summary_sentences``, else ``summary`` split into lines."""
    if "summary_sentences" in row:
        items = row["summary_sentences"]
        if isinstance(items, str):
            raise TypeError("summary_sentences must be a list")
        return tuple(str(s) for s in items)
    summary = row["summary"] if "summary" in row else row["highlights"]  # Hugging Face CNN/DM
    lines = summary if isinstance(summary, list) else str(summary).split("\n")
    reference = tuple(s.strip() for s in lines if str(s).strip())
    if not reference:
        raise ValueError("empty reference")
    return reference
