"""The whole bot: /subscribe in a chat, the feed poller ingests, the alert arrives, digests.

Real processes and sockets only: the Bot API emulator, a feed server on 127.0.0.1, the
bot from ``bot.telegram.application.build_application`` with its jobs from
``bot.alerts.jobs.install_jobs``.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

PARAGRAPHS = [
    "Tesla has opened a new battery plant near Austin, Texas, the carmaker said on Monday.",
    "The plant will make cells for Tesla's cheaper models and employ 4,000 people.",
    "Tesla said the factory would double its battery output by the end of next year.",
    "Analysts said the move would help Tesla cut the cost of its vehicles.",
]
TITLE = "Tesla opens a new battery plant in Texas"


@pytest.fixture
def feed_url(serve_routes: Callable[..., str]) -> str:
    routes: dict[str, tuple[int, str, bytes]] = {}
    base = serve_routes(routes)  # the feed names its own address, so fill in the table now
    feed = (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Local News</title>"
        f"<link>{base}/</link><item><title>{html.escape(TITLE)}</title>"
        f"<link>{base}/tesla</link><guid>{base}/tesla</guid>"
        # Dated now: a feed entry days old is stored without alerting (FeedLimits).
        f"<pubDate>{format_datetime(datetime.now(UTC), usegmt=True)}</pubDate></item>"
        "</channel></rss>"
    )
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    page = (
        f"<html><head><title>{TITLE}</title></head><body><article>"
        f"<h1>{TITLE}</h1>{paragraphs}</article></body></html>"
    )
    routes["/feed.xml"] = (200, "application/rss+xml", feed.encode())
    routes["/tesla"] = (200, "text/html; charset=utf-8", page.encode())
    return f"{base}/feed.xml"


async def test_feed_poller_ingests_and_the_subscriber_gets_one_alert(
    newsbot_app, emulator, feed_url
) -> None:
    # The feed is served on 127.0.0.1: this operator allows private fetch targets.
    application, store = await newsbot_app(
        feeds=(feed_url,), poll_interval=1.0, allow_private_fetch="1"
    )
    user = emulator.user(8101)
    assert "Tesla" in (await user.ask("/subscribe Tesla"))["text"]
    alert = await user.reply(timeout=20)
    assert TITLE in alert["text"] and "/tesla" in alert["text"]
    buttons = [b["callback_data"] for row in alert["reply_markup"]["inline_keyboard"] for b in row]
    company = store.companies.id_for("Tesla")
    assert buttons == [f"u:{company}", f"m:{company}"]
    await asyncio.sleep(2.5)  # two more polls: the same article never alerts again
    assert [e for e in await user.quiet(0.2) if e["kind"] == "message"] == []
    assert application.bot_data.sender.stats["alerts"] == 1


async def test_digest_chat_gets_one_digest_at_its_hour(newsbot_app, emulator) -> None:
    application, store = await newsbot_app()
    user = emulator.user(8201)
    await user.ask("/subscribe Xiaomi")
    now = datetime.now(UTC)
    store.chats.update_settings(8201, mode="digest", digest_hour=now.hour, timezone="UTC")
    moment = now.replace(minute=0, second=0, microsecond=0).timestamp()
    article_ids = [
        row[0]
        for row in store.db.execute(
            "SELECT article_id FROM article_companies ac JOIN companies c ON c.id = ac.company_id "
            "WHERE c.name = 'Xiaomi' AND ac.salience >= 0.25"
        )
    ]
    assert article_ids, "the seed article mentions Xiaomi"
    queued = sum(store.outbox.enqueue_for_article(a, now=moment - 60) for a in article_ids)
    assert queued == len(article_ids)
    # The digest check runs a second after start, then every minute; wake it up now.
    jobs = application.job_queue.get_jobs_by_name("alert-digests")
    await jobs[0].run(application)
    digest = await user.reply(timeout=10)
    assert "Your daily digest" in digest["text"] and "Xiaomi" in digest["text"]
    await jobs[0].run(application)
    assert [e for e in await user.quiet(1.5) if e["kind"] == "message"] == []
    assert store.db.table("digests").count_where(
        "chat_id = ? AND local_date = ?",
        [8201, f"{now.date().isoformat()}T{now.hour:02d}:00+00:00"],
    )
