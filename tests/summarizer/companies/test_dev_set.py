"""The labelled dev set (tests/summarizer/companies/data): well formed, and scored.

Labels only are kept here; the article texts are read from ../shared (BBC and
CNN/Daily Mail copy may not be shipped), so the scoring test skips without them.
Floors sit a little under the measured figures (``newsbot companies --score``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli import scoring
from bot.cli.companies import build_matcher
from summarizer.companies.evaluate import Tally, agreement

DATA = Path(__file__).parent / "data"
LABELS = sorted(DATA.glob("labels_*.jsonl"))
SHARED = Path(os.environ.get("NEWSBOT_EVAL_DATA", "/work/shared"))


def test_labels_are_well_formed_and_large_enough() -> None:
    labels = scoring.read_labels(LABELS)
    assert len(labels) >= 200
    assert len({(lab.source, lab.id) for lab in labels}) == len(labels)
    assert {lab.source for lab in labels} == {"bbc_dev", "cnndm_dev", "wikinews"}
    for lab in labels:
        assert not set(lab.subjects) & set(lab.mentions)
        assert set(lab.aliases_seen) <= set(lab.names)
    assert {lab.split for lab in labels} == {
        "tune",
        "check",
        "new",
        "fresh",
        "fresh2",
        "fresh3",
        "fresh4",
        "fresh5",
        "fresh6",
        "fresh7",
        "fresh8",
        "fresh9",
    }


def test_a_second_reading_covers_labelled_articles_and_mostly_agrees() -> None:
    # benchmarks/label_agreement.py: the ceiling two readers set for the targets.
    shipped = {(lab.source, lab.id): lab for lab in scoring.read_labels(LABELS)}
    second = scoring.read_labels(sorted((DATA / "second_reader").glob("labels_*.jsonl")))
    assert len(second) == 60 == len({(lab.source, lab.id) for lab in second})
    agreed = Tally()
    for lab in second:
        assert (lab.source, lab.id) in shipped
        assert set(lab.aliases_seen) <= set(lab.names)
        agreed.add(agreement(shipped[(lab.source, lab.id)], lab))
    # Measured (stop 21): P 0.91, R 0.98, 5 of 138 passing mentions made subjects.
    assert 0.85 <= agreed.precision < 1.0 and agreed.recall >= 0.9
    assert agreed.passing_alerts <= 8


@pytest.mark.skipif(not (SHARED / "eval" / "bbc_dev.jsonl").exists(), reason="no ../shared texts")
def test_dev_set_scores() -> None:
    labels = scoring.read_labels(LABELS)
    articles = scoring.load_texts(SHARED, labels)
    follow, alone = Tally(), Tally()
    for _label, f, a in scoring.tallies(build_matcher(), labels, articles):
        follow.add(f)
        alone.add(a)
    # Measured on the 765 labelled before "fresh6", "fresh7" and "fresh8" (49, 45 and 45 more,
    # held back) were added: P 0.88, R 0.83, 3.3 % alerting; registry only P 0.89, R 0.75. The
    # floors still hold over all 942 (with "fresh9", 38 more).
    assert follow.precision >= 0.82 and follow.recall >= 0.78
    assert follow.alert_share <= 0.05
    assert alone.precision >= 0.8 and alone.recall >= 0.65
