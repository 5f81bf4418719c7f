"""A story's text recased: which names it holds, which count, and their spelling."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from summarizer.companies.aboutness.cues import acts, window
from summarizer.companies.finding.described import LEADS
from summarizer.companies.finding.judge import NAME_TITLES
from summarizer.companies.finding.recase.forms import (
    abbreviation_after,
    places,
    short_form_names,
    spread,
)
from summarizer.companies.finding.recase.spellings import (
    FORMS,
    Name,
    Spellings,
    Token,
    bare,
    cued,
    sure,
)
from summarizer.companies.registry.names import is_first_name
from summarizer.text.capitals import has_capitals, lost_capitals

_LOWER = re.compile(r"[a-z]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|&")
# The first letter of a part, or of a sentence after ". ", "! ", "? " (quotes allowed).
_OPENING = re.compile(r"(?:^|(?<=[.!?])[\"'”’)]*\s+)[\"“‘(]?[a-z]")
_REPEATED = 2  # uses of a name that is not sure at once (module docstring)
# A passive ("the target was confirmed") is no company acting: any noun takes one.
_PASSIVE = re.compile(r"\s+(?:is|was|are|were|has been|have been|had been)\s+\w+ed\b")
# Words after a one-word name that make it a company's: "shell plc", "altria group".
_AFTER = FORMS | {"group"}
# Words before a company word that make it no lead-in: "the company next year ...".
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "its", "their", "his", "her"))
_BRACKETS = re.compile(r"\(([a-z][a-z&]{1,5})\)")  # "(lse)", "(s&n)"


def readable(parts: Sequence[str], spelled: Callable[[], Spellings]) -> Sequence[str]:
    """``parts`` as matching reads them: unchanged when the story holds both cases (nearly
    always), else lower-cased if all in capitals and recased with ``spelled()``."""
    if mixed(parts):
        return parts
    parts = lowered(parts) or parts
    return recased(parts, spelled()) if caseless(parts) else parts


def caseless(parts: Sequence[str]) -> bool:
    """Whether the story in ``parts`` (headline, then paragraphs) holds text but no
    capital A-Z (but for the word "I"): its paragraphs, whatever its headline is (a feed
    may title-case a headline over a lower-cased body); the headline when it has none."""
    return lost_capitals(_body(parts))


def _body(parts: Sequence[str]) -> list[str]:
    """The story's paragraphs that hold text, or its headline when none does."""
    return [p for p in parts[1:] if p.strip()] or list(parts[:1])


def mixed(parts: Sequence[str]) -> bool:
    """Whether the story's first paragraph holds both cases: then it is neither caseless
    nor all capitals, and nothing here applies (one cheap test for nearly every story)."""
    first = next((p for p in parts[1:] if p), "")
    return has_capitals(first) and bool(_LOWER.search(first))


def lowered(parts: Sequence[str]) -> list[str] | None:
    """An all-capitals story ("XIAOMI SHARES JUMP AFTER ...") in lower case, to be recased
    like one that lost its capitals: capitals that say nothing would make every word a
    name. None when the story has lower-case letters (or lower-casing moves offsets)."""
    body = _body(parts)
    if not body or any(_LOWER.search(p) for p in body) or not any(map(has_capitals, body)):
        return None
    low = [p.lower() for p in parts]
    return low if all(len(a) == len(b) for a, b in zip(low, parts, strict=True)) else None


def recased(parts: Iterable[str], spelled: Spellings) -> list[str]:
    """``parts`` with names spelled as the registry spells them and sentences opening on
    a capital (module docstring)."""
    texts = list(parts)
    tokens = [[(m.start(), bare(m.group())) for m in _TOKEN.finditer(t)] for t in texts]
    found = [list(_names_in(t, toks, spelled)) for t, toks in zip(texts, tokens, strict=True)]
    uses = Counter(name for names in found for _, name in names)
    # A one-word name is used wherever its word is, inside a longer name too: "altria
    # group ... altria shares" uses "altria" twice.
    words = Counter(low for toks in tokens for _, low in toks)
    for n in {n for names in found for _, n in names if len(n) == 1}:
        uses[n] = words[n[0].lower()]
    # Names used where only a company acts: "toyota said", "games giants electronic arts".
    acting = {
        n
        for text, toks, ns in zip(texts, tokens, found, strict=True)
        for k, n in ns
        if _acts(text, toks, k, len(n))
    }
    # A name followed by its abbreviation ("london stock exchange (lse)") is defined.
    defined = {
        (n, abbr)
        for text, toks, ns in zip(texts, tokens, found, strict=True)
        for k, n in ns
        if (abbr := abbreviation_after(text, toks, k, n))
    }
    defining = {n for n, _ in defined}
    bracketed = frozenset(abbr for _, abbr in defined)

    def kept(name: Name) -> bool:
        if cued(name):
            return uses[name] >= _REPEATED and name in acting
        # Ordinary words used once count where they act: "games giants electronic arts".
        known = uses[name] >= _REPEATED or (len(name) > 1 and name in acting)
        return sure(name) or known or name in defining

    chosen = [[(k, n) for k, n in names if kept(n)] for names in found]
    forms = short_form_names({n for names in chosen for _, n in names if len(n) > 1})
    spreading = spread(bracketed)
    return [
        _OPENING.sub(
            lambda m: m.group().upper(),
            _spell(text, toks, names + places(toks, forms, spreading), bracketed),
        )
        for text, toks, names in zip(texts, tokens, chosen, strict=True)
    ]


