"""``newsbot summarize --batch``: one summary per JSON line of a corpus, in input order.

Each line has ``id``, ``title`` (may be empty) and ``article`` (or ``body``, ``text``,
``document``; a list of paragraphs too); each output
line is ``{"id", "sentences"}``, plus ``error`` for a line that could not be summarized.

A long batch is shared out over worker processes (``--jobs``, by default one per core
this process may use): summarizing is pure CPU work, one article at a time (on two
cores, bbc_dev's 1,114 articles took 0.79 s instead of 1.24 s; start-up is not shared
out). The workers are forked after the summarizer
and its model are loaded, so none of them pays the start-up again; output stays in input
order and is the same as with ``--jobs 1``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bot.cli.article_input import read_file, read_stdin
from bot.cli.output import json_text

if TYPE_CHECKING:
    from summarizer.article import Article

# Fewer lines than this are summarized in this process: forking and the round trips of
# the lines would cost more than a second core saves (about 1.5 ms per article).
PARALLEL_FROM = 64
_CHUNK = 16  # lines per round trip to a worker: few trips, and the order kept cheaply
MAX_JOBS = 8


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What every line of a batch is summarized with."""

    sentences: int
    algorithm: str | None
    company: str | None
    aliases: tuple[str, ...] = ()


def default_jobs() -> int:
    """Worker processes for a long batch: the cores this process may run on (at most 8)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_JOBS, cores))


def run_batch(path: Path, args: argparse.Namespace, *, out: IO[str]) -> int:
    """Summarize every JSON line of ``path``; bad lines get an ``error`` and exit 1."""
    options = BatchOptions(
        sentences=args.sentences,
        algorithm=args.algorithm,
        company=args.company,
        aliases=_aliases(args.company),
    )
    items = list(_batch_items(path))
    if items and all(data is None for _, data in items):
        from summarizer.errors import InputError

        raise InputError(
            f"{path} is not JSON Lines (one JSON object per line); for one article: "
            f"newsbot summarize {path}"
        )
    jobs = min(MAX_JOBS, args.jobs or default_jobs())
    failures: list[str] = []
    for record in summarize_lines(items, options, jobs=jobs):
        if "error" in record:
            failures.append(record["error"])  # each message names its line
        out.write(json_text(json.dumps(record, ensure_ascii=False)) + "\n")
    if failures:
        total = len(items)
        print(
            f"newsbot: {len(failures)} of {total} line{'s' if total != 1 else ''} could "
            f"not be summarized (first: {failures[0]})",
            file=sys.stderr,
        )
        return 1
    return 0


def summarize_lines(
    items: Sequence[tuple[int, Any]], options: BatchOptions, *, jobs: int
) -> Iterator[dict[str, Any]]:
    """One output record per ``(line number, decoded JSON)``, in input order."""
    work = partial(summarize_line, options=options)
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        yield from map(work, items)
        return
    # The first line is done here: it loads the summarizer, its model and caches, which
    # the forked workers then share instead of loading them once each.
    yield work(items[0])
    # "fork" (not the "spawn"/"forkserver" of other platforms and later Pythons): a new
    # interpreter would import and load everything again.
    import multiprocessing  # only here: a short batch or one article need not load it

    context = multiprocessing.get_context("fork")
    with context.Pool(min(jobs, len(items) - 1), initializer=_leave_interrupts) as pool:
        yield from pool.imap(work, items[1:], chunksize=_CHUNK)


def _leave_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the pool); a worker that
    took it too would print its own traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def summarize_line(item: tuple[int, Any], *, options: BatchOptions) -> dict[str, Any]:
    """The output record of one line: its id and sentences, or an error naming the line."""
    from summarizer.errors import NewsbotError
    from summarizer.summarize import summarize

    line_no, data = item
    record: dict[str, Any] = {"id": data.get("id", line_no) if isinstance(data, dict) else line_no}
    try:
        summary = summarize(
            _batch_article(data, line_no),
            sentences=options.sentences,
            algorithm=options.algorithm,
            company=options.company,
            aliases=options.aliases,
        )
        record["sentences"] = list(summary.sentences)
    except NewsbotError as err:
        record.update(sentences=[], error=str(err))
    return record


def _aliases(company: str | None) -> tuple[str, ...]:
    """The registry's other names for ``company`` ("Alphabet" for Google), as ``newsbot
    summarize --company`` uses them for one article."""
    if not company:
        return ()
    from bot.cli.companies import build_matcher

    return tuple(build_matcher().aliases_of(company))


def _batch_items(path: Path) -> Iterable[tuple[int, Any]]:
    """(line number, decoded JSON or None when the line is not valid JSON) per non-blank line."""
    from bot.ingest.files import article_text  # read as `newsbot ingest` reads files

    if str(path) == "-":
        text = article_text(read_stdin(), "standard input")
    else:
        text = article_text(read_file(path), str(path))
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            item = None
        yield line_no, item


def _batch_article(item: Any, line_no: int) -> Article:
    from bot.ingest.records import record_text, record_title
    from summarizer.errors import EmptyArticleError, InputError
    from summarizer.text.clean import article_from_parts

    if item is None:
        raise InputError(f"Line {line_no} is not valid JSON.")
    if not isinstance(item, dict):
        raise InputError(f"Line {line_no} is not a JSON object with title and article.")
    body = record_text(item)
    if not body:
        raise EmptyArticleError(
            f"Line {line_no} has no article text (an article, body, text or document field)."
        )
    return article_from_parts(record_title(item), body)
