"""ROUGE scoring, the extractive oracle and the side-by-side evaluation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rouge_score import rouge_scorer

from summarizer import Article
from summarizer.evaluation.evaluate import EvalCase, evaluate, format_report
from summarizer.evaluation.rouge import RougeEvaluator, lcs_f1, mean_scores, ngram_f1
from summarizer.evaluation.sumy_pipeline import SumyPipeline

ARTICLE = (
    "Xiaomi will build electric cars with Great Wall Motor, sources told Reuters.",
    "The cars will be made at a Great Wall factory in Baoding, Hebei province.",
    "Xiaomi shares rose 9 per cent in Hong Kong trading on Tuesday.",
    "Founder Lei Jun has said hardware experience will speed up production.",
    "Analysts expect the first model to target a mass market of young buyers.",
)


@pytest.fixture(scope="module")
def evaluator() -> RougeEvaluator:
    return RougeEvaluator()


def test_identical_and_disjoint_texts(evaluator: RougeEvaluator) -> None:
    same = evaluator.score(ARTICLE[:2], ARTICLE[:2])
    assert same.rouge1 == same.rouge2 == same.rougeL == pytest.approx(1.0)
    none = evaluator.score(["Completely unrelated words here."], ["Xiaomi cars Baoding."])
    assert none.rouge1 == none.rouge2 == none.rougeL == 0.0


def test_stemming_is_on(evaluator: RougeEvaluator) -> None:
    # the, car(s), built match only after stemming: 3 of 4 words
    assert evaluator.score(["The cars were built"], ["The car was built"]).rouge1 == 0.75


tokens = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g"]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(tokens, tokens)
def test_fast_rouge_equals_rouge_score(cand: list[str], ref: list[str]) -> None:
    """The fast counts used for tuning and the oracle are rouge-score's exact figures."""
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])
    expected = scorer.score(" ".join(ref), " ".join(cand))
    assert ngram_f1(cand, ref, 1) == pytest.approx(expected["rouge1"].fmeasure)
    assert ngram_f1(cand, ref, 2) == pytest.approx(expected["rouge2"].fmeasure)
    assert lcs_f1(cand, ref) == pytest.approx(expected["rougeL"].fmeasure)


def test_oracle_finds_the_reference_sentences(evaluator: RougeEvaluator) -> None:
    reference = (ARTICLE[3], ARTICLE[1])
    assert sorted(evaluator.oracle(ARTICLE, reference, 2)) == [1, 3]
    # never more than asked, and it stops when nothing adds to the score
    assert evaluator.oracle(ARTICLE, (ARTICLE[2],), 3) == [2]
    assert evaluator.oracle((), reference, 3) == []


def test_mean_scores(evaluator: RougeEvaluator) -> None:
    one = evaluator.score(ARTICLE[:1], ARTICLE[:1])
    zero = evaluator.score(["zzz"], ARTICLE[:1])
    assert mean_scores([one, zero]).rouge1 == pytest.approx(0.5)
    assert mean_scores([]).rouge2 == 0.0


def test_evaluate_side_by_side() -> None:
    cases = [
        EvalCase(Article("Xiaomi to build cars", ARTICLE), (ARTICLE[2], ARTICLE[4], ARTICLE[3])),
        EvalCase(Article("Xiaomi cars", ARTICLE[::-1]), (ARTICLE[0], ARTICLE[1])),
        EvalCase(Article("Empty", ()), ("Nothing.",)),
    ]
    report = evaluate(cases, algorithms=["newsrank", "lead", "textrank"], sentences=2)
    rows = {r.name: r for r in report.results}
    assert list(rows) == ["newsrank", "lead", "textrank", "textrank-raw", "oracle"]
    assert report.skipped == 1
    assert all(r.articles == 2 for r in report.results)
    assert rows["lead"].lead_share == 1.0
    # the oracle is the ceiling on ROUGE-1 + ROUGE-2
    best = rows["oracle"].rouge.rouge1 + rows["oracle"].rouge.rouge2
    assert all(r.rouge.rouge1 + r.rouge.rouge2 <= best + 1e-9 for r in report.results)
    assert rows["newsrank"].ms > 0 and rows["newsrank"].words > 10
    assert report.speed_ratio is not None and report.speed_ratio > 0
    # sumy's own pipeline on the raw text: timed end to end, and it summarizes too
    raw = rows["textrank-raw"]
    assert raw.ms > 0 and raw.total_ms == raw.ms and raw.words > 10 and raw.rouge.rouge1 > 0
    assert report.pipeline_ratio is not None and report.pipeline_ratio > 0
    table = format_report(report, default="newsrank")
    assert "newsrank*" in table and "oracle" in table and "R-L" in table
    assert "newsrank / textrank time" in table
    assert "newsrank summarize() / textrank-raw time" in table


def test_sumy_pipeline_runs_on_raw_text() -> None:
    """What a sumy user runs: the raw text in, sentences of that text out."""
    pipeline = SumyPipeline()
    picked, ms = pipeline("\n\n".join(ARTICLE), 2)
    assert len(picked) == 2 and all(s in ARTICLE for s in picked) and ms > 0
