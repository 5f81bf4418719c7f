"""The rate gate on real asyncio time: windows hold; a 429 holds its chat, or everybody."""

from __future__ import annotations

import asyncio
import itertools
import time

from bot.alerts.limits import Limits, RateGate


async def send(gate: RateGate, chat: int, log: list[tuple[int, float]], *, group: bool = False):
    await gate.acquire(chat, group=group)
    log.append((chat, time.monotonic()))
    gate.done(chat, group=group)


def window_max(times: list[float], width: float) -> int:
    return max(sum(1 for u in times if t <= u < t + width) for t in times)


async def test_global_and_per_chat_windows_hold() -> None:
    gate = RateGate(Limits(per_second=10, chat_interval=0.3, margin=0.01))
    log: list[tuple[int, float]] = []
    await asyncio.gather(
        *(send(gate, chat, log) for chat in range(25)), *(send(gate, 99, log) for _ in range(3))
    )
    times = [t for _, t in log]
    assert window_max(times, 1.0) <= 10
    mine = [t for chat, t in log if chat == 99]
    assert all(b - a >= 0.3 for a, b in itertools.pairwise(mine))


async def test_groups_get_at_most_n_per_minute() -> None:
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, group_per_minute=3, margin=0.0))
    log: list[tuple[int, float]] = []
    for _ in range(3):
        await send(gate, -5, log, group=True)
    assert gate.chat_ready_at(-5, group=True) - gate.now() > 59
    assert gate.chat_ready_at(-5, group=False) <= gate.now()  # a private chat is not limited so


async def test_retry_after_pauses_every_chat() -> None:
    gate = RateGate(Limits(per_second=100, margin=0.0))
    gate.pause(0.3)
    started = time.monotonic()
    await send(gate, 1, [])
    assert time.monotonic() - started >= 0.29
    assert gate.paused_for == 0.0


async def test_a_429_for_one_chat_holds_that_chat_not_the_others() -> None:
    """A group's flood wait (say 30 s) must not hold every private chat for 30 s."""
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    gate.pause(30.0, chat_id=7)
    assert gate.chat_ready_at(7, group=True) - gate.now() > 29
    started = time.monotonic()
    await send(gate, 8, [])  # another chat waits a second, not thirty
    assert 0.9 <= time.monotonic() - started < 5
    assert gate.chat_ready_at(7, group=True) - gate.now() > 27
    assert gate.forget_idle() == 0  # a paused chat keeps its pause


async def test_429s_for_two_chats_pause_everybody() -> None:
    """A second chat told to wait while the first still waits: Telegram limits the bot."""
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    gate.pause(30.0, chat_id=7)
    gate.pause(30.0, chat_id=8)
    assert gate.paused_for > 29
    assert gate.chat_ready_at(9, group=False) <= gate.now()  # the gate itself holds chat 9


async def test_pause_says_who_waits_and_resume_restores_it() -> None:
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    assert gate.pause(30.0, chat_id=7) == 7  # that chat alone
    assert gate.pause(30.0, chat_id=8) is None  # a second one: every chat
    restarted = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    restarted.resume({7: 3600.0, None: 0.3})
    assert restarted.chat_ready_at(7, group=False) - restarted.now() > 3599
    started = time.monotonic()
    await send(restarted, 9, [])  # every chat waits out the bot's own wait
    assert 0.29 <= time.monotonic() - started < 2
    assert restarted.pause(5.0, chat_id=9) is None  # chat 7 still waits: the bot is limited


async def test_a_429_after_a_send_went_through_is_that_chats_own() -> None:
    """Chat 7 waits an hour; a send granted since went through, so the bot is not limited
    as a whole and chat 8's 429 holds chat 8 alone. A third chat told to wait before any
    send went through again means the bot is limited."""
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    assert gate.pause(3600.0, chat_id=7) == 7
    granted = await gate.acquire(9, group=False)  # after the others' one-second pause
    gate.done(9, group=False)
    gate.accepted(granted)
    assert gate.pause(3600.0, chat_id=8) == 8
    assert gate.paused_for < 2 and gate.chat_paused_for(8) > 3599
    assert gate.chat_paused_for(9) == 0.0
    assert gate.pause(3600.0, chat_id=10) is None
    assert gate.paused_for > 3599


async def test_a_send_granted_before_the_429_proves_nothing() -> None:
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    granted = await gate.acquire(9, group=False)  # on the wire when chat 7 is told
    assert gate.pause(3600.0, chat_id=7) == 7
    gate.done(9, group=False)
    gate.accepted(granted)
    assert gate.pause(3600.0, chat_id=8) is None


async def test_a_429_for_a_send_on_the_wire_with_another_429_is_its_chats_own() -> None:
    """Sends to chats 7 and 8 go out together and both are told to wait an hour: 8's was
    made before 7's 429 came, so each chat waits alone. A send made after both 429s
    that is told to wait too, with nothing gone through since, means the bot is limited."""
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    first = await gate.acquire(7, group=False)
    second = await gate.acquire(8, group=False)
    assert gate.pause(3600.0, chat_id=7, granted=first) == 7
    gate.done(7, group=False)
    assert gate.pause(3600.0, chat_id=8, granted=second) == 8
    gate.done(8, group=False)
    assert gate.paused_for < 2
    later = await gate.acquire(9, group=False)  # after the others' one-second pause
    assert gate.pause(3600.0, chat_id=9, granted=later) is None
    assert gate.paused_for > 3599


async def test_a_send_made_with_the_told_one_that_goes_through_lifts_the_bot_pause() -> None:
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    assert gate.pause(3600.0, chat_id=7) == 7  # a stranger's group: its own hour
    told = await gate.acquire(8, group=False)  # the next two sends, together
    healthy = await gate.acquire(9, group=False)
    assert gate.pause(3600.0, chat_id=8, granted=told) is None  # no answer yet: looks bot-wide
    gate.done(8, group=False)
    gate.done(9, group=False)
    assert gate.accepted(healthy) == 8  # chat 9's went through: Telegram does not limit the bot
    assert gate.paused_for < 2
    assert gate.chat_paused_for(8) > 3500  # chat 8 waits its hour alone


async def test_a_send_waiting_for_its_turn_gives_up_when_its_chat_must_wait_long() -> None:
    """A reply's 429 makes a chat wait an hour while its send holds the gate's lock
    (waiting for the global window) or waits for the chat's turn: acquire gives up within
    a step, granting nothing, and the next chat's send is granted at once. A wait within
    ``patience`` is waited out."""
    gate = RateGate(Limits(per_second=1, chat_interval=30.0, margin=0.0))
    await send(gate, 7, [])  # the next send may go a second later, chat 7's in 30 s
    locked = asyncio.create_task(gate.acquire(8, group=False, patience=5.0))
    await asyncio.sleep(0.1)
    gate.hold_chat(8, 3600.0)
    assert await asyncio.wait_for(locked, 1.5) is None
    assert await asyncio.wait_for(gate.acquire(9, group=False), 0.2) is not None
    gate.done(9, group=False)
    turn = asyncio.create_task(gate.acquire(7, group=False, patience=5.0))
    await asyncio.sleep(0.1)
    gate.hold_chat(7, 3600.0)
    assert await asyncio.wait_for(turn, 1.5) is None
    short = asyncio.create_task(gate.acquire(9, group=False, patience=5.0))
    gate.hold_chat(9, 4.0)
    await asyncio.sleep(1.5)
    assert not short.done()  # waits out a short pause (and chat 9's turn)
    short.cancel()
