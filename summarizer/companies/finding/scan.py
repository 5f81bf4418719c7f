"""Finding alias and ticker occurrences in one piece of text (the matching rules).

The rules themselves are written out in ``summarizer/companies/README.md``.
Matching is a dictionary lookup over word n-grams (at most as long as the
longest alias), so its cost grows with the length of the text, not with the
number of aliases in the registry. Whether an alias found with the right case is the
company in its context (a person's name, a sentence start, a headline) is decided in
:mod:`summarizer.companies.finding.judge`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from summarizer.companies.finding.judge import Hit, case_ok, is_title_case, judge, sentence_initial

# Re-exported: the rules and the index belong together.
from summarizer.companies.registry.index import (
    EXACT,
    EXCLUDED,
    FOLD,
    WORD,
    AliasIndex,
    AliasRef,
    StartWord,
    alias_mode,
)
from summarizer.companies.registry.words import _NEXT_RE, _TOKEN_RE, fold, split_words

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
        if possessive and _inner_possessive(index, text, key, word, end):
            possessive = False  # "Sam's Club": the name itself has the "'s"
        elif possessive:
            word = word[:-2]
        key = (*key, word)
        if not index.continues(key):
            break
        out.append((start, end - (2 if possessive else 0), word, possessive))
        if possessive or len(out) == limit:
            break  # (at the limit: no next word is read, only to be left unused)
        m = _NEXT_RE.match(text, end)
        if m is None:
            break
        start, end = m.span(1)
    return out


def _inner_possessive(
    index: AliasIndex, text: str, key: tuple[str, ...], word: str, end: int
) -> bool:
    """Whether ``word`` ("sam's", folded, ending at ``end``) is an inner word of an alias
    written with its "'s" ("Sam's Club", "Moody's Investors Service"), so the walk goes on."""
    if not index.continues((*key, word)):
        return False
    m = _NEXT_RE.match(text, end)
    if m is None:
        return False
    nxt = fold(m.group(1))
    return index.continues((*key, word, nxt.removesuffix("'s"))) or index.continues(
        (*key, word, nxt)
    )


def _goes_on(index: AliasIndex, text: str, written: str, word: str, end: int) -> bool:
    """Whether an alias starts with ``word`` and the word after it (``written`` is ``word``
    as folded from the text, ending at ``end``): what :func:`_local_tokens` would find
    second, checked without building its token list. Only asked for a word that is no
    alias alone; a possessive one ("The's") goes on only where an alias is written with
    it ("Sam's Club")."""
    if word != written:
        return _inner_possessive(index, text, (), written, end)
    m = _NEXT_RE.match(text, end)
    return m is not None and index.goes_on(word, m.group(1))


def _start_word(index: AliasIndex, text: str, at: int) -> StartWord | None:
    """What the word at ``at`` starts (as ``AliasIndex.start_words`` gives it), or None."""
    first = _TOKEN_RE.match(text, at)
    return None if first is None else index.start_word(first.group())


def alias_hits(
    index: AliasIndex,
    text: str,
    *,
    headline_style: bool,
    skip: Iterable[tuple[int, int]] = (),
    present: Sequence[str] | None = None,
) -> Iterator[Hit]:
    """Aliases in ``text``, longest first, left to right, with the case rules applied.

    Only words that can start an alias are looked at: capitalised words, digits, other
    scripts, and the few lower-case first words of aliases ("eBay"; ``present``: those
    the story holds, ``AliasIndex.lower_present``, if known). Most words of a story are
    lower case, so most are never even cut out of the text."""
    blocked = list(skip)
    pos = 0
    # Those the story holds suffice: a lower-case start is one of them, or a letter outside
    # ASCII, which starts none (``lower_present`` gives a list only when all are ASCII).
    lower = index.lower_first if present is None else present
    # Words going nowhere ("The report") are mostly dropped there already (``going_on``).
    for at, info in index.start_words(text, present, going_on=True):
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
    words = tuple([t[2] for t in toks[i : i + longest]])
    grams = index.grams
    for j in range(i + len(words) - 1, i - 1, -1):
        gram = words[: j - i + 1]
        refs = grams.get(gram)
        if not refs:
            continue
        start, end = toks[i][0], toks[j][1]
        # A phrase one company excludes ("Continental Airlines" for the tyre maker) is
        # still another company's own name: that company is tried first.
        excluded = None
        written: list[str] | None = None  # the words as written, cut out once per length
        for ref in refs:
            if ref.mode == EXCLUDED:
                excluded = excluded or ref
                continue
            if written is None:
                written = [text[a:b].replace("’", "'") for a, b, _, _ in toks[i : j + 1]]
            if case_ok(ref, written) and not _abbreviation(ref, text, start, end):
                if _glued(text, end):
                    break  # "Yahoo!7" is not Yahoo: try a shorter alias
                hit = judge(ref, text, start, end, possessive=toks[j][3], style=headline_style)
                return None if hit is None else (1 if hit.shadow else j - i + 1, hit)
        else:
            if excluded is not None:
                return j - i + 1, Hit(excluded.entry, start, end, True, shadow=gram[-1])
    return None


def _glued(text: str, end: int) -> bool:
    """ "Yahoo!7", "E*Trade": the name goes on after a "!", "*" or "+" with no space."""
    return text[end : end + 1] in ("!", "*", "+") and text[end + 1 : end + 2].isalnum()


def _abbreviation(ref: AliasRef, text: str, start: int, end: int) -> bool:
    """ "genetically modified (GM)": an all-capitals alias alone in brackets is being defined."""
    return ref.mode == EXACT and text[start - 1 : start] == "(" and text[end : end + 1] == ")"
