"""Fuzzed command arguments never crash a handler and never produce unescaped HTML."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.telegram.application import release
from bot.telegram.handlers import SORRY

COMMANDS = [
    "start",
    "help",
    "subscribe",
    "unsubscribe",
    "list",
    "news",
    "summary",
    "search",
    "settings",
    "stop",
    "nosuchcommand",
]
# Characters that break naive bots: markup, entities, controls, bidi marks, emoji, commas.
NASTY = st.sampled_from(
    [
        *"<>&\"';,/\\*_`[]()#@\n\t\x00\x1b\u202e\u200b",
        "&amp;",
        "<b>",
        "</i>",
        "<a href='x'>",
        "&#0;",
        "💥",
        "Xiaomi",
        " ",
    ]
)
ARGS = st.one_of(
    st.text(max_size=80),
    st.lists(NASTY, max_size=25).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30),
)
BUTTONS = st.one_of(
    st.sampled_from(
        ["u:", "m:", "f:", "a:", "s:len:", "s:mode:", "s:hour:", "s:thr:", "s:tz:"]
    ).flatmap(lambda p: st.text(max_size=20).map(lambda rest: p + rest)),
    st.text(max_size=64),
)


@pytest.fixture
def loop() -> Any:
    event_loop = asyncio.new_event_loop()
    yield event_loop
    event_loop.close()


def _harness(loop: Any, tmp_path: Path) -> Any:
    conftest = _conftest()
    application, request, store = conftest.build_offline(tmp_path / "fuzz.db", command_limit=10**9)
    loop.run_until_complete(application.initialize())
    return conftest.Harness(application, request, store)


def _conftest() -> Any:
    import sys

    return next(
        m
        for name, m in sys.modules.items()
        if name.endswith("bot.conftest")
        or (name.endswith("conftest") and hasattr(m, "build_offline"))
    )


def _check(texts: list[str], html_problems: Callable[[str], list[str]]) -> None:
    for text in texts:
        assert text != SORRY, "a handler crashed"
        assert html_problems(text) == [], text


def test_fuzzed_command_arguments(loop: Any, tmp_path: Path, html_problems: Any) -> None:
    bot = _harness(loop, tmp_path)

    @settings(
        max_examples=250,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(command=st.sampled_from(COMMANDS), argument=ARGS, group=st.booleans())
    def check(command: str, argument: str, group: bool) -> None:
        if command == "summary" and argument.strip().lower().startswith("http"):
            argument = "x" + argument  # no network in this test
        chat = (-100, "supergroup") if group else (11, "private")
        texts = loop.run_until_complete(
            bot.send(f"/{command} {argument}", chat=chat[0], chat_type=chat[1])
        )
        _check(texts, html_problems)

    try:
        check()
        assert len(bot.request.of("sendMessage")) >= 200  # the examples really ran
    finally:
        loop.run_until_complete(bot.app.shutdown())
        release(bot.app)
        bot.store.close()


def test_fuzzed_button_data(loop: Any, tmp_path: Path, html_problems: Any) -> None:
    bot = _harness(loop, tmp_path)
    loop.run_until_complete(bot.send("/subscribe Xiaomi, Tesla"))

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(data=BUTTONS)
    def check(data: str) -> None:
        if not data.encode() or len(data.encode()) > 64:
            return
        before = len(bot.request.of("answerCallbackQuery"))
        texts = loop.run_until_complete(bot.press(data))
        _check(texts, html_problems)
        for answer in bot.request.of("answerCallbackQuery")[before:]:
            assert answer.get("text") != SORRY
        assert len(bot.request.of("answerCallbackQuery")) > before, "every press is answered"

    try:
        check()
    finally:
        loop.run_until_complete(bot.app.shutdown())
        release(bot.app)
        bot.store.close()
