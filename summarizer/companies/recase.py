"""Capitals given back to text that lost them, where a company's name needs them.

Matching reads capitals: "Google" is the company, "google it" the verb, and a name's
capitalised words must stay capitalised ("Indian oil" is not Indian Oil). A transcript
or a lower-cased paste has no capital letter at all, so no company would be found in
it, not even one a chat follows. In such text (and only there), a registry or followed
name gets its spelling back where all its words stand together:

* at once when it has two words or more and one of them is distinctive (no ordinary
  word, place, first name or date: "rago arts and auction center", "altria group"), it
  ends on a legal form ("sprint corp"), or an abbreviation of its initials follows it in
  brackets ("london stock exchange (lse)": that abbreviation is then written in
  capitals wherever it stands, as the matcher reads a defined abbreviation);
* from its second use in the story when it is one word ("altria", "ibm") or made of
  ordinary words only ("british airways"): used once, "frontline", "tenable" or "take
  two" is more likely the words (the ordinary-word list stops at common words), and a
  company named once is seldom what the story is about; ordinary words count at once
  where they act as a company does ("games giants electronic arts");
* when it is one word that is also a frequent word or has two letters ("toyota",
  "google", "shell", "bp"), from its second use and only if one use says a company acts
  ("toyota said", "shell shares", "google's", "bp has warned", "ford sales", "boss of
  ford": the matcher's and salience's own cues) or a company word stands before it
  ("electronics giants hitachi"): "google it" twice stays a verb, "apple pie" a fruit,
  "his bp" blood pressure, "the ford was deep" a river crossing;
* never when it is a ticker ("CARR" would be every Mr Carr), one ordinary word after
  "the" ("The Guardian") or a date ("dec");
* after a title or a first name, as a person's name ("mr dyson" -> "Mr Dyson"), so that
  the matcher's person rules read the story as they read cased text;
* a spelled name's short forms that start it and are no ordinary word ("blb" beside
  "BLB Investors", "rago"), which the matcher counts only beside the full name.

A story written all in capitals is first lower-cased and then treated the same way:
capitals that say nothing made every word a possible name ("3M VIEWERS", "WITH HALL &
WOODHOUSE"). Each sentence opens on a capital again too, because salience reads sentences from
them (without, a one-paragraph story is one long first sentence, and every company in
it "leads"). Offsets do not change.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence

from summarizer.companies.cues import acts, window
from summarizer.companies.described import LEADS
from summarizer.companies.index import EXACT, FOLD, WORD, AliasRef
from summarizer.companies.judge import COMPANY_VERB, NAME_TITLES
from summarizer.companies.names import LEGAL, is_common, is_first_name, short_forms
from summarizer.text.long_runs import has_capitals

_LOWER = re.compile(r"[a-z]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|&")
# The first letter of a part, or of a sentence after ". ", "! ", "? " (quotes allowed).
_OPENING = re.compile(r"(?:^|(?<=[.!?])[\"'”’)]*\s+)[\"“‘(]?[a-z]")
_MIN_LETTERS = 3  # "bp", "gm", "hp" need a company cue in lower-case text
_REPEATED = 2  # uses of a name that is not sure at once (module docstring)
# What only a company does after its name, as the matcher reads it in cased text
# ("toyota said", "shell shares", "bp has warned"), in any case here.
_ACTING = re.compile(COMPANY_VERB.pattern, re.IGNORECASE)
# A legal form after it names it too ("shell plc"), but for those that are also words
# ("toyota as well", "a shell company").
_WORD_FORMS = frozenset(re.findall(r"\S+", "as co cos se sa ab lp kk rt oy kg sca company"))
_FORMS = (LEGAL | {"group"}) - _WORD_FORMS
_JOINS = frozenset(("the", "and", "&", "of", "a"))  # "The Guardian" is one ordinary word
_DATES = frozenset(
    re.findall(
        r"\S+",
        "jan feb mar apr jun jul aug sep sept oct nov dec "
        "mon tue tues wed thu thur thurs fri sat sun",
    )
)

# Word -> (its position in the names filed under it, their length, {words: spelling}),
# longest first: a name is then found with one lookup per group, not one test per name
# (770 names end on "ltd").
Name = tuple[str, ...]  # a name's words, as the registry spells them
Group = tuple[int, int, Mapping[tuple[str, ...], tuple[str, ...]]]
Spellings = Mapping[str, tuple[Group, ...]]


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


def spellings(
    grams: Mapping[tuple[str, ...], tuple[AliasRef, ...]], *, tickers: Container[str] = ()
) -> dict[str, tuple[Group, ...]]:
    """Lower-case word -> the names (as words) filed under it: under each distinctive word
    a name holds, or under its longest word but a legal form when it holds none."""
    groups: dict[str, dict[tuple[int, int], dict[tuple[str, ...], tuple[str, ...]]]] = {}
    for refs in grams.values():
        for ref in refs:
            if ref.mode not in (FOLD, EXACT, WORD) or ref.weak or ref.surface[0] in tickers:
                continue  # (a ticker is no name: "CARR" would be every Mr Carr)
            low = tuple(map(_bare, ref.surface))  # as text is read: "moody's" -> "moody"
            keys = {w for w, word in zip(low, ref.surface, strict=True) if _distinctive(word)}
            plain = [w for w in low if w not in _JOINS and w not in LEGAL]
            if not keys and len([w for w in low if w not in _JOINS]) > 1 and plain:
                keys = {max(plain, key=len)}  # the one least often met
            elif not keys and len(low) == 1 and _word(ref.surface[0]):
                keys = {low[0]}  # "google", "toyota", "shell": needs a cue
            for key in keys:
                group = groups.setdefault(key, {}).setdefault((low.index(key), len(low)), {})
                group.setdefault(low, ref.surface)
    return {key: _longest_first(g) for key, g in groups.items()}


def merged(first: Spellings, more: Spellings) -> dict[str, tuple[Group, ...]]:
    """``first`` with the names of ``more`` filed in too (``first``'s spelling wins)."""
    out = dict(first)
    for key, groups in more.items():
        joined: dict[tuple[int, int], dict[tuple[str, ...], tuple[str, ...]]] = {}
        for at, n, names in (*first.get(key, ()), *groups):
            group = joined.setdefault((at, n), {})
            for words, spelled in names.items():
                group.setdefault(words, spelled)
        out[key] = _longest_first(joined)
    return out


def _longest_first(
    groups: dict[tuple[int, int], dict[tuple[str, ...], tuple[str, ...]]],
) -> tuple[Group, ...]:
    return tuple(
        (at, n, names) for (at, n), names in sorted(groups.items(), key=lambda x: -x[0][1])
    )


def _distinctive(word: str) -> bool:
    low = word.lower()
    return (
        low != word
        and len(low) == len(word)
        and sum(c.isalpha() for c in word) >= _MIN_LETTERS
        and not is_common(low)
        and low not in _DATES
        and low not in LEGAL
    )


def _word(word: str) -> bool:
    """A one-word name that is also a frequent word ("google", "toyota", "shell")."""
    low = word.lower()
    return (
        low != word
        and len(low) == len(word)
        and low.isalpha()
        and len(low) >= 2
        and low not in _DATES
    )


def _cued(name: tuple[str, ...]) -> bool:
    """Whether ``name`` counts only beside what a company does (one ordinary word)."""
    return len(name) == 1 and not _distinctive(name[0])


def _sure(name: tuple[str, ...]) -> bool:
    """Whether one use of ``name`` is enough: it has two words or more, one distinctive
    or a legal form at its end ("sprint corp", "apple inc": no ordinary words)."""
    return len(name) > 1 and (any(_distinctive(w) for w in name) or name[-1].lower() in LEGAL)


def recased(parts: Iterable[str], spelled: Spellings) -> list[str]:
    """``parts`` with names spelled as the registry spells them and sentences opening on
    a capital (module docstring)."""
    texts = list(parts)
    tokens = [[(m.start(), _bare(m.group())) for m in _TOKEN.finditer(t)] for t in texts]
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
        if _abbreviation_after(text, toks, k, n)
    }

    def kept(name: tuple[str, ...]) -> bool:
        if _cued(name):
            return uses[name] >= _REPEATED and name in acting
        # Ordinary words used once count where they act: "games giants electronic arts".
        known = uses[name] >= _REPEATED or (len(name) > 1 and name in acting)
        return _sure(name) or known or name in defined

    chosen = [[(k, n) for k, n in names if kept(n)] for names in found]
    shorter = _short_forms({n for names in chosen for _, n in names if len(n) > 1})
    out = [
        _OPENING.sub(lambda m: m.group().upper(), shorter(_spell(text, toks, names)))
        for text, toks, names in zip(texts, tokens, chosen, strict=True)
    ]
    return _with_abbreviations(out, tokens, chosen)


