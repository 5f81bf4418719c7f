"""The alert outbox: ``table.py`` moves a row through its life (enqueue, claim, sent,
retry), ``queries.py`` reads claimed rows' details and what was sent lately."""

from storage.outbox.queries import OutboxItem, OutboxQueries
from storage.outbox.table import Outbox

__all__ = ["Outbox", "OutboxItem", "OutboxQueries"]
