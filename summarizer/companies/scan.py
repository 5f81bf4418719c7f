"""Finding alias and ticker occurrences in one piece of text (the matching rules).

The rules themselves are documented at the top of :mod:`summarizer.companies.matcher`.
Matching is a dictionary lookup over word n-grams (at most as long as the
longest alias), so its cost grows with the length of the text, not with the
number of aliases in the registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from summarizer.companies.names import LEGAL, is_common

# Alias case modes.
FOLD = "fold"  # any case, capitals kept ("Google", "GOOGLE", not "google" or "Indian oil")
EXACT = "exact"  # exactly as written ("BYD", "VW", "NIO")
WORD = "word"  # a common word ("Apple", "Shell"): exact case, and see AMBIGUOUS positions
EXCLUDED = "excluded"  # a phrase that contains an alias but is not the company

# Chinese, Japanese and Korean are written without spaces between words (and Korean glues
# particles on: "삼성전자는"), so each of their characters is a word of its own.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_LETTERS = rf"(?:(?![{_CJK}])[^\W_])+"
# Words: letters/digits with inner apostrophes ("L'Oréal", "Xiaomi’s"), a CJK character,
# or a lone "&".
_TOKEN_RE = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*|[{_CJK}]|&")
# The next word of an n-gram, after a gap an alias may have (see _GAP_RE).
_NEXT_RE = re.compile(rf"(?:[ \t.\-/]{{0,3}}|,[ \t]?|\.?,[ \t]?)({_TOKEN_RE.pattern})")
# Where a word can start an alias: a capital, a digit, "&", any letter outside ASCII
# (checked again in Python) or a CJK character; the few lower-case first words of
# aliases ("eBay") are found by AliasIndex.starts.
_START_RE = re.compile(rf"(?<![\w'’])(?:[A-Z0-9&]|[^\x00-\x7f])|[{_CJK}]")
# The same starts with the word there (if any), so words no alias starts with are dropped
# in one list comprehension instead of one Python loop turn each.
_START_WORD_RE = re.compile(
    rf"(?:(?<![\w'’])(?=[A-Z0-9&]|[^\x00-\x7f])|(?=[{_CJK}]))({_TOKEN_RE.pattern})?"
)
# Tokens of an alias may be separated by spaces, dots, hyphens, slashes or one comma.
_GAP_RE = re.compile(r"[ \t.\-/]{0,3}|,[ \t]?|\.?,[ \t]?")
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


@dataclass(frozen=True, slots=True)
class AliasRef:
    """One alias in the index: which company and how it may be written."""

    entry: int  # index of the company (for exclusions: whose alias the phrase contains)
    surface: tuple[str, ...]  # the alias's words as written, for EXACT and WORD checks
    mode: str
    weak: bool = False  # counts only beside a sure mention of the company ("ISG", "Cadbury")


@dataclass(frozen=True, slots=True)
class Hit:
    """One accepted occurrence of a company in a piece of text."""

    entry: int
    start: int
    end: int
    weak: bool  # counts only if the company is also found in an unambiguous place
    word: str = ""  # the folded alias when it is one word ("ford"), else ""
    shadow: str = ""  # set on a name that is not the company ("Harrison Ford" -> "ford")


def split_words(text: str) -> list[str]:
    """The words of an alias, as written (possessive kept)."""
    return [m.group() for m in _TOKEN_RE.finditer(text)]


def fold(word: str) -> str:
    """The lookup form of a word: case-folded, curly apostrophe straightened."""
    return word.replace("’", "'").casefold()


def alias_mode(alias: str, *, ambiguous: bool) -> str:
    """Case mode of an alias (see summarizer.companies.matcher for the rules)."""
    if ambiguous:
        return WORD
    letters = [c for c in alias if c.isalpha()]
    if letters and not any(c.islower() for c in letters):
        return EXACT
    return FOLD


class AliasIndex:
    """Word n-gram -> aliases; built once per registry."""

    def __init__(self) -> None:
        self.grams: dict[tuple[str, ...], list[AliasRef]] = {}
        self.first: dict[str, int] = {}  # first word -> longest alias length starting with it
        self.lower_first: set[str] = set()  # first words of aliases written lower case ("ebay")
        self.prefixes: set[tuple[str, ...]] = set()  # every leading part of an alias key
        self.tickers: dict[str, int] = {}  # full symbols: "AAPL", "1810.HK"
        self.bases: dict[str, int] = {}  # "1810" of "1810.HK", after an exchange name only
        self.bare: set[str] = set()  # symbols that may also stand alone ("TSLA")
        # (regex of lower_first,), built on first use and dropped when lower_first grows
        self._lower_re: tuple[re.Pattern[str] | None] | None = None
        self._starts_word: dict[str, bool] = {}  # written word -> an alias starts with it

    def add(self, alias: str, ref_entry: int, *, mode: str, weak: bool = False) -> None:
        """Index one alias, or an exclusion phrase (mode EXCLUDED) of that company."""
        words = split_words(alias)
        if not words:
            return
        surface = [w.replace("’", "'") for w in words]
        if len(surface[-1]) > 2 and surface[-1].endswith("'s"):
            surface[-1] = surface[-1][:-2]  # "Macy's" is looked up as "Macy", like the text
        key = tuple(fold(w) for w in surface)
        ref = AliasRef(ref_entry, tuple(surface), mode, weak)
        refs = self.grams.get(key, ())
        if ref not in refs:  # "NIO" (exact) and "Nio" (any case) may share a key
            self.grams[key] = [*refs, ref]  # a new list: copies share the old ones
        if key[0] not in self.first:
            self._starts_word = {}  # a new first word: forget what was learnt
        self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
        self.prefixes.update(key[:k] for k in range(1, len(key) + 1))
        if surface[0][:1].islower() and key[0] not in self.lower_first:
            self.lower_first.add(key[0])
            self._lower_re = None

    def start_regex(self) -> re.Pattern[str]:
        """The regex finding capitalised words, digits, "&", non-ASCII and CJK starts."""
        return _START_RE

    def _lower_regex(self) -> re.Pattern[str] | None:
        """One trie-shaped regex of the lower-case first words ("ebay"), built on first use."""
        if self._lower_re is None:
            words = self.lower_first
            ok = all(w.isalnum() for w in words)  # \b below equals isalnum() only then
            pattern = re.compile(rf"\b{_trie(words)}(?!\w)") if ok and words else None
            self._lower_re = (pattern,)
        return self._lower_re[0]

    def starts(self, text: str) -> list[int]:
        """Offsets of the words in ``text`` that may start an alias, in order.

        Capitalised words etc. come from ``_START_RE``; the few lower-case first words
        of aliases ("ebay", "easyjet") from one trie-shaped regex over the lower-cased
        text (a plain alternation would be tried word by word at every position)."""
        known = self._starts_word
        if len(known) > 50_000:  # bounded: a stream of odd words must not grow it forever
            known.clear()
        found = [
            m.start()
            for m in _START_WORD_RE.finditer(text)
            if (word := m.group(1)) and (known[word] if word in known else self._learn(word))
        ]
        if not self.lower_first:
            return found
        lower = text.lower()
        pattern = self._lower_regex()
        if pattern is None or "_" in text or len(lower) != len(text):
            return self._starts_slow(text, found)  # rare: exact character-by-character rules
        for m in pattern.finditer(lower):
            at = m.start()
            if (not at or lower[at - 1] not in "'’") and text[at].islower():
                found.append(at)
        return sorted(set(found))

    def _learn(self, word: str) -> bool:
        """Whether an alias can start with ``word`` as written (remembered per written form)."""
        ok = fold(word).removesuffix("'s") in self.first
        self._starts_word[word] = ok
        return ok

    def _starts_slow(self, text: str, found: list[int]) -> list[int]:
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer: rare, be exact
            lower = "".join(ch.lower()[:1] or ch for ch in text)
        for word in self.lower_first:
            at = lower.find(word)
            while at >= 0:
                end = at + len(word)
                if (not at or not (lower[at - 1].isalnum() or lower[at - 1] in "'’")) and (
                    end >= len(lower) or not lower[end].isalnum()
                ) and text[at].islower():
                    found.append(at)
                at = lower.find(word, end)
        return sorted(set(found))

    def copy(self) -> AliasIndex:
        """An index that can grow without changing this one (cheap: lists are shared)."""
        other = AliasIndex()
        other.grams, other.first = dict(self.grams), dict(self.first)
        other.lower_first, other.prefixes = set(self.lower_first), set(self.prefixes)
        other.tickers, other.bases = dict(self.tickers), dict(self.bases)
        other.bare = set(self.bare)
        other._lower_re = self._lower_re
        return other

    def add_ticker(self, ticker: str, entry: int, *, bare_ok: bool) -> None:
        """Index a ticker for the ticker forms ("NYSE:F", "$AAPL", "(1810.HK)")."""
        symbol = ticker.strip().upper()
        self.tickers.setdefault(symbol, entry)
        if "." in symbol:
            self.bases.setdefault(symbol.split(".")[0], entry)
        if bare_ok:
            self.bare.add(symbol)


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, shaped as a trie so each letter is tried once."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        alts = [re.escape(ch) + pattern(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{pattern(root)})"


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
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
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
    m = re.search(r"([^\W\d_][\w’'.\-]*) $", text[max(0, start - 40) : start])
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
    index: AliasIndex, text: str, first: re.Match[str], limit: int
) -> list[tuple[int, int, str, bool]]:
    """Up to ``limit`` words from the word ``first`` on: (start, end-without-possessive,
    folded, possessive), stopping at a wide gap, after a possessive and where no alias
    goes on ("The" starts "The Boeing Company", but "The report" goes nowhere)."""
    out: list[tuple[int, int, str, bool]] = []
    key: tuple[str, ...] = ()
    m: re.Match[str] | None = first
    while m is not None and len(out) < limit:
        start, end = m.span(m.lastindex or 0)
        word = fold(text[start:end])
        possessive = len(word) > 2 and word.endswith("'s")
        if possessive:
            word = word[:-2]
        key = (*key, word)
        if key not in index.prefixes:
            break
        out.append((start, end - (2 if possessive else 0), word, possessive))
        if possessive:
            break
        m = _NEXT_RE.match(text, end)
    return out


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
    for at in index.starts(text):
        if at < pos:
            continue  # inside the last hit
        if text[at].islower() and not any(text.startswith(w, at) for w in lower):
            continue  # "é...": a lower-case letter outside ASCII
        first = _TOKEN_RE.match(text, at)
        if first is None:
            continue
        word = fold(first.group()).removesuffix("'s")
        longest = index.first.get(word, 0)
        if not longest or (blocked and any(a <= at < b for a, b in blocked)):
            continue
        toks = _local_tokens(index, text, first, longest)
        used = _match_at(index, text, toks, 0, longest, headline_style)
        if used is None:
            continue
        n, hit = used
        yield hit
        pos = toks[n - 1][1]


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
                hit = _judge(ref, text, start, end, possessive=toks[j][3], style=headline_style)
                return None if hit is None else (1 if hit.shadow else j - i + 1, hit)
    return None


def _abbreviation(ref: AliasRef, text: str, start: int, end: int) -> bool:
    """ "genetically modified (GM)": an all-capitals alias alone in brackets is being defined."""
    return ref.mode == EXACT and text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _after_possessive(text: str, start: int) -> bool:
    """ "The Who's Next", "Ford's Focus": a common word owned by a name is not a company."""
    return bool(re.search(r"\w['’]s\s$", text[max(0, start - 6) : start]))


def _shouted(ref: AliasRef, text: str, start: int, end: int) -> bool:
    """ "LOW NOW GOLD": a capitalised common word among capitalised words is just shouting."""
    word = ref.surface[0]
    if len(ref.surface) != 1 or not word.isupper() or not is_common(word):
        return False
    around = re.findall(r"[^\W\d_]+", text[max(0, start - 12) : start])[-1:] + re.findall(
        r"[^\W\d_]+", text[end : end + 12])[:1]
    return any(len(w) > 1 and w.isupper() for w in around)


def _judge(
    ref: AliasRef, text: str, start: int, end: int, *, possessive: bool, style: bool
) -> Hit | None:
    """The hit for a case-matching alias: None inside a person's name, weak where ambiguous."""
    surface = ref.surface[0].casefold() if len(ref.surface) == 1 else ""
    if surface in LEGAL and re.search(r"[A-Z][\w&.'’-]*,? $", text[max(0, start - 30) : start]):
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
    weak = (ref.weak or _shouted(ref, text, start, end)
            or (ref.mode == WORD and (style or initial or _after_possessive(text, start))))
    return Hit(ref.entry, start, end, weak, word=surface)
