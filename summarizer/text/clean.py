"""Turn a scraped page (plain text or HTML) into a clean :class:`Article`.

Plain text is normalised and cut into paragraphs (:mod:`summarizer.text.normalize`),
HTML first gives up its main text (:mod:`summarizer.text.html_page`), and both go
through the same boilerplate pass (:mod:`summarizer.text.boilerplate`): page
furniture dropped, the other-stories tail cut, repeats and the headline removed.
The first line is the headline unless it reads like the story itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.article import Article
from summarizer.errors import EmptyArticleError
from summarizer.text.boilerplate import (
    LINE_RULES,
    TAIL_MARKERS,
    Rule,
    clean_paragraphs,
    is_boilerplate,
    matching_rule,
)
from summarizer.text.capitals import has_capitals, opened
from summarizer.text.dateline import dateline_end
from summarizer.text.html_page import extract_page, looks_like_html
from summarizer.text.normalize import normalize, split_paragraphs

__all__ = [
    "DERIVED_TITLE",
    "LINE_RULES",
    "TAIL_MARKERS",
    "Rule",
    "article_from_parts",
    "clean_html",
    "clean_paragraphs",
    "clean_text",
    "is_boilerplate",
    "is_derived_title",
    "looks_like_html",
    "matching_rule",
    "normalize",
    "parse_article",
    "split_paragraphs",
]

_ENDS = ".!?\"”'’…)"
# A line longer than this is never a headline.
_HEADLINE_MAX_WORDS, _HEADLINE_MAX_CHARS = 25, 300
# A first line of two sentences and at least this many words is text, not a headline.
_PROSE_MIN_WORDS = 12
# Abbreviations whose full stop does not end a sentence ("U.S." and "J." are told apart
# by their inner stop or single letter).
_ABBREVIATION_WORDS = (
    "Mr Mrs Ms Dr St Jr Sr Prof Gov Sen Rep Gen Col Lt Capt Sgt Rev Mt Ave Co Corp Inc Ltd No "
    "vs Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
# Article.extra key set when the title was made from the text's opening words
# (the text had no headline line), so that sentence is not dropped as a repeat.
DERIVED_TITLE = "derived_title"


def clean_text(
    raw: str,
    *,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
    untitled: bool = False,
) -> Article:
    """An article from plain text: title = first non-empty line, boilerplate stripped.
    With ``untitled`` (the caller knows there is no headline), a first line that
    ends a sentence is text, not a headline.

    Raises EmptyArticleError when nothing readable is left.
    """
    meta = {"url": url, "source": source, "published": published}
    return _from_paragraphs(split_paragraphs(normalize(raw)), untitled=untitled, **meta)


def _from_paragraphs(paragraphs: list[str], *, untitled: bool, **meta: str | None) -> Article:
    """``clean_text`` of text already normalised and split into ``paragraphs``."""
    while paragraphs and is_boilerplate(paragraphs[0]):
        paragraphs.pop(0)  # a leading byline or share bar is not the headline
    if not paragraphs:
        raise EmptyArticleError("The article is empty.")
    title, body = paragraphs[0], paragraphs[1:]
    if _looks_like_prose(title) or ((untitled or not body) and _untitled_text(title)):
        # No headline line: keep the text whole and title it with its opening words.
        title, body = _short_title(title), paragraphs
        extra = {DERIVED_TITLE: "1"}
    elif not body:
        raise EmptyArticleError(
            "The article has no text to summarize: one short line, no sentence."
            if untitled
            else "The article has a headline but no text."
        )
    else:
        extra = {}
    kept = clean_paragraphs(body, title="" if extra else title)
    return _article(title, kept, extra=extra, **meta)


def article_from_parts(
    title: str,
    body: str,
    *,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
) -> Article:
    """An article from a known headline and body text (a feed item, a stored row,
    a corpus line); the body gets the same boilerplate pass as any page."""
    title = normalize(title).replace("\n", " ").strip()
    paragraphs = split_paragraphs(normalize(body))
    if not title or is_derived_title(title, paragraphs):
        # No headline given, or the one ``clean_text`` made from the opening words when
        # the text was stored: the opening sentence is the story's lead, keep it (as a
        # headline it would be dropped as a repeat of itself). The body is split once.
        meta = {"url": url, "source": source, "published": published}
        return _from_paragraphs(paragraphs, untitled=True, **meta)
    kept = clean_paragraphs(paragraphs, title=title)
    return _article(title, kept, url=url, source=source, published=published)


def clean_html(html: str, *, url: str | None = None, text_limit: int | None = None) -> Article:
    """An article from an HTML page: trafilatura finds the main text and metadata,
    then the same boilerplate pass as for plain text runs. ``text_limit``: read only
    the part of the page holding its first ``text_limit`` characters of text."""
    page = extract_page(html, url=url, text_limit=text_limit)
    meta = {"url": page.url, "source": page.site, "published": page.published}
    if not page.lines:
        raise EmptyArticleError("The page has no readable article text.")
    if not page.title:
        # No <title>, <h1> or og:title: its first line is the headline only if it reads
        # like one, as in plain text. An HTML fragment (a JSON record's or a feed's body)
        # opens on its lead, which was taken for the headline and lost ("no readable
        # text" when it was the only paragraph).
        return _from_paragraphs(list(page.lines), untitled=True, **meta)
    kept = clean_paragraphs(page.lines, title=page.title)
    return _article(page.title, kept, url=page.url, source=page.site, published=page.published)


def parse_article(data: str, *, url: str | None = None, text_limit: int | None = None) -> Article:
    """Clean ``data``, HTML or plain text (detected). Raises EmptyArticleError.
    ``text_limit``: of an HTML page, read only the part holding that much text."""
    if "\x00" in data:
        raise EmptyArticleError("The input is binary data, not an article.")
    if not data.strip():
        raise EmptyArticleError("The article is empty.")
    if looks_like_html(data):
        return clean_html(data, url=url, text_limit=text_limit)
    return clean_text(data, url=url)


def _article(
    title: str,
    paragraphs: tuple[str, ...],
    *,
    extra: dict[str, str] | None = None,
    **meta: str | None,
) -> Article:
    if not paragraphs:
        raise EmptyArticleError("The article has no text after removing page boilerplate.")
    return Article(title=title, paragraphs=paragraphs, extra=extra or {}, **meta)


def _looks_like_prose(line: str) -> bool:
    """A first line that is text, not a headline: long and closed, or two sentences
    ("Acme will build a plant in Ohio. The $3.5bn factory will ...")."""
    if line[-1:] not in _ENDS:
        return False
    # (At most 31 pieces: a one-paragraph article is one "line" of thousands of words.)
    words = line.split(None, 30)
    if len(words) > 30:
        return True
    return (
        len(words) >= _PROSE_MIN_WORDS
        and _ends_sentence(words[-1])
        and any(map(_ends_sentence, words[2:-1]))
    )


def _untitled_text(line: str) -> bool:
    """A lone paragraph is the article itself (CNN/DM rows, scraped pages), not a
    headline without text, when it ends a sentence or is longer than any headline."""
    return (
        line[-1:] in _ENDS
        or len(line) > _HEADLINE_MAX_CHARS
        or len(line.split()) > _HEADLINE_MAX_WORDS
    )


def is_derived_title(title: str, paragraphs: Sequence[str]) -> bool:
    """True when ``title`` is the one ``clean_text`` makes from the opening words of text
    without a headline (as a stored article keeps it): no headline of its own."""
    return bool(paragraphs) and title == _short_title(paragraphs[0])


def _short_title(line: str, words: int = 10) -> str:
    """A headline for untitled text: its opening sentence when that is short, else its
    first ``words`` words and "…"; never a wire tag ("(CNN)He's a..." -> "He's a...").
    Text that lost its capitals gets a headline opening on one, as its summary does."""
    line = line[dateline_end(line) :].lstrip()
    if not has_capitals(line):
        line = opened(line)
    parts = line.split(None, words)
    for k, word in enumerate(parts[2:words], start=3):
        if _ends_sentence(word):
            return " ".join(parts[:k])
    title = " ".join(parts[:words])
    if len(title) > _HEADLINE_MAX_CHARS:  # a run-on "word" (a pasted URL, a binary dump)
        return title[:_HEADLINE_MAX_CHARS].rstrip() + "…"
    return title + ("…" if len(parts) > words else "")


def _ends_sentence(word: str) -> bool:
    """True for a word that closes a sentence ("nation?", "so.", 'said."'), not for an
    abbreviation ("U.S.", "Mr.", "Inc.") or an initial ("J.")."""
    bare = word.rstrip("\"”’')")
    if bare[-1:] not in ("!", "?", "."):
        return False
    stem = bare[:-1]
    return bare[-1] != "." or (len(stem) > 1 and "." not in stem and stem not in _ABBREVIATIONS)
