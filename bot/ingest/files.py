"""Articles from files and folders: plain text, Markdown, HTML, JSON and JSON Lines.

Each article found becomes an :class:`Item` whose ``load()`` returns the cleaned
:class:`~summarizer.Article` or raises a :class:`~summarizer.errors.NewsbotError`
naming the file (and line) at fault, so one bad file never stops a batch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.ingest.charsets import decode, wide_encoding
from bot.ingest.records import RECORD_TEXT_KEYS, record_text, record_title
from summarizer.article import Article
from summarizer.errors import EmptyArticleError, InputError, NewsbotError
from summarizer.text.clean import DERIVED_TITLE, clean_html, clean_text, parse_article

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
MAX_FILE_BYTES = 200 * 1024 * 1024

# Terminal colour and cursor codes in a saved log ("\x1b[1mXiaomi\x1b[0m"): no text.
_ANSI_CODES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_HTML_HINT = re.compile(r"<(p|div|br|html|body|article|h[1-6]|span|a)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Item:
    """One article to ingest: where it comes from and how to read it."""

    label: str
    load: Callable[[], Article]
    url: str | None = None  # known before loading: a stored URL skips the cleaning


def collect(paths: Sequence[str | Path]) -> list[Item]:
    """Every article in ``paths`` (folders walked recursively, in name order)."""
    items: list[Item] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for file in _walk(path):
                items.extend(items_from_file(file))
        elif path.exists():
            items.extend(items_from_file(path, explicit=True))
        else:
            items.append(_failing(str(path), InputError(f"{path} does not exist.")))
    return items


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``; hidden files and folders are skipped."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative):
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED:
            yield path


def items_from_file(path: Path, *, explicit: bool = False) -> list[Item]:
    """The articles in one file; a file that cannot be read yields one failing item.

    JSON files are read now (their article count is needed for progress); text and
    HTML files are read only when loaded, so a huge folder never sits in memory.
    """
    label = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES | JSON_SUFFIXES:
        try:
            data = _read_bytes(path)
            if suffix in JSONL_SUFFIXES:
                return list(_jsonl_items(label, data))
            return json_items(label, article_text(data, label))
        except NewsbotError as err:
            return [_failing(label, err)]
    return [Item(label, lambda: _load_document(path, suffix, explicit=explicit))]


def _load_document(path: Path, suffix: str, *, explicit: bool) -> Article:
    text = article_text(_read_bytes(path), str(path))
    if suffix in HTML_SUFFIXES:
        # trafilatura reads the page's own address (canonical link, og:url) itself.
        return clean_html(text)
    if suffix in MARKDOWN_SUFFIXES:
        return clean_text(markdown_to_text(text))
    if suffix in TEXT_SUFFIXES or not explicit:
        return clean_text(text)
    if _FEED_START.match(text[:1000]):
        raise InputError(
            f"{path} is an RSS or Atom feed: its entries link to pages, so read it from its "
            "address with newsbot ingest --feed URL."
        )
    return parse_article(text)


# The opening of an RSS, Atom or RDF feed (after an XML declaration and comments).
_FEED_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


_MARKDOWN = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE), ""),  # heading marks
    (re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", re.MULTILINE), ""),  # list bullets
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # quotes
    (re.compile(r"(\*\*|__)(\S.*?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(\S[^*]*?)\*(?!\w)"), r"\1"),  # italics
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
)


def markdown_to_text(text: str) -> str:
    """Markdown as plain text: marks removed, link texts kept, paragraphs unchanged."""
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"{path} cannot be read ({err.strerror or 'error'}).") from err


def article_text(data: bytes, label: str) -> str:
    """The text of an article file (or standard input): a BOM, the page's own charset
    declaration, UTF-8, else Windows-1252. Binary data (an image, a PDF) and empty input
    are refused, naming ``label``. ``newsbot ingest`` and ``newsbot summarize`` both read
    files this way, so they agree on what a file says."""
    wide = wide_encoding(data) is not None  # NUL bytes are its text
    if not wide and _binary(data[:8192]):
        raise InputError(f"{label} is binary data, not a text or HTML article.")
    text = decode(data)
    if wide and _binary(text[:8192].encode("utf-8", "replace")):
        raise InputError(f"{label} is binary data, not a text or HTML article.")
    text = _ANSI_CODES.sub("", text) if "\x1b" in text else text
    if not text.strip():
        raise EmptyArticleError(f"{label} is empty.")
    return text


def _binary(head: bytes) -> bool:
    """Whether bytes look like no text: a NUL, or over 5 % control characters (ESC is
    allowed: terminal colours in a saved log are still text)."""
    controls = sum(b < 9 or 13 < b < 27 or 27 < b < 32 for b in head)
    return b"\x00" in head or (bool(head) and controls / len(head) > 0.05)


def _failing(label: str, err: NewsbotError) -> Item:
    def load() -> Article:
        raise err

    return Item(label, load)


def _jsonl_items(label: str, data: bytes) -> Iterator[Item]:
    text = article_text(data, label)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            yield _failing(where, InputError(f"{where} is not valid JSON."))
            continue
        yield _record_item(where, record)


def json_items(label: str, text: str) -> list[Item]:
    """The articles of a .json file's text: one object, a list, or {"articles": [...]}
    (``newsbot summarize`` reads such a file the same way)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{label} is not valid JSON (line {err.lineno}).") from err
    if isinstance(document, dict):
        # {"articles": [...]} exports and JSON Feed ({"items": [...]}) hold a list inside.
        inner = next((document[k] for k in ("articles", "items") if k in document), None)
        document = inner if isinstance(inner, list) else document
    if isinstance(document, list):
        return [_record_item(f"{label}[{i}]", rec) for i, rec in enumerate(document)]
    return [_record_item(label, document)]


