"""How the terminal chat prints what the bot sends (the FakeBotApi's calls), line by line."""

from __future__ import annotations

import io
from typing import Any

from bot.telegram.terminal.chat import EXPIRED, TERMINAL_CHAT_ID, TerminalChat

KEYS = {
    "inline_keyboard": [
        [
            {"text": "🔕 Unsubscribe Apple", "callback_data": "u:1"},
            {"text": "📰 More on Apple", "callback_data": "n:1"},
        ]
    ]
}


def _chat() -> tuple[TerminalChat, io.StringIO]:
    out = io.StringIO()
    return TerminalChat(stdout=out, now=lambda: 0.0), out


def _send(chat: TerminalChat, text: str, **params: Any) -> int:
    params = {"chat_id": TERMINAL_CHAT_ID, "text": text, "parse_mode": "HTML", **params}
    result = chat.api.answer("sendMessage", params)
    chat.render_call("sendMessage", params, result)
    return int(result["message_id"])


def _edit(chat: TerminalChat, message_id: int, text: str) -> None:
    params = {
        "chat_id": TERMINAL_CHAT_ID,
        "message_id": message_id,
        "text": text,
        "parse_mode": "HTML",
    }
    chat.render_call("editMessageText", params, chat.api.answer("editMessageText", params))


def test_unsolicited_messages_are_alerts_with_a_time_and_replies_are_not() -> None:
    chat, out = _chat()
    chat.replying = True
    _send(chat, "<b>Subscribed</b>. Tap below.")
    assert out.getvalue() == "Subscribed. Press below.\n"
    chat.replying = False
    _send(chat, "Apple sells phones", reply_markup=KEYS)
    printed = out.getvalue().split("Press below.\n", 1)[1]
    assert printed.startswith("\n🔔 alert ") and "Apple sells phones\n" in printed
    assert "[1] 🔕 Unsubscribe Apple   [2] 📰 More on Apple" in printed
    assert "(type 1–2 to press a button)" in printed
    _send(chat, "Toyota sells cars", disable_notification=True)  # in the chat's quiet hours
    assert "\n🔕 silent alert " in out.getvalue().split("Apple sells phones", 1)[1]


def test_an_edit_is_a_short_note_and_unknown_messages_print_in_full() -> None:
    chat, out = _chat()
    chat.replying = True
    shown = _send(chat, "Settings\nLength: 3\nDelivery: instant")
    _edit(chat, shown, "Settings\nLength: 2\nDelivery: instant")
    assert out.getvalue().endswith("↻ updated: Length: 2\n")
    chat.replying = False
    _edit(chat, 4242, "Apple story\n+1 source: BBC")  # sent before this session
    tail = out.getvalue().split("Length: 2\n", 1)[1]
    assert "updated" not in tail and "Apple story\n+1 source: BBC" in tail


def test_buttons_are_pressed_by_number_or_label_and_expire_with_a_new_command() -> None:
    chat, out = _chat()
    chat.replying = True
    _send(chat, "Apple sells phones", reply_markup=KEYS)
    pressed = chat.update_for("2")
    assert pressed is not None and pressed["callback_query"]["data"] == "n:1"
    by_label = chat.update_for("🔕 unsubscribe apple")
    assert by_label is not None and by_label["callback_query"]["data"] == "u:1"
    command = chat.update_for("/help")
    assert command is not None and command["message"]["text"] == "/help"
    assert chat.update_for("1") is None and out.getvalue().endswith(EXPIRED + "\n")


def test_a_number_past_the_live_buttons_says_which_to_type_not_expired() -> None:
    chat, out = _chat()
    chat.replying = True
    _send(chat, "This chat follows 1 company", reply_markup=KEYS)
    for typed in ("9", "0", "[3]"):
        assert chat.update_for(typed) is None
        assert out.getvalue().endswith(f"There is no button {typed.strip('[]')}; type 1–2.\n")
    assert chat.update_for("2") is not None  # the buttons still work


def test_a_reply_in_several_messages_has_a_blank_line_between_them() -> None:
    chat, out = _chat()
    chat.replying = True
    assert chat.update_for("/news Apple 10") is not None
    _send(chat, "1. Apple story")
    _send(chat, "6. Another Apple story")
    assert out.getvalue() == "1. Apple story\n\n6. Another Apple story\n"
    chat.update_for("/list")  # a new command: its reply starts right below it
    _send(chat, "This chat follows Apple")
    assert out.getvalue().endswith("Another Apple story\nThis chat follows Apple\n")
