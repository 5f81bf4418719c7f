"""Whitespace and paragraphs of plain text: what every article goes through first."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINE_RE = re.compile(r"\n\s*\n")
# A block whose lines are this long and do not end sentences is hard-wrapped prose.
_WRAP_MIN, _WRAP_MAX = 30, 100


def normalize(text: str) -> str:
    """NFC, no invisible characters, one space between words, Unix newlines."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))


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
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if not all(_WRAP_MIN <= len(line) <= _WRAP_MAX for line in body):
        return False
    return sum(line[-1] in '.!?:”"' for line in body) <= len(body) // 2
