"""What the bot can do for a chat, as plain data: no Telegram types, no HTML."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.services.news import NewsService
from bot.services.subscriptions import SubscriptionService

if TYPE_CHECKING:
    from storage.store import Store


@dataclass(frozen=True, slots=True)
class Services:
    """The services one database connection serves."""

    subscriptions: SubscriptionService
    news: NewsService
    # Set for a second connection (``bot.wiring.read_services``): closed with them.
    own_store: Store | None = None

    def close(self) -> None:
        """Close the connection these services opened for themselves, if any."""
        if self.own_store is not None:
            self.own_store.close()
