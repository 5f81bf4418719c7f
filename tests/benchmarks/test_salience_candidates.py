"""The candidate salience features of issue 13's feature round and the pre-registered rule
that judged them (benchmarks/salience_candidates.py, benchmarks/cv_salience_features.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from cv_salience_features import verdict  # type: ignore[import-not-found]
from salience_candidates import (  # type: ignore[import-not-found]
    extras,
    in_quotes,
    possessive,
    quote_spans,
)

from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence
from summarizer.companies.evaluate import Tally

PARTS = [
    "Acme profits jump 20%",
    "Acme's profits rose 20% to £2.1bn, the firm said. Bolt and Crane also reported.",
    '"We think Delta will struggle," said an analyst. Bolt sales fell.',
    "Crane declined to comment. Acme shares rose. Echo was not affected.",
]


def occurrences(name: str, entry: int) -> list[Occurrence]:
    """Every occurrence of ``name`` in ``PARTS`` as company ``entry``."""
    found = []
    for p, text in enumerate(PARTS):
        start = text.find(name)
        while start >= 0:
            found.append(Occurrence(entry, p, start, start + len(name)))
            start = text.find(name, start + 1)
    return found


def features() -> dict[int, dict[str, float]]:
    names = ["Acme", "Bolt", "Crane", "Delta", "Echo"]
    occs = [o for e, n in enumerate(names) for o in occurrences(n, e)]
    return extras(sorted(occs, key=lambda o: (o.part, o.start)), Layout(PARTS))


def test_quotes_open_and_close_and_a_quote_left_open_runs_on() -> None:
    text = 'He said "Acme" and “Bolt” then "Crane'
    marks = quote_spans(text)
    inside = [in_quotes(marks, text.find(w)) for w in ("said", "Acme", "and", "Bolt", "then")]
    assert inside == [False, True, False, True, False]
    assert in_quotes(marks, text.find("Crane"))


def test_possessives_with_and_without_the_s() -> None:
    assert possessive("Acme's profits", 4)
    assert possessive("Barclays' bid", 8)
    assert not possessive("Acme said", 4)


def test_features_of_invented_story() -> None:
    f = features()
    acme, bolt, crane, delta, echo = (f[e] for e in range(5))
    assert acme["possessor"] == 1.0 and bolt["possessor"] == 0.0
    # Acme's headline and first sentence carry figures, its last sentence none.
    assert acme["figure"] == 2 / 3 and bolt["figure"] == 0.0
    assert delta["quoted"] == 1.0 and delta["quoted_only"] == 1.0 and acme["quoted_only"] == 0.0
    # Acme (3 mentions), Bolt and Crane (2 each) are peers; Delta and Echo are named once.
    assert acme["peers"] == bolt["peers"] == crane["peers"] > 0 == delta["peers"]
    assert echo["late_only"] == 1.0 and crane["late_only"] == 0.0
    assert delta["front"] > 0 > echo["front"]


def tally(tp: int, fp: int, fn: int, alerts: int) -> tuple[Tally, Tally]:
    follow = Tally(articles=10, tp=tp, fp=fp, fn=fn, passing=50, passing_alerts=alerts)
    return follow, Tally(articles=10, tp=tp, fp=fp, fn=fn)


def schemes(splits: list[tuple[int, int, int, int]]) -> dict[str, dict[str, tuple[Tally, Tally]]]:
    by_split = {f"s{k}": tally(*t) for k, t in enumerate(splits)}
    return {"5 folds by article": {"f0": tally(*splits[0])}, "one split left out": by_split}


def test_rule_needs_more_better_splits_than_worse_and_no_pooled_loss() -> None:
    base = schemes([(10, 2, 2, 1)] * 9)
    same = schemes([(10, 2, 2, 1)] * 9)
    assert not verdict(same, base)[0]  # ties everywhere: never better on a split
    better = schemes([(10, 1, 2, 0), (11, 2, 1, 1), *[(10, 2, 2, 1)] * 6, (10, 2, 3, 1)])
    assert verdict(better, base)[0]
    losing_recall = schemes([(10, 1, 2, 0), (10, 1, 2, 0), *[(10, 2, 2, 1)] * 6, (9, 2, 3, 1)])
    assert not verdict(losing_recall, base)[0]  # pooled recall lower: fails
