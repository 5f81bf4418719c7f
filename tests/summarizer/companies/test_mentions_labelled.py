"""Subject detection against hand-labelled business stories (tests/summarizer/data).

Each article (wire copy, blogs, web pages with boilerplate, a recipe full of
traps) has a list of subject companies, passing mentions and companies that must
not be found. The figures are printed (``pytest -s``) and held to thresholds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seeds import companies_file, seed_article
from summarizer.companies.matcher import CompanyMatcher, CompanyMention, load_registry
from summarizer.text.clean import parse_article

DATA = Path(__file__).parent.parent / "data"
LABELS: dict[str, dict[str, list[str]]] = json.loads((DATA / "labels.json").read_text("utf-8"))


def _text(name: str) -> str:
    path = DATA / "articles" / name
    if path.exists():
        return path.read_text(encoding="utf-8")
    return seed_article().read_text(encoding="utf-8")  # the shipped seed, labelled too


@pytest.fixture(scope="module")
def results() -> dict[str, list[CompanyMention]]:
    matcher = CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))
    return {name: matcher.find(parse_article(_text(name))) for name in LABELS}


def test_there_are_enough_labelled_articles_in_several_styles() -> None:
    assert len(LABELS) >= 9
    assert len({label["style"] for label in LABELS.values()}) >= 4  # type: ignore[misc]


def test_subject_precision_and_recall(results: dict[str, list[CompanyMention]]) -> None:
    tp = fp = fn = 0
    for name, label in LABELS.items():
        predicted = {m.name for m in results[name] if m.subject}
        expected = set(label["subjects"])
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    print(f"\nsubjects: precision {precision:.2f} recall {recall:.2f} (tp={tp} fp={fp} fn={fn})")
    # The model is fitted on the dev set but its fresh sets (test_dev_set.py); these 25
    # older articles are held out from it.
    assert precision >= 0.9
    assert recall >= 0.85


def test_mention_recall_and_passing_mentions(results: dict[str, list[CompanyMention]]) -> None:
    found = missed = passing_as_subject = 0
    for name, label in LABELS.items():
        by_name = {m.name: m for m in results[name]}
        for company in label["subjects"] + label["passing"]:
            found += company in by_name
            missed += company not in by_name
        passing_as_subject += sum(
            1 for c in label["passing"] if c in by_name and by_name[c].subject
        )
    total_passing = sum(len(label["passing"]) for label in LABELS.values())
    print(
        f"\nmentions found {found}/{found + missed}; "
        f"passing mentions marked subject {passing_as_subject}/{total_passing}"
    )
    # Misses allowed: common-word names that only ever start a sentence ("Paramount+ went").
    assert found / (found + missed) >= 0.95
    assert passing_as_subject <= 1


@pytest.mark.parametrize("name", sorted(LABELS))
def test_nothing_from_boilerplate_or_traps(
    results: dict[str, list[CompanyMention]], name: str
) -> None:
    found = {m.name for m in results[name]}
    assert not found & set(LABELS[name]["absent"])
    subjects = [m for m in results[name] if m.subject]
    if LABELS[name]["subjects"]:
        assert results[name][0].name in LABELS[name]["subjects"]  # the subject ranks first
    assert all(s.salience >= p.salience for s in subjects for p in results[name] if not p.subject)
