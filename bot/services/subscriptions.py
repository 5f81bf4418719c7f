"""What the bot can do for a chat, as plain data: no Telegram, no HTML.

Handlers parse an update, call one :class:`SubscriptionService` method and format
its result. Every method is synchronous (SQLite and the summarizer are); handlers
run them in a worker thread so a busy database never freezes the bot.
Errors are :class:`~summarizer.errors.NewsbotError` with a sentence for the user.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from bot.services.registry import find_company, new_name_problem, offered_names
from summarizer.companies.matcher import SUGGEST_CUTOFF
from summarizer.companies.names import LEGAL, word_name
from summarizer.errors import InputError

if TYPE_CHECKING:
    from bot.services.registry import CompanyRegistry
    from storage.chats import ChatSettings
    from storage.companies import Company
    from storage.store import Store

MAX_NAMES_PER_COMMAND = 10
CLOSE_MATCH = 80.0  # rapidfuzz ratio: "Xiaomy" ~ "Xiaomi" (83) is a typo, not a new name


@dataclass(frozen=True, slots=True)
class CompanyRef:
    """A company as the chat sees it."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Unknown:
    """A name that matched nothing, with close registry names to offer."""

    text: str
    suggestions: tuple[CompanyRef, ...] = ()
    reason: str | None = None
    created: bool = False  # followed as a new name all the same; suggestions are loose


