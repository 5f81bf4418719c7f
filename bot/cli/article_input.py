"""Reading one article for the CLI: a file, standard input, or a fetched http(s) page.

Files and standard input may be text, HTML or one JSON article object (a .json file is
read as ``newsbot ingest`` reads it, and must hold one article); binary, empty or huge
input (over 20 MB) is refused with one line saying why.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.article import Article

MAX_FILE_BYTES = 20 * 1024 * 1024


def load_article(source: str, *, allow_private: bool = False) -> Article:
    """The cleaned article at ``source`` (a path, an http(s) URL, or - for stdin).

    A URL is fetched under the fetch policy: public addresses only, unless
    ``allow_private`` or NEWSBOT_ALLOW_PRIVATE_FETCH says otherwise.
    """
    from bot.ingest.files import article_text  # read as `newsbot ingest` reads files
    from summarizer.text.clean import parse_article

    if source.startswith(("http://", "https://")):
        text, final_url = _fetch_text(source, allow_private=allow_private)
        return parse_article(text, url=final_url)
    name = "standard input" if source == "-" else source
    text = article_text(read_stdin() if source == "-" else read_file(Path(source)), name)
    if source != "-" and Path(source).suffix.lower() == ".json":
        return _json_file_article(text, name)
    record = _json_record(text, name)
    if record is not None:
        from bot.ingest.files import article_from_record

        return article_from_record(record, where=name)
    return parse_article(text)


def _json_file_article(text: str, name: str) -> Article:
    """The one article of a .json file; broken JSON, a list of several articles or a
    value with no article in it is refused, as ``newsbot ingest`` refuses it (read as
    prose, '{"title": "x", "body": ' was "a headline but no text" and a list of
    articles printed its raw JSON as the title)."""
    from bot.ingest.files import json_items
    from summarizer.errors import InputError

    _json_record(text, name)  # JSON Lines in a .json file: the --batch hint
    items = json_items(name, text)
    if not items:
        raise InputError(f"{name} holds no article (an empty list).")
    if len(items) > 1:
        raise InputError(
            f"{name} holds {len(items)} articles, not one; newsbot ingest {name} stores them all."
        )
    return items[0].load()


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
    from bot.config import Config
    from bot.ingest.fetch import fetch, make_client, require_text

    policy = Config.load(allow_private_fetch="1" if allow_private else None).fetch_policy()
    with make_client(policy=policy) as client:
        page = fetch(url, client=client)
    require_text(page, url)
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
