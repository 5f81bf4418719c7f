"""The company matcher every part of the bot shares: shipped registry plus users' custom names.

:class:`CompanyRegistry` is built once by the composition root (:mod:`bot.wiring`) and
handed to the ingestor and the services; when a chat follows a new name, the
subscription service asks it to :meth:`~CompanyRegistry.reload`, and everyone sees
the new matcher on their next call. A reload learns only the names stored since the
last one, so a stranger's stream of made-up names costs milliseconds each.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import seeds
from storage.companies import clean_name
from summarizer.companies.matcher import (
    CompanyEntry,
    CompanyMatcher,
    CompanyMention,
    load_registry,
)
from summarizer.companies.registry.names import (
    LEGAL,
    bare_name,
    name_problem,
    reads_as_ticker,
    short_forms,
    word_name,
)
from summarizer.errors import InputError

if TYPE_CHECKING:
    from storage.companies import Company
    from storage.store import Store


def registry_entries() -> list[CompanyEntry]:
    """The company registry shipped in ``seeds/companies.json``."""
    try:
        text = seeds.companies_file().read_text(encoding="utf-8")
    except OSError as err:
        raise InputError("The shipped company registry (seeds/companies.json) is missing.") from err
    return load_registry(text)


class CompanyRegistry:
    """The shipped registry synced into ``store``, plus every stored custom name, as
    one :class:`CompanyMatcher`.

    The registry's matcher is built once (about a second); the names users make up are
    added to it as they come, in the order they were stored, so following a new name
    costs milliseconds whatever the registry's size (a full rebuild took 1.2 s per name,
    holding a write thread and slowing every chat's replies)."""

    def __init__(self, store: Store, *, entries: Sequence[CompanyEntry] | None = None) -> None:
        self._store = store
        # Parsing ~6,000 entries takes a while: once per process, not per call.
        self._entries = list(entries) if entries is not None else registry_entries()
        store.companies.ensure_registry(self._entries)
        # Registry entries carry matching hints (ambiguous words, exclusions) the table
        # does not keep, so they come from the file; the table adds users' custom names.
        self._base = CompanyMatcher(self._entries)
        self._shipped = frozenset(entry.name.casefold() for entry in self._entries)
        self._lock = threading.Lock()  # two chats' new names at once: both are learnt
        self._rows: list[tuple[int, CompanyEntry]] = []  # stored names the file lacks, by id
        self._seen = self._top = 0  # the highest id read; of a registry row read
        self._matcher = self._base
        self._custom: frozenset[str] = frozenset()
        self.reload()

    @property
    def matcher(self) -> CompanyMatcher:
        """The current matcher (replaced, never mutated, by :meth:`reload`)."""
        return self._matcher

    def reload(self) -> None:
        """Match the names stored since the last call too, and no longer those deleted
        (a /stop deletes the names only its chat followed)."""
        with self._lock:
            kept = self._still_stored()
            if kept is not None:  # the registry's matcher, extended anew with the rest
                self._rows, self._matcher = kept, self._base
                # The highest ids may have gone, and SQLite gives them out again.
                self._seen = max([self._top, *(i for i, _ in kept)])
            read = self._store.companies.entries_after(self._seen)
            shipped = [e.name.casefold() in self._shipped for _, e in read]
            added = [row for row, registry in zip(read, shipped, strict=True) if not registry]
            self._seen = max([self._seen, *(i for i, _ in read)])
            self._top = max([self._top, *(i for (i, _), r in zip(read, shipped, strict=True) if r)])
            self._rows += added
            self._matcher = self._extended([entry for _, entry in added])
            self._custom = frozenset(entry.name.casefold() for _, entry in self._rows)

    def _still_stored(self) -> list[tuple[int, CompanyEntry]] | None:
        """The names learnt so far that the table still holds; None when it holds all."""
        if not self._rows:
            return None
        stored = self._store.companies.stored_names([entry.name for _, entry in self._rows])
        if len(stored) == len(self._rows):
            return None
        return [(i, entry) for i, entry in self._rows if entry.name.casefold() in stored]

    def _extended(self, added: Sequence[CompanyEntry]) -> CompanyMatcher:
        """The current matcher with ``added``, the names stored after all it has: the
        matcher the registry and every stored name, oldest first, make in one go."""
        if self._matcher is not self._base:
            extended = self._matcher.with_entries(added)
            if len(extended.entries) - len(self._matcher.entries) == len(added):
                return extended
            # A name a known one already has ("Foo-Bar" made up after another chat's
            # "Foo Bar"): with_entries keeps both only when they come in one batch.
        return self._base.with_entries([entry for _, entry in self._rows])

    def deleted_since_built(self, mentions: Sequence[CompanyMention]) -> bool:
        """Whether a mentioned name that this matcher took from the table is gone from it:
        a /stop (in this process or another) deleted a made-up name, and linking the
        mention would store it again as a name from the news, which every chat sees."""
        names = [m.name for m in mentions if m.name.casefold() in self._custom]
        if not names:
            return False
        return len(self._store.companies.stored_names(names)) < len({n.casefold() for n in names})


