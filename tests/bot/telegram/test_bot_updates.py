"""The update processor: chats run side by side, each chat's updates in order."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.telegram.updates import PerChatUpdateProcessor


def _update(update_id: int, chat_id: int) -> Update:
    return Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 0,
                "chat": {"id": chat_id, "type": "private"},
                "text": "/x",
            },
        },
        None,
    )


async def test_a_slow_chat_blocks_only_itself() -> None:
    processor = PerChatUpdateProcessor(8)
    done: list[str] = []

    async def work(name: str, seconds: float) -> None:
        await asyncio.sleep(seconds)
        done.append(name)

    jobs = [
        processor.process_update(_update(1, 1), work("chat1-first-slow", 0.3)),
        processor.process_update(_update(2, 1), work("chat1-second", 0.0)),
        processor.process_update(_update(3, 2), work("chat2", 0.0)),
    ]
    await asyncio.gather(*(asyncio.create_task(job) for job in jobs))
    assert done == ["chat2", "chat1-first-slow", "chat1-second"]
    assert processor._locks == {}  # nothing kept for chats that went quiet
