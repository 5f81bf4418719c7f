"""Which fields of a JSON article record hold its headline and its text.

Data sets and exports name them differently ("article", "body", "text", XSum's
"document"), and some hold the text as a list of paragraphs or sentences. Shared by
``newsbot ingest`` (JSON and JSON Lines files), ``summarize --batch`` and ``eval``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

# A corpus line's story text, never its summary (``eval`` reads "summary" as the reference).
CORPUS_TEXT_KEYS = ("article", "body", "text", "document", "content", "story")
# A stored or exported article: feed-like records may hold only a summary or description.
RECORD_TEXT_KEYS = (
    "body",
    "text",
    "content",
    "article",
    "document",
    "story",
    "content_html",
    "content_text",
    "summary",
    "description",
)
TITLE_KEYS = ("title", "headline")


def record_text(record: Mapping[str, Any], keys: Sequence[str] = CORPUS_TEXT_KEYS) -> str:
    """The first non-blank text among ``keys``; a list of strings is joined as paragraphs
    (one per line). "" when there is none."""
    for key in keys:
        text = _text(record.get(key), sep="\n")
        if text:
            return text
    return ""


def record_title(record: Mapping[str, Any]) -> str:
    """The headline ("title" or "headline"), "" when there is none."""
    return next((t for key in TITLE_KEYS if (t := _text(record.get(key), sep=" "))), "")


def _text(value: Any, *, sep: str) -> str:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return sep.join(item.strip() for item in value if item.strip())
    if value is None or isinstance(value, (bool, dict, list)):
        return ""
    return str(value).strip()
