"""Sends (or edits) one composed alert message through the Telegram Bot API."""

from __future__ import annotations

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode

from bot.alerts.compose import Delivery
from bot.alerts.options import keyboard

# Enough keyboards for every company in a large fan-out; beyond it the cache starts over.
_MAX_KEYBOARDS = 4096


class Messenger:
    """Puts a :class:`Delivery` into a chat: a new message, or an edit of an earlier alert."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._keyboards: dict[tuple[tuple[str, str], ...], InlineKeyboardMarkup | None] = {}

    async def send(
        self,
        chat_id: int,
        delivery: Delivery,
        *,
        html: bool,
        topic: int | None = None,
        silent: bool = False,
    ) -> Message | bool:
        """Send or edit; ``html=False`` sends the same words as plain text; ``topic``: the
        forum topic a new message goes to (an edit stays where its message is); ``silent``:
        a new message arrives without a sound (an edit never makes one)."""
        rendered = delivery.rendered
        text = rendered.text if html else rendered.plain
        parse_mode = ParseMode.HTML if html else None
        markup = self._markup(rendered.buttons)
        preview = LinkPreviewOptions(is_disabled=not delivery.preview)
        if delivery.edit_message_id is not None:
            return await self.bot.edit_message_text(
                text,
                chat_id=chat_id,
                message_id=delivery.edit_message_id,
                parse_mode=parse_mode,
                reply_markup=markup,
                link_preview_options=preview,
            )
        return await self.bot.send_message(
            chat_id,
            text,
            parse_mode=parse_mode,
            reply_markup=markup,
            link_preview_options=preview,
            message_thread_id=topic,
            # None leaves the parameter out: outside quiet hours the request is as before.
            disable_notification=True if silent else None,
        )

    def _markup(self, buttons: tuple[tuple[str, str], ...]) -> InlineKeyboardMarkup | None:
        # Keyboards are immutable; one per company is reused across a whole fan-out.
        if buttons not in self._keyboards:
            if len(self._keyboards) > _MAX_KEYBOARDS:
                self._keyboards.clear()
            self._keyboards[buttons] = keyboard(buttons)
        return self._keyboards[buttons]
