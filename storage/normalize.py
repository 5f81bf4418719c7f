"""Pure helpers that decide what counts as "the same article" and make search input safe."""

from __future__ import annotations

import email.utils
import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Click and campaign trackers that never change which page a URL points to.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ref_src",
        "cmpid",
        "ocid",
        "smid",
        "sr_share",
    }
)
TRACKING_PREFIXES = ("utm_",)
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_SEARCH_TERMS = 16
_FTS_OPERATORS = frozenset({"AND", "NOT", "NEAR"})


def canonical_url(url: str | None) -> str | None:
    """One spelling per page: lower-case scheme and host, no trackers, fragment or final /.

    >>> canonical_url("HTTPS://Example.COM/news/a/?utm_source=x&id=2#top")
    'https://example.com/news/a?id=2'
    """
    text = (url or "").strip()
    if not text:
        return None
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    if not parts.scheme or not parts.hostname:
        return text
    scheme = parts.scheme.lower()
    host = parts.hostname.lower().rstrip(".")
    if port is not None and DEFAULT_PORTS.get(scheme) != port:
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMS and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def site_name(url: str | None) -> str | None:
    """The site an address belongs to, as a reader names it ("www.bbc.co.uk" -> "bbc.co.uk")."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") or None if host else None


def _normal_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(body: str) -> str:
    """A hash of the normalised text: case, spacing and Unicode forms ignored.

    The title is left out on purpose: the same text under two headlines (a wire story
    retitled by each outlet) is one article.
    """
    return hashlib.sha256(_normal_text(body or "").encode("utf-8")).hexdigest()


def normalise_published(value: str | None) -> str | None:
    """ISO-8601 UTC when the date can be read (ISO or RSS style), else the text as given."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


# A search term: a phrase in quotes (its words next to each other, in order), maybe
# -"left out", or a word; an unclosed quote is only a character of its word.
_CHUNK = re.compile(r'-?"[^"]*"|-?“[^”]*”|\S+')


def search_terms(text: str) -> list[str]:
    """The terms of a query as typed: phrases in quotes and words, with a bare upper-case
    ``NOT word`` read as ``-word`` (boolean search's way to leave a word out) and a bare
    ``AND`` or ``NEAR`` dropped (every word must appear anyway), never words an article
    must hold ("apple NOT google" found only articles naming Google).

    >>> search_terms('apple NOT google AND "takeover bid"')
    ['apple', '-google', '"takeover bid"']
    """
    terms: list[str] = []
    negate = False
    for chunk in _CHUNK.findall(text or ""):
        if chunk in _FTS_OPERATORS:
            negate = chunk == "NOT"
            continue
        if negate and chunk != "OR" and not chunk.startswith("-"):
            chunk = "-" + chunk
        terms.append(chunk)
        negate = False
    return terms


