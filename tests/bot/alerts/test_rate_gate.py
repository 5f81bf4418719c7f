"""The rate gate on real asyncio time: windows hold; a 429 holds its chat, and the others a
while that grows with each 429 in a row."""

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


async def test_429s_in_a_row_hold_the_others_ever_longer_never_past_a_minute() -> None:
    """Each chat told waits its hour alone; the others wait 1, 1, 2, 4 … s as 429s come in
    a row with nothing gone through (a stranger's groups, or the bot as a whole), at most
    a minute, and never longer than Telegram said."""
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    others = [gate.pause(3600.0, chat_id=chat) for chat in range(7, 17)]
    assert others == [1.0, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]
    assert all(gate.chat_paused_for(chat) > 3599 for chat in range(7, 17))
    assert 59 < gate.paused_for <= 60
    assert gate.chat_paused_for(17) == 0.0  # the gate itself holds chat 17, not for an hour
    assert gate.pause(3.0, chat_id=17) == 3.0


async def test_pause_says_how_long_every_chat_waits_and_resume_restores_it() -> None:
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    assert gate.pause(30.0, chat_id=7) == 1.0
    assert gate.pause(0.3) == 0.3  # no chat: every chat waits it all
    restarted = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    restarted.resume({7: 3600.0, None: 0.3})
    assert restarted.chat_ready_at(7, group=False) - restarted.now() > 3599
    started = time.monotonic()
    await send(restarted, 9, [])  # every chat waits out the bot's own wait
    assert 0.29 <= time.monotonic() - started < 2
    assert restarted.pause(5.0, chat_id=9) == 1.0  # chat 7 still waits: a row begins


async def test_a_429_after_a_send_went_through_begins_a_new_row() -> None:
    """Chat 7 waits an hour; a send granted since went through, so chat 8's 429 is the
    first of a new row: the others wait a second, then longer as more come in a row."""
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    assert gate.pause(3600.0, chat_id=7) == 1.0
    assert gate.pause(3600.0, chat_id=8) == 1.0
    granted = await gate.acquire(9, group=False)  # after the others' one-second pause
    gate.done(9, group=False)
    gate.accepted(granted)
    assert gate.paused_for == 0.0
    assert [gate.pause(3600.0, chat_id=c) for c in (10, 11, 12)] == [1.0, 1.0, 2.0]
    assert gate.chat_paused_for(9) == 0.0


async def test_a_send_granted_before_the_429_proves_nothing() -> None:
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    granted = await gate.acquire(9, group=False)  # on the wire when chat 7 is told
    assert gate.pause(3600.0, chat_id=7) == 1.0
    gate.done(9, group=False)
    gate.accepted(granted)
    assert gate.pause(3600.0, chat_id=8) == 1.0
    assert gate.pause(3600.0, chat_id=10) == 2.0  # still the same row


async def test_a_429_for_a_send_on_the_wire_with_another_429_is_not_in_a_row() -> None:
    """Sends to chats 7 and 8 go out together and both are told to wait an hour: 8's was
    made before 7's 429 came, so it tells nothing more; a send made after both is the
    second of the row, and the one after it the third."""
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    first = await gate.acquire(7, group=False)
    second = await gate.acquire(8, group=False)
    assert gate.pause(3600.0, chat_id=7, granted=first) == 1.0
    gate.done(7, group=False)
    assert gate.pause(3600.0, chat_id=8, granted=second) == 1.0
    gate.done(8, group=False)
    later = await gate.acquire(9, group=False)  # after the others' one-second pause
    assert gate.pause(3600.0, chat_id=9, granted=later) == 1.0
    gate.done(9, group=False)
    assert gate.pause(3600.0, chat_id=10, granted=gate.now()) == 2.0


async def test_after_a_429_sends_go_one_at_a_time_until_one_goes_through() -> None:
    gate = RateGate(Limits(per_second=100, chat_interval=0.0, margin=0.0))
    gate.pause(3600.0, chat_id=7)
    probe = await gate.acquire(8, group=False)  # after the others' one-second pause
    waiting = asyncio.create_task(gate.acquire(9, group=False))
    await asyncio.sleep(0.2)
    assert not waiting.done()  # chat 8's answer first
    gate.done(8, group=False)
    gate.accepted(probe)
    healthy = await asyncio.wait_for(waiting, 0.5)
    assert healthy is not None
    await asyncio.wait_for(gate.acquire(10, group=False), 0.5)  # two on the wire again
    gate.done(9, group=False)
    gate.done(10, group=False)


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
