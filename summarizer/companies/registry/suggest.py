"""Names close to one a user typed: the "did you mean" behind /subscribe and /news."""

from __future__ import annotations

import copy
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process, utils

SUGGEST_CUTOFF = 78.0  # fuzz.ratio: "Tesal" -> "Tesla" is 80, "Xaomi" -> "xAI" 75


class Compared:
    """Names as :func:`close_names` compares them (lower case, no punctuation), kept by
    a matcher so a "did you mean" does not redo them, nor read every name, per call."""

    def __init__(self, names: Iterable[str]) -> None:
        self.keys = [utils.default_process(name) for name in names]
        self._sorted = sorted((key, i) for i, key in enumerate(self.keys))
        self._where: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            self._where.setdefault(key, []).append(i)

    def extended(self, names: Iterable[str]) -> Compared:
        """These names and ``names`` after them (a few: a name a chat follows)."""
        other = copy.copy(self)
        other.keys, other._sorted = list(self.keys), list(self._sorted)
        where: dict[str, list[int]] = {}
        for name in names:
            key, i = utils.default_process(name), len(other.keys)
            other.keys.append(key)
            insort(other._sorted, (key, i))
            where[key] = [*where.get(key, self._where.get(key, ())), i]
        other._where = {**self._where, **where}
        return other

    def starting(self, prefix: str) -> list[int]:
        """The names that start with ``prefix``, in their order."""
        found = []
        for key, i in self._sorted[bisect_left(self._sorted, (prefix,)) :]:
            if not key.startswith(prefix):
                break
            found.append(i)
        return sorted(found)

    def words_starting(self, query: str) -> list[int]:
        """The names ``query`` starts with as whole words ("xiaomi" of "xiaomi abc")."""
        found = [i for j, c in enumerate(query) if c == " " for i in self._where.get(query[:j], ())]
        return sorted(found)


def close_names(
    text: str, choices: Sequence[str], limit: int, *, compared: Compared | None = None
) -> list[str]:
    """Up to ``limit * 4`` of ``choices`` close to ``text``, closest first.

    Whole-string similarity (not WRatio's partial matching, which offered "Nexi,
    Intel, IBM" for "Nonexistent Corp"), plus choices that start with ``text`` as a
    whole word ("Berkshire" -> "Berkshire Hathaway") or that ``text`` starts with
    ("Xiaomi abc" -> "Xiaomi"). Unrelated text gets nothing. ``compared`` is
    ``Compared(choices)``, when the caller keeps it.
    """
    query = utils.default_process(text)
    if not query:
        return []
    keys = Compared(choices) if compared is None else compared
    found = process.extract(
        query,
        keys.keys,
        scorer=fuzz.ratio,
        processor=None,  # both sides are processed already
        limit=limit * 4,
        score_cutoff=SUGGEST_CUTOFF,
    )
    ranked = [(choices[i], score) for _key, score, i in found]
    if len(query) >= 4:
        longer = keys.starting(query + " ")
        ranked += [(choices[i], 90.0) for i in longer[: limit * 4]]
    # "Xiaomi abc" (a name and a stray word): the name it starts with.
    ranked += [(choices[i], 85.0) for i in keys.words_starting(query) if len(choices[i]) >= 4]
    return [choice for choice, _score in sorted(ranked, key=lambda cs: -cs[1])]
