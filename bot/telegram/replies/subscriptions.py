"""Replies about what a chat follows: /subscribe, /unsubscribe, /list, /stop (pure functions).

Every user-supplied string is escaped here (see :mod:`bot.telegram.formatting`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.services.answers import SubscribeResult, TopicMap, UnsubscribeResult
from bot.services.typed.lists import MAX_NAMES_PER_COMMAND
from bot.services.typed.names import CompanyRef, Unknown
from bot.telegram.callbacks import Action, encode
from bot.telegram.formatting import bold, code, esc
from bot.telegram.replies.common import (
    MAX_ARGUMENT_CHARS,
    NAME_CHARS,
    button,
    topic_label,
    usage,
)

LIST_HEADER = "This chat follows"
_NONE_FOLLOWED = "This chat follows no companies yet.\nStart with /subscribe Apple"


def _names(refs: Sequence[CompanyRef]) -> str:
    return ", ".join(bold(r.name, limit=NAME_CHARS) for r in refs)


def _ended(refs: Sequence[CompanyRef]) -> str:
    """``_names(refs)`` closing a sentence: no second full stop after "Sturm, Ruger & Co."."""
    return _names(refs) + ("" if refs and refs[-1].name.endswith(".") else ".")


def _unknown_lines(unknown: Sequence[Unknown]) -> list[str]:
    lines = []
    for item in unknown:
        what = esc(item.text, limit=NAME_CHARS)
        if item.reason:
            offer = f" Did you mean {_names(item.suggestions)}?" if item.suggestions else ""
            lines.append(f"✗ “{what}”: {esc(item.reason)}.{offer}")
        elif item.created:
            lines.append(f"? If by “{what}” you meant {_names(item.suggestions)}, tap below.")
        elif item.suggestions:
            lines.append(f"? I don't know “{what}”. Did you mean {_names(item.suggestions)}?")
        else:
            lines.append(f"? I don't know “{what}”.")
    return lines


def _apart_lines(apart: Sequence[tuple[str, int]]) -> list[str]:
    """Names read as several companies ("Apple Toyota"), and how to follow one as typed."""
    return [
        f"• I read “{esc(name, limit=NAME_CHARS)}” as {count} companies (commas "
        f"separate names). For one company of that name, send "
        f"{code(subscribe_commands([name], quoted={name})[0])}"
        for name, count in apart
    ]


def _suggestion_buttons(unknown: Sequence[Unknown]) -> list[list[InlineKeyboardButton]]:
    seen: dict[int, CompanyRef] = {}
    for item in unknown:
        for ref in item.suggestions:
            seen.setdefault(ref.id, ref)
    return [
        [button(f"Follow {ref.name}", encode(Action.FOLLOW, ref.id))]
        for ref in list(seen.values())[:6]
    ]


def subscribe_usage(
    trending: Sequence[tuple[int, str]],
) -> tuple[str, InlineKeyboardMarkup | None]:
    """``/subscribe`` alone: how to use it, and buttons for companies in the news now."""
    text = (
        usage("subscribe", "Xiaomi, Tesla") + "\nName one or more companies, separated by commas."
    )
    if not trending:
        return text, None
    rows = [[button(f"Follow {name}", encode(Action.FOLLOW, cid))] for cid, name in trending]
    return text + "\n\nOr pick one in the news now:", InlineKeyboardMarkup(rows)


def _arrive(result: SubscribeResult) -> str:
    if result.topic is None:
        return "New articles arrive here;"
    one = len(result.added) + len(result.new_names) == 1
    return f"New articles about {'it' if one else 'them'} arrive in this topic;"


def subscribe_reply(result: SubscribeResult) -> tuple[str, InlineKeyboardMarkup | None]:
    """What ``/subscribe`` did for each name, and buttons for suggested names."""
    lines = []
    if result.added:
        lines.append(f"✓ Subscribed to {_ended(result.added)}")
    if result.new_names:
        many = len(result.new_names) > 1
        lines.append(
            f"✓ Subscribed to {_names(result.new_names)} — "
            f"{'names' if many else 'a name'} new to me; I will look for "
            f"{'them' if many else 'it'} in every new article."
        )
    for word in result.as_words:
        name = esc(word, limit=NAME_CHARS)
        lines.append(
            f"• “{name}” is also an ordinary word, so I count it only where it is written "
            f"“{name}”, and in a headline or at the start of a sentence only when the story "
            "also names it elsewhere."
        )
    lines += _apart_lines(result.apart)
    lines += [
        f"• “{esc(name, limit=NAME_CHARS)}” is one name to me; to follow several "
        "companies, separate them with commas."
        for name in result.several
    ]
    if result.already:
        lines.append(f"• Already following {_ended(result.already)}")
    if result.moved:
        lines.append(f"→ Articles about {_names(result.moved)} now arrive in this topic.")
    lines += _unknown_lines(result.unknown)
    if result.over_limit:
        names = ", ".join(esc(n, limit=NAME_CHARS) for n in result.over_limit)
        lines.append(
            f"✗ Not added: {names} — a chat can follow at most {result.limit} "
            "companies. /list shows them; unsubscribe some first."
        )
    if result.later:
        commands = "\n".join(code(c) for c in subscribe_commands(result.later))
        lines.append(
            f"• One command takes {MAX_NAMES_PER_COMMAND} names; "
            f"to follow the other {len(result.later)}, send:\n{commands}"
        )
    if result.added or result.new_names:
        lines.append(
            f"\nThis chat follows {result.total} of at most {result.limit}. "
            f"{_arrive(result)} /news NAME shows the latest now."
        )
    buttons = _suggestion_buttons(result.unknown)
    return "\n".join(lines), InlineKeyboardMarkup(buttons) if buttons else None


def unsubscribe_reply(result: UnsubscribeResult) -> str:
    """What ``/unsubscribe`` did for each name."""
    if result.everything:
        return _unsubscribed_all(result.removed)
    lines = []
    if result.removed:
        lines.append(f"✓ Unsubscribed from {_ended(result.removed)}")
    if result.not_followed:
        lines.append(f"• This chat did not follow {_ended(result.not_followed)}")
    lines += _unknown_lines(result.unknown)
    return "\n".join(lines) + "\n\n/list shows what this chat follows."


def _unsubscribed_all(refs: Sequence[CompanyRef]) -> str:
    """``/unsubscribe all``: what was dropped, and the commands that follow it all again."""
    if not refs:
        return _NONE_FOLLOWED
    # "all 1 company" reads oddly: one company is simply named.
    dropped = f"all {len(refs)} companies: " if len(refs) > 1 else ""
    commands = "\n".join(code(command) for command in follow_commands(refs))
    return (
        f"✓ Unsubscribed from {dropped}{_ended(refs)} Your /settings stay.\n\n"
        f"To follow {'it' if len(refs) == 1 else 'them'} again, send:\n{commands}"
    )


def follow_commands(refs: Sequence[CompanyRef]) -> list[str]:
    """``/subscribe`` commands that follow ``refs`` again (see :func:`subscribe_commands`)."""
    return subscribe_commands([r.name for r in refs], quoted={r.name for r in refs if r.whole})


def subscribe_commands(given: Sequence[str], *, quoted: Collection[str] = ()) -> list[str]:
    """``/subscribe`` commands that follow the names ``given``, as many names each as one
    command takes; a name holding a separator goes in quotes ("Sturm, Ruger & Co."), and
    so does one ``quoted`` (a made-up "Apple Toyota", not read as two companies)."""
    names = [f'"{n}"' if n in quoted or any(c in n for c in ",;") else n for n in given]
    commands: list[list[str]] = []
    for name in names:
        # A command takes so many names, and so many characters after "/subscribe ".
        line = commands[-1] if commands else []
        if not line or len(line) >= MAX_NAMES_PER_COMMAND or _too_long([*line, name]):
            commands.append(line := [])
        line.append(name)
    return ["/subscribe " + ", ".join(line) for line in commands]


def _too_long(names: list[str]) -> bool:
    return len(", ".join(names)) > MAX_ARGUMENT_CHARS


def unsubscribed_reply(ref: CompanyRef) -> tuple[str, InlineKeyboardMarkup]:
    """Confirmation of an unsubscribe button under an alert, with an undo button."""
    text = f"✓ Unsubscribed from {_ended([ref])} No more alerts about it."
    return text, InlineKeyboardMarkup(
        [[button(f"Undo: follow {ref.name}", encode(Action.FOLLOW, ref.id))]]
    )


def topic_labels(
    refs: Sequence[CompanyRef], topics: TopicMap, *, here: int | None
) -> dict[int, str] | None:
    """Where each company's alerts arrive, seen from forum topic ``here``; None when they
    all arrive in one place (nothing worth saying)."""
    if not topics.own:
        return None
    return {
        r.id: topic_label(topics.own.get(r.id, topics.default), here, topics.names) for r in refs
    }


def list_reply(
    refs: Sequence[CompanyRef], limit: int, *, where: Mapping[int, str] | None = None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The followed companies, each with a news and an unsubscribe button; ``where``: the
    forum topic each one alerts in (``topic_labels``)."""
    if not refs:
        return _NONE_FOLLOWED, None
    lines = [f"<b>{LIST_HEADER} {len(refs)} of at most {limit} companies</b>", ""]
    lines += [
        f"• {esc(r.name, limit=NAME_CHARS)}" + (f" — alerts in {esc(where[r.id])}" if where else "")
        for r in refs
    ]
    lines.append("\nThe buttons show a company's latest news or unsubscribe from it.")
    rows = [
        [
            button(f"📰 News: {r.name}", encode(Action.MORE_NEWS, r.id)),
            button(f"✖ Unsubscribe {r.name}", encode(Action.UNSUBSCRIBE, r.id)),
        ]
        for r in refs[:50]
    ]
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def stop_reply(count: int, refs: Sequence[CompanyRef] = ()) -> str:
    """Confirmation that everything about the chat is gone; with ``refs`` (what it
    followed), the commands that follow them again, as ``/unsubscribe all`` gives."""
    what = (
        f"Unsubscribed from {count} compan{'y' if count == 1 else 'ies'}"
        if count
        else "This chat followed no companies"
    )
    again = "To start again: /subscribe NAME"
    if refs:
        commands = "\n".join(code(command) for command in follow_commands(refs))
        again = f"To follow {'it' if len(refs) == 1 else 'them'} again, send:\n{commands}"
    return f"{what}; this chat's settings are deleted. I won't send anything more.\n{again}"
