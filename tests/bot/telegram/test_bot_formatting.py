"""Pure parts of the bot: escaping, splitting, terminal rendering, config, rate limit."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import Config, RedactToken
from bot.services.typed.lists import MAX_NAMES_PER_COMMAND, split_names
from bot.services.typed.names import CompanyRef
from bot.telegram.formatting import (
    bold,
    clean,
    esc,
    link,
    render_terminal,
    split_message,
    utf16_len,
    visible_text,
)
from bot.telegram.ratelimit import CommandRateLimit
from bot.telegram.replies.subscriptions import follow_commands
from summarizer.errors import InputError


def test_escape_removes_controls_and_escapes_markup() -> None:
    assert esc('<b>AT&T "x"</b>') == "&lt;b&gt;AT&amp;T &quot;x&quot;&lt;/b&gt;"
    assert esc("Xia\x00omi\x1b\u202e") == "Xiaomi"
    assert clean("x" * 50, limit=10) == "x" * 9 + "…"
    assert bold("<i>") == "<b>&lt;i&gt;</b>"


def test_links_only_for_plain_http_urls() -> None:
    assert link("https://a.example/x?a=1&b=2", "T") == (
        '<a href="https://a.example/x?a=1&amp;b=2">T</a>'
    )
    assert link("javascript:alert(1)", "<T>") == "&lt;T&gt;"
    assert link('https://a.example/"onmouseover', "T") == "T"


def test_split_prefers_paragraphs_and_respects_the_limit() -> None:
    paragraphs = [f"<b>Story {i}</b>\n" + "word " * 150 for i in range(30)]
    parts = split_message("\n\n".join(paragraphs))
    assert len(parts) > 1
    assert all(utf16_len(p) <= 4096 for p in parts)
    assert all(p.startswith("<b>Story") for p in parts)  # every part starts a paragraph
    assert "".join(visible_text(p) for p in parts).count("word") == 30 * 150


def test_split_never_breaks_tags_or_entities_and_reopens_tags() -> None:
    text = "<i>" + "&amp;" * 3000 + "</i>"
    parts = split_message(text, limit=1000)
    assert all(p.startswith("<i>") and p.endswith("</i>") for p in parts)
    assert all(len(p) <= 1000 for p in parts)
    assert "".join(visible_text(p) for p in parts) == "&" * 3000


def test_split_counts_utf16_units() -> None:
    parts = split_message("😀" * 3000)
    assert len(parts) == 2 and all(utf16_len(p) <= 4096 for p in parts)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=200),
    limit=st.integers(min_value=50, max_value=600),
)
def test_split_property_keeps_all_text_within_limits(words: list[str], limit: int) -> None:
    text = "\n\n".join(f"<b>{esc(w)}</b> {esc(w)}" for w in words)
    parts = split_message(text, limit=limit)
    assert all(utf16_len(p) <= limit for p in parts)
    joined = "".join(visible_text(p) for p in parts)
    expected = visible_text(text)
    assert "".join(joined.split()) == "".join(expected.split())


def test_terminal_rendering_bold_links_and_plain() -> None:
    markup = '<b>Xiaomi</b> &amp; <a href="https://x.example/a">story</a>'
    assert render_terminal(markup) == "Xiaomi & story <https://x.example/a>"
    colored = render_terminal(markup, color=True)
    assert "\x1b[1mXiaomi\x1b[22m" in colored


def test_config_from_env_hides_the_token_and_validates(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": "1:SECRET",
        "NEWSBOT_ADMIN_IDS": "5, 7",
        "NEWSBOT_DB": str(tmp_path / "x.db"),
        "NEWSBOT_FEEDS": "http://a/1 http://a/2",
    }
    config = Config.load(env, webhook_url="https://bot.example/hook")
    assert config.token == "1:SECRET" and "SECRET" not in repr(config)
    assert config.admin_ids == frozenset({5, 7}) and config.is_admin(5)
    assert config.feeds == ("http://a/1", "http://a/2")
    assert config.webhook_secret and config.webhook_secret not in repr(config)
    assert not config.terminal and Config.load({}).terminal
    with pytest.raises(InputError, match="NEWSBOT_MAX_SUBSCRIPTIONS"):
        Config.load({"NEWSBOT_MAX_SUBSCRIPTIONS": "many"})


def test_the_database_is_db_then_newsbot_db_then_under_xdg_data_home(tmp_path: Path) -> None:
    xdg = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert Config.load(xdg).database == tmp_path / "xdg" / "newsbot" / "newsbot.db"
    explicit = {**xdg, "NEWSBOT_DB": str(tmp_path / "explicit.db")}
    assert Config.load(explicit).database == tmp_path / "explicit.db"
    assert Config.load(explicit, db_path=tmp_path / "flag.db").database == tmp_path / "flag.db"
    home = Path.home() / ".local" / "share" / "newsbot" / "newsbot.db"
    assert Config.load({}).database == home and Config.load({}).db_path is None


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "NEWSBOT_GROUP_RATE",
            "0",
            "NEWSBOT_GROUP_RATE must be a whole number of at least 1",
        ),  # group alerts would stop for good
        ("NEWSBOT_GROUP_RATE", "-3", "NEWSBOT_GROUP_RATE must"),
        ("NEWSBOT_CHAT_RATE", "0", "NEWSBOT_CHAT_RATE must be a positive number"),
        ("NEWSBOT_CHAT_RATE", "nan", "NEWSBOT_CHAT_RATE must"),
        (
            "NEWSBOT_POLL_INTERVAL",
            "nan",
            "NEWSBOT_POLL_INTERVAL must be a positive number",
        ),  # asyncio.sleep(nan) never returns
        ("NEWSBOT_POLL_INTERVAL", "inf", "NEWSBOT_POLL_INTERVAL must"),
        ("NEWSBOT_SEND_RATE", "nan", "NEWSBOT_SEND_RATE must"),
        ("NEWSBOT_COMMAND_WINDOW", "-1", "NEWSBOT_COMMAND_WINDOW must"),
        ("NEWSBOT_WEBHOOK_PORT", "99999", "NEWSBOT_WEBHOOK_PORT must be a number from 1 to 65535"),
        ("NEWSBOT_ALGORITHM", "bogus", "NEWSBOT_ALGORITHM: Unknown algorithm 'bogus'"),
        ("NEWSBOT_ALLOW_PRIVATE_FETCH", "10.0.0.0/33", "must be 1, 0 or a list"),
        ("NEWSBOT_FEEDS", "https://ok.example/rss not-a-url", "'not-a-url' is not an http(s)"),
    ],
)
def test_bad_settings_fail_at_start_up(variable: str, value: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        Config.load({variable: value})


def test_settings_an_operator_writes_for_no_or_no_limit() -> None:
    for off in ("0", "false", "off"):
        assert not Config.load({"NEWSBOT_ALLOW_PRIVATE_FETCH": off}).fetch_policy().allow_private
    assert Config.load({"NEWSBOT_ALLOW_PRIVATE_FETCH": "yes"}).fetch_policy().allow_private
    assert Config.load({"NEWSBOT_SEND_RATE": "inf"}).send_per_second == math.inf
    assert Config.load({"NEWSBOT_ALGORITHM": "LexRank"}).summary_algorithm == "LexRank"


def test_token_redaction_filter() -> None:
    import logging

    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s", ("/bot1:SECRET/x",), None)
    RedactToken("1:SECRET").filter(record)
    assert "SECRET" not in record.getMessage()


def test_rate_limit_bucket_refills_over_time() -> None:
    now = [0.0]
    limit = CommandRateLimit(2, 10.0, clock=lambda: now[0])
    data: dict[str, Any] = {}
    assert limit.check(data).allowed and limit.check(data).allowed
    refused = limit.check(data)
    assert not refused.allowed and refused.warn and refused.retry_after == pytest.approx(5.0)
    assert not limit.check(data).warn  # warned once only
    now[0] = 5.0
    assert limit.check(data).allowed


def test_news_arguments_take_the_count_at_either_end() -> None:
    from bot.telegram.handlers.news import parse_news_args

    assert parse_news_args("Xiaomi 5") == ("Xiaomi", 5)
    assert parse_news_args("5 Xiaomi") == ("Xiaomi", 5)
    assert parse_news_args("3M") == ("3M", 3)
    assert parse_news_args("Boeing 737 2") == ("Boeing 737", 2)
    for text in ("Xiaomi 50", "Apple 999999999", "Apple " + "9" * 5000, "Apple -2"):
        with pytest.raises(InputError, match="1 to 10"):
            parse_news_args(text)


def test_other_readings_give_a_number_back_to_the_name() -> None:
    from bot.telegram.handlers.news import other_readings

    assert other_readings("Channel 5", "Channel") == (("Channel 5", 3),)
    assert other_readings("2 Channel 5", "2 Channel") == (("2 Channel 5", 3), ("Channel 5", 2))
    assert other_readings("Xiaomi", "Xiaomi") == ()
    assert other_readings("99 Channel 5", "99 Channel") == (("99 Channel 5", 3),)  # no count


def test_a_quoted_news_name_keeps_its_numbers() -> None:
    from bot.telegram.handlers.news import parse_news_args

    with pytest.raises(InputError, match='put the name in quotes: /news "Channel 4"'):
        parse_news_args("Boeing 737")
    assert parse_news_args('"Boeing 737"') == ("Boeing 737", 3)
    assert parse_news_args("“Boeing 737” 2") == ("Boeing 737", 2)
    assert parse_news_args('5 "7-Eleven"') == ("7-Eleven", 5)
    assert parse_news_args('"Boeing 737" 9') == ("Boeing 737", 9)
    with pytest.raises(InputError, match=r"at a time\.$"):
        parse_news_args('"Boeing 737" 11')
    # Not a whole quoted name: read as usual, quotes and all.
    assert parse_news_args('"" 2') == ('""', 2)
    assert parse_news_args('Say "hi" 2') == ('Say "hi"', 2)


def test_names_split_on_separators_but_keep_quoted_names_and_legal_forms() -> None:
    assert split_names("Xiaomi, Tesla;Sony\nApple,, ,Apple") == ["Xiaomi", "Tesla", "Sony", "Apple"]
    assert split_names('"Sturm, Ruger & Co.", “Alfa, S.A.B. de C.V.”; Toys "R" Us') == [
        "Sturm, Ruger & Co.",
        "Alfa, S.A.B. de C.V.",
        'Toys "R" Us',
    ]
    # A legal form after a comma ends the name before it; a name starting with one does not.
    assert split_names("F5, Inc., Community Bank, N.A, CEZ, a. s") == [
        "F5, Inc.",
        "Community Bank, N.A",
        "CEZ, a. s",
    ]
    assert split_names("Intel, AB InBev") == ["Intel", "AB InBev"]
    # Single quotes around a whole name come off; an apostrophe in one stays.
    assert split_names("'Apple', ‘Tesla’, Macy's, 'Sainsbury's', \"'Sony'\"") == [
        "Apple",
        "Tesla",
        "Macy's",
        "Sainsbury's",
        "Sony",
    ]


def test_follow_again_commands_round_trip_and_fit_one_command_each() -> None:
    names = ["Sturm, Ruger & Co.", "F5, Inc.", *(f"Zorblax {i}" for i in range(12))]
    commands = follow_commands([CompanyRef(i, n) for i, n in enumerate(names)])
    assert len(commands) == 2 and all(c.startswith("/subscribe ") for c in commands)
    parsed = [split_names(c.removeprefix("/subscribe ")) for c in commands]
    assert [len(p) for p in parsed] == [MAX_NAMES_PER_COMMAND, 4]
    assert [n for p in parsed for n in p] == names
    # Ten names of 100 characters are over the 1,000 a command takes: split by length too.
    long = [f"{i} " + "Zorblax " * 12 + "Holdings Group Ltd" for i in range(10)]
    commands = follow_commands([CompanyRef(i, n) for i, n in enumerate(long)])
    assert all(len(c.removeprefix("/subscribe ")) <= 1000 for c in commands)
    assert [n for c in commands for n in split_names(c.removeprefix("/subscribe "))] == long


def test_stop_reply_says_what_was_dropped_in_one_plain_sentence() -> None:
    from bot.telegram.replies.subscriptions import stop_reply

    assert stop_reply(0).startswith(
        "This chat followed no companies; this chat's settings are deleted."
    )
    assert stop_reply(1).startswith("Unsubscribed from 1 company;")
    assert stop_reply(3).startswith("Unsubscribed from 3 companies;")
    assert stop_reply(3).endswith("To start again: /subscribe NAME")
