"""What the bot can do for a chat, as plain data: no Telegram, no HTML.

Handlers parse an update, call one :class:`SubscriptionService` method and format
its result. Every method is synchronous (SQLite and the summarizer are); handlers
run them in a worker thread so a busy database never freezes the bot.
Errors are :class:`~summarizer.errors.NewsbotError` with a sentence for the user.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot.services.answers import SubscribeResult, TopicMap, UnsubscribeResult
from bot.services.registry import company_by_id
from bot.services.typed.lists import EVERYTHING, first_names, names_in, quoted_names
from bot.services.typed.names import CompanyRef, NameChooser, Unknown
from summarizer.errors import ReadOnlyError

if TYPE_CHECKING:
    from bot.services.registry import CompanyRegistry
    from storage.companies import Company
    from storage.settings import ChatSettings
    from storage.store import Store


class SubscriptionService:
    """Which companies a chat follows, and its settings."""

    def __init__(
        self, *, store: Store, companies: CompanyRegistry, max_subscriptions: int = 50
    ) -> None:
        self.store = store
        self.companies = companies
        self.max_subscriptions = max_subscriptions
        self.names = NameChooser(store=store, companies=companies)

    def find_company(self, name: str, chat_id: int | None = None) -> Company | None:
        """The stored company named, aliased or tickered ``name`` (any case), as the chat
        ``chat_id`` may see it (another chat's made-up name is unknown to it)."""
        return self.names.find(name, chat_id)

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
        first, later = first_names(text)
        whole = quoted_names(text)
        names, apart = self.names.read_apart(first, chat_id=chat_id, whole=whole)
        self.store.chats.upsert(chat_id, type=chat_type, title=title)
        count = self.store.subscriptions.count(chat_id)
        out = _outcomes()
        for name in names:
            quoted = name.casefold() in whole
            count += self._subscribe_one(
                chat_id, name, full=count >= self.max_subscriptions, out=out, quoted=quoted
            )
        if out["new"]:
            self.companies.reload()
        if count >= self.max_subscriptions:  # sending them again would not add them
            out["over"] += later
            later = []
        result = self._result(chat_id, out, count, topic)
        several = tuple(
            ref.name
            for ref in out["new"]
            if ref.name.casefold() not in whole and self.names.holds_several(ref.name, chat_id)
        )
        return replace(result, later=tuple(later), apart=tuple(apart), several=several)

    def subscribe_id(
        self, chat_id: int, company_id: int, *, topic: int | None = None
    ) -> SubscribeResult:
        """Follow a company picked from a button: by its id, as a name such as "Sturm,
        Ruger & Co." would be split at its comma."""
        company = company_by_id(self.store, company_id, chat_id)
        self.store.chats.upsert(chat_id)
        count = self.store.subscriptions.count(chat_id)
        out = _outcomes()
        count += self._follow(chat_id, company, full=count >= self.max_subscriptions, out=out)
        return self._result(chat_id, out, count, topic)

    def _result(
        self, chat_id: int, out: dict[str, list[Any]], count: int, topic: int | None
    ) -> SubscribeResult:
        # "Apple, Apple Inc." name one company: followed once, and not "already" followed.
        done = {*out["added"], *out["new"]}
        out["already"] = [r for r in dict.fromkeys(out["already"]) if r not in done]
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
        self, chat_id: int, name: str, *, full: bool, out: dict[str, list[Any]], quoted: bool
    ) -> int:
        """Follow one name (``quoted``: typed in quotes), noting the outcome in ``out``; 1
        when a subscription was added."""
        if full:  # no new subscriptions, and no new custom names either
            company = self.find_company(name, chat_id)
            if company is None:
                out["over"].append(name)
                return 0
            return self._follow(chat_id, company, full=True, out=out)
        company, created = self.names.company_for(name, out["unk"], chat_id=chat_id, quoted=quoted)
        if company is None:
            return 0
        return self._follow(chat_id, company, full=False, out=out, created=created)

    def _follow(
        self,
        chat_id: int,
        company: Company,
        *,
        full: bool,
        out: dict[str, list[Any]],
        created: bool = False,
    ) -> int:
        """Follow a company a name or a button gave (``created``: a name new to the bot),
        noting the outcome in ``out``; 1 when a subscription was added. At the limit
        (``full``) only one already followed is "already"; the others are over it."""
        ref = CompanyRef(company.id, company.name)
        if full and not self.store.subscriptions.is_subscribed(chat_id, company.id):
            out["over"].append(company.name)
            return 0
        if full or not self.store.subscriptions.add(chat_id, company.id):
            out["already"].append(ref)
            return 0
        out["new" if created else "added"].append(ref)
        if created and company.extra.get("ambiguous"):
            out["words"].append(company.name)
        return 1

    def unsubscribe(self, chat_id: int, text: str) -> UnsubscribeResult:
        """Stop following each comma-separated name, or every company for "all"."""
        if " ".join(text.split()).casefold() in EVERYTHING:
            followed = self.followed(chat_id)  # before a made-up name may be deleted
            gone = set(self.store.lifecycle.unfollow(chat_id, [r.id for r in followed]))
            refs = [r for r in followed if r.id in gone]
            return UnsubscribeResult(removed=tuple(refs), everything=True)
        removed: list[CompanyRef] = []
        missing: list[CompanyRef] = []
        unknown: list[Unknown] = []
        for name in self._names_in(text, chat_id):
            company = self.find_company(name, chat_id) or self._followed_ticker(chat_id, name)
            if company is None:
                unknown.append(Unknown(name, self.names.suggest(name, within=chat_id)))
                continue
            ref = CompanyRef(company.id, company.name)
            if ref in removed or ref in missing:
                continue  # "Apple, Apple Inc.": one company, left once
            done = bool(self.store.lifecycle.unfollow(chat_id, [company.id]))
            (removed if done else missing).append(ref)
        return UnsubscribeResult(tuple(removed), tuple(missing), tuple(unknown))

    def _names_in(self, text: str, chat_id: int) -> list[str]:
        """The names a command gives, known companies typed as one name split apart
        ("Volkswagen and BMW")."""
        names = names_in(text)
        return self.names.read_apart(names, chat_id=chat_id, whole=quoted_names(text))[0]

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
        if company is None or not self.store.lifecycle.unfollow(chat_id, [company_id]):
            return None
        return CompanyRef(company.id, company.name)

    def followed(self, chat_id: int) -> list[CompanyRef]:
        """The companies the chat follows, by name."""
        return self.names.as_followed(self.store.subscriptions.for_chat(chat_id), chat_id)

    def stop(self, chat_id: int) -> int:
        """Unfollow everything and forget the chat; returns how many companies it followed.

        A name only this chat followed is deleted: the matcher forgets it too, or the
        operator's next article naming it would store it again as a name from the news,
        which every chat sees."""
        forgotten = self.store.lifecycle.forget(chat_id)
        if forgotten.names_deleted:
            self.companies.reload()
        return forgotten.followed

    def chat_removed(self, chat_id: int) -> int:
        """The bot was removed from the chat: no more alerts there, and those not yet sent
        are dropped (as after a 403); its subscriptions stay for a return. Returns how many
        alerts were dropped."""
        return self.store.lifecycle.deactivate(chat_id, reason="removed from the chat")

    def chat_added(self, chat_id: int, *, type: str | None, title: str | None) -> None:
        """The bot was added (back) to a chat: it is active again."""
        self.store.chats.upsert(chat_id, type=type, title=title)

    def chat_migrated(self, old_id: int, new_id: int) -> bool:
        """A group became a supergroup: everything the chat had moves to the new id."""
        return self.store.lifecycle.migrate(old_id, new_id)

    # --- settings ------------------------------------------------------------------

    def settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings (defaults for a new chat)."""
        return self.store.chats.settings(chat_id)

    def open_settings(
        self, chat_id: int, *, chat_type: str | None = None, title: str | None = None
    ) -> ChatSettings:
        """``/settings``: the chat's settings, the chat known from now on, so the buttons
        shown with them work (see :meth:`press_setting`). On a database that cannot be
        written they are shown all the same (the defaults for a chat never seen):
        nothing needs writing to show them, and a change says why it cannot be saved."""
        try:
            return self.store.chats.upsert(chat_id, type=chat_type, title=title).settings
        except ReadOnlyError:
            return self.store.chats.settings(chat_id)

    def update_settings(self, chat_id: int, **changes: Any) -> ChatSettings:
        """Validate and save changed settings; a new alert topic takes every company's
        alerts, also those a /subscribe in another topic had sent there."""
        settings = self.store.chats.update_settings(chat_id, **changes)
        self._settings_changed(chat_id, changes, settings)
        return settings

    def press_setting(self, chat_id: int, **changes: Any) -> ChatSettings | None:
        """A settings button: like :meth:`update_settings`, but None, and nothing saved,
        when the chat is gone (the button was sent before a /stop)."""
        settings = self.store.chats.update_known_settings(chat_id, **changes)
        if settings is not None:
            self._settings_changed(chat_id, changes, settings)
        return settings

    def _settings_changed(
        self, chat_id: int, changes: dict[str, Any], settings: ChatSettings
    ) -> None:
        """What a saved change does to the chat's alert topics and waiting alerts."""
        if "topic" in changes:
            self.store.subscriptions.clear_topics(chat_id)
        if "mute" in changes or "mute_add" in changes:  # waiting alerts obey them too
            self.store.outbox.drop_muted(chat_id, settings.mute)
        if "threshold" in changes:
            self.store.outbox.drop_below(chat_id, settings.threshold)
        if "mode" in changes and settings.mode == "instant":  # what it held comes now
            self.store.outbox.release_digest(chat_id, None)
        elif "mode" in changes:  # what is still queued waits for the digest
            self.store.outbox.hold_for_digest(chat_id)

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


def _outcomes() -> dict[str, list[Any]]:
    """What a /subscribe did with each name, by outcome."""
    return {k: [] for k in ("added", "already", "new", "unk", "over", "words")}
