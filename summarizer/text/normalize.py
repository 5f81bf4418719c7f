"""Whitespace and paragraphs of plain text: what every article goes through first."""

from __future__ import annotations

import html
import re
import unicodedata
from itertools import pairwise

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Every space _SPACES_RE collapses but " " (U+2000 to U+200A are typographic spaces).
_ODD_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_SPACES_RE = re.compile(f"[ {_ODD_SPACES}]+")
_BLANK_LINE_RE = re.compile(r"\n\s*\n")
# A run of pipes separates documents, it is no prose: corpora that join several articles
# into one row (Multi-News: "… plant. ||||| Acme said …") and page dividers.
_SEPARATOR_RE = re.compile(r"[ \t]*\|{3,}[ \t]*")
# Text that holds an HTML character reference was escaped for a page and never unescaped
# ("AT&amp;T", "&#163;1.8m", "&quot;"): the reader should see "AT&T", "£1.8m", '"'.
_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A block whose lines are this long and do not end sentences is hard-wrapped prose.
_WRAP_MIN, _WRAP_MAX = 30, 100
_LIST_ITEM = ("- ", "• ", "* ", "– ", "— ")


def normalize(text: str) -> str:
    """NFC, no invisible characters, one space between words, Unix newlines; HTML
    character references unescaped, and a run of "|||" between documents is a paragraph
    break."""
    if "&" in text and _ENTITY_RE.search(text):
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        for char in _INVISIBLE_CHARS:  # str.translate: ~20x slower on non-ASCII text
            if char in text:
                text = text.replace(char, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "|||" in text:
        text = _SEPARATOR_RE.sub("\n\n", text)
    if not _has_odd_spacing(text):  # then _SPACES_RE would only swap " " for " "
        return "\n".join([line.strip() for line in text.split("\n")])
    return "\n".join([_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")])


def _has_odd_spacing(text: str) -> bool:
    """Two spaces in a row, or a space other than " " (substring tests: a regex
    stepping through the text is ~6x slower)."""
    if "  " in text or "\t" in text:
        return True
    return not text.isascii() and any(space in text for space in _ODD_SPACES)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line blocks; lines of a block are paragraphs
    of their own unless the block is hard-wrapped prose."""
    paragraphs: list[str] = []
    for block in _BLANK_LINE_RE.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the lines are one paragraph wrapped at a width of 30-100 characters."""
    if len(lines) < 2:
        return False
    # The width from lines with a space: a long address on a line of its own overruns it.
    width = max((len(line) for line in lines if " " in line), default=0) or max(map(len, lines))
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return False
    # Wrapped at a width, each line is full: the next line's first word would not have
    # fitted on it. A headline over a longer first paragraph ("Toyota recalls cars" and
    # "Toyota said on ...", no blank line between) is two paragraphs; so are list items.
    for line, after in pairwise(lines):
        if len(line) > _WRAP_MAX or after.startswith(_LIST_ITEM):
            return False
        if len(line) + 1 + len(after.split(None, 1)[0]) <= width:
            return False
    body = lines[:-1]
    return sum(line[-1] in '.!?:”"' for line in body) <= len(body) // 2


_WORD_RE = re.compile(r"\w+")
# ASCII characters that are not \w become spaces: on ASCII text, splitting the result
# gives exactly the \w+ runs, about twice as fast as the regex.
_ASCII_NON_WORD = str.maketrans(
    {code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")}
)


def paragraph_key(text: str) -> str:
    """The paragraph's words, lower-cased: paragraphs that differ only in punctuation
    and spacing are repeats."""
    lowered = text.lower()
    if lowered.isascii():
        return " ".join(lowered.translate(_ASCII_NON_WORD).split())
    return " ".join(_WORD_RE.findall(lowered))
