"""``newsbot run`` on Telegram (the emulator) stops when its database file is deleted:
one line on stderr, exit status 1, so a supervisor restarts it on the file at the path
instead of it serving an unlinked file that ``newsbot ingest`` no longer writes to."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from alert_senders import start_bot_process


async def test_a_deleted_database_stops_the_bot_with_one_line(emulator: Any, tmp_path: Path):
    db = tmp_path / "bot.db"
    bot = start_bot_process(emulator, db, text=True)
    try:
        deadline = time.monotonic() + 30
        while not await emulator.log(method="setMyCommands"):  # started: jobs being installed
            assert bot.poll() is None and time.monotonic() < deadline, "the bot did not start"
            await asyncio.sleep(0.1)
        db.unlink()  # an operator removes the file; the bot still has it open
        status = await asyncio.to_thread(bot.wait, 20)
    finally:
        if bot.poll() is None:
            bot.kill()
            bot.wait()
    assert bot.stderr is not None
    err = bot.stderr.read()
    assert status == 1
    assert err == (
        f"newsbot: The database {db} was deleted while the bot ran; the bot stopped so as not "
        "to serve a file other processes no longer see. Start it again to use the file now "
        "at that path.\n"
    )
    assert emulator.token not in err and emulator.token.split(":")[1] not in err
