"""``newsbot companies``: which companies an article is about, most salient first.

    newsbot companies [--json] [--also NAME ...] PATH|URL|-

Plain text prints one line per company: name, salience, subject (yes/no) and the
number of mentions. ``--json`` prints
``{"title", "companies": [{"name", "salience", "subject", "mentions"}]}``.
Only the cleaned article is searched, never page boilerplate. ``--also`` adds
names the registry lacks, matched exactly like a name a user follows (short forms
included: "Cadbury Schweppes" is also found as "Cadbury" beside the full name).

    newsbot companies --score LABELS.jsonl [LABELS.jsonl ...] [--data DIR]

scores detection against articles labelled by reading (see ``bot.cli.scoring``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bot.cli.argtypes import add_fetch_flag
from bot.cli.output import json_text, terminal_line

if TYPE_CHECKING:
    from summarizer.article import Article
    from summarizer.companies.matcher import CompanyMatcher, CompanyMention


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``companies`` subcommand."""
    parser = subparsers.add_parser(
        "companies",
        help="list the companies an article is about (file, URL or stdin)",
        description="Print the companies an article names, most salient first, and "
        "whether the story is about them.",
    )
    parser.add_argument(
        "source",
        nargs="?",
        metavar="PATH|URL|-",
        help="article file (text or HTML), http(s) URL, or - for stdin",
    )
    parser.add_argument(
        "--score",
        nargs="+",
        type=Path,
        metavar="LABELS.jsonl",
        help="score detection against labelled articles instead (see --data)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="folder with the labelled articles' texts (default $NEWSBOT_EVAL_DATA or ../shared)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_fetch_flag(parser)
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="NAME",
        help="also match this company name (repeatable)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read, clean and scan one article; print its companies."""
    from bot.cli.article_input import load_article

    if args.score:
        return score(args.score, data=args.data)
    if args.source is None:
        print(
            "newsbot companies: error: give an article (PATH, URL or -) or --score LABELS.jsonl",
            file=sys.stderr,
        )
        return 2
    matcher = build_matcher(args.also)
    article = load_article(args.source, allow_private=args.allow_private_fetch)
    print_companies(article, matcher.find(article), as_json=args.json, out=sys.stdout)
    return 0


def score(paths: Sequence[Path], *, data: Path | None) -> int:
    """Print subject precision/recall against labelled articles."""
    from bot.cli import scoring

    labels = scoring.read_labels(paths)
    articles = scoring.load_texts(data or scoring.default_data_dir(), labels)
    rows = list(scoring.tallies(build_matcher(), labels, articles))
    scoring.print_scores(rows, out=sys.stdout)
    return 0


def build_matcher(extra_names: Sequence[str] = ()) -> CompanyMatcher:
    """The shipped registry, plus ``extra_names`` as custom companies."""
    from bot.services.registry import followed_entries, registry_entries
    from summarizer.companies.matcher import CompanyMatcher

    registry = CompanyMatcher(registry_entries())
    extra, refused = followed_entries(registry, extra_names)
    for name, problem in refused:  # the same rule as /subscribe: say why, go on without it
        print(f"newsbot: --also {name[:60]!r} ignored: {problem}.", file=sys.stderr)
    return registry.with_entries(extra)


def company_dicts(mentions: Sequence[CompanyMention]) -> list[dict[str, Any]]:
    """The ``companies`` list of the JSON outputs (also used by ``summarize --json``)."""
    return [
        {"name": m.name, "salience": m.salience, "subject": m.subject, "mentions": m.mentions}
        for m in mentions
    ]


def print_companies(
    article: Article, mentions: Sequence[CompanyMention], *, as_json: bool, out: IO[str]
) -> None:
    """Write the companies of ``article`` as JSON or as aligned text lines."""
    if as_json:
        data = {"title": article.title, "companies": company_dicts(mentions)}
        out.write(json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
        return
    if not mentions:
        out.write("No known company is mentioned.\n")
        return
    names = [terminal_line(m.name) for m in mentions]
    width = max(len(name) for name in names)
    for m, name in zip(mentions, names, strict=True):
        subject = "subject" if m.subject else "passing"
        out.write(f"{name:<{width}}  {m.salience:.3f}  {subject:<7}  {m.mentions}\n")
