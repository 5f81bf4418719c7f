"""``newsbot summarize --batch``: one summary per JSON line of a corpus, in input order.

Each line has ``id``, ``title`` (may be empty) and ``article`` (or ``body``); each output
line is ``{"id", "sentences"}``, plus ``error`` for a line that could not be summarized.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bot.cli.article_input import decode_input, read_file, read_stdin
from bot.cli.output import json_text

if TYPE_CHECKING:
    from summarizer.article import Article


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