# Scripts written without spaces between words (Thai, Japanese kana, CJK ideographs) and
# Hangul, whose words carry their particles ("서울에서"): FTS5's unicode61 tokenizer reads
# a whole run as one token, so a word inside a run ("東京" in "…は東京で…") never matched.
_RUN_SCRIPTS = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def substring_terms(query: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """For a query with a word in such a script: (texts an article must hold, texts it
    must not), each as typed (ASCII letters lower-cased, as SQLite's ``lower`` does);
    None for any other query, and for one with ``OR``, which the full-text index answers.

    >>> substring_terms('東京 -"新工場" Toyota')
    (('東京', 'toyota'), ('新工場',))
    """
    terms = search_terms(query)
    if "OR" in terms or not any(_RUN_SCRIPTS.search(term) for term in terms):
        return None
    must: list[str] = []
    must_not: list[str] = []
    for term in terms:
        text = term.removeprefix("-").strip('"“”*')
        text = "".join(ch.lower() if ch.isascii() else ch for ch in " ".join(text.split()))
        if any(ch.isalnum() for ch in text):
            (must_not if term.startswith("-") else must).append(text)
    return (tuple(must), tuple(must_not)) if must else None


def _phrase(chunk: str) -> str | None:
    prefix = chunk.endswith("*")
    word = re.sub(r'["“”]', " ", chunk.strip("*")).strip()
    if not any(ch.isalnum() for ch in word):
        return None  # emoji or punctuation alone: the FTS tokenizer would see nothing
    quoted = '"' + re.sub(r"\s+", " ", word) + '"'
    return quoted + "*" if prefix else quoted


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression for what a user typed, or None when nothing is left.

    A phrase in quotes is matched as one (its words together, in order).
    Every word is quoted, so FTS syntax (quotes, ``*``, ``NEAR``, ``:``, brackets) is
    literal; a bare upper-case ``OR`` between words is kept as an operator, and a word
    written ``-word`` (or ``NOT word``) is left out (as in web search engines).
    Exclusions alone match nothing, so they give None.

    >>> fts_query('Tesla OR "BYD" AND sales*')
    '"Tesla" OR ("BYD" "sales"*)'
    >>> fts_query('apple -pie')
    '("apple") NOT "pie"'
    """
    groups: list[list[str]] = [[]]
    excluded: list[str] = []
    for chunk in search_terms(text)[: MAX_SEARCH_TERMS * 2]:
        if chunk == "OR":
            if groups[-1]:
                groups.append([])
            continue
        phrase = _phrase(chunk[1:] if chunk.startswith("-") else chunk)
        if phrase is None or sum(map(len, groups)) + len(excluded) >= MAX_SEARCH_TERMS:
            continue
        (excluded if chunk.startswith("-") else groups[-1]).append(phrase)
    groups = [group for group in groups if group]
    if not groups:
        return None
    if len(groups) == 1:
        query = " ".join(groups[0])
    else:
        query = " OR ".join(
            "(" + " ".join(group) + ")" if len(group) > 1 else group[0] for group in groups
        )
    if not excluded:
        return query
    return f"({query})" + "".join(f" NOT {phrase}" for phrase in excluded)


# A query word typed as an acronym ("EV", "BYD", "IPO", "EVs"): capitals, maybe digits.
_ACRONYM = re.compile(r"([A-Z][A-Z0-9]{1,4})s?")


def acronyms(query: str) -> tuple[str, ...]:
    """The words of ``query`` typed as acronyms, which an article must hold as words.

    The index stems words (so "battery" finds "batteries"), and a stemmed acronym also
    finds ordinary words: "EV" found "Christmas Eve". Not for a query with ``OR`` (whose
    words need not all appear).
    """
    words = search_terms(query)
    if "OR" in words:
        return ()
    return tuple(m.group(1) for w in words if (m := _ACRONYM.fullmatch(w)))


def _word_re(word: str) -> re.Pattern[str]:
    # Two capitals as written ("IT" is not "it", "US" not "us"); longer ones in any case,
    # as some outlets write them ("Nasa", "Aids").
    flags = re.IGNORECASE if len(word) > 2 else 0
    return re.compile(rf"(?<![^\W_]){re.escape(word)}(?:s|['’]s)?(?![^\W_])", flags)


def holds_words(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds each of ``words`` as a word of its own, maybe plural ("EVs",
    "IPO's"): "EV" is not in "Eve" or "every", "IT" not in "it"; three capitals or more
    in any case ("NASA" finds "Nasa")."""
    return all(_word_re(word).search(text) for word in words)


def _phrase_re(phrase: str) -> re.Pattern[str]:
    """A quoted phrase's words in a row, each by its first letters ("takeover bids")."""
    words = re.findall(r"\w+", phrase.casefold())
    stems = (re.escape(w[: max(4, len(w) - 2)]) + r"\w*" for w in words)
    return re.compile(r"\b" + r"\W+".join(stems), re.IGNORECASE)


def snippet(body: str, query: str, *, width: int = 160) -> str:
    """About ``width`` characters of ``body`` around the first word (or quoted phrase)
    of ``query`` found.

    Words are matched by their first letters, so "battery" finds "batteries"; a word
    typed as an acronym ("EV") only as a word of its own.
    """
    lowered = body.casefold()
    starts = []
    for chunk in search_terms(query):
        word = "".join(ch for ch in chunk.casefold() if ch.isalnum())
        if chunk == "OR" or chunk[0] == "-":  # an operator, or a word the article lacks
            continue
        if chunk[0] in '"“' and word:  # a phrase: its words together, each by its first letters
            m = _phrase_re(chunk).search(body)
            found = m.start() if m else -1
        elif acronym := _ACRONYM.fullmatch(chunk):  # as a word: "EV" is not the "ev" of "every"
            m = _word_re(acronym.group(1)).search(body)
            found = m.start() if m else -1
        elif word:
            found = lowered.find(word[: max(4, len(word) - 2)])
        else:
            continue
        if found >= 0:
            starts.append(found)
    start = max(0, min(starts, default=0) - width // 3)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    text = " ".join(body[start : start + width].split())
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(body) else ""
    return prefix + text + suffix
