"""Scoring summaries against reference summaries (pure: no file reading).

ROUGE-1/2/L F1 come from Google's ``rouge-score`` package with Porter stemming,
the figures papers quote. ``RougeEvaluator.oracle`` is the greedy extractive
oracle: the sentences of the article that best match the reference, i.e. the
ceiling of any extractive summarizer at that length.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rouge_score import rouge_scorer, tokenizers

from summarizer.article import Article


@dataclass(frozen=True, slots=True)
class RougeScores:
    """ROUGE F1 values in [0, 1]."""

    rouge1: float
    rouge2: float
    rougeL: float
    rougeLsum: float = 0.0  # LCS per summary sentence (the figure CNN/DM papers quote)

    def as_tuple(self) -> tuple[float, float, float, float]:
        """(R-1, R-2, R-L, R-Lsum)."""
        return (self.rouge1, self.rouge2, self.rougeL, self.rougeLsum)


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


def ngram_f1(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 of two token sequences (same counting as rouge-score)."""
    cand = Counter(zip(*(candidate[i:] for i in range(n)), strict=False))
    ref = Counter(zip(*(reference[i:] for i in range(n)), strict=False))
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(cand.values())
    recall = overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def lcs_f1(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 (one sequence each, as rouge-score's ``rougeL``).

    Bit-parallel LCS (Hyyrö 2004): one big-integer step per candidate token
    instead of the quadratic table, same result.
    """
    if not candidate or not reference:
        return 0.0
    masks: dict[str, int] = {}
    for i, token in enumerate(reference):
        masks[token] = masks.get(token, 0) | (1 << i)
    full = (1 << len(reference)) - 1
    v = full
    for token in candidate:
        u = v & masks.get(token, 0)
        v = ((v + u) | (v - u)) & full
    lcs = len(reference) - v.bit_count()
    if not lcs:
        return 0.0
    precision, recall = lcs / len(candidate), lcs / len(reference)
    return 2 * precision * recall / (precision + recall)


def mean_scores(scores: Iterable[RougeScores]) -> RougeScores:
    """The mean of each ROUGE figure (zeros for an empty input)."""
    items = list(scores)
    if not items:
        return RougeScores(0.0, 0.0, 0.0)
    count = len(items)
    return RougeScores(
        sum(s.rouge1 for s in items) / count,
        sum(s.rouge2 for s in items) / count,
        sum(s.rougeL for s in items) / count,
        sum(s.rougeLsum for s in items) / count,
    )


class RougeEvaluator:
    """ROUGE-1/2/L F1 with stemming, and the greedy extractive oracle."""

    def __init__(self) -> None:
        self._scorer = rouge_scorer.RougeScorer(
            ["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True
        )
        self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    def score(self, summary: Sequence[str], reference: Sequence[str]) -> RougeScores:
        """F1 of a summary (its sentences) against a reference (its sentences)."""
        # Newlines are ignored by every figure but R-Lsum, which splits on them.
        result = self._scorer.score("\n".join(reference), "\n".join(summary))
        return RougeScores(
            result["rouge1"].fmeasure,
            result["rouge2"].fmeasure,
            result["rougeL"].fmeasure,
            result["rougeLsum"].fmeasure,
        )

    def tokens(self, text: str) -> list[str]:
        """rouge-score's tokens of ``text`` (lower case, stemmed)."""
        return list(self._tokenizer.tokenize(text))

    def oracle(self, sentences: Sequence[str], reference: Sequence[str], count: int) -> list[int]:
        """Greedy oracle: up to ``count`` sentence indices maximising ROUGE-1 + ROUGE-2 F1.

        Stops early when no further sentence raises the score (the usual
        definition); indices are in the order they were picked.
        """
        ref = self.tokens(" ".join(reference))
        toks = [self.tokens(s) for s in sentences]
        picked: list[int] = []
        best = 0.0
        for _ in range(min(count, len(sentences))):
            choice, choice_score = -1, best
            for i in range(len(sentences)):
                if i in picked:
                    continue
                cand = [t for j in sorted([*picked, i]) for t in toks[j]]
                value = ngram_f1(cand, ref, 1) + ngram_f1(cand, ref, 2)
                if value > choice_score:
                    choice, choice_score = i, value
            if choice < 0:
                break
            picked.append(choice)
            best = choice_score
        return picked


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


PIPELINE = "textrank-raw"


class SumyPipeline:
    """sumy's TextRank as a sumy user runs it on the raw article text:
    ``PlaintextParser.from_string(text, NewsTokenizer())`` and
    ``TextRankSummarizer(Stemmer)`` with sumy's stop words (parsing included)."""

    def __init__(self, language: str = "english") -> None:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        self.language = language
        self._summarizer = TextRankSummarizer(Stemmer(language))
        self._summarizer.stop_words = get_stop_words(language)

    def __call__(self, text: str, count: int) -> tuple[tuple[str, ...], float]:
        """The picked sentences and the milliseconds it took, end to end."""
        from sumy.parsers.plaintext import PlaintextParser

        from summarizer.text.split import NewsTokenizer

        started = time.perf_counter()
        parser = PlaintextParser.from_string(text, NewsTokenizer(self.language))
        picked = self._summarizer(parser.document, count)
        elapsed = (time.perf_counter() - started) * 1000
        return tuple(str(s) for s in picked), elapsed


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
    from summarizer.summarize import build_document, summarize

    default = default or DEFAULT_ALGORITHM
    evaluator = evaluator or RougeEvaluator()
    algos = {name: get_algorithm(name) for name in algorithms}
    pipeline = SumyPipeline() if "textrank" in algos else None
    rows = [n for name in algorithms for n in (name, *([PIPELINE] if name == "textrank" else []))]
    tallies = {name: _Tally() for name in (*rows, *(["oracle"] if oracle else []))}
    ratios: list[float] = []
    pipe_ratios: list[float] = []
    splits: list[float] = []
    sources: list[str] = []
    ref_words: list[int] = []
    skipped = 0
    items = list(cases)
    for case in progress(items) if progress else items:
        started = time.perf_counter()
        doc = build_document(case.article)
        splits.append((time.perf_counter() - started) * 1000)
        if not doc.sentences:
            skipped += 1
            continue
        sources.append(case.source)
        ref_words.append(sum(len(s.split()) for s in case.reference))
        for name, algo in algos.items():
            started = time.perf_counter()
            summary = summarize(case.article, sentences=sentences, algorithm=name)
            tallies[name].total_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            algo.select(doc, sentences)
            tallies[name].ms.append((time.perf_counter() - started) * 1000)
            tallies[name].add(evaluator, summary.sentences, case, doc.sentences[0])
        if oracle:
            best = sorted(evaluator.oracle(doc.sentences, case.reference, sentences))
            tallies["oracle"].add(
                evaluator, [doc.sentences[i] for i in best], case, doc.sentences[0]
            )
        if pipeline is not None:
            chosen, ms = pipeline(case.article.body, sentences)
            tallies[PIPELINE].ms.append(ms)
            tallies[PIPELINE].total_ms.append(ms)
            tallies[PIPELINE].add(evaluator, chosen, case, doc.sentences[0])
        if default in algos and "textrank" in algos and tallies["textrank"].ms[-1] > 0:
            ratios.append(tallies[default].ms[-1] / tallies["textrank"].ms[-1])
            pipe_ratios.append(tallies[default].total_ms[-1] / tallies[PIPELINE].ms[-1])
    results = tuple(t.result(name) for name, t in tallies.items())
    ratio = statistics.median(ratios) if ratios else None
    pipe_ratio = statistics.median(pipe_ratios) if pipe_ratios else None
    return EvalReport(
        results,
        sentences,
        skipped,
        ratio,
        _median(splits),
        pipe_ratio,
        per_article={name: tuple(t.scores) for name, t in tallies.items()},
        sources=tuple(sources),
        reference_words=statistics.fmean(ref_words) if ref_words else 0.0,
    )


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
        "oracle = greedy extractive ceiling (best R-1 + R-2 against the reference).",
    ]
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
