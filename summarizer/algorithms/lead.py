"""Lead-N: the article's first sentences, the baseline news editors rely on."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.algorithms.base import Document


class Lead:
    """Picks the opening sentences; with ``focus``, the first sentence plus the
    earliest sentences naming the followed company."""

    name = "lead"

    def select(self, doc: Document, count: int, *, focus: Sequence[str] = ()) -> list[int]:
        """Indices ``0 .. count-1`` (focus-aware when a company is given)."""
        n = len(doc.sentences)
        if count <= 0 or n == 0:
            return []
        names = [name.strip() for name in focus if name and name.strip()]
        if not names:
            return list(range(min(count, n)))
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.IGNORECASE
        )
        naming = [i for i, s in enumerate(doc.sentences) if i > 0 and pattern.search(s)]
        picked = [0, *naming[: count - 1]]
        picked += [i for i in range(n) if i not in picked][: count - len(picked)]
        return picked
