"""newsbot's process configuration, loaded once from the environment and CLI flags.

The bot token is kept out of ``repr`` and ``str`` so that logging a config,
an exception or a traceback never reveals it.
"""

from __future__ import annotations

import logging
import math
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.errors import InputError, NewsbotError

if TYPE_CHECKING:
    from bot.ingest.guard import FetchPolicy

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"

# Environment variable -> (field name, parser name). Every knob has a flag-free
# env form so a service manager can configure the bot without a wrapper script.
_ENV: dict[str, tuple[str, str]] = {
    "NEWSBOT_DB": ("db_path", "path"),
    "XDG_DATA_HOME": ("data_home", "path"),
    "NEWSBOT_ADMIN_IDS": ("admin_ids", "ids"),
    "NEWSBOT_BASE_URL": ("base_url", "str"),
    "NEWSBOT_WEBHOOK_URL": ("webhook_url", "str"),
    "NEWSBOT_WEBHOOK_SECRET": ("webhook_secret", "str"),
    "NEWSBOT_WEBHOOK_LISTEN": ("webhook_listen", "str"),
    "NEWSBOT_WEBHOOK_PORT": ("webhook_port", "int"),
    "NEWSBOT_POLL_INTERVAL": ("poll_interval", "float"),
    "NEWSBOT_FEEDS": ("feeds", "list"),
    "NEWSBOT_SEND_RATE": ("send_per_second", "float"),
    "NEWSBOT_CHAT_RATE": ("chat_per_second", "float"),
    "NEWSBOT_GROUP_RATE": ("group_per_minute", "int"),
    "NEWSBOT_MAX_SUBSCRIPTIONS": ("max_subscriptions", "int"),
    "NEWSBOT_COMMAND_LIMIT": ("command_limit", "int"),
    "NEWSBOT_COMMAND_WINDOW": ("command_window", "float"),
    "NEWSBOT_ALGORITHM": ("summary_algorithm", "str"),
    "NEWSBOT_ALLOW_PRIVATE_FETCH": ("allow_private_fetch", "str"),
    "NEWSBOT_REPLAY": ("replay", "bool"),
    "NEWSBOT_REPLAY_INTERVAL": ("replay_interval", "float"),
}
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})
_VARIABLE = {attr: name for name, (attr, _) in _ENV.items()}  # field -> its variable


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the running bot needs to know about its environment.

    ``token`` is ``None`` for the embedded default (the terminal chat).
    ``base_url`` points the bot at another Bot API server (an emulator), in the
    form PTB expects: ``http://127.0.0.1:PORT/bot`` (the token is appended).
    """

    token: str | None = field(default=None, repr=False)
    db_path: Path | None = None  # --db or $NEWSBOT_DB; None: the default (``database``)
    data_home: Path | None = None  # $XDG_DATA_HOME
    admin_ids: frozenset[int] = frozenset()
    base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    poll_interval: float = 900.0
    feeds: tuple[str, ...] = ()
    send_per_second: float = 25.0
    chat_per_second: float = 1.0
    group_per_minute: int = 20
    max_subscriptions: int = 50
    command_limit: int = 20
    command_window: float = 60.0
    summary_algorithm: str | None = None
    # "" = public addresses only; "1" = any address; "10.0.0.0/8,..." = also these networks.
    allow_private_fetch: str = ""
    # Publish the held-back sample articles over time (None: only in the terminal chat
    # on the embedded default database).
    replay: bool | None = None
    replay_interval: float = 12.0

    def __post_init__(self) -> None:
        # Every value is checked here, at start-up: a bad one must not surface later as
        # alerts that silently stop (a group rate of 0, a poll interval of "nan"). Each
        # message names the variable, as any newsbot command loads the configuration.
        self.fetch_policy()
        for name in ("max_subscriptions", "command_limit", "group_per_minute"):
            if getattr(self, name) < 1:
                raise InputError(f"{_VARIABLE[name]} must be a whole number of at least 1.")
        for name in ("command_window", "poll_interval", "replay_interval"):
            if not 0 < getattr(self, name) < math.inf:
                raise InputError(f"{_VARIABLE[name]} must be a positive number of seconds.")
        for name in ("send_per_second", "chat_per_second"):  # inf: no limit (benchmarks)
            if not getattr(self, name) > 0:
                raise InputError(f"{_VARIABLE[name]} must be a positive number per second.")
        if self.feeds:
            from bot.ingest.fetch import check_web_address

            for url in self.feeds:  # else a typo'd feed fails unseen at every poll
                try:
                    check_web_address(url)
                except NewsbotError as err:
                    raise InputError(f"NEWSBOT_FEEDS / --feed: {err}") from None
        if not 1 <= self.webhook_port <= 65535:
            raise InputError("NEWSBOT_WEBHOOK_PORT must be a number from 1 to 65535.")
        if self.summary_algorithm:
            from summarizer.algorithms import algorithm_factory

            try:
                algorithm_factory(self.summary_algorithm)
            except InputError as err:
                raise InputError(f"NEWSBOT_ALGORITHM: {err}") from None

    def fetch_policy(self) -> FetchPolicy:
        """Which addresses the bot's fetches may reach (see :mod:`bot.ingest.guard`)."""
        from bot.ingest.guard import ALLOW_PRIVATE_ENV, FetchPolicy

        return FetchPolicy.from_env({ALLOW_PRIVATE_ENV: self.allow_private_fetch})

    @property
    def database(self) -> Path:
        """The database file: ``--db`` or ``$NEWSBOT_DB``, else ``newsbot/newsbot.db`` under
        ``$XDG_DATA_HOME`` (``~/.local/share``)."""
        if self.db_path is not None:
            return self.db_path
        base = self.data_home or Path.home() / ".local" / "share"
        return base / "newsbot" / "newsbot.db"

    @property
    def terminal(self) -> bool:
        """True when no token is set: the bot talks to the local terminal."""
        return not self.token

    def is_admin(self, user_id: int | None) -> bool:
        """Whether this Telegram user may use operator commands such as /ingest."""
        return user_id is not None and user_id in self.admin_ids

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with the given fields replaced; ``None`` values are ignored."""
        names = {f.name for f in fields(self)}
        clean = {k: v for k, v in changes.items() if v is not None and k in names}
        return replace(self, **clean)

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        token_env: str = TOKEN_ENV,
        **flags: Any,
    ) -> Config:
        """Read the environment, then apply CLI flags (flags win; ``None`` = not given)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        token = env.get(token_env, "").strip()
        if token:
            values["token"] = token
        for name, (attr, kind) in _ENV.items():
            raw = env.get(name, "").strip()
            if raw:
                values[attr] = _parse(name, raw, kind)
        config = cls(**values).with_overrides(**flags)
        if config.webhook_url and not config.webhook_secret:
            # Telegram echoes this secret in a header; without it anyone could post updates.
            config = replace(config, webhook_secret=secrets.token_urlsafe(32))
        return config


