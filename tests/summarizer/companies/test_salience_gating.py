"""Salience runs a floor or cap rule only where it can change a score, and scores stay those
of running every rule (``salience._made`` and ``_capped``).

The rules are replaced by ones that return given sets, so every combination of a chance
(below the cap, between, at or above the makers' floor) with lifted or capped companies
is tried: the scores ``bounded`` gives from what the gated functions found must equal
those from the full sets. Where the cap rules were skipped in a story of several
companies, none may be a subject (then no list or venture rule can lift one).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection

import pytest

from summarizer.companies.aboutness import salience
from summarizer.companies.aboutness.compilers import bounded
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence

CHANCES = (0.1, 0.3, 0.45, 0.6, 0.9)  # below the cap, at it, between, at the floor, above
_PARTS = ["Headline", "Acme said. Brill said."]
_OCCS = [Occurrence(0, 1, 0, 4), Occurrence(1, 1, 11, 16)]
Rule = Callable[..., set[int]]


def _gives(found: Collection[int], calls: list[str], name: str) -> Rule:
    def rule(*_args: object, **_kwargs: object) -> set[int]:
        calls.append(name)
        return set(found)

    return rule


def _patch(
    monkeypatch: pytest.MonkeyPatch, floor: set[int], cap: set[int], rival: set[int]
) -> list[str]:
    """Every floor rule returns ``floor``, the compilers rule ``cap`` and rivals ``rival``."""
    calls: list[str] = []
    floors = tuple(_gives(floor, calls, f"floor{k}") for k in range(len(salience._FLOORS)))
    monkeypatch.setattr(salience, "_FLOORS", floors)
    for name, found in (("counterparts", floor), ("buyers", set()), ("rivals", rival)):
        monkeypatch.setattr(salience, name, _gives(found, calls, name))
    monkeypatch.setattr(salience, "compilers", _gives(cap, calls, "compilers"))
    monkeypatch.setattr(salience, "reporters", _gives(set(), calls, "reporters"))
    return calls


def _scores(chance: dict[int, float], made: set[int], capped: set[int]) -> dict[int, float]:
    return {e: bounded(p, e in made, e in capped) for e, p in chance.items()}


@pytest.mark.parametrize(
    ("p", "floor", "cap"), list(itertools.product(CHANCES, (set(), {0}), (set(), {0})))
)
def test_one_company_scores_as_with_every_rule(
    monkeypatch: pytest.MonkeyPatch, p: float, floor: set[int], cap: set[int]
) -> None:
    calls = _patch(monkeypatch, floor, cap, set())
    layout, chance = Layout(_PARTS), {0: p}
    made = salience._made(_OCCS[:1], layout, chance, set())
    capped = salience._capped(_OCCS[:1], layout, chance, made, set())
    assert _scores(chance, made, capped) == _scores(chance, floor, cap)
    # What was skipped: floor rules above the floor, and the second of each kind once
    # the first decided; cap rules below the cap for a company no rule lifted.
    assert ("floor0" in calls) == (p < salience.MAKER_SALIENCE)
    assert ("floor1" in calls) == (p < salience.MAKER_SALIENCE and not floor)
    assert ("compilers" in calls) == (p > 0.3 or bool(floor and p < salience.MAKER_SALIENCE))
    assert "reporters" not in calls or not cap


def test_a_low_company_lifted_and_capped_stays_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below the cap a lift counts unless a cap rule holds it: both are looked for then."""
    _patch(monkeypatch, {0}, {0}, set())
    layout, chance = Layout(_PARTS), {0: 0.1}
    made = salience._made(_OCCS[:1], layout, chance, set())
    assert _scores(chance, made, salience._capped(_OCCS[:1], layout, chance, made, set())) == {
        0: 0.1
    }


_SETS = (set(), {0}, {1}, {0, 1})


def test_several_companies_score_as_with_every_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    layout = Layout(_PARTS)
    for chances, floor, cap, rival in itertools.product(
        itertools.product(CHANCES, repeat=2), _SETS, _SETS, _SETS
    ):
        _patch(monkeypatch, floor, cap, rival)
        chance = dict(enumerate(chances))
        made = salience._made(_OCCS, layout, chance, set())
        capped = salience._capped(_OCCS, layout, chance, made, set())
        full_capped = cap | (rival - floor)
        assert made == floor
        scores = _scores(chance, made, capped)
        assert scores == _scores(chance, floor, full_capped)
        if capped != full_capped:  # skipped: no subject, so lists and ventures lift nobody
            assert all(s < salience.SUBJECT_SALIENCE for s in scores.values())