def company_by_id(store: Store, company_id: int, chat_id: int) -> Company:
    """The company a button names, as this chat may see it: another chat's custom name
    is "no longer known" too (a button's id can be forged)."""
    company = store.companies.get(company_id, chat_id=chat_id)
    if company is None:
        raise InputError("That company is no longer known; please look it up again.")
    return company


def find_company(
    store: Store, matcher: CompanyMatcher, name: str, *, chat_id: int | None = None
) -> Company | None:
    """The stored company named, aliased or tickered ``name`` (any case); for a chat
    (``chat_id``), only a custom name it may see (``storage.visibility.OWN_COMPANY``):
    another chat's is a name new to this chat, which its buttons could not follow either
    (see :func:`company_by_id`)."""
    name = _typed(name)
    if _is_typo(name):
        return None
    # A ticker that is an ordinary word counts only typed as one: "Sky" is not ticker SKY.
    company = store.companies.get_by_name(name, tickers=reads_as_ticker(name))
    if company is None:
        entry = _resolve(matcher, name)
        company = store.companies.get_by_name(entry.name) if entry else None
    if company is not None and company.custom and chat_id is not None:
        company = store.companies.get(company.id, chat_id=chat_id)
    return company


def registry_entry(matcher: CompanyMatcher, name: str) -> CompanyEntry | None:
    """The registry company ``name`` names, as ``find_company`` resolves it."""
    name = _typed(name)
    return None if _is_typo(name) else _resolve(matcher, name)


def _resolve(matcher: CompanyMatcher, name: str) -> CompanyEntry | None:
    entry = matcher.resolve(name)
    if entry is None and (bare := bare_name(name)) != name:
        # "The Gap", "The Body Shop", "Ring Inc" for a followed "Ring": people add a "the"
        # or a legal form the name lacks.
        entry = matcher.resolve(bare)
    return entry or _by_short_form(matcher, name)


def _by_short_form(matcher: CompanyMatcher, name: str) -> CompanyEntry | None:
    """The registry company ``name`` shortens to ("SkyWest Airlines", "HVB Group": the
    registry knows them without what they do). Only a distinctive short form counts
    ("Continental Research" is no Continental: short_forms never cuts down to an
    ordinary word)."""
    return next(filter(None, map(matcher.resolve, _descriptive_short_forms(name))), None)


def _descriptive_short_forms(name: str) -> list[str]:
    """The strong short forms of ``name`` that are its own first words ("SkyWest" of
    SkyWest Airlines; not "Sky West", nor an acronym), longest first."""
    words = bare_name(name).split()
    return [
        form
        for form, weak in short_forms(name)
        if not weak and form.split() == words[: len(form.split())]
    ]


