"""End-to-end fixtures: the real bot, over real HTTP, against a Bot API emulator.

Processes (started once per session, on 127.0.0.1, OS-chosen ports):
``node tests/emulator/serve.js`` (telegram-test-api 4.2.1) and, in front of it,
``tests/emulator/adapter.py`` (our fixes, faults, rate limits, call log; see
tests/emulator/README.md). Both exit by themselves when this process ends.

Fixtures
--------
``emulator`` -> :class:`emulator_harness.Emulator` for a fresh bot token, adapter reset:
    ``.base_url`` (give to PTB / ``Config.base_url``), ``.token``,
    ``.user(chat_id, user_id=None, chat_type=None, title=None, first_name=None)`` -> ChatUser,
    ``.inject(*faults)`` / ``.clear_faults()`` / ``.pending_faults()``,
    ``.log(method=, chat_id=, outcome=, since=)`` -> list of call entries
    ``{seq, t (time.monotonic(), system-wide), method, chat_id, outcome, status, ms,
    message_id?, text?, description?}``; outcome is ``ok``, ``error`` (Telegram-like
    refusal, e.g. bad HTML), ``fault`` (injected status), ``rate_limited``,
    ``dropped_before`` or ``dropped_after``,
    ``.configure(forward_sends=, validate=, rate_limits=True|{...}|None)``,
    ``.set_admins(chat_id, [user_ids])`` (getChatMember answers "creator" for them),
    ``.seen(chat_id, after=-1, timeout=0)`` (raw feed of what the bot did).
``ChatUser`` (from ``emulator.user(...)``):
    ``await send(text)`` (commands get bot_command entities), ``await reply(timeout)`` ->
    the next bot message event ``{kind, chat_id, message_id, text (raw HTML),
    parse_mode, reply_markup, seq, t}``, ``await ask(text)`` = send + reply,
    ``await next("edit", "answer", ...)``, ``await press(message_event, data_or_label)``,
    ``await quiet(seconds)`` -> every event not consumed yet, ``await block_bot()``
    (my_chat_member -> kicked), ``await migrate_to(new_chat_id)`` (group -> supergroup
    service message), ``await push(**update)`` (any other update). Users of one chat share
    its feed: a reply read by one is not returned to another.
``start_bot`` -> ``async (application, *, poll_timeout=1.0) -> application``: initializes,
    runs ``post_init``, starts the application and long polling against the emulator;
    everything started is stopped at teardown (``post_stop``/``post_shutdown`` included).
``bot_runner`` -> :class:`BotRunner` behind ``start_bot``: ``await bot_runner.stop(app)``
    stops one application early, in ``run_polling``'s order (e.g. to restart a bot).
``newsbot_app`` -> ``async (**config_overrides) -> (application, store)``: the real bot from
    ``bot.telegram.application.build_application`` on a fresh SQLite file with the seeds
    ingested, polling
    the emulator (uses ``start_bot``).
``emulator_processes`` (session) -> :class:`emulator_harness.EmulatorProcesses`.

Without node or ``tests/emulator/node_modules`` the e2e tests are skipped with the reason;
when ``CI=true`` they fail instead, because CI installs the emulator.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

EMULATOR_DIR = Path(__file__).resolve().parent.parent / "emulator"
sys.path.insert(0, str(EMULATOR_DIR))

from emulator_harness import Emulator, EmulatorProcesses, require_emulator  # noqa: E402

StartBot = Callable[..., Awaitable[Any]]


@pytest.fixture(scope="session")
def emulator_processes() -> Iterator[EmulatorProcesses]:
    """node telegram-test-api + the adapter, for the whole session."""
    require_emulator()
    processes = EmulatorProcesses.start()
    try:
        yield processes
    finally:
        processes.stop()


@pytest.fixture
async def emulator(emulator_processes: EmulatorProcesses) -> AsyncIterator[Emulator]:
    """A client for a fresh bot token; the adapter's faults, log and config are reset."""
    assert emulator_processes.alive(), "the emulator processes died during the session"
    client = Emulator(emulator_processes.url)
    await client.reset()
    try:
        yield client
    finally:
        await client.aclose()


class BotRunner:
    """Starts PTB applications against the emulator and stops them, each exactly once."""

    def __init__(self) -> None:
        self.running: list[Any] = []

    async def start(self, application: Any, *, poll_timeout: float = 1.0) -> Any:
        """initialize, post_init, start, then long polling (as ``run_polling`` does)."""
        await application.initialize()
        self.running.append(application)  # shut down even if post_init fails
        if application.post_init:
            await application.post_init(application)
        await application.start()
        await application.updater.start_polling(
            poll_interval=0.0, timeout=poll_timeout, drop_pending_updates=False
        )
        return application

    async def stop(self, application: Any) -> None:
        """The same teardown order as ``run_polling``; a no-op when already stopped."""
        if application not in self.running:
            return
        self.running.remove(application)
        if application.updater and application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
            if application.post_stop:
                await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)

    async def stop_all(self) -> None:
        for application in reversed(list(self.running)):
            await self.stop(application)


@pytest.fixture
async def bot_runner() -> AsyncIterator[BotRunner]:
    """A :class:`BotRunner`; whatever is still running at teardown is stopped."""
    runner = BotRunner()
    yield runner
    await runner.stop_all()


@pytest.fixture
def start_bot(bot_runner: BotRunner) -> StartBot:
    """``await start_bot(application)``: start it polling the emulator (stopped at teardown)."""
    return bot_runner.start


@pytest.fixture
async def newsbot_app(
    emulator: Emulator, bot_runner: BotRunner, tmp_path: Path
) -> AsyncIterator[Callable[..., Awaitable[tuple[Any, Any]]]]:
    """Build and start the real newsbot against the emulator (seeds ingested)."""
    from bot.config import Config
    from bot.telegram.application import build_application
    from storage import open_store

    stores: list[Any] = []

    async def make(**overrides: Any) -> tuple[Any, Any]:
        db_path = tmp_path / f"newsbot{len(stores)}.db"
        store = open_store(db_path)
        stores.append(store)
        _ingest_seeds(store)
        config = Config(token=emulator.token, base_url=emulator.base_url, db_path=db_path)
        application = build_application(config.with_overrides(**overrides), store=store)
        await bot_runner.start(application)
        return application, store

    yield make
    await bot_runner.stop_all()  # the bots still use their stores while stopping
    for store in stores:
        store.close()


def _ingest_seeds(store: Any) -> None:
    """Load the shipped companies and sample articles, as ``newsbot run`` does."""
    import seeds
    from bot.ingest.ingestor import Ingestor
    from bot.services.registry import CompanyRegistry

    with Ingestor(store=store, companies=CompanyRegistry(store)) as ingestor:
        report = ingestor.ingest_paths([Path(str(seeds.articles_dir()))], progress=False)
    assert report.new >= 1, report.summary()
