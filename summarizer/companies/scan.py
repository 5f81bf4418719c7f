"""Finding alias and ticker occurrences in one piece of text (the matching rules).

The rules themselves are written out in ``summarizer/companies/README.md``.
Matching is a dictionary lookup over word n-grams (at most as long as the
longest alias), so its cost grows with the length of the text, not with the
number of aliases in the registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from summarizer.companies.index import (  # re-exported: the rules and the index belong together
    _NEXT_RE,
    _TOKEN_RE,
    EXACT,
    EXCLUDED,
    FOLD,
    WORD,
    AliasIndex,
    AliasRef,
    StartWord,
    alias_mode,
    fold,
    split_words,
)
from summarizer.companies.names import LEGAL, is_common

__all__ = [
    "EXACT",
    "EXCLUDED",
    "FOLD",
    "WORD",
    "AliasIndex",
    "AliasRef",
    "Hit",
    "alias_hits",
    "alias_mode",
    "fold",
    "is_title_case",
    "sentence_initial",
    "split_words",
]

# Words after which a capitalised word is still not part of a person's name.
_NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        "american british chinese japanese korean german french dutch swiss swedish italian "
        "spanish indian taiwanese european asian canadian australian danish finnish norwegian "
        "belgian irish russian brazilian mexican israeli saudi emirati singaporean austrian "
        "polish turkish monday tuesday wednesday thursday friday saturday sunday january "
        "february march april may june july august september october november december rival "
        "rivals both and or but while after before against including like unlike versus giant",
    )
)
_GENERIC = frozenset(
    ("group", "company", "co", "corp", "corporation", "holdings", "inc", "ltd", "plc", "bank")
)
_NAME_TITLES = frozenset(
    ("mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor")
)
# "Apple said", "Shell shares fell": only a company does that, even at a sentence start.
_COMPANY_VERB = re.compile(
    r"\s+(?:(?:has|have|had|also|will|would|is|was|on \w+day)\s+){0,2}"
    r"(?:said|says|reported|announced|posted|confirmed|declined|warned|expects|plans|"
    r"unveiled|launched|agreed|shares|stock|chief|CEO|spokes\w+)\b"
)
_OPENERS = "\"'“‘([«•*–—-"
# Compiled once: these run for every candidate alias (re.search(str) looks the pattern up
# in re's cache each time).
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'.\-]*) $")
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s\s$")
_NAME_BEFORE = re.compile(r"[A-Z][\w&.'’-]*,? $")


@dataclass(frozen=True, slots=True)
class Hit:
    """One accepted occurrence of a company in a piece of text."""

    entry: int
    start: int
    end: int
    weak: bool  # counts only if the company is also found in an unambiguous place
    word: str = ""  # the folded alias when it is one word ("ford"), else ""
    shadow: str = ""  # set on a name that is not the company ("Harrison Ford" -> "ford")


def sentence_initial(text: str, start: int) -> bool:
    """Whether a word starts a sentence (or a line) and so is capitalised anyway."""
    # A short window keeps this constant-time on long paragraphs.
    window = text[max(0, start - 24) : start]
    before = window.rstrip().rstrip(_OPENERS).rstrip()
    if not before:
        return start <= 24 or not text[max(0, start - 200) : start].strip(" \t" + _OPENERS)
    return before[-1] in ".!?:;\n|。！？"


def is_title_case(text: str) -> bool:
    """Headline style ("Apple Pie Recipes For Fall") or all capitals: case says little."""
    words = [w for w in _LETTER_RUNS.findall(text) if len(w) > 3]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


def _case_ok(ref: AliasRef, written: list[str]) -> bool:
    if ref.mode != FOLD:
        return tuple(written) == ref.surface
    if all(w.isupper() or not w.isalpha() for w in written):
        return True  # "XIAOMI SHARES JUMP"
    if all(w.islower() for w in written) and not all(w.islower() for w in ref.surface):
        return False  # "google it"
    # Each capitalised word of the alias stays capitalised ("Indian oil" is not Indian Oil),
    # except generic words people write either way ("Tata group").
    return all(
        w[:1].isupper() or not a[:1].isupper() or a.casefold() in _GENERIC
        for w, a in zip(written, ref.surface, strict=True)
    )


def _name_before(text: str, start: int, n_words: int, ref: AliasRef) -> str:
    """'Harrison Ford', 'Nikola Tesla': "name" when a one-word alias follows a capitalised
    name, "title" after "Mr"/"Ms"/"Dr"... (the alias is that person's surname), else ""."""
    if n_words != 1 or ref.mode == EXACT:
        return ""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return ""
    word = m.group(1)
    if word.casefold().rstrip(".") in _NAME_TITLES:
        return "title"
    if not (word[0].isupper() and word[1:2].islower()) or word.endswith(("'s", "’s")):
        return ""
    if word.endswith(".") or "-" in word or word.casefold() in _NOT_NAMES:
        return ""  # "... in Hungary. Stellantis": a sentence ended; "Beijing-based BYD"
    return "" if sentence_initial(text, start - len(word) - 1) else "name"


def _local_tokens(
    index: AliasIndex, text: str, start: int, end: int, limit: int
) -> list[tuple[int, int, str, bool]]:
    """Up to ``limit`` words from the word at ``start:end`` on: (start, end-without-possessive,
    folded, possessive), stopping at a wide gap, after a possessive and where no alias
    goes on ("The" starts "The Boeing Company", but "The report" goes nowhere)."""
    out: list[tuple[int, int, str, bool]] = []
    key: tuple[str, ...] = ()
    while len(out) < limit:
        word = fold(text[start:end])
        possessive = len(word) > 2 and word.endswith("'s")
        if possessive:
            word = word[:-2]
        key = (*key, word)
        if not index.continues(key):
            break
        out.append((start, end - (2 if possessive else 0), word, possessive))
        if possessive:
            break
        m = _NEXT_RE.match(text, end)
        if m is None:
            break
        start, end = m.span(1)
    return out


def _goes_on(index: AliasIndex, text: str, written: str, word: str, end: int) -> bool:
    """Whether an alias starts with ``word`` and the word after it (``written`` is ``word``
    as folded from the text, ending at ``end``): what :func:`_local_tokens` would find
    second, checked without building its token list. Only asked for a word that is no
    alias alone, so a possessive one ("The's") ends the walk with nothing found."""
    if word != written:
        return False  # possessive
    m = _NEXT_RE.match(text, end)
    if m is None:
        return False
    nxt = fold(m.group(1))
    if len(nxt) > 2 and nxt.endswith("'s"):
        nxt = nxt[:-2]
    return index.continues((word, nxt))


def _start_word(index: AliasIndex, text: str, at: int) -> StartWord | None:
    """What the word at ``at`` starts (as ``AliasIndex.start_words`` gives it), or None."""
    first = _TOKEN_RE.match(text, at)
    if first is None:
        return None
    written = fold(first.group())
    word = written.removesuffix("'s")
    return len(first.group()), written, word, index.first.get(word, 0), (word,) in index.grams


def alias_hits(
    index: AliasIndex, text: str, *, headline_style: bool, skip: Iterable[tuple[int, int]] = ()
) -> Iterator[Hit]:
    """Aliases in ``text``, longest first, left to right, with the case rules applied.

    Only words that can start an alias are looked at: capitalised words, digits, other
    scripts, and the few lower-case first words of aliases ("eBay"). Most words of a
    story are lower case, so most are never even cut out of the text."""
    blocked = list(skip)
    pos = 0
    lower = index.lower_first
    for at, info in index.start_words(text):
        if at < pos:
            continue  # inside the last hit
        if text[at].islower() and not _starts_lower_alias(text, at, lower):
            continue  # "é...": a lower-case letter outside ASCII
        if info is None:
            info = _start_word(index, text, at)
            if info is None:
                continue
        length, written, word, longest, alone = info
        if not longest or (blocked and any(a <= at < b for a, b in blocked)):
            continue
        end = at + length
        if not alone and not _goes_on(index, text, written, word, end):
            continue  # "The report", "Mr Smith": no alias is this word and the next
        toks = _local_tokens(index, text, at, end, longest)
        used = _match_at(index, text, toks, 0, longest, headline_style)
        if used is None:
            continue
        n, hit = used
        yield hit
        pos = toks[n - 1][1]


def _starts_lower_alias(text: str, at: int, lower: Iterable[str]) -> bool:
    """Whether a lower-case-first alias ("eBay", "iFlytek", "nVent") starts at ``at``.

    The first words are stored folded, and the text keeps its inner capitals, so the
    comparison is on the lower-cased text."""
    return any(text[at : at + len(w)].lower() == w for w in lower)


def _match_at(
    index: AliasIndex,
    text: str,
    toks: Sequence[tuple[int, int, str, bool]],
    i: int,
    longest: int,
    headline_style: bool,
) -> tuple[int, Hit] | None:
    """The longest alias starting at word i: (words used, hit), or None.

    ``toks`` come from :func:`_local_tokens`, which already stops at a wide gap, after a
    possessive ("Xiaomi's Great Wall") and where no alias goes on."""
    words = tuple(t[2] for t in toks[i : i + longest])
    for j in range(i + len(words) - 1, i - 1, -1):
        gram = words[: j - i + 1]
        refs = index.grams.get(gram)
        if not refs:
            continue
        start, end = toks[i][0], toks[j][1]
        for ref in refs:
            if ref.mode == EXCLUDED:
                return j - i + 1, Hit(ref.entry, start, end, True, shadow=gram[-1])
            written = [text[toks[k][0] : toks[k][1]].replace("’", "'") for k in range(i, j + 1)]
            if _case_ok(ref, written) and not _abbreviation(ref, text, start, end):
                if _glued(text, end):
                    break  # "Yahoo!7" is not Yahoo: try a shorter alias
                hit = _judge(ref, text, start, end, possessive=toks[j][3], style=headline_style)
                return None if hit is None else (1 if hit.shadow else j - i + 1, hit)
    return None


def _glued(text: str, end: int) -> bool:
    """ "Yahoo!7", "E*Trade": the name goes on after a "!", "*" or "+" with no space."""
    return text[end : end + 1] in ("!", "*", "+") and text[end + 1 : end + 2].isalnum()


def _abbreviation(ref: AliasRef, text: str, start: int, end: int) -> bool:
    """ "genetically modified (GM)": an all-capitals alias alone in brackets is being defined."""
    return ref.mode == EXACT and text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _after_possessive(text: str, start: int) -> bool:
    """ "The Who's Next", "Ford's Focus": a common word owned by a name is not a company."""
    return bool(_POSSESSIVE_BEFORE.search(text[max(0, start - 6) : start]))


def _shouted(ref: AliasRef, text: str, start: int, end: int) -> bool:
    """ "LOW NOW GOLD": a capitalised common word among capitalised words is just shouting."""
    word = ref.surface[0]
    if len(ref.surface) != 1 or not word.isupper() or not is_common(word):
        return False
    around = (
        _LETTER_RUNS.findall(text[max(0, start - 12) : start])[-1:]
        + _LETTER_RUNS.findall(text[end : end + 12])[:1]
    )
    return any(len(w) > 1 and w.isupper() for w in around)


def _judge(
    ref: AliasRef, text: str, start: int, end: int, *, possessive: bool, style: bool
) -> Hit | None:
    """The hit for a case-matching alias: None inside a person's name, weak where ambiguous."""
    surface = ref.surface[0].casefold() if len(ref.surface) == 1 else ""
    if surface in LEGAL and _NAME_BEFORE.search(text[max(0, start - 30) : start]):
        return None  # "Euro Disney SCA": a legal form after a name, not the company SCA
    name = "" if style else _name_before(text, start, len(ref.surface), ref)
    if name == "title":  # "Mr Hilton": a bare "Hilton" in this article is him
        return Hit(ref.entry, start, end, True, shadow=surface)
    if name:
        return None
    # "Alphabet's Waymo" and "Apple said" start sentences, but no fruit owns or says things.
    initial = (
        sentence_initial(text, start) and not possessive and not _COMPANY_VERB.match(text, end)
    )
    weak = (
        ref.weak
        or _shouted(ref, text, start, end)
        or (ref.mode == WORD and (style or initial or _after_possessive(text, start)))
    )
    return Hit(ref.entry, start, end, weak, word=surface)
