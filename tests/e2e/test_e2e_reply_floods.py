"""Telegram's flood control for the replies to commands: the whole bot (its alert sender
included) against the Bot API emulator, which answers the 429s; SQLite files are real.

A reply refused with a short wait arrives after it, and other chats are not held; a
long wait drops the reply and holds the chat's alerts until it ends; a stored wait of the
bot as a whole holds the replies too. Nothing here is mocked.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from alert_senders import until

from storage import Store, open_store
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention

NewsbotApp = Callable[..., Awaitable[tuple[Any, Any]]]


async def sends(emulator: Any, chat_id: int) -> list[dict[str, Any]]:
    """Every sendMessage to ``chat_id`` the emulator saw, in order."""
    return await emulator.log(method="sendMessage", chat_id=chat_id)


def add_story(store: Store, company: str) -> int:
    """A story naming ``company`` as its subject, queued for the chats that follow it."""
    words = " ".join(f"{company.lower()}w{i}" for i in range(30))
    article = Article(f"{company} opens a plant", (words,), url="https://news.example/plant")
    article_id, _ = store.articles.add(article, companies=[CompanyMention(company, 0.8, True, 3)])
    store.outbox.enqueue_for_article(article_id)
    return article_id


async def test_a_reply_told_to_wait_a_second_arrives_after_it(
    newsbot_app: NewsbotApp, emulator: Any
) -> None:
    """/help refused once with retry_after 1 is answered a second later; another chat's
    /help, sent at the same moment, is answered at once."""
    await newsbot_app()
    held, other = emulator.user(701), emulator.user(702)
    await emulator.inject(
        {"method": "sendMessage", "chat_id": 701, "status": 429, "retry_after": 1}
    )
    await held.send("/help")
    await other.send("/help")
    assert "/news" in (await other.reply())["text"]
    assert "/news" in (await held.reply())["text"]
    refused, sent = await sends(emulator, 701)
    (answered,) = await sends(emulator, 702)
    assert (refused["outcome"], sent["outcome"], answered["outcome"]) == ("fault", "ok", "ok")
    assert 1.0 <= sent["t"] - refused["t"] < 2.5  # the wait, then at once
    assert answered["t"] < sent["t"] - 0.5  # the other chat did not wait behind it
    assert await held.quiet(0.2) == []  # one answer, no apology after it


async def test_a_long_wait_drops_the_reply_and_holds_the_chats_alerts(
    newsbot_app: NewsbotApp, emulator: Any
) -> None:
    """A reply told to wait 7 s (longer than a reply waits) is dropped, not sent late;
    the chat's alert waits until the 7 s are over, and replies meanwhile are not tried."""
    application, store = await newsbot_app()
    user = emulator.user(711)
    assert "Subscribed to <b>Xiaomi</b>" in (await user.ask("/subscribe Xiaomi"))["text"]
    await emulator.inject(
        {"method": "sendMessage", "chat_id": 711, "status": 429, "retry_after": 7}
    )
    await user.send("/help")
    await until(lambda: _outcomes(emulator, 711, "fault"), 10, "the 429 for /help")
    (refused,) = [e for e in await sends(emulator, 711) if e["outcome"] == "fault"]
    waits = store.outbox.flood_waits.current(now=time.time())
    assert list(waits) == [711] and 6 < waits[711] - time.time() < 7.5  # the sender knows
    add_story(store, "Xiaomi")
    application.bot_data.sender.wake()
    await user.send("/list")  # not tried: Telegram would refuse it too
    assert await user.quiet(3.0) == []
    alert = await user.reply(timeout=10)
    assert "Xiaomi opens a plant" in alert["text"]
    after = [e for e in await sends(emulator, 711) if e["t"] > refused["t"]]
    assert [e["outcome"] for e in after] == ["ok"]  # the alert only, once the wait was over
    assert after[0]["t"] - refused["t"] >= 7.0
    assert await user.quiet(0.5) == []  # neither reply comes late


async def test_a_stored_wait_of_the_whole_bot_holds_the_replies(
    newsbot_app: NewsbotApp, emulator: Any, tmp_path: Path
) -> None:
    """Restarted while Telegram makes the bot as a whole wait an hour: commands get no
    reply attempt (each would be refused, and may lengthen the wait)."""
    before = open_store(tmp_path / "newsbot0.db")  # the file newsbot_app opens next
    try:
        before.outbox.flood_waits.hold(None, until=time.time() + 3600, now=time.time())
    finally:
        before.close()
    application, _store = await newsbot_app()
    sender = application.bot_data.sender

    async def restored() -> bool:
        return sender.gate.paused_for > 3500

    await until(restored, 10, "the sender to restore the wait")
    user = emulator.user(721)
    await user.send("/help")
    assert await user.quiet(1.5) == []
    assert await sends(emulator, 721) == []


async def _outcomes(emulator: Any, chat_id: int, outcome: str) -> bool:
    return any(e["outcome"] == outcome for e in await sends(emulator, chat_id))