def _short_forms(names: Iterable[Name]) -> Callable[[str], str]:
    """What spells, in a text, the short forms of ``names`` spelled there in full ("blb"
    beside "BLB Investors", "rago" beside "Rago Arts and Auction Center"): the matcher
    counts a short form only beside its full name, as in cased text."""
    forms = {
        form.lower(): form
        for name in names
        for form, _ in short_forms(" ".join(name))
        if has_capitals(form)
        and " ".join(name).lower().startswith(form.lower())
        and not is_common(form.lower())  # "deep" of Deep Ocean Search is the word
    }
    if not forms:
        return lambda text: text
    pattern = re.compile(
        rf"(?<![\w'’])(?:{'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})"
        r"(?![^\W_])"
    )
    return lambda text: pattern.sub(lambda m: forms[m.group()], text)


# An abbreviation in brackets right after a name: "london stock exchange (lse)".
_BRACKETED = re.compile(r"\s*\(([a-z][a-z&]{1,5})\)")


def _with_abbreviations(
    texts: list[str], tokens: list[list[tuple[int, str]]], chosen: list[list[tuple[int, Name]]]
) -> list[str]:
    """``texts`` with each abbreviation that a spelled name defines in brackets written
    in capitals wherever it stands ("London Stock Exchange (LSE) ... LSE said"), as the
    matcher reads a defined abbreviation in cased text; only one made of the name's
    initials ("(lse)", "(s&n)", "(tepco)" of Tokyo Electric Power; not "(uk)")."""
    short = {
        abbr
        for text, toks, names in zip(texts, tokens, chosen, strict=True)
        for k, name in names
        if (abbr := _abbreviation_after(text, toks, k, name))
    }
    if not short:
        return texts
    # (Any case: a sentence may open on one, "Lse's board met" once opened.)
    pattern = re.compile(
        rf"(?<![\w&'’])(?:{'|'.join(map(re.escape, short))})(?![^\W_]|&)", re.IGNORECASE
    )
    return [pattern.sub(lambda m: m.group().upper(), text) for text in texts]


def _abbreviation_after(text: str, toks: list[tuple[int, str]], k: int, name: Name) -> str:
    """The abbreviation of ``name`` (at token ``k``) in brackets right after it, or ""."""
    start, low = toks[k + len(name) - 1]
    m = _BRACKETED.match(text, start + len(low))
    return m.group(1) if m and _abbreviates(m.group(1), name) else ""


def _abbreviates(short: str, name: Name) -> bool:
    """Whether ``short`` is made of the initials of ``name``'s words (hyphenated parts
    count: "hp" of Hewlett-Packard), or starts with three or more of them ("tepco")."""
    words = [p for w in name if w.lower() not in _JOINS for p in w.split("-") if p]
    initials = "".join(w[0].lower() for w in words)
    letters = short.replace("&", "")
    return len(initials) >= 2 and (
        letters == initials or (len(initials) >= 3 and letters.startswith(initials))
    )


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


def _bare(token: str) -> str:
    """A token as names are indexed: lower case, straight apostrophe, no possessive."""
    low = token.lower().replace("’", "'")
    return low[:-2] if len(low) > 3 and low.endswith("'s") else low
