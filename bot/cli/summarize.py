"""``newsbot summarize``: the extractive summary of one article, or of a corpus.

    newsbot summarize [--sentences N] [--algorithm NAME] [--company NAME] [--json] PATH|URL|-
    newsbot summarize --batch IN.jsonl [--sentences N] [--algorithm NAME] [--company NAME]
                      [--jobs N]

One article: plain text prints the headline, then one sentence per line;
``--json`` prints ``{"title", "sentences", "algorithm", "elapsed_ms", ...}``.
A batch reads JSON lines with ``id``, ``title`` (may be empty) and ``article``
(or ``body``) and writes one ``{"id", "sentences"}`` line per input, in input
order, with the default algorithm unless ``--algorithm`` says otherwise; a long
batch is shared out over ``--jobs`` worker processes (see ``batch.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bot.cli.argtypes import add_fetch_flag, positive_int
from bot.cli.article_input import load_article
from bot.cli.batch import MAX_JOBS, run_batch
from bot.cli.output import json_text, terminal_text

if TYPE_CHECKING:
    from summarizer.article import Article
    from summarizer.companies.matcher import CompanyMention
    from summarizer.summarize import Summary

# Spelled out so --help stays fast (the registry imports numpy); a test keeps it in sync.
ALGORITHM_HELP = (
    "summarizer: newsrank (default), lead, textrank, lexrank, luhn, lsa, "
    "edmundson, kl, sumbasic, reduction, random"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``summarize`` subcommand."""
    parser = subparsers.add_parser(
        "summarize",
        help="summarize an article (file, URL or stdin) or a JSONL corpus",
        description="Print the extractive summary of one article, or of every article "
        "in a JSON-lines file (--batch).",
    )
    parser.add_argument(
        "source",
        nargs="?",
        metavar="PATH|URL|-",
        help="article file (text or HTML), http(s) URL, or - for stdin",
    )
    parser.add_argument(
        "--batch",
        metavar="IN.jsonl",
        type=Path,
        help="summarize every {id, title, article} line of this file (- = stdin)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        metavar="N",
        help=f"worker processes for a long --batch (default: one per core; at most {MAX_JOBS})",
    )
    parser.add_argument(
        "-n",
        "--sentences",
        type=positive_int,
        default=3,
        metavar="N",
        help="sentences per summary (default: 3)",
    )
    parser.add_argument("-a", "--algorithm", metavar="NAME", help=ALGORITHM_HELP)
    parser.add_argument("--company", metavar="NAME", help="focus the summary on this company")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_fetch_flag(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Summarize one article or a batch; NewsbotError ends as one stderr line."""
    from summarizer.algorithms import get_algorithm
    from summarizer.errors import UsageError

    get_algorithm(args.algorithm)  # fail fast on a bad name, before any reading/fetching
    if args.batch is not None:
        if args.source is not None:
            raise UsageError("Give either an article or --batch, not both.")
        return run_batch(args.batch, args, out=sys.stdout)
    if args.source is None:
        raise UsageError("Give an article to summarize: a file, a URL, or - for stdin.")
    article = load_article(args.source, allow_private=args.allow_private_fetch)
    return print_summary(article, args, out=sys.stdout)


def print_summary(article: Article, args: argparse.Namespace, *, out: IO[str]) -> int:
    """Summarize ``article`` and print it as text or JSON."""
    from bot.services.registry import registry_entries
    from summarizer.companies.matcher import CompanyMatcher
    from summarizer.summarize import summarize

    matcher = CompanyMatcher(registry_entries())
    aliases = matcher.aliases_of(args.company) if args.company else ()
    started = time.perf_counter()  # summarize() is pure: the CLI does the timing
    summary = summarize(
        article,
        sentences=args.sentences,
        algorithm=args.algorithm,
        company=args.company,
        aliases=aliases,
    )
    elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
    _note_language(summary.language)
    if args.json:
        data = summary_json(
            summary, article, companies=matcher.find(article), elapsed_ms=elapsed_ms
        )
        out.write(json_text(json.dumps(data, ensure_ascii=False)) + "\n")
    else:
        # An untitled text has no headline to print (its opening words are no title).
        lines = [summary.title] if summary.title else []
        out.write(terminal_text("\n".join([*lines, *summary.sentences])) + "\n")
    return 0


def summary_json(
    summary: Summary,
    article: Article,
    *,
    companies: Sequence[CompanyMention] = (),
    elapsed_ms: float = 0.0,
) -> dict[str, Any]:
    """The ``--json`` object for one summary, with the companies the article names
    and how long summarizing took (measured by the caller)."""
    return {
        "title": summary.title,
        "sentences": list(summary.sentences),
        "algorithm": summary.algorithm,
        "elapsed_ms": elapsed_ms,
        "companies": [
            {"name": c.name, "salience": c.salience, "subject": c.subject, "mentions": c.mentions}
            for c in companies
        ],
        "language": summary.language,
        "url": article.url,
    }


def _note_language(language: str) -> None:
    """One stderr line when the text's language has no sentence model of its own."""
    from summarizer.text.split import punkt_language

    if language in ("chinese", "japanese") or punkt_language(language) == language:
        return
    what = (
        "the article's language was not recognised"
        if language == "unknown"
        else (f"no sentence model for {language} text")
    )
    print(f"newsbot: note: {what}; split with generic rules.", file=sys.stderr)
