"""Side-by-side evaluation: every algorithm on every article, scored with ROUGE.

What ``newsbot eval`` runs and prints. Summaries are ``summarize()``'s, exactly what a
reader gets; the greedy oracle and sumy's own TextRank pipeline are extra rows.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer.article import Article
from summarizer.evaluation.rouge import RougeEvaluator, RougeScores, mean_scores
from summarizer.evaluation.sumy_pipeline import PIPELINE, SumyPipeline

if TYPE_CHECKING:
    from summarizer.algorithms.base import Algorithm, Document


@dataclass(frozen=True, slots=True)
class SystemResult:
    """One row of an evaluation table: a summarizer's mean figures over a data set."""

    name: str
    rouge: RougeScores
    words: float  # mean words per summary
    ms: float  # median milliseconds per article of the algorithm itself
    articles: int
    lead_share: float = 0.0  # share of summaries that keep the article's first sentence
    total_ms: float = 0.0  # median summarize() time end to end (splitting included)


@dataclass(frozen=True, slots=True)
class EvalCase:
    """An article and its reference summary sentences."""

    article: Article
    reference: tuple[str, ...]
    source: str = ""  # the outlet, when the data set says (figures are given per outlet)


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Everything ``newsbot eval`` prints: one row per system, oracle last."""

    results: tuple[SystemResult, ...]
    sentences: int
    skipped: int  # cases without a sentence to pick
    speed_ratio: float | None  # median over articles of default / textrank select time
    split_ms: float  # median time to split an article (shared by every algorithm)
    # median over articles of default's summarize() / sumy's own TextRank pipeline time
    pipeline_ratio: float | None = None
    # per system, per article (R-1, R-2, R-L, R-Lsum), in case order (for intervals)
    per_article: dict[str, tuple[RougeScores, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # outlet of each scored case ("" when unknown)
    reference_words: float = 0.0  # mean words per reference summary


@dataclass
class _Tally:
    scores: list[RougeScores] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)
    total_ms: list[float] = field(default_factory=list)
    leads: int = 0

    def add(
        self, evaluator: RougeEvaluator, summary: Sequence[str], case: EvalCase, first: str
    ) -> None:
        self.scores.append(evaluator.score(summary, case.reference))
        self.words.append(sum(len(s.split()) for s in summary))
        self.leads += first in summary

    def result(self, name: str) -> SystemResult:
        return SystemResult(
            name,
            mean_scores(self.scores),
            statistics.fmean(self.words or [0]),
            _median(self.ms),
            len(self.scores),
            self.leads / max(len(self.scores), 1),
            _median(self.total_ms),
        )


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def evaluate(
    cases: Iterable[EvalCase],
    *,
    algorithms: Sequence[str],
    sentences: int = 3,
    oracle: bool = True,
    default: str | None = None,
    evaluator: RougeEvaluator | None = None,
    progress: Callable[[list[EvalCase]], Iterable[EvalCase]] | None = None,
) -> EvalReport:
    """Summarize every case with every algorithm, side by side (article by
    article, so machine noise hits all alike), and score them.

    The summaries are ``summarize()``'s, exactly what a reader gets. ``ms`` is the
    algorithm's own ``select`` on the split article, timed separately (the split
    is shared by all, ``split_ms``); ``total_ms`` is ``summarize()`` end to end.
    ``speed_ratio`` compares ``default``'s select time with textrank's. With
    textrank among ``algorithms``, row ``textrank-raw`` is sumy's own pipeline on
    the raw text (``SumyPipeline``) and ``pipeline_ratio`` compares ``default``'s
    ``summarize()`` time with it.
    """
    from summarizer.algorithms import DEFAULT_ALGORITHM, get_algorithm
    from summarizer.summarize import build_document

    run = _Run(
        evaluator=evaluator or RougeEvaluator(),
        algos={name: get_algorithm(name) for name in algorithms},
        sentences=sentences,
        default=default or DEFAULT_ALGORITHM,
        oracle=oracle,
    )
    items = list(cases)
    for case in progress(items) if progress else items:
        started = time.perf_counter()
        doc = build_document(case.article)
        run.splits.append(_ms_since(started))
        if doc.sentences:
            run.add(case, doc)
        else:
            run.skipped += 1
    return run.report()


class _Run:
    """The tallies of one evaluation, filled article by article."""

    def __init__(
        self,
        *,
        evaluator: RougeEvaluator,
        algos: dict[str, Algorithm],
        sentences: int,
        default: str,
        oracle: bool,
    ) -> None:
        self.evaluator, self.algos, self.sentences = evaluator, algos, sentences
        self.default, self.oracle = default, oracle
        self.pipeline = SumyPipeline() if "textrank" in algos else None
        rows = [n for name in algos for n in (name, *([PIPELINE] if name == "textrank" else []))]
        self.tallies = {name: _Tally() for name in (*rows, *(["oracle"] if oracle else []))}
        self.ratios: list[float] = []
        self.pipe_ratios: list[float] = []
        self.splits: list[float] = []
        self.sources: list[str] = []
        self.ref_words: list[int] = []
        self.skipped = 0

    def add(self, case: EvalCase, doc: Document) -> None:
        """Summarize one split article with every system and score the summaries."""
        self.sources.append(case.source)
        self.ref_words.append(sum(len(s.split()) for s in case.reference))
        first = doc.sentences[0]
        for name, algo in self.algos.items():
            self._algorithm(name, algo, case, doc)
        if self.oracle:
            best = sorted(self.evaluator.oracle(doc.sentences, case.reference, self.sentences))
            picked = [doc.sentences[i] for i in best]
            self.tallies["oracle"].add(self.evaluator, picked, case, first)
        if self.pipeline is not None:
            chosen, ms = self.pipeline(case.article.body, self.sentences)
            self.tallies[PIPELINE].ms.append(ms)
            self.tallies[PIPELINE].total_ms.append(ms)
            self.tallies[PIPELINE].add(self.evaluator, chosen, case, first)
        self._compare_speed()

    def _compare_speed(self) -> None:
        # Ratios per article, both timed in the same moment, so machine noise cancels out.
        if self.default not in self.algos or "textrank" not in self.algos:
            return
        default, textrank = self.tallies[self.default], self.tallies["textrank"]
        if textrank.ms[-1] > 0:
            self.ratios.append(default.ms[-1] / textrank.ms[-1])
            self.pipe_ratios.append(default.total_ms[-1] / self.tallies[PIPELINE].ms[-1])

    def _algorithm(self, name: str, algo: Algorithm, case: EvalCase, doc: Document) -> None:
        # The summary a reader gets, timed end to end; then the algorithm alone, on the split.
        from summarizer.summarize import summarize

        tally = self.tallies[name]
        started = time.perf_counter()
        summary = summarize(case.article, sentences=self.sentences, algorithm=name)
        tally.total_ms.append(_ms_since(started))
        started = time.perf_counter()
        algo.select(doc, self.sentences)
        tally.ms.append(_ms_since(started))
        tally.add(self.evaluator, summary.sentences, case, doc.sentences[0])

    def report(self) -> EvalReport:
        """The figures of every system, and the speed ratios' medians."""
        return EvalReport(
            tuple(t.result(name) for name, t in self.tallies.items()),
            self.sentences,
            self.skipped,
            statistics.median(self.ratios) if self.ratios else None,
            _median(self.splits),
            statistics.median(self.pipe_ratios) if self.pipe_ratios else None,
            per_article={name: tuple(t.scores) for name, t in self.tallies.items()},
            sources=tuple(self.sources),
            reference_words=statistics.fmean(self.ref_words) if self.ref_words else 0.0,
        )


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def format_report(report: EvalReport, *, default: str) -> str:
    """The report as a plain-text table (ROUGE x100; ``*`` marks the default)."""
    lines = [
        f"{'algorithm':<12} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'R-Lsum':>6} {'words':>6} "
        f"{'1st%':>5} "
        f"{'ms/article':>10} {'total ms':>9}",
    ]
    for r in report.results:
        label = f"{r.name}*" if r.name == default else r.name
        ms = ("-", "-") if r.name == "oracle" else (f"{r.ms:.2f}", f"{r.total_ms:.2f}")
        lines.append(
            f"{label:<12} {100 * r.rouge.rouge1:>6.1f} {100 * r.rouge.rouge2:>6.1f} "
            f"{100 * r.rouge.rougeL:>6.1f} {100 * r.rouge.rougeLsum:>6.1f} {r.words:>6.1f} "
            f"{100 * r.lead_share:>5.0f} "
            f"{ms[0]:>10} {ms[1]:>9}"
        )
    count = report.results[0].articles if report.results else 0
    lines.append(
        f"{'reference':<12} {'':>6} {'':>6} {'':>6} {'':>6} {report.reference_words:>6.1f}"
    )
    lines += [
        f"{count} articles, {report.sentences} sentences; ROUGE F1 x100 (rouge-score, Porter "
        "stemming); words = per summary; 1st% = summaries keeping the first sentence;",
        f"ms/article = median time of the algorithm on the split article (splitting: "
        f"{report.split_ms:.2f} ms, shared); total ms = median summarize() time end to end;",
    ]
    if any(r.name == "oracle" for r in report.results):
        lines.append("oracle = greedy extractive ceiling (best R-1 + R-2 against the reference).")
    if any(r.name == PIPELINE for r in report.results):
        lines.append(
            f"{PIPELINE} = sumy's own TextRank pipeline on the raw article text "
            "(PlaintextParser + NewsTokenizer, Stemmer, stop words), parsing included."
        )
    if report.skipped:
        lines.append(f"{report.skipped} articles without sentences were skipped.")
    if report.speed_ratio is not None:
        lines.append(
            f"{default} / textrank time: {report.speed_ratio:.3f} (algorithm on the "
            "split article; median of per-article ratios, same run)."
        )
    if report.pipeline_ratio is not None:
        lines.append(
            f"{default} summarize() / {PIPELINE} time: {report.pipeline_ratio:.3f} "
            "(end to end; median of per-article ratios, same run)."
        )
    return "\n".join(lines)
