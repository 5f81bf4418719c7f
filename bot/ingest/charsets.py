"""Bytes to text, for pages fetched over HTTP and for files a user gives.

The charset comes from, in order: a UTF-16 or UTF-32 byte-order mark, the HTTP
``Content-Type``, the page's own declaration (XML or ``<meta>``), then UTF-8 and
cp1252, which decodes nearly any byte.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding=["']([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def decode(body: bytes, content_type: str = "") -> str:
    """Bytes to text: a BOM, the HTTP charset, the page's own declaration, UTF-8, cp1252."""
    # A UTF-8 mark is no text, even before text in another charset (it showed as "ï»¿").
    body = body.removeprefix(codecs.BOM_UTF8)
    for candidate in _charsets(body, content_type):
        try:
            return body.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def _charsets(body: bytes, content_type: str) -> Iterator[str]:
    wide = wide_encoding(body)
    if wide:
        yield wide
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            yield value.strip().strip("\"'")
    head = body[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            declared = found.group(1).decode("ascii")
            # A page that can declare its charset in ASCII is no UTF-16 or UTF-32 page:
            # browsers read such a declaration as UTF-8 (HTML's rule); only a BOM says 16.
            yield "utf-8" if declared.lower().startswith(("utf-16", "utf-32")) else declared
    yield "utf-8"
    yield "cp1252"  # files saved by Windows editors; decodes nearly any byte


def wide_encoding(body: bytes) -> str | None:
    """The wide encoding (UTF-32 or UTF-16) a byte-order mark at the start of ``body``
    names, or None (a UTF-8 mark is dropped by :func:`decode` before anything reads it)."""
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    for mark, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(mark):
            return name
    return None
