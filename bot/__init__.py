"""newsbot's Telegram adapter, services, CLI and process wiring."""

import os

# python-telegram-bot 22 warns (PTBDeprecationWarning) whenever a RetryAfter is built, unless
# time periods are datetime.timedelta: its documented opt-in, and the only form in PTB 23.
# Our code reads both forms (bot.alerts.options.retry_seconds).
os.environ.setdefault("PTB_TIMEDELTA", "true")
