"""What the bot can do for a chat, as plain data: no Telegram types, no HTML."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.news import NewsService
from bot.services.subscriptions import SubscriptionService


@dataclass(frozen=True, slots=True)
class Services:
    """The services one database connection serves."""

    subscriptions: SubscriptionService
    news: NewsService
