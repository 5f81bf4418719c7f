"""What ``/summary`` is given, read as people paste it: an article number or a web page.

"<https://…>" (mail, Markdown), "(https://…).", "12." and a link pasted without its
scheme ("www.bbc.co.uk/news/…", "reuters.com/markets/…", as browsers show addresses and
people type them) all name what they would name in a browser.
"""

from __future__ import annotations

import re

# What a pasted reference comes wrapped in: <https://…> (mail, Markdown), (…), quotes.
_WRAPPERS = (("<", ">"), ("(", ")"), ("[", "]"), ('"', '"'), ("“", "”"), ("'", "'"))
# A host name (letters in its last label, so never an address such as 10.0.0.1 or an
# article number) and a path; a bare host only with "www.": "Tesla.com" alone is no page.
_HOST = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
_SCHEMELESS = re.compile(rf"^(?:{_HOST}/\S*|www\.{_HOST}/?)$", re.IGNORECASE)


def unwrapped(ref: str) -> str:
    """``ref`` without the sentence's punctuation or the brackets it was pasted in:
    "<https://…>", "(https://…).", "12." (a URL's own closing bracket stays)."""
    ref = ref.strip().rstrip(".,;:!?")
    for left, right in _WRAPPERS:
        if len(ref) > 2 and ref[0] == left and ref[-1] == right:
            return ref[1:-1].strip()
    return ref


def with_scheme(ref: str) -> str:
    """A link pasted without its scheme as the https:// address a browser would open;
    anything else unchanged."""
    return f"https://{ref}" if _SCHEMELESS.match(ref) else ref
