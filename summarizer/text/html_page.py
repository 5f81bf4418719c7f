"""The main text of an HTML page and its metadata (trafilatura), before any cleaning."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from summarizer.text.normalize import normalize

_HTML_RE = re.compile(
    r"<\s*(!doctype\s+html|html|head|body|article|p|div|meta|title|br)\b", re.IGNORECASE
)
# Page parts that are never text: scripts, styles, inline images, comments (as opening
# and closing marks, lower case: found with str.find, linear however the page is made).
_NOT_TEXT = (
    ("<script", "</script>"),
    ("<style", "</style>"),
    ("<svg", "</svg>"),
    ("<noscript", "</noscript>"),
    ("<!--", "-->"),
)
MAX_HTML_CHARS = 1_500_000
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_SITE_SUFFIX_RE = re.compile(r"^(.{10,}?)\s+[|–—-]\s+([^|–—-]{2,40})$")


@dataclass(frozen=True, slots=True)
class Page:
    """What a page says about itself: its headline (without " | Site"), its
    normalised non-empty text lines, site name, canonical address and date."""

    title: str
    lines: tuple[str, ...]
    site: str | None = None
    url: str | None = None
    published: str | None = None


def looks_like_html(data: str) -> bool:
    """True when ``data`` is an HTML document or fragment rather than plain text."""
    return bool(_HTML_RE.search(data[:5000]))


def extract_page(html: str, *, url: str | None = None, text_limit: int | None = None) -> Page:
    """The page's main text and metadata; tiny pages fall back to plain tag stripping.
    With ``text_limit``, only the page's first ``text_limit`` characters of text (and
    the markup round them) are read: the bot reading a huge page a chat sent."""
    import trafilatura

    html = trimmed(html)
    if text_limit is not None:
        html = text_head(html, text_limit)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        # No extensive search: its last resort, the footer's "© 2026", made every
        # undated page "published 1 Jan 2026". Meta tags and visible dates still count.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():  # tiny pages: plain tag stripping
        # A bare fragment ("<p>…</p>", a JSON record's body) strips to nothing unless
        # it stands in a page: <html><body>.
        text = (
            trafilatura.html2txt(html)
            or trafilatura.html2txt(f"<html><body>{html}</body></html>")
            or ""
        )
    site = getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
    return Page(
        title=_page_title(getattr(doc, "title", None) or "", site),
        lines=tuple(line for line in normalize(text).split("\n") if line),
        site=site,
        url=url or getattr(doc, "url", None),
        published=getattr(doc, "date", None),
    )


def trimmed(html: str) -> str:
    """``html`` without scripts, styles and comments when it is large, and cut after
    ``MAX_HTML_CHARS`` (at a tag's end): trafilatura takes about a second per megabyte,
    and no story needs more. A page of one paragraph repeated 5 MB long took 6 s."""
    if len(html) <= MAX_HTML_CHARS:
        return html
    for opening, closing in _NOT_TEXT:
        html = _without(html, opening, closing)
    if len(html) <= MAX_HTML_CHARS:
        return html
    end = html.rfind(">", 0, MAX_HTML_CHARS)
    return html[: end + 1 if end > 0 else MAX_HTML_CHARS]


def text_head(html: str, limit: int) -> str:
    """``html`` up to the element where its text passes ``limit`` characters, with
    everything after that element dropped; ``html`` itself when its text is shorter.
    One parse and one walk (lxml, in C): trafilatura then reads only that part."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html  # trafilatura reports what it cannot read
    seen = 0
    for element in root.iter():
        seen += len(element.text or "") + len(element.tail or "")
        if seen > limit:
            break
    else:
        return html
    element.tail = None
    node = element
    while (parent := node.getparent()) is not None:
        for later in list(node.itersiblings()):
            parent.remove(later)
        node = parent
    return str(lxml_html.tostring(root, encoding="unicode"))


def _without(html: str, opening: str, closing: str) -> str:
    """``html`` without each part from ``opening`` to ``closing`` (any case); one left
    open runs to the end, as a browser reads it."""
    lower = _ascii_lower(html)
    kept, at = [], 0
    while (start := lower.find(opening, at)) >= 0:
        kept.append(html[at:start])
        end = lower.find(closing, start + len(opening))
        at = len(html) if end < 0 else end + len(closing)
    kept.append(html[at:])
    return " ".join(kept)


def _ascii_lower(html: str) -> str:
    """``html`` lower-cased at the same length, for finding ASCII marks in it.

    ``str.lower`` runs in C at memory speed, but may change the length ("İ" becomes
    two characters): then the exact ASCII table, ~50x slower on text that is not
    ASCII (0.85 s a call on a 5 MB page)."""
    lower = html.lower()
    return lower if len(lower) == len(html) else html.translate(_ASCII_LOWER)


def _page_title(title: str, site: str | None) -> str:
    """The headline without a trailing " | Site name"."""
    title = normalize(title).replace("\n", " ").strip()
    match = _SITE_SUFFIX_RE.match(title)
    if match and (not site or match.group(2).strip().lower() == site.lower() or "|" in title):
        return match.group(1).strip()
    return title
