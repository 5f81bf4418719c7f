"""The one exception tree of newsbot.

Every error a user can cause derives from :class:`NewsbotError`; its message is
one clear sentence meant to be shown as is (CLI stderr, a chat reply).
"""


class NewsbotError(Exception):
    """Base of every newsbot error; ``str(err)`` is safe to show to a user."""


class InputError(NewsbotError):
    """The input (an article, an argument, a file) cannot be used."""


class EmptyArticleError(InputError):
    """The article has no usable text after cleaning."""


class UnknownAlgorithmError(InputError):
    """A summarizer name that does not exist."""


class FetchError(NewsbotError):
    """A URL, feed or page could not be fetched or parsed."""


class StorageError(NewsbotError):
    """The database could not be read or written (busy, corrupt, read-only)."""
