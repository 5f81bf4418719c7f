"""Subscription alerts: the outbox sender, its rate limits, message formats and digests."""

from bot.alerts.compose import Composer, Delivery
from bot.alerts.limits import Limits, RateGate
from bot.alerts.sender import AlertSender, SenderOptions

__all__ = ["AlertSender", "Composer", "Delivery", "Limits", "RateGate", "SenderOptions"]
