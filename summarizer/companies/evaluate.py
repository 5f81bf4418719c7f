"""Scoring company detection against articles labelled by reading (pure, no I/O).

A labelled article names its ``subjects`` (what the story is about), its passing
``mentions`` and, per company, the surface forms the text uses (``aliases_seen``).
Two ways of looking at the matcher:

* **followed by name**: every labelled name is followed, as after ``/subscribe NAME``
  (the matcher gets it as a custom name when the registry lacks it);
* **registry only**: what the matcher finds with the shipped registry alone.

A predicted company counts as a labelled one when their names or aliases meet
("Time Warner" predicted, "TimeWarner" labelled with "Time Warner" seen).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from summarizer.companies.finding.scan import fold, split_words
from summarizer.errors import InputError


@dataclass(frozen=True, slots=True)
class Labelled:
    """One article's labels (guide: shared/docs/company-labelling-guide.md)."""

    source: str
    id: str
    subjects: tuple[str, ...]
    mentions: tuple[str, ...]
    aliases_seen: dict[str, tuple[str, ...]] = field(default_factory=dict)
    split: str = ""  # "tune", "check"; "new", "fresh", "fresh2": labelled later, never fitted

    @property
    def names(self) -> tuple[str, ...]:
        """Every labelled company, subjects first."""
        return (*self.subjects, *self.mentions)

    def keys(self, name: str) -> set[str]:
        """Lookup keys of a labelled company: its name and the forms the text used."""
        return {name_key(n) for n in (name, *self.aliases_seen.get(name, ()))} - {""}


@dataclass(slots=True)
class Tally:
    """Counts behind subject precision/recall and passing mentions that would alert."""

    articles: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    passing: int = 0
    passing_alerts: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in ("articles", "tp", "fp", "fn", "passing", "passing_alerts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        """Share of predicted subjects that are labelled subjects (1.0 when none)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of labelled subjects predicted as subjects."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def alert_share(self) -> float:
        """Share of labelled passing mentions predicted as subjects."""
        return self.passing_alerts / self.passing if self.passing else 0.0


def name_key(text: str) -> str:
    """Comparable form of a company name: words only, any case ("TimeWarner" == "timewarner")."""
    return " ".join(fold(w) for w in split_words(text))


def split_of(article_id: str) -> str:
    """A fixed split by id: "tune" (3 in 5 articles, used to fit weights) or "check".

    A labels line may name its split instead (``"split": "new"``): articles labelled
    after the weights were fitted, kept out of fitting as a fresh held-back portion."""
    return "tune" if zlib.crc32(article_id.encode()) % 5 < 3 else "check"


def parse_labels(lines: Iterable[str], *, origin: str = "labels") -> list[Labelled]:
    """Labelled articles from JSONL lines ({source_file, id, subjects, mentions, aliases_seen},
    optionally split)."""
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            seen = {
                str(k): tuple(str(a) for a in v) for k, v in row.get("aliases_seen", {}).items()
            }
            out.append(
                Labelled(
                    str(row["source_file"]),
                    str(row["id"]),
                    tuple(map(str, row["subjects"])),
                    tuple(map(str, row["mentions"])),
                    seen,
                    str(row.get("split") or split_of(str(row["id"]))),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
            raise InputError(
                f"{origin}, line {number}: expected JSON with source_file, id, "
                "subjects, mentions and aliases_seen."
            ) from None
    return out


def score_article(
    label: Labelled,
    predicted: Sequence[tuple[str, bool]],
    keys_of: Callable[[str], set[str]],
) -> Tally:
    """Compare predicted (name, subject) pairs with one article's labels.

    Every predicted subject that is no labelled subject is a false positive,
    whether it is a labelled passing mention or a company nobody labelled.
    """
    tally = Tally(articles=1, passing=len(label.mentions))
    label_keys = {name: label.keys(name) for name in label.names}
    hit: set[str] = set()
    for name, subject in predicted:
        keys = keys_of(name) | {name_key(name)}
        labelled = [n for n, k in label_keys.items() if k & keys]
        if not subject:
            continue
        subjects = [n for n in labelled if n in label.subjects]
        if subjects:
            tally.tp += len(set(subjects) - hit)
            hit.update(subjects)
            continue
        tally.fp += 1
        tally.passing_alerts += bool(labelled)
    tally.fn = len(set(label.subjects) - hit)
    return tally


def agreement(first: Labelled, second: Labelled) -> Tally:
    """A second reader's labels of an article scored against the first's, as a prediction
    is: how far two careful readers agree (``benchmarks/label_agreement.py``)."""
    predicted = [(name, name in second.subjects) for name in second.names]
    return score_article(first, predicted, second.keys)
