"""Every summarization algorithm newsbot offers, by name.

``get_algorithm(name)`` returns a fresh :class:`~summarizer.algorithms.base.Algorithm`;
``ALGORITHMS`` maps each name to the zero-argument factory that builds it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from types import MappingProxyType

from summarizer.algorithms.base import Algorithm, Document
from summarizer.algorithms.lead import Lead
from summarizer.algorithms.newsrank import NewsRank
from summarizer.algorithms.sumy_algorithms import SUMY_NAMES, SumyAlgorithm
from summarizer.errors import UnknownAlgorithmError

ALGORITHMS: Mapping[str, Callable[[], Algorithm]] = MappingProxyType(
    {
        "newsrank": NewsRank,
        "lead": Lead,
        **{name: partial(SumyAlgorithm, name) for name in SUMY_NAMES},
    }
)
# Chosen by measurement (benchmarks/ and `newsbot eval`): best ROUGE among the
# position-aware and the centrality methods, and linear-time on long articles.
DEFAULT_ALGORITHM = "newsrank"


def get_algorithm(name: str | None = None) -> Algorithm:
    """The algorithm called ``name`` (case-insensitive; None = the default).

    Raises UnknownAlgorithmError naming the valid choices.
    """
    return algorithm_factory(name)()


def algorithm_factory(name: str | None = None) -> Callable[[], Algorithm]:
    """What builds the algorithm called ``name``, without building it (a configuration
    checks the name at start-up). Raises UnknownAlgorithmError naming the valid choices."""
    factory = ALGORITHMS.get((name or DEFAULT_ALGORITHM).strip().lower())
    if factory is None:
        valid = ", ".join(sorted(ALGORITHMS))
        raise UnknownAlgorithmError(f"Unknown algorithm {name!r}; choose one of: {valid}.")
    return factory


__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "Algorithm",
    "Document",
    "algorithm_factory",
    "get_algorithm",
]
