"""A story's text recased: which names it holds, which count, and their spelling."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from summarizer.companies.cues import acts, window
from summarizer.companies.described import LEADS
from summarizer.companies.judge import COMPANY_VERB, NAME_TITLES
from summarizer.companies.names import LEGAL, is_first_name
from summarizer.companies.recase.forms import (
    abbreviation_after,
    short_form_speller,
    with_abbreviations,
)
from summarizer.companies.recase.spellings import Spellings, bare, cued, sure
from summarizer.text.long_runs import has_capitals

_LOWER = re.compile(r"[a-z]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|&")
# The first letter of a part, or of a sentence after ". ", "! ", "? " (quotes allowed).
_OPENING = re.compile(r"(?:^|(?<=[.!?])[\"'”’)]*\s+)[\"“‘(]?[a-z]")
_REPEATED = 2  # uses of a name that is not sure at once (module docstring)
# What only a company does after its name, as the matcher reads it in cased text
# ("toyota said", "shell shares", "bp has warned"), in any case here.
_ACTING = re.compile(COMPANY_VERB.pattern, re.IGNORECASE)
# A legal form after it names it too ("shell plc"), but for those that are also words
# ("toyota as well", "a shell company").
_WORD_FORMS = frozenset(re.findall(r"\S+", "as co cos se sa ab lp kk rt oy kg sca company"))
_FORMS = (LEGAL | {"group"}) - _WORD_FORMS


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
    body = _body(parts)
    return bool(body) and not any(map(has_capitals, body)) and any(map(str.strip, body))


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
    # One ordinary word ("toyota", "shell") needs a use beside what only a company does:
    # "toyota said", "shell shares".
    acting = {
        n
        for text, toks, ns in zip(texts, tokens, found, strict=True)
        for k, n in ns
        if _acts(text, toks, k, len(n))
    }

    # A name followed by its abbreviation ("london stock exchange (lse)") is defined.
    defined = {
        n
        for text, toks, ns in zip(texts, tokens, found, strict=True)
        for k, n in ns
        if abbreviation_after(text, toks, k, n)
    }

    def kept(name: tuple[str, ...]) -> bool:
        if cued(name):
            return uses[name] >= _REPEATED and name in acting
        # Ordinary words used once count where they act: "games giants electronic arts".
        known = uses[name] >= _REPEATED or (len(name) > 1 and name in acting)
        return sure(name) or known or name in defined

    chosen = [[(k, n) for k, n in names if kept(n)] for names in found]
    shorter = short_form_speller({n for names in chosen for _, n in names if len(n) > 1})
    out = [
        _OPENING.sub(lambda m: m.group().upper(), shorter(_spell(text, toks, names)))
        for text, toks, names in zip(texts, tokens, chosen, strict=True)
    ]
    return with_abbreviations(out, tokens, chosen)


def _acts(text: str, toks: list[tuple[int, str]], k: int, words: int = 1) -> bool:
    """Whether the name of ``words`` words at token ``k`` acts: "toyota said", "shell
    shares", "google's"."""
    start = toks[k][0]
    last, low = toks[k + words - 1]
    end = last + len(low)
    if text.startswith(("'s", "’s"), end):
        return True
    if _ACTING.match(text, end) is not None or (k + 1 < len(toks) and toks[k + 1][1] in _FORMS):
        return True
    # What salience reads as acting ("ford sales", "boss of ford"), or a company word
    # before it ("electronics giants hitachi", "car firm ford").
    if acts(*window(text, start, end)):
        return True
    return k > 0 and toks[k - 1][1].removesuffix("s") in LEADS


def _names_in(
    text: str, toks: list[tuple[int, str]], spelled: Spellings
) -> Iterator[tuple[int, tuple[str, ...]]]:
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


def _spell(part: str, toks: list[tuple[int, str]], names: list[tuple[int, tuple[str, ...]]]) -> str:
    """``part`` with each name written as spelled, from its first token on."""
    new = {lo + i: w for lo, name in names for i, w in enumerate(name)}
    if not new:
        return part
    out, last = [], 0
    for k, word in sorted(new.items()):
        start = toks[k][0]
        seen = part[start : start + len(word)]
        if start >= last and _same(seen, word):  # the text's apostrophes are kept
            kept = (t if t in "'’" else w for w, t in zip(word, seen, strict=True))
            out += [part[last:start], "".join(kept)]
            last = start + len(word)
    return "".join(out) + part[last:]


def _same(text: str, word: str) -> bool:
    """Whether ``text`` is ``word`` but for case and the apostrophe's shape."""
    return text.lower().replace("’", "'") == word.lower().replace("’", "'")
