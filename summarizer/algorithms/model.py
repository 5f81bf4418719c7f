"""NewsRank's learned sentence scorer: logistic regression over explainable features.

The weights live in ``newsrank_model.json`` beside this module (a few hundred
bytes, read once, no network). Each feature is standardised with the mean and
scale stored in the file, so a coefficient says how much one standard deviation
of that feature moves the sentence's score (log-odds; fitted listwise, so only
differences between sentences of one article mean anything). Refit with
``python benchmarks/fit_newsrank.py`` (see its docstring).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

MODEL_FILE = "newsrank_model.json"


class Scorer(Protocol):
    """What NewsRank needs of a model: log-odds per sentence from the feature matrix
    (the shipped ``SentenceModel``; benchmarks/ tries others, e.g. boosted trees)."""

    @property
    def names(self) -> tuple[str, ...]: ...

    @property
    def info(self) -> Mapping[str, Any]: ...

    def score(self, matrix: np.ndarray) -> np.ndarray: ...

    def explain(self, names: Sequence[str] | None = None) -> list[tuple[str, float]]: ...

    def to_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class SentenceModel:
    """A linear scorer: ``((x - mean) / scale) @ coef + intercept`` per sentence."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    info: Mapping[str, Any]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SentenceModel:
        """The model described by ``data`` (the JSON file's object)."""
        feats = data["features"]
        names = tuple(str(item["name"]) for item in feats)
        column = [[float(item[key]) for item in feats] for key in ("mean", "scale", "coef")]
        mean, scale, coef = (np.array(c, dtype=float) for c in column)
        return cls(
            names,
            mean,
            np.where(scale > 0, scale, 1.0),
            coef,
            float(data["intercept"]),
            dict(data.get("info", {})),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON object ``from_json`` reads (rounded: the file stays small)."""
        return {
            "intercept": round(self.intercept, 5),
            "features": [
                {
                    "name": n,
                    "coef": round(float(c), 5),
                    "mean": round(float(m), 5),
                    "scale": round(float(s), 5),
                }
                for n, c, m, s in zip(self.names, self.coef, self.mean, self.scale, strict=True)
            ],
            "info": dict(self.info),
        }

    def score(self, matrix: np.ndarray) -> np.ndarray:
        """Log-odds per row of ``matrix`` (columns in ``names`` order)."""
        if not len(matrix):
            return np.zeros(0)
        return ((matrix - self.mean) / self.scale) @ self.coef + self.intercept

    def explain(self, names: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """(feature, coefficient) pairs, strongest first."""
        pairs = list(zip(self.names, map(float, self.coef), strict=True))
        if names is not None:
            pairs = [p for p in pairs if p[0] in names]
        return sorted(pairs, key=lambda p: -abs(p[1]))


@lru_cache(maxsize=1)
def default_model() -> Scorer:
    """The shipped model (read once from the package data)."""
    # Beside this module (the package installs as files; importlib.resources would
    # cost ~12 ms at every start).
    text = Path(__file__).with_name(MODEL_FILE).read_text("utf-8")
    return SentenceModel.from_json(json.loads(text))