def _acts(text: str, toks: list[Token], k: int, words: int = 1) -> bool:
    """Whether the name of ``words`` words at token ``k`` acts as a company: "toyota
    said", "shell shares", "google's", "shell plc", "ford sales", "boss of ford", or a
    company word leads into it ("electronics giants hitachi")."""
    start = toks[k][0]
    last, low = toks[k + words - 1]
    end = last + len(low)
    if text.startswith(("'s", "’s"), end):
        return True
    if k + words < len(toks) and toks[k + words][1] in _AFTER:
        return True
    if _PASSIVE.match(text, end):
        return False  # "the target was confirmed": any noun takes a passive
    # What salience reads as acting ("toyota said", "bp has warned", "ford sales", "boss
    # of ford"; its pattern holds the matcher's "Apple said" verbs too).
    if acts(*window(text, start, end)):
        return True
    return k > 0 and _leads(toks[k - 1][1]) and (k < 2 or toks[k - 2][1] not in _DETERMINERS)


def _leads(word: str) -> bool:
    """Whether ``word`` is a company word that leads into a name ("firm", "giants")."""
    if word in LEADS:
        return True
    return (word.endswith("ies") and f"{word[:-3]}y" in LEADS) or word.removesuffix("s") in LEADS


def _names_in(text: str, toks: list[Token], spelled: Spellings) -> Iterator[tuple[int, Name]]:
    """(first token, name) of each name standing in ``toks``, the longest at each place."""
    for k, (start, low) in enumerate(toks):
        for at, n, names in spelled.get(low, ()):
            lo = k - at
            if lo < 0 or lo + n > len(toks):
                continue
            name = names.get(tuple(t[1] for t in toks[lo : lo + n]))
            if name is None:
                continue
            if n == 1 and k and _person(toks[k - 1][1]):
                before, gap = toks[k - 1], text[toks[k - 1][0] + len(toks[k - 1][1]) : start]
                if gap.isspace():  # not "sales rose. toyota said"
                    # "mr dyson", "james dyson": a person's surname; written "Mr Dyson",
                    # so the matcher's person rules read it as they read cased text.
                    yield k - 1, (before[1].capitalize(), name[0])
                    break
            yield lo, name
            break


def _person(word: str) -> bool:
    return word in NAME_TITLES or is_first_name(word)


def _spell(
    part: str, toks: list[Token], names: list[tuple[int, Name]], bracketed: frozenset[str]
) -> str:
    """``part`` with each name written as spelled, from its first token on, and each of
    the ``bracketed`` abbreviations in brackets in capitals ("(S&N)")."""
    new = {lo + i: w for lo, name in names for i, w in enumerate(name)}
    found = _BRACKETS.finditer(part) if bracketed else ()
    spans = [(m.start(1), m.group(1).upper()) for m in found if m.group(1) in bracketed]
    if not new and not spans:
        return part
    edits = sorted([*((toks[k][0], w) for k, w in new.items()), *spans])
    out, last = [], 0
    for start, word in edits:
        seen = part[start : start + len(word)]
        if start >= last and _same(seen, word):  # the text's apostrophes are kept
            kept = (t if t in "'’" else w for w, t in zip(word, seen, strict=True))
            out += [part[last:start], "".join(kept)]
            last = start + len(word)
    return "".join(out) + part[last:]


def _same(text: str, word: str) -> bool:
    """Whether ``text`` is ``word`` but for case and the apostrophe's shape."""
    return text.lower().replace("’", "'") == word.lower().replace("’", "'")
