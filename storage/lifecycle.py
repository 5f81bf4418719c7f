"""What happens to everything a chat owns when the chat moves, leaves or becomes unreachable.

These are the only writes that span tables; each repository changes its own table and
this module runs the steps in one transaction, so a chat is never half moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from storage.articles import Articles
from storage.chats import Chats
from storage.companies import Companies
from storage.db import Database, guarded
from storage.outbox import Outbox
from storage.subscriptions import Subscriptions


class Forgotten(NamedTuple):
    """What ``/stop`` removed: how many companies the chat followed, and how many names
    it had made up were deleted (nobody else followed them; a matcher that knew them
    should be rebuilt)."""

    followed: int
    names_deleted: int


class ChatLifecycle:
    """Migrating, forgetting and deactivating a chat across its tables."""

    def __init__(
        self,
        db: Database,
        *,
        chats: Chats,
        subscriptions: Subscriptions,
        outbox: Outbox,
        articles: Articles,
        companies: Companies,
    ) -> None:
        self.db = db
        self.chats = chats
        self.subscriptions = subscriptions
        self.outbox = outbox
        self.articles = articles
        self.companies = companies

    @guarded
    def migrate(self, old_id: int, new_id: int) -> bool:
        """A group became a supergroup: its settings, subscriptions, alerts, submitted pages
        and custom names follow the new id. False when the old chat is unknown."""
        with self.db.transaction():
            if self.chats.get(old_id) is None:
                return False
            if old_id == new_id:
                return True
            self.chats.copy_to(old_id, new_id)
            self.subscriptions.move_chat(old_id, new_id)
            self.outbox.move_chat(old_id, new_id)
            self.articles.move_reader(old_id, new_id)
            self.companies.move_owner(old_id, new_id)
            self.chats.remove(old_id)  # its old subscriptions and alerts cascade
            return True

    @guarded
    def forget(self, chat_id: int) -> Forgotten:
        """``/stop``: delete the chat, its subscriptions, its pending alerts and the pages
        only it could see. The names it made up stay private: each passes to a chat that
        follows it, or is deleted when none does (``Companies.hand_over``)."""
        with self.db.transaction():
            followed = self.subscriptions.count(chat_id)
            self.chats.remove(chat_id)  # subscriptions and alerts cascade
            self.articles.forget_reader(chat_id)
            return Forgotten(followed, self.companies.hand_over(chat_id))

    @guarded
    def forget_topic(self, chat_id: int, topic: int) -> None:
        """A forum topic was deleted: the chat's alerts and the companies it held go to
        the chat's General topic (or the chat's own choice, if that was another topic)."""
        with self.db.transaction():
            if self.chats.settings(chat_id).topic == topic:
                self.chats.update_settings(chat_id, topic=None)
            self.subscriptions.clear_topics(chat_id, topic=topic)
            self.chats.forget_topic_name(chat_id, topic)

    @guarded
    def deactivate(self, chat_id: int, *, reason: str) -> int:
        """The chat blocked or removed the bot: mark it inactive and drop its open alerts
        (returns how many); enqueueing skips it until it talks to the bot again."""
        with self.db.transaction():
            self.chats.set_active(chat_id, False)
            return self.outbox.drop_open(chat_id, reason=reason)

    @guarded
    def unfollow(self, chat_id: int, company_ids: Sequence[int]) -> list[int]:
        """Stop following these companies (the ones followed: returned). Their alerts not
        yet sent go too, unless the chat still follows another company the story is about:
        then the alert stays, as that company's."""
        with self.db.transaction():
            removed = [cid for cid in company_ids if self.subscriptions.remove(chat_id, cid)]
            self.outbox.unfollowed(chat_id, removed)
            return removed
