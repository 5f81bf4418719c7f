"""The terminal chat: the bot without Telegram, on this terminal (``chat``: rendering
the bot's messages and buttons; ``session``: the prompt, piped input and a clean stop)."""
