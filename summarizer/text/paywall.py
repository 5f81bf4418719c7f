"""Whether a fetched page is a paywall's stub: the start of a story shown to everyone and
the rest only to subscribers. Summarising the stub would pass off its teaser as the
story, so the bot says what it could read instead.

Two kinds of evidence, either enough, and only on a page whose cleaned text is short
(a full story behind a "Subscribe" box in the page furniture is summarised as usual):

* the schema.org mark publishers give search engines for paywalled content,
  ``"isAccessibleForFree": false`` (JSON-LD) or ``itemprop="isAccessibleForFree"
  content="False"`` (microdata);
* the sentence a paywall shows where the story stops ("Subscribe to continue reading",
  "This article is for subscribers only", "You have reached your free article limit"),
  beyond the story's own words (a story about paywalls may quote one) and outside the
  site's navigation: a menu, header or footer offering "Subscribe for full access" is on
  every page of the site, free stories too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.text.html_page import looks_like_html, trimmed

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A story shorter than this after cleaning may be a stub; the dev sets' shortest real
# stories run to about 150 words, and paywall teasers to one or two paragraphs.
STUB_WORDS = 250
# A paywall's own notice is a line or two ("You have reached your limit of free articles
# this month."); a longer paragraph saying its words is the story's.
WALL_WORDS = 25

_NOT_FREE = re.compile(
    r"""["']?isAccessibleForFree["']?\s*[:=]\s*["']?false\b"""
    r"""|itemprop\s*=\s*["']isAccessibleForFree["'][^>]*content\s*=\s*["']false""",
    re.IGNORECASE,
)
_WALL = re.compile(
    r"\b(?:subscribe|sign up|log in|sign in|register)\b[^.!?\n]{0,40}\b"
    r"(?:to (?:continue|keep) reading|to read (?:the|this) (?:full|rest|whole|article|story)"
    r"|to read more|for full access|to unlock)"
    r"|\b(?:this|the) (?:article|story|content) is (?:only )?(?:available )?"
    r"(?:for|to) (?:paying |premium )?(?:subscribers|members)"
    r"|\b(?:you(?:'ve| have) (?:reached|used) (?:your|all of your) "
    r"(?:limit of )?(?:\d+ )?free (?:articles?|stories|reads))"
    r"|\bfree (?:article|story) limit\b",
    re.IGNORECASE,
)


def is_paywall_stub(page: str, body: str) -> bool:
    """Whether ``page`` (the fetched HTML or text) is a paywall's stub, ``body`` being
    the text cleaned from it: short, and marked or worded as locked."""
    if len(body.split()) >= STUB_WORDS:
        return False
    return bool(_NOT_FREE.search(page)) or _walled(page, body)


def _walled(page: str, body: str) -> bool:
    """Whether the page shows a paywall's words beyond those the story itself says: a
    short story about paywalls ("readers are asked to subscribe to continue reading")
    is no stub. A wall sentence the cleaning kept ends the text: a short last paragraph
    is not counted as the story's."""
    if not _WALL.search(page):  # most pages: no need to read their structure
        return False
    story, _, last = body.strip().rpartition("\n\n")
    if len(last.split()) > WALL_WORDS:
        story = body
    return len(_WALL.findall(_outside_navigation(page))) > len(_WALL.findall(story))


# The site's furniture round every page, free or not: menus, headers, footers.
_NAV_TAGS = frozenset(("nav", "header", "footer", "menu"))
_NAV_ROLES = frozenset(("navigation", "banner", "contentinfo", "menu", "menubar"))
_NAV_NAMES = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|masthead)(?:$|[\s_-])", re.I)


def _outside_navigation(page: str) -> str:
    """The text of an HTML page (scripts included: a wall may be written by one)
    without its navigation: nav, header, footer and menu elements, ARIA navigation
    roles, and elements whose class or id names a menu; plain text as it is."""
    from lxml import etree
    from lxml import html as lxml_html

    if not looks_like_html(page):
        return page
    try:
        root = lxml_html.document_fromstring(trimmed(page))  # a huge page: its head
    except (etree.ParserError, ValueError):
        return page
    furniture = [element for element in root.iter() if _is_navigation(element)]
    for element in furniture:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows it
    return " ".join(root.itertext())  # "</p><div>Subscribe": two words, not "plantSubscribe"


def _is_navigation(element: HtmlElement) -> bool:
    """Whether an element is the site's navigation rather than the page's own."""
    if not isinstance(element.tag, str):  # comments, processing instructions
        return False
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return (
        element.tag.lower() in _NAV_TAGS
        or element.get("role", "").lower() in _NAV_ROLES
        or bool(_NAV_NAMES.search(names))
    )
