"""``newsbot summarize``: the extractive summary of one article, or of a corpus.

    newsbot summarize [--sentences N] [--algorithm NAME] [--company NAME] [--json] PATH|URL|-
    newsbot summarize --batch IN.jsonl [--sentences N] [--algorithm NAME] [--company NAME]

One article: plain text prints the headline, then one sentence per line;
``--json`` prints ``{"title", "sentences", "algorithm", "elapsed_ms", ...}``.
A batch reads JSON lines with ``id``, ``title`` (may be empty) and ``article``
(or ``body``) and writes one ``{"id", "sentences"}`` line per input, in input
order, with the default algorithm unless ``--algorithm`` says otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bot.cli.argtypes import add_fetch_flag, positive_int
from bot.cli.output import json_text, terminal_text

if TYPE_CHECKING:
    from summarizer.article import Article
    from summarizer.companies.matcher import CompanyMention
    from summarizer.summarize import Summary

MAX_FILE_BYTES = 20 * 1024 * 1024
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
    from summarizer.errors import InputError

    get_algorithm(args.algorithm)  # fail fast on a bad name, before any reading/fetching
    if args.batch is not None:
        if args.source is not None:
            raise InputError("Give either an article or --batch, not both.")
        return run_batch(args.batch, args, out=sys.stdout)
    if args.source is None:
        raise InputError("Give an article to summarize: a file, a URL, or - for stdin.")
    article = load_article(args.source, allow_private=args.allow_private_fetch)
    return print_summary(article, args, out=sys.stdout)


def load_article(source: str, *, allow_private: bool = False) -> Article:
    """The cleaned article at ``source`` (a path, an http(s) URL, or - for stdin).

    A URL is fetched under the fetch policy: public addresses only, unless
    ``allow_private`` or NEWSBOT_ALLOW_PRIVATE_FETCH says otherwise.
    """
    from summarizer.text.clean import parse_article

    if source.startswith(("http://", "https://")):
        text, final_url = _fetch_text(source, allow_private=allow_private)
        return parse_article(text, url=final_url)
    name = "standard input" if source == "-" else source
    text = decode_input(read_stdin() if source == "-" else read_file(Path(source)), name)
    record = _json_record(text, name)
    if record is not None:
        from bot.ingest.files import article_from_record

        return article_from_record(record, where=name)
    return parse_article(text)


def _json_record(text: str, name: str) -> dict[str, Any] | None:
    """A JSON article object ({"title", "body" or "article", ...}), or None for prose.

    JSON Lines (one object per line) is refused: it is a corpus, for ``--batch``.
    """
    from summarizer.errors import InputError

    stripped = text.strip()
    if not stripped.startswith("{"):
        return None
    try:
        record = json.loads(stripped)
    except json.JSONDecodeError:
        first = stripped.split("\n", 1)[0]
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return None
        raise InputError(
            f"{name} looks like JSON Lines (one article per line); use --batch {name}"
        ) from None
    return record if isinstance(record, dict) else None


def _fetch_text(url: str, *, allow_private: bool) -> tuple[str, str]:
    """The page's text and its address after redirects; FetchError when it is no article."""
    from bot.ingest.fetch import fetch, make_client
    from bot.ingest.guard import FetchPolicy
    from summarizer.errors import FetchError

    policy = FetchPolicy.from_env(allow_private=allow_private)
    with make_client(policy=policy) as client:
        page = fetch(url, client=client)
    kind = page.content_type
    if kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind):
        raise FetchError(f"The page at {url} is not an article (it is {kind}).")
    return page.text, page.final_url


def read_file(path: Path) -> bytes:
    """The bytes of ``path``; a missing, unreadable or huge file is an InputError."""
    from summarizer.errors import InputError

    try:
        if path.is_dir():
            raise InputError(f"{path} is a folder, not an article file.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"No such file: {path}.") from None
    except PermissionError:
        raise InputError(f"Permission denied reading {path}.") from None
    except OSError as err:
        raise InputError(f"Could not read {path}: {err.strerror or err}.") from None


def read_stdin() -> bytes:
    """All of standard input, refusing more than the file size limit."""
    from summarizer.errors import InputError

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"Standard input is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    return data


def decode_input(data: bytes, name: str) -> str:
    """Text from bytes (UTF-8, else Windows-1252); binary or empty input is refused."""
    from summarizer.errors import EmptyArticleError, InputError

    head = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or (head and controls / len(head) > 0.05):
        raise InputError(f"{name} is binary data, not a text or HTML article.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise EmptyArticleError(f"{name} is empty.")
    return text


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
        out.write(terminal_text("\n".join([summary.title, *summary.sentences])) + "\n")
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


def run_batch(path: Path, args: argparse.Namespace, *, out: IO[str]) -> int:
    """Summarize every JSON line of ``path``; bad lines get an ``error`` and exit 1."""
    from summarizer.errors import NewsbotError
    from summarizer.summarize import summarize

    failures: list[str] = []
    total = 0
    for line_no, item in _batch_items(path):
        total += 1
        record: dict[str, Any] = {
            "id": item.get("id", line_no) if isinstance(item, dict) else line_no
        }
        try:
            article = _batch_article(item, line_no)
            summary = summarize(
                article, sentences=args.sentences, algorithm=args.algorithm, company=args.company
            )
            record["sentences"] = list(summary.sentences)
        except NewsbotError as err:
            record.update(sentences=[], error=str(err))
            failures.append(str(err))  # each message names its line
        out.write(json_text(json.dumps(record, ensure_ascii=False)) + "\n")
    if failures:
        print(
            f"newsbot: {len(failures)} of {total} line{'s' if total != 1 else ''} could "
            f"not be summarized (first: {failures[0]})",
            file=sys.stderr,
        )
        return 1
    return 0


def _batch_items(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, decoded JSON or None when the line is not valid JSON) per non-blank line."""
    if str(path) == "-":
        text = decode_input(read_stdin(), "standard input")
    else:
        text = decode_input(read_file(path), str(path))
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            item = None
        yield line_no, item


def _batch_article(item: Any, line_no: int) -> Article:
    from summarizer.errors import EmptyArticleError, InputError
    from summarizer.text.clean import article_from_parts

    if item is None:
        raise InputError(f"Line {line_no} is not valid JSON.")
    if not isinstance(item, dict):
        raise InputError(f"Line {line_no} is not a JSON object with title and article.")
    body, title = item.get("article", item.get("body")), item.get("title")
    if not isinstance(body, str) or not body.strip():
        raise EmptyArticleError(f"Line {line_no} has no article text.")
    return article_from_parts(title if isinstance(title, str) else "", body)
