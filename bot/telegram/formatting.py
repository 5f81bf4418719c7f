"""Pure text helpers for bot replies: HTML escaping, 4,096-character splitting, terminal rendering.

Every string that comes from a user or an article goes through :func:`esc`
before it is placed in a reply, so a company called ``<b>AT&T</b>`` shows up
literally and never breaks Telegram's HTML parser.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from html.parser import HTMLParser

MAX_MESSAGE = 4096
# One summary sentence as shown (alerts, digests, /news, /summary), cut with "…": no
# news sentence comes near it (the longest of 2,130 sample and 2,400 dev summary
# sentences has 391 characters), but text that lost its full stops can be one
# "sentence" of thousands of words, which would fill message after message.
SENTENCE_CHARS = 600
# C0/C1 control characters except tab and newline, plus zero-width/bidi marks that
# can disguise text; Telegram rejects some of them and the rest render as garbage.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_UNIT = re.compile(r"<[^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[\s\S]", re.UNICODE)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def clean(text: object, *, limit: int | None = None) -> str:
    """Text without control characters, whitespace-trimmed, cut to ``limit`` with an ellipsis."""
    value = _CONTROL.sub("", str(text)).strip()
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)].rstrip() + "…"
    return value


def esc(text: object, *, limit: int | None = None) -> str:
    """``text`` made safe for a Telegram HTML message (controls removed, ``<>&"`` escaped)."""
    return html.escape(clean(text, limit=limit), quote=True)


def bold(text: object, *, limit: int | None = None) -> str:
    """Escaped text in bold."""
    return f"<b>{esc(text, limit=limit)}</b>"


def italic(text: object, *, limit: int | None = None) -> str:
    """Escaped text in italics."""
    return f"<i>{esc(text, limit=limit)}</i>"


def code(text: object, *, limit: int | None = None) -> str:
    """Escaped text in a monospace span (commands, ids)."""
    return f"<code>{esc(text, limit=limit)}</code>"


def is_safe_url(url: str | None) -> bool:
    """Whether ``url`` is a plain http(s) URL that may become a link."""
    return bool(url and _SAFE_URL.match(url) and len(url) <= 2048)


def link(url: str | None, text: object, *, limit: int | None = None) -> str:
    """A link when ``url`` is a plain http(s) URL, otherwise just the escaped text."""
    label = esc(text, limit=limit)
    if url is not None and is_safe_url(url):
        return f'<a href="{html.escape(url, quote=True)}">{label}</a>'
    return label


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def visible_text(markup: str) -> str:
    """The text a reader sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^<>]*>", "", markup))


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split HTML into messages of at most ``limit`` characters.

    Cuts prefer paragraph breaks, then line breaks, then spaces, and only as a
    last resort a character boundary; a cut never falls inside a tag or an
    entity, and tags open at a cut are closed and reopened in the next part.
    """
    text = text.strip()
    if utf16_len(text) <= limit:
        return [text] if visible_text(text).strip() else []
    units = _UNIT.findall(text)
    parts: list[str] = []
    stack: list[tuple[str, str]] = []
    start = 0
    while start < len(units):
        prefix = "".join(tag for _, tag in stack)
        cut, end_stack = _find_cut(units, start, stack, limit - utf16_len(prefix))
        body = prefix + "".join(units[start:cut]) + _closers(end_stack)
        if visible_text(body).strip():
            parts.append(body.strip())
        start, stack = cut, end_stack
    return parts


def _find_cut(
    units: list[str], start: int, stack: list[tuple[str, str]], budget: int
) -> tuple[int, list[tuple[str, str]]]:
    """The best index to end a part that starts at ``start``, and the tags open there."""
    best: dict[int, tuple[int, list[tuple[str, str]], int]] = {}
    current = list(stack)
    used = 0
    index = start
    while index < len(units):
        unit = units[index]
        after = _apply(current, unit)
        if index > start and used + utf16_len(unit) + utf16_len(_closers(after)) > budget:
            break
        used += utf16_len(unit)
        current = after
        index += 1
        rank = _break_rank(units, index)
        if rank:
            best[rank] = (index, list(current), used)
    if index >= len(units):
        return index, current
    # A paragraph break in the first half would leave a stub message (a lone title),
    # so a later line or word break wins over it.
    ranked = [best[rank] for rank in (3, 2, 1) if rank in best]
    for cut, cut_stack, size in ranked:
        if size * 2 >= used:
            return cut, cut_stack
    if ranked:
        return ranked[0][0], ranked[0][1]
    return index, current


def _break_rank(units: list[str], index: int) -> int:
    """3 after a blank line, 2 after a newline, 1 after a space, 0 elsewhere."""
    last = units[index - 1]
    if last == "\n":
        return 3 if index >= 2 and units[index - 2] == "\n" else 2
    return 1 if last.isspace() else 0


def _apply(stack: list[tuple[str, str]], unit: str) -> list[tuple[str, str]]:
    match = _TAG.match(unit) if unit.startswith("<") else None
    if not match:
        return stack
    closing, name = match.group(1), match.group(2).lower()
    if not closing:
        return [*stack, (name, unit)]
    for pos in range(len(stack) - 1, -1, -1):
        if stack[pos][0] == name:
            return stack[:pos] + stack[pos + 1 :]
    return stack


def _closers(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


_ANSI = {
    "b": ("\x1b[1m", "\x1b[22m"),
    "strong": ("\x1b[1m", "\x1b[22m"),
    "i": ("\x1b[3m", "\x1b[23m"),
    "em": ("\x1b[3m", "\x1b[23m"),
    "u": ("\x1b[4m", "\x1b[24m"),
    "ins": ("\x1b[4m", "\x1b[24m"),
    "s": ("\x1b[9m", "\x1b[29m"),
    "del": ("\x1b[9m", "\x1b[29m"),
    "code": ("\x1b[36m", "\x1b[39m"),
    "pre": ("\x1b[36m", "\x1b[39m"),
}


class _TerminalRenderer(HTMLParser):
    """Telegram HTML -> terminal text: styles as ANSI codes (or nothing), links with their URL."""

    def __init__(self, *, color: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.color = color
        self.out: list[str] = []
        self.hrefs: list[str | None] = []
        self.link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))
            self.link_text.append("")
        elif self.color and tag in _ANSI:
            self.out.append(_ANSI[tag][0])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.hrefs:
            href, label = self.hrefs.pop(), self.link_text.pop()
            if href and href != label.strip():
                self.out.append(f" <{href}>" if not self.color else f" \x1b[2m<{href}>\x1b[22m")
        elif self.color and tag in _ANSI:
            self.out.append(_ANSI[tag][1])

    def handle_data(self, data: str) -> None:
        if self.link_text:
            self.link_text[-1] += data
        self.out.append(data)


def render_terminal(markup: str, *, color: bool = False) -> str:
    """How a Telegram HTML message reads in a terminal (ANSI styles when ``color``)."""
    renderer = _TerminalRenderer(color=color)
    renderer.feed(markup)
    renderer.close()
    text = "".join(renderer.out)
    return text + "\x1b[0m" if color and "\x1b[" in text else text


def format_date(value: str | None) -> str | None:
    """``2026-01-31T08:00:00+00:00`` -> ``31 Jan 2026``; unparseable dates as given."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).strftime("%-d %b %Y")
    except ValueError:
        return value[:32]
