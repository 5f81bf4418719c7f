"""The one exception tree of newsbot (a leaf module: it imports nothing of ours).

Every error a user can cause derives from :class:`NewsbotError`; ``str(err)`` is one
clear sentence meant to be shown as is (CLI stderr, a chat reply). Like httpx's
exceptions, each error also carries its context as attributes (``url``, ``status``,
``path``, ``line``) for logs and callers, never inside the message unless the user
gave that value.

    NewsbotError
    ├── InputError            an argument, file or article cannot be used
    │   ├── EmptyArticleError     no usable text after cleaning
    │   └── UsageError            a command's arguments are wrong or missing (exit 2)
    │       └── UnknownAlgorithmError a summarizer name that does not exist
    ├── FetchError            a URL, feed or page could not be fetched or parsed
    │   └── BlockedAddressError   the address is not allowed (private network)
    ├── StorageError          the database could not be read or written
    │   └── ReadOnlyError         it can be read, not written (a read-only file or disk)
    └── BusyError             heavy work refused for now (``bot.telegram.workers``)
"""

from __future__ import annotations


class NewsbotError(Exception):
    """Base of every newsbot error; ``str(err)`` is safe to show to a user."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


class InputError(NewsbotError):
    """The input (an article, an argument, a file) cannot be used."""


class EmptyArticleError(InputError):
    """The article has no usable text after cleaning."""


class UsageError(InputError):
    """A command was given wrong or missing arguments (``newsbot`` exits with status 2)."""


class UnknownAlgorithmError(UsageError):
    """A summarizer name that does not exist (``name`` holds it)."""

    def __init__(self, message: str, *, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name


class FetchError(NewsbotError):
    """A URL, feed or page could not be fetched or parsed (``url``, HTTP ``status``)."""

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.url = url
        self.status = status


class BlockedAddressError(FetchError):
    """The URL points at an address this bot must not reach (loopback, private, ...)."""


class StorageError(NewsbotError):
    """The database could not be read or written (busy, full, corrupt, read-only)."""


class ReadOnlyError(StorageError):
    """The database (or its folder) cannot be written; reading it may still work."""
