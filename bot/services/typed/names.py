"""What the company names a chat types mean: for each name of a command (read by
:mod:`bot.services.typed.lists`) the stored company, a new name to follow, or the close
names to offer instead.

Plain data, no Telegram; :class:`~bot.services.subscriptions.SubscriptionService` uses
it for /subscribe and /unsubscribe.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from bot.services.registry import find_company, new_name_problem, offered_names, registry_entry
from bot.services.typed.lists import JOINERS, open_quote
from summarizer.companies.registry.names import word_name
from summarizer.companies.registry.suggest import SUGGEST_CUTOFF

if TYPE_CHECKING:
    from bot.services.registry import CompanyRegistry
    from storage.companies import Company
    from storage.store import Store

CLOSE_MATCH = 80.0  # rapidfuzz ratio: "Xiaomy" ~ "Xiaomi" (83) is a typo, not a new name
# "Apple Toyota Sony Nokia Shell", "General Motors Ford": the words of a name typed
# without commas read as known names of up to MAX_NAME_WORDS words each.
MAX_JOINED_WORDS = 12
MAX_NAME_WORDS = 5


@dataclass(frozen=True, slots=True)
class CompanyRef:
    """A company as the chat sees it."""

    id: int
    name: str
    # A made-up name /subscribe would read apart ("Apple Toyota"): quoted to follow again.
    whole: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class Unknown:
    """A name that matched nothing, with close registry names to offer."""

    text: str
    suggestions: tuple[CompanyRef, ...] = ()
    reason: str | None = None
    created: bool = False  # followed as a new name all the same; suggestions are loose


def _fewest_names(count: int, known: Callable[[int, int], int | None]) -> list[tuple[int, int]]:
    """Where the names end, with the company each names, when ``count`` words are read
    as the fewest known names (``known(start, end)``: the id the words name, or None);
    [] if they cannot. A company may come twice: "Apple Apple" is Apple typed twice."""
    # best[i]: the fewest names spelling the first i words, as (end, company id) steps.
    best: list[list[tuple[int, int]] | None] = [[], *([None] * count)]
    for end in range(1, count + 1):
        for start in range(max(0, end - MAX_NAME_WORDS), end):
            before, current = best[start], best[end]
            if before is None or (current is not None and len(before) + 1 >= len(current)):
                continue
            company_id = known(start, end)
            if company_id is not None:
                best[end] = [*before, (end, company_id)]
    return best[count] or []


def _distinct(name: str, other: str) -> tuple[str, str]:
    """Both names folded, without the last words they share ("Atticus Capital" and "Axis
    Capital" -> "atticus", "axis"; "Southwest Airlines" and "SkyWest Airlines")."""
    words, others = name.casefold().split(), other.casefold().split()
    while len(words) > 1 and len(others) > 1 and words[-1].strip(".,") == others[-1].strip(".,"):
        words.pop()
        others.pop()
    return " ".join(words), " ".join(others)


class NameChooser:
    """Which company a typed name means, for one database and registry."""

    def __init__(self, *, store: Store, companies: CompanyRegistry) -> None:
        self.store = store
        self.companies = companies

    def find(self, name: str, chat_id: int | None = None) -> Company | None:
        """The stored company named, aliased or tickered ``name`` (any case); for a chat,
        as it may see it: another chat's made-up name is a name new to it, so no reply
        tells that some chat follows it."""
        return find_company(self.store, self.companies.matcher, name, chat_id=chat_id)

    def read_apart(
        self, names: list[str], *, chat_id: int, whole: frozenset[str] = frozenset()
    ) -> tuple[list[str], list[tuple[str, int]]]:
        """Each name of a command as the companies it names (see :meth:`split_joined`),
        but a name typed in quotes (folded in ``whole``) as itself; and the names read
        apart at their spaces ("Apple Toyota"), with how many companies each made,
        which the reply says."""
        parts: list[str] = []
        apart: list[tuple[str, int]] = []
        for name, kept in (p for n in names for p in self._opened(n, chat_id)):
            if kept or name.casefold() in whole:
                parts.append(name)
                continue
            split, at_spaces = self._split(name, chat_id)
            if len(split) > 1 and at_spaces:
                apart.append((name, len(split)))
            parts += split
        return parts, apart

    def _opened(self, name: str, chat_id: int) -> list[tuple[str, bool]]:
        """``Apple "Toyota``: the names before a quote opened after them and the name it
        opens, kept whole (True) as its closing quote was forgotten; the name itself
        when there is no such quote or the words are one known name without it."""
        opened = open_quote(name)
        if opened is None:
            return [(name, False)]
        joined = " ".join(opened)
        if self.find(joined, chat_id) is not None:
            return [(joined, False)]
        return [(opened[0], False), (opened[1], True)]

    def split_joined(self, name: str, *, chat_id: int | None = None) -> list[str]:
        """``name`` as the known companies it joins ("Volkswagen and BMW", "Apple & Google",
        "Nokia/Siemens", "Apple Toyota"), or as itself: a known name ("Procter & Gamble",
        "General Motors") or one whose parts are not all known companies stays whole."""
        return self._split(name, chat_id)[0]

    def _split(self, name: str, chat_id: int | None) -> tuple[list[str], bool]:
        """:meth:`split_joined`, and whether the name was read apart at its spaces (the
        reply says so; "Volkswagen and BMW" said it was two)."""
        if self.find(name, chat_id) is not None:
            return [name], False
        for joiner in JOINERS:
            parts = [p.strip() for p in joiner.split(name)]
            if len(parts) > 1 and all(p and self.find(p, chat_id) is not None for p in parts):
                return parts, False
        apart = self.words_apart(name, chat_id=chat_id)
        return apart or [name], bool(apart)

    def as_followed(self, pairs: list[tuple[int, str]], chat_id: int) -> list[CompanyRef]:
        """Followed companies (id, name) as refs, a made-up name whose words are known
        companies marked ``whole``, so the command following it again keeps it one."""
        return [CompanyRef(i, n, self._apart(i, n, chat_id)) for i, n in pairs]

    def _apart(self, company_id: int, name: str, chat_id: int) -> bool:
        if " " not in name.strip():
            return False
        company = self.store.companies.get(company_id)
        return bool(company and company.custom and self.words_apart(name, chat_id=chat_id))

    def words_apart(self, name: str, *, chat_id: int | None = None) -> list[str]:
        """``name`` as the different known companies its words spell one after the
        other, when the whole is none ("Apple Toyota", "Toyota Motor Apple": the comma
        forgotten), in as few names as can be, each company once ("Apple Apple" is
        Apple); else []. Another chat's made-up names are unknown here, so a name never
        tells that some chat follows it."""
        words = name.split()
        if not 2 <= len(words) <= MAX_JOINED_WORDS:
            return []

        @cache
        def known(start: int, end: int) -> int | None:
            if end - start == len(words):
                return None  # the whole name: the name itself, not a list
            part = " ".join(words[start:end])
            # A name of several words is first looked up in memory: most runs of words
            # are no name, and the table's alias search costs ~5 ms a miss.
            if end - start > 1 and registry_entry(self.companies.matcher, part) is None:
                return None
            company = self.find(part, chat_id)
            return company.id if company is not None else None

        names: dict[int, str] = {}  # by company, as first typed
        start = 0
        for end, company_id in _fewest_names(len(words), known):
            names.setdefault(company_id, " ".join(words[start:end]))
            start = end
        return list(names.values())

    def holds_several(self, name: str, chat_id: int) -> bool:
        """Whether two or more words of a name new to the bot are different known
        companies ("Apple Toyota Blorbcorp"): a list with its commas forgotten, maybe."""
        words = name.split()
        if not 3 <= len(words) <= MAX_JOINED_WORDS:
            return False
        found = (self.find(word, chat_id) for word in dict.fromkeys(words))
        return len({company.id for company in found if company is not None}) >= 2

    def company_for(
        self, name: str, unknown: list[Unknown], *, chat_id: int, quoted: bool = False
    ) -> tuple[Company | None, bool]:
        """The stored company for ``name``, a new custom name, or None (noted in ``unknown``);
        True when the name was created.

        A near-miss of a known name ("Xiaomy") is not followed but answered with
        suggestions; a name unlike any known one becomes a custom name, and loose
        look-alikes are still offered (noted in ``unknown`` with the name created).
        A name typed in quotes (``quoted``) is the chat's own whole name, as the reply
        reading "Toyota Motor Apple" apart tells it to send: never refused as a near
        miss, followed as a new name with the look-alikes offered.
        """
        company = self.find(name, chat_id)
        if company is not None:
            return company, False
        problem = new_name_problem(name)
        if problem:
            return self._word_for(name, problem, unknown, chat_id=chat_id)
        suggestions = self.suggest(name, chat_id=chat_id)
        # A near-miss of a registry name is a typo; of a name a chat made up ("Nexora
        # Ltd" for "Nexara Ltd"), as likely another firm: followed, the other offered.
        if not quoted and any(
            self._closeness(name, ref) >= CLOSE_MATCH and not self._custom(ref)
            for ref in suggestions
        ):
            unknown.append(Unknown(name, suggestions))
            return None, False
        # Look-alikes the chat already follows need no button.
        followed = self.store.subscriptions.is_subscribed
        offer = tuple(ref for ref in suggestions if not followed(chat_id, ref.id))
        if offer:
            unknown.append(Unknown(name, offer, created=True))
        company_id = self.store.companies.add_custom(name, chat_id=chat_id)
        return self.store.companies.get(company_id), True

    def _custom(self, ref: CompanyRef) -> bool:
        """Whether a company is a name users added, not one from the registry."""
        company = self.store.companies.get(ref.id)
        return company is not None and company.custom

    def _word_for(
        self, name: str, problem: str, unknown: list[Unknown], *, chat_id: int
    ) -> tuple[Company | None, bool]:
        """A refused new name ("Total", "house", "Ring"): followed as a word when it can be."""
        # "Total" is refused as an ordinary word, but TotalEnergies is what was meant. Only
        # companies that go by the word are offered: "Paris" is no misspelt Polaris.
        letter = len(name.strip()) == 1 and name.isupper()  # "X": US Steel's ticker, X Corp?
        offer = self.suggest(name, chat_id=chat_id) if letter or 3 <= len(name) <= 100 else ()
        offer = tuple(ref for ref in offer if self._goes_by(name.strip(), ref))
        word = word_name(name)
        if word is None or offer:
            unknown.append(Unknown(name, offer, problem))
            return None, False
        # "Ring", "Arsenal": no known company goes by the word, so it is followed
        # as written, in the registry's word mode (the reply says so).
        company_id = self.store.companies.add_custom(word, chat_id=chat_id, as_word=True)
        return self.store.companies.get(company_id), True

    def _known_names(self, ref: CompanyRef, *, ticker: bool) -> tuple[str, ...]:
        """The company's name and aliases (and, with ``ticker``, its ticker) as the
        registry has them."""
        entry = self.companies.matcher.resolve(ref.name)
        if entry is None:
            return (ref.name,)
        symbol = (entry.ticker,) if ticker and entry.ticker else ()
        return (ref.name, *entry.aliases, *symbol)

    def _goes_by(self, word: str, ref: CompanyRef) -> bool:
        """Whether a suggested company's name, an alias or its ticker starts with ``word``
        ("Rank Group", "TotalEnergies", Caterpillar's CAT for "Cat"): then the word is
        that company's short name, offered, not a new one."""
        folded = word.casefold()
        return any(n.casefold().startswith(folded) for n in self._known_names(ref, ticker=True))

    def _closeness(self, name: str, ref: CompanyRef) -> float:
        """0-100: how alike ``name`` is to the company's name or one of its aliases (not
        its ticker: a new name "Cato" is no misspelt CAT), on the words they do not share
        at their end: "Atticus Capital" is no misspelt Axis Capital."""
        known = self._known_names(ref, ticker=False)
        return max(fuzz.ratio(*_distinct(name, n)) for n in known)

    def suggest(
        self, name: str, *, within: int | None = None, chat_id: int | None = None
    ) -> tuple[CompanyRef, ...]:
        """Close registry names and ``chat_id``'s own custom names (or, with ``within``,
        close names that chat follows)."""
        if within is not None:
            followed = {
                n.casefold(): CompanyRef(i, n) for i, n in self.store.subscriptions.for_chat(within)
            }
            # Whole-name similarity: WRatio's partial matching offered Foxconn for "Foo".
            hits = process.extract(
                name,
                list(followed),
                scorer=fuzz.ratio,
                limit=3,
                score_cutoff=SUGGEST_CUTOFF,
                processor=str.casefold,
            )
            return tuple(followed[hit[0]] for hit in hits)
        offered = (
            offered_names(self.store, self.companies.matcher, name, chat_id)
            if chat_id is not None
            else []
        )
        return tuple(CompanyRef(company.id, company.name) for company in offered)
