"""The alert outbox: ``table.py`` queues rows (enqueue, chats' changes, digests),
``delivery.py`` moves them through the sender (claim, sent, retry, failed), ``queries.py``
reads claimed rows' details and what was sent lately."""

from storage.outbox.queries import OutboxItem, OutboxQueries
from storage.outbox.table import Outbox

__all__ = ["Outbox", "OutboxItem", "OutboxQueries"]