def _parse(name: str, raw: str, kind: str) -> Any:
    """Convert one environment value, with a one-sentence error naming the variable."""
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "path":
            return Path(raw).expanduser()
        if kind == "ids":
            return frozenset(int(part) for part in _split(raw))
        if kind == "list":
            return tuple(_split(raw))
        if kind == "bool" and raw.casefold() in _TRUE | _FALSE:
            return raw.casefold() in _TRUE
        if kind == "bool":
            raise ValueError(raw)
    except ValueError:
        raise InputError(f"The environment variable {name} has an invalid value.") from None
    return raw


def _split(raw: str) -> list[str]:
    return [part for part in raw.replace(",", " ").split() if part]


class RedactToken(logging.Filter):
    """A log filter that replaces the bot token (and other secrets) wherever they appear."""

    def __init__(self, *secrets: str | None) -> None:
        super().__init__()
        self._secrets = tuple(s for s in secrets if s)

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "<secret>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        redacted = self._redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        return True


def _not_invalid_token(record: logging.LogRecord) -> bool:
    """PTB logs a rejected token with a traceback; the CLI reports it in one line instead."""
    error = record.exc_info[1] if record.exc_info else None
    return type(error).__name__ != "InvalidToken"


def _one_line_telegram_errors(record: logging.LogRecord) -> bool:
    """Telegram API errors logged by PTB become one line (no chain of three tracebacks).

    The start-up retry loop's final "Aborting" record is dropped: its error reaches the
    CLI, which prints it in one line.
    """
    error = record.exc_info[1] if record.exc_info else None
    if error is None or not record.name.startswith("telegram"):
        return True
    if not any(cls.__name__ == "TelegramError" for cls in type(error).__mro__):
        return True
    message = record.getMessage()
    if "Network Retry Loop" in message and "Aborting" in message:
        return False
    record.msg, record.args = f"{message} ({type(error).__name__}: {error})", None
    record.exc_info, record.exc_text = None, None
    return True


def setup_logging(config: Config, *, level: str = "WARNING") -> None:
    """Log to stderr; the token is redacted and httpx's per-request lines (URL = token) muted."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_not_invalid_token)
    handler.addFilter(_one_line_telegram_errors)
    handler.addFilter(RedactToken(config.token, config.webhook_secret))  # last: sees every text
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level.upper())
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # trafilatura logs each page it cannot parse as an ERROR; the user gets the reason
    # ("The page has no readable article text."), the log would only repeat it.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
