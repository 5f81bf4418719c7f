"""Text from elsewhere (web pages, feeds, servers' error texts) made safe for a terminal.

Remote text can carry terminal control sequences (ESC ``[2J``, OSC title changes,
a ``\\r`` that overwrites the line, C1 codes, bidirectional overrides). Everything
the CLI prints from a page or a feed passes through one of these functions first.
"""

from __future__ import annotations

import re

# C0 controls but tab/newline, DEL, C1 controls, and the bidi embedding/override/isolate codes.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[\t\n]+")


def terminal_text(text: str) -> str:
    """``text`` without control characters; newlines and tabs are kept."""
    return _CONTROLS.sub("", text)


def terminal_line(text: str) -> str:
    """``text`` as one line: control characters dropped, newlines and tabs become spaces."""
    return _SPACES.sub(" ", terminal_text(text))


def json_text(dumped: str) -> str:
    """JSON from ``json.dumps(..., ensure_ascii=False)`` with the controls it leaves raw
    (DEL, C1, bidi) escaped as ``\\uXXXX``: the same data, harmless on a terminal."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
