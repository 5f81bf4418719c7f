"""Names close to one a user typed: the "did you mean" behind /subscribe and /news."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

SUGGEST_CUTOFF = 78.0  # fuzz.ratio: "Tesal" -> "Tesla" is 80, "Xaomi" -> "xAI" 75


def close_names(text: str, choices: Sequence[str], limit: int) -> list[str]:
    """Up to ``limit * 4`` of ``choices`` close to ``text``, closest first.

    Whole-string similarity (not WRatio's partial matching, which offered "Nexi,
    Intel, IBM" for "Nonexistent Corp"), plus choices that start with ``text`` as a
    whole word ("Berkshire" -> "Berkshire Hathaway") or that ``text`` starts with
    ("Xiaomi abc" -> "Xiaomi"). Unrelated text gets nothing.
    """
    query = utils.default_process(text)
    if not query:
        return []
    found = process.extract(
        query,
        choices,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        limit=limit * 4,
        score_cutoff=SUGGEST_CUTOFF,
    )
    ranked = [(choice, score) for choice, score, _ in found]
    if len(query) >= 4:
        longer = [c for c in choices if utils.default_process(c).startswith(query + " ")]
        ranked += [(c, 90.0) for c in longer[: limit * 4]]
    # "Xiaomi abc" (a name and a stray word): the name it starts with.
    ranked += [
        (c, 85.0)
        for c in choices
        if len(c) >= 4 and query.startswith(utils.default_process(c) + " ")
    ]
    return [choice for choice, _score in sorted(ranked, key=lambda cs: -cs[1])]
