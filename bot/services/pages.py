"""A web page the bot fetched, read within a bound: the first part of a huge page only.

A page a chat names with ``/summary URL`` (or an admin's ``/ingest URL``) is cleaned,
matched against the companies and stored in the bot's shared heavy pool, so its size
must not decide how long other chats wait. A news story says what it is about, and
whom, in its first part: the longest of the 2,258 dev articles (BBC, CNN/DailyMail,
Wikinews) is 19,103 characters, so reading the first ``MAX_PAGE_CHARS`` changes
nothing for any of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.services.news import MAX_SUMMARY_CHARS
from summarizer.errors import FetchError

if TYPE_CHECKING:
    from summarizer.article import Article

# The cleaned text kept from a page: the bound a summary reads, so a page kept is read whole.
MAX_PAGE_CHARS = MAX_SUMMARY_CHARS
# Text read before cleaning, a multiple of what is kept: cleaning drops furniture and
# repeated paragraphs (and of HTML, the page's menus and links), and the rest must
# still fill MAX_PAGE_CHARS. Of HTML, the markup round that text is read too.
RAW_FACTOR = 4


@dataclass(frozen=True, slots=True)
class ReadPage:
    """The article read from a page, and how many words of it were read when the page
    was longer than what is kept (0: the whole page was read)."""

    article: Article
    words_read: int = 0


def read_page(text: str, *, url: str | None = None, limit: int = MAX_PAGE_CHARS) -> ReadPage:
    """The page's article, from at most its first ``limit`` characters of clean text
    (whole paragraphs, then a sentence end). Raises EmptyArticleError, and FetchError
    for a paywall's stub: the reply says so rather than summarise a teaser as the story."""
    from summarizer.text.clean import looks_like_html, parse_article
    from summarizer.text.paywall import is_paywall_stub

    raw_cut, raw = False, limit * RAW_FACTOR
    if not looks_like_html(text) and len(text) > raw:
        text, raw_cut = _raw_head(text, raw), True
    article, cut = parse_article(text, url=url, text_limit=raw).head(limit)
    if is_paywall_stub(text, article.body):
        words = len(article.body.split())
        raise FetchError(
            f"That page is behind a paywall: it shows only the start of the story "
            f"({words} word{'s' if words != 1 else ''}) to readers without a subscription, "
            "so I can't summarise it. The same story from another outlet may be open: "
            "/search with a few words of its headline finds stored ones.",
            url=url,
        )
    if not (cut or raw_cut):
        return ReadPage(article)
    return ReadPage(article, words_read=len(article.body.split()))


def _raw_head(text: str, size: int) -> str:
    """The first ``size`` characters of plain text, ending at a line break (else a
    space) in their second half, so no word or line is cut in two."""
    for mark in ("\n", " "):
        end = text.rfind(mark, size // 2, size)
        if end > 0:
            return text[:end]
    return text[:size]
