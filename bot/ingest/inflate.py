"""Compressed HTTP bodies, decompressed with a bound on what comes out.

httpx decompresses gzip and deflate without a limit on the output: a page of 3.5 KB
that is 2 GB of zeros gzipped twice filled 4 GB of memory before the size check after
each decoded chunk saw it (a "gzip bomb", sent by any address a chat gives). Here the
raw bytes are decompressed by ``zlib`` with ``max_length``, so the output stops one
byte past the page limit, and only one layer of gzip or deflate is accepted: a server
never needs two, and asked for no other (:data:`ACCEPTED`).
"""

from __future__ import annotations

import zlib

# What we ask servers for: the encodings :class:`Inflater` reads.
ACCEPTED = "gzip, deflate"
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class UnreadableEncoding(ValueError):
    """The body is compressed in a way we did not ask for, or in layers."""


class Inflater:
    """Decompresses one body chunk by chunk; ``total`` counts the bytes that came out,
    and stops growing once it passes ``max_bytes`` (the caller then gives up)."""

    def __init__(self, content_encoding: str, *, max_bytes: int) -> None:
        layers = [e for e in (part.strip().lower() for part in content_encoding.split(",")) if e]
        layers = [e for e in layers if e != "identity"]
        if len(layers) > 1 or (layers and layers[0] not in _WBITS):
            raise UnreadableEncoding(content_encoding)
        self._encoding = layers[0] if layers else ""
        self._zlib = zlib.decompressobj(_WBITS[self._encoding]) if self._encoding else None
        self._started = False
        self.max_bytes = max_bytes
        self.total = 0

    @property
    def too_big(self) -> bool:
        return self.total > self.max_bytes

    def feed(self, data: bytes) -> bytes:
        """The decompressed bytes of the next raw chunk, never more than one byte past
        ``max_bytes`` in all. Raises ``zlib.error`` for data that is not what it says."""
        if self._zlib is None:
            out = data
        else:
            out = self._decompress(data, max(1, self.max_bytes + 1 - self.total))
            if self._zlib.unconsumed_tail:  # more would come out than the limit allows
                self.total = self.max_bytes + 1
                return b""
        self.total += len(out)
        return out

    def finish(self) -> bytes:
        """What the decompressor still holds at the end of the body (at most its window)."""
        if self._zlib is None or self.too_big:
            return b""
        out = self._zlib.flush()
        self.total += len(out)
        return out

    def _decompress(self, data: bytes, room: int) -> bytes:
        assert self._zlib is not None
        first, self._started = not self._started, True
        try:
            return self._zlib.decompress(data, room)
        except zlib.error:
            if not (first and self._encoding == "deflate"):
                raise
            # Some servers send raw deflate, without the zlib header (as httpx allows).
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._zlib.decompress(data, room)