def _typed(name: str) -> str:
    # "AT&amp;T" pasted from a web page; "Ａｐｐｌｅ" typed in full-width letters (stored
    # names are NFKC, see storage.companies.clean_name).
    return unicodedata.normalize("NFKC", html.unescape(name)).strip()


def _is_typo(name: str) -> bool:
    # One letter is never followed as typed: "x" is a typo, and "X" may be US Steel's
    # ticker or X Corp (both are offered, see offered_names); "$X" is the ticker.
    return len(name) < 2


def offered_names(
    store: Store, matcher: CompanyMatcher, name: str, chat_id: int, *, limit: int = 3
) -> list[Company]:
    """Known names close to ``name`` that this chat may be offered: registry names and
    its own custom names, never another chat's."""
    typed = _typed(name)
    letter = len(typed) == 1 and typed.isupper()  # "x" is a typo, "X" may be a company
    # Ask the matcher for more: some of its names may be other chats' custom names.
    names = _by_letter(matcher, typed) if letter else matcher.suggest(name, limit=limit * 4)
    # An ordinary word or a letter that is a ticker ("Cat": Caterpillar's CAT; "X": US
    # Steel's) is offered, not followed.
    ticker = letter or not reads_as_ticker(typed)
    tickered = store.companies.get_by_name(typed) if ticker else None
    if tickered is not None:
        names = [tickered.name, *(n for n in names if n != tickered.name)]
    return store.companies.offered_to(chat_id, names)[:limit]


def _by_letter(matcher: CompanyMatcher, letter: str) -> list[str]:
    """Companies that go by one letter and their legal form ("X Corp." is X, the former
    Twitter)."""
    folded = letter.casefold()
    return [
        entry.name
        for entry in matcher.entries
        for alias in entry.aliases
        if (words := alias.casefold().split())[0] == folded
        and len(words) > 1
        and all(w.strip(".,") in LEGAL for w in words[1:])
    ][:5]


# Characters no company name uses; text with them is markup, a URL or noise.
_NOT_A_NAME = re.compile(r"[<>{}\[\]|\\^`$]|://|^/")


def new_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be followed as a new (custom) company, as a reply text, or None.

    One-letter names, names over 100 characters, text without letters and single
    ordinary words ("Orange", "Next") would either match nothing useful or flood
    every chat that follows them, so they are refused with a reason. Registry names
    are resolved before this is asked, so "Next" the retailer still works.
    """
    if _NOT_A_NAME.search(name):
        return "that does not look like a company name"
    if name.lstrip().startswith("@"):
        return "that is an account's handle, not a company name"
    if not any(ch.isalpha() for ch in name) and any(ch.isdigit() for ch in name):
        return "a number is no company name; please write the company's name"
    return name_problem(name)


def followed_entries(
    registry: CompanyMatcher, names: Sequence[str]
) -> tuple[list[CompanyEntry], list[tuple[str, str]]]:
    """Custom entries for ``names`` as ``/subscribe`` would follow them where no button
    can be pressed (``newsbot companies --also``, and ``--score`` for the labelled names),
    and (name, why) for each name left out.

    A registry name is left to the registry; a capitalised ordinary word no company goes
    by alone ("Ring") is followed in word mode; other ordinary words are left out.
    """
    extra: list[CompanyEntry] = []
    refused: list[tuple[str, str]] = []
    for name in names:
        problem = name_problem(name)
        if problem and registry_entry(registry, name) is not None:
            continue  # a registry name ("Google", "Next"): /subscribe resolves it first too
        if not _is_typo(name) and _by_short_form(registry, _typed(name)) is not None:
            continue  # "SkyWest Airlines" is the registry's SkyWest, as /subscribe finds
        word = word_name(name) if problem else None
        if word:
            extra.append(CompanyEntry(word, ambiguous=(word,)))
        elif problem:
            refused.append((name, problem))
        else:
            extra.append(CompanyEntry(clean_name(name)))
    return extra, refused