def _record_item(where: str, record: Any) -> Item:
    url = _string(record.get("url") or record.get("link")) if isinstance(record, dict) else ""
    return Item(where, lambda: article_from_record(record, where=where), url=url or None)


def article_from_record(record: Any, *, where: str) -> Article:
    """A JSON object with title/body/url/published/source as a cleaned article."""
    if not isinstance(record, dict):
        raise InputError(f"{where} is not a JSON object with a title and a body.")
    title, body = record_title(record), record_text(record, RECORD_TEXT_KEYS)
    if not body:
        raise InputError(
            f"{where} has no article text (expected one of the fields "
            + ", ".join(repr(key) for key in RECORD_TEXT_KEYS)
            + ")."
        )
    url = _string(record.get("url") or record.get("link")) or None
    source = _string(record.get("source")) or source_from_url(url)
    when = record.get("published") or record.get("date") or record.get("date_published")
    published = _published(when)
    if _HTML_HINT.search(body):
        article = clean_html(body, url=url)
        if title:  # the record's headline, not one made from the body's opening words
            extra = {k: v for k, v in article.extra.items() if k != DERIVED_TITLE}
            article = replace(article, title=title, extra=extra)
        return replace(article, source=source, published=published)
    raw = f"{title}\n\n{body}" if title else body
    # No title field: a first line that ends a sentence is text (as summarize --batch reads it).
    return clean_text(raw, url=url, source=source, published=published, untitled=not title)


def _string(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def source_from_url(url: str | None) -> str | None:
    """The site name of an article address ("www.bbc.co.uk" -> "bbc.co.uk")."""
    # Imported here: storage.normalize loads email.utils, socket and hashlib, which
    # `newsbot summarize --batch` (it reads this module for its files) never needs.
    from storage.normalize import site_name

    return site_name(url)


def _published(value: Any) -> str | None:
    """A record's date as storage reads it: a Unix time becomes ISO 8601 UTC, text is
    kept as written (``storage.normalize.normalise_published`` reads ISO and RSS dates,
    and keeps an odd one as written)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(float(value), UTC).isoformat()
        except (OverflowError, OSError, ValueError):  # far outside any calendar
            return None
    return _string(value) or None