@dataclass(frozen=True, slots=True)
class SubscribeResult:
    """Outcome of ``/subscribe``: per name, what happened."""

    added: tuple[CompanyRef, ...] = ()
    already: tuple[CompanyRef, ...] = ()
    new_names: tuple[CompanyRef, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    over_limit: tuple[str, ...] = ()
    total: int = 0
    limit: int = 0
    # Sent in a forum topic: "here" when the names' alerts now arrive in this topic;
    # None outside topics. ``moved``: names already followed whose alerts came elsewhere.
    topic: str | None = None
    moved: tuple[CompanyRef, ...] = ()
    # New names that are also ordinary words ("Ring"): matched only as written.
    as_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TopicMap:
    """A forum group's alert topics: each company's own, the group's default, the names."""

    own: dict[int, int]
    default: int | None
    names: dict[int, str]


@dataclass(frozen=True, slots=True)
class UnsubscribeResult:
    """Outcome of ``/unsubscribe``."""

    removed: tuple[CompanyRef, ...] = ()
    not_followed: tuple[CompanyRef, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    everything: bool = False  # "/unsubscribe all": ``removed`` is all the chat followed


# What people type to stop following everything (and keep their settings, unlike /stop).
EVERYTHING = frozenset(("all", "everything", "*", "all companies"))


def split_names(text: str) -> list[str]:
    """Comma-, semicolon- or newline-separated names, trimmed, without repeats.

    HTML entities are decoded first ("AT&amp;T" pasted from a web page is AT&T, not
    "AT&amp" and "T"). A name in quotes is kept whole ("Sturm, Ruger & Co."), and a
    legal form after a comma stays with its name ("F5, Inc.").
    """
    pieces: list[str] = []
    for line in html.unescape(text).split("\n"):
        glue = False  # the piece before, on this line, may take a legal form
        for m in _PIECE.finditer(line):
            plain = m.lastgroup == "plain"
            name = " ".join(m.group(m.lastgroup or "plain").split())
            if plain and glue and _legal_tail(name):
                pieces[-1] += f", {name}"
            elif name:
                pieces.append(name)
            glue = plain and bool(name)
    seen: dict[str, str] = {}
    for name in pieces:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


# A name wholly in quotes (straight or curly), or a run up to the next separator (so
# quotes inside a name stay: Toys "R" Us).
_PIECE = re.compile(r'\s*(?:"(?P<q1>[^"]*)"|“(?P<q2>[^”]*)”)\s*(?=[,;]|$)|(?P<plain>[^,;]+)')


# Legal forms written with dots between letters: "N.A." (a US national bank), "a. s." (Czech).
_LEGAL_JOINED = LEGAL | {"na"}


def _legal_tail(piece: str) -> bool:
    """Whether a comma-separated piece only ends the name before it: "Inc.", "Co., Ltd.",
    "N.A", "a. s" (legal forms), never a name of its own ("AB InBev" is one)."""
    words = re.findall(r"[^\W\d_]+", piece.casefold())
    return bool(words) and (all(w in LEGAL for w in words) or "".join(words) in _LEGAL_JOINED)


class SubscriptionService:
    """Which companies a chat follows, and its settings."""

    def __init__(
        self, *, store: Store, companies: CompanyRegistry, max_subscriptions: int = 50
    ) -> None:
        self.store = store
        self.companies = companies
        self.max_subscriptions = max_subscriptions

    def find_company(self, name: str) -> Company | None:
        """The stored company named, aliased or tickered ``name`` (any case)."""
        return find_company(self.store, self.companies.matcher, name)

    # --- subscriptions -------------------------------------------------------------

    def subscribe(
        self,
        chat_id: int,
        text: str,
        *,
        chat_type: str | None = None,
        title: str | None = None,
        topic: int | None = None,
    ) -> SubscribeResult:
        """Follow each comma-separated name: registry names, aliases, tickers or new names.

        Sent in a forum topic (``topic``), these companies' alerts go to that topic (also
        those already followed: they move here)."""
        names = self._names(text)
        self.store.chats.upsert(chat_id, type=chat_type, title=title)
        count = self.store.subscriptions.count(chat_id)
        out: dict[str, list[Any]] = {
            k: [] for k in ("added", "already", "new", "unk", "over", "words")
        }
        for name in names:
            count += self._subscribe_one(
                chat_id, name, full=count >= self.max_subscriptions, out=out
            )
        if out["new"]:
            self.companies.reload()
        moved = self._to_topic(chat_id, topic, out)
        return SubscribeResult(
            added=tuple(out["added"]),
            already=tuple(out["already"]),
            new_names=tuple(out["new"]),
            unknown=tuple(out["unk"]),
            over_limit=tuple(out["over"]),
            total=count,
            limit=self.max_subscriptions,
            topic=None if topic is None else "here",
            moved=moved,
            as_words=tuple(out["words"]),
        )

    def _to_topic(
        self, chat_id: int, topic: int | None, out: dict[str, list[Any]]
    ) -> tuple[CompanyRef, ...]:
        """Bind the named companies' alerts to forum ``topic``; the ones already followed
        whose alerts went elsewhere (moved here)."""
        if topic is None:
            return ()
        before = self.store.subscriptions.topics(chat_id)
        default = self.store.chats.settings(chat_id).topic
        refs = [*out["added"], *out["new"], *out["already"]]
        self.store.subscriptions.set_topic(chat_id, [r.id for r in refs], topic)
        return tuple(r for r in out["already"] if before.get(r.id, default) != topic)

    def _subscribe_one(
        self, chat_id: int, name: str, *, full: bool, out: dict[str, list[Any]]
    ) -> int:
        """Follow one name, noting the outcome in ``out``; 1 when a subscription was added."""
        if full:  # no new subscriptions, and no new custom names either
            company = self.find_company(name)
            if company and self.store.subscriptions.is_subscribed(chat_id, company.id):
                out["already"].append(CompanyRef(company.id, company.name))
            else:
                out["over"].append(company.name if company else name)
            return 0
        company, created = self._company_for(name, out["unk"], chat_id=chat_id)
        if company is None:
            return 0
        ref = CompanyRef(company.id, company.name)
        if not self.store.subscriptions.add(chat_id, company.id):
            out["already"].append(ref)
            return 0
        out["new" if created else "added"].append(ref)
        if created and company.extra.get("ambiguous"):
            out["words"].append(company.name)
        return 1

    def subscribe_id(
        self, chat_id: int, company_id: int, *, topic: int | None = None
    ) -> SubscribeResult:
        """Follow a company picked from a button."""
        company = self.store.companies.get(company_id)
        if company is None:
            raise InputError("That company is no longer known; please look it up again.")
        return self.subscribe(chat_id, company.name, topic=topic)

    def unsubscribe(self, chat_id: int, text: str) -> UnsubscribeResult:
        """Stop following each comma-separated name, or every company for "all"."""
        if " ".join(text.split()).casefold() in EVERYTHING:
            refs = [
                CompanyRef(cid, name) for cid, name in self.store.subscriptions.remove_all(chat_id)
            ]
            return UnsubscribeResult(removed=tuple(refs), everything=True)
        removed: list[CompanyRef] = []
        missing: list[CompanyRef] = []
        unknown: list[Unknown] = []
        for name in self._names(text):
            company = self.find_company(name) or self._followed_ticker(chat_id, name)
            if company is None:
                unknown.append(Unknown(name, self._suggest(name, within=chat_id)))
                continue
            ref = CompanyRef(company.id, company.name)
            done = self.store.subscriptions.remove(chat_id, company.id)
            (removed if done else missing).append(ref)
        return UnsubscribeResult(tuple(removed), tuple(missing), tuple(unknown))

    def _followed_ticker(self, chat_id: int, name: str) -> Company | None:
        """A followed company whose ticker ``name`` is, also when it is an ordinary word:
        "/unsubscribe Cat" after "/subscribe CAT" means Caterpillar (following is what
        needs the ticker typed as one; leaving never hurts)."""
        company = self.store.companies.get_by_name(name.strip())
        if company is None or not self.store.subscriptions.is_subscribed(chat_id, company.id):
            return None
        return company

    def unsubscribe_id(self, chat_id: int, company_id: int) -> CompanyRef | None:
        """Stop following one company (from a button); None when it was not followed."""
        company = self.store.companies.get(company_id)
        if company is None or not self.store.subscriptions.remove(chat_id, company_id):
            return None
        return CompanyRef(company.id, company.name)

    def followed(self, chat_id: int) -> list[CompanyRef]:
        """The companies the chat follows, by name."""
        return [CompanyRef(cid, name) for cid, name in self.store.subscriptions.for_chat(chat_id)]

    def stop(self, chat_id: int) -> int:
        """Unfollow everything and forget the chat; returns how many companies it followed."""
        return self.store.lifecycle.forget(chat_id)

    # --- settings ------------------------------------------------------------------

    def settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings (defaults for a new chat)."""
        return self.store.chats.settings(chat_id)

    def update_settings(self, chat_id: int, **changes: Any) -> ChatSettings:
        """Validate and save changed settings; a new alert topic takes every company's
        alerts, also those a /subscribe in another topic had sent there."""
        settings = self.store.chats.update_settings(chat_id, **changes)
        if "topic" in changes:
            self.store.subscriptions.clear_topics(chat_id)
        return settings

    def alert_topics(self, chat_id: int, *, settings: ChatSettings | None = None) -> TopicMap:
        """Where the chat's alerts go: per company, by default, and the topics' names;
        ``settings`` when the caller has just read or saved them."""
        if settings is None:
            settings = self.store.chats.settings(chat_id)
        return TopicMap(
            own=self.store.subscriptions.topics(chat_id),
            default=settings.topic,
            names=self.store.chats.topic_names(chat_id),
        )

    def name_topic(self, chat_id: int, thread_id: int, name: str, *, rename: bool) -> bool:
        """Remember a forum topic's name (its first, or a new one when ``rename``); False
        for a chat the bot does not know yet."""
        return self.store.chats.name_topic(chat_id, thread_id, name, rename=rename)

    # --- helpers -------------------------------------------------------------------

    def _names(self, text: str) -> list[str]:
        names = split_names(text)
        if not names:
            raise InputError("Please name a company, for example: /subscribe Xiaomi")
        if len(names) > MAX_NAMES_PER_COMMAND:
            raise InputError(f"Please name at most {MAX_NAMES_PER_COMMAND} companies at once.")
        return names

    def _company_for(
        self, name: str, unknown: list[Unknown], *, chat_id: int
    ) -> tuple[Company | None, bool]:
        """The stored company for ``name``, a new custom name, or None (noted in ``unknown``).

        A near-miss of a known name ("Xiaomy") is not followed but answered with
        suggestions; a name unlike any known one becomes a custom name, and loose
        look-alikes are still offered (noted in ``unknown`` with the name created).
        """
        company = self.find_company(name)
        if company is not None:
            return company, False
        problem = new_name_problem(name)
        if problem:
            # "Total" is refused as an ordinary word, but TotalEnergies is what was meant.
            offer = self._suggest(name, chat_id=chat_id) if 3 <= len(name) <= 100 else ()
            word = word_name(name)
            if word is None or any(self._goes_by(word, ref) for ref in offer):
                unknown.append(Unknown(name, offer, problem))
                return None, False
            # "Ring", "Arsenal": no known company goes by the word, so it is followed
            # as written, in the registry's word mode (the reply says so).
            company_id = self.store.companies.add_custom(word, chat_id=chat_id, as_word=True)
            return self.store.companies.get(company_id), True
        suggestions = self._suggest(name, chat_id=chat_id)
        if any(self._closeness(name, ref) >= CLOSE_MATCH for ref in suggestions):
            unknown.append(Unknown(name, suggestions))
            return None, False
        if suggestions:
            unknown.append(Unknown(name, suggestions, created=True))
        company_id = self.store.companies.add_custom(name, chat_id=chat_id)
        return self.store.companies.get(company_id), True

    def _goes_by(self, word: str, ref: CompanyRef) -> bool:
        """Whether a suggested company's name, an alias or its ticker starts with ``word``
        ("Rank Group", "TotalEnergies", Caterpillar's CAT for "Cat"): then the word is
        that company's short name, offered, not a new one."""
        entry = self.companies.matcher.resolve(ref.name)
        names = (ref.name, *(entry.aliases if entry else ()), (entry and entry.ticker) or "")
        folded = word.casefold()
        return any(n.casefold().startswith(folded) for n in names if n)

    def _closeness(self, name: str, ref: CompanyRef) -> float:
        """0-100: how alike ``name`` is to the company's name or one of its aliases."""
        entry = self.companies.matcher.resolve(ref.name)
        names = (ref.name, *(entry.aliases if entry else ()))
        return max(fuzz.ratio(name.casefold(), other.casefold()) for other in names)

    def _suggest(
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
