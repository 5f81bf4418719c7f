"""The dev evaluations NewsRank's scorer is chosen on, and their baselines (cached).

Four views of the shared dev data (``../shared/eval``), each a list of
(article, reference sentences):

* ``cnndm``      — cnndm_dev as it is: untitled, one paragraph, human highlights;
* ``cnndm_para`` — the same articles cut into paragraphs of 3 sentences (format check);
* ``bbc_head``   — bbc_dev without its headline, the headline as the one-line
  reference (a human-written one-sentence summary, XSum-like);
* ``bbc``        — bbc_dev with its headline, machine-picked reference sentences;
* ``bbc_lede``   — bbc_dev untitled, its first sentence cut off and used as the one-line
  reference (how XSum was built: the writer's own lede summarises the rest);
* ``wn_head`` and ``wn_lede`` — the same two views of the Wikinews sample corpus
  (``../shared/corpus``), a third outlet.

``baselines(name)`` scores Lead-3 and every sumy algorithm per article (R-1, R-2,
R-L F1 with rouge-score's stemmed tokens) through the real ``summarize()`` path
and caches the arrays in ``$NEWSBOT_CACHE`` (default /tmp/newsbot-bench-cache):
sumy takes minutes on all articles, the scorer is refitted many times.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarizer.algorithms.sumy_algorithms import SUMY_NAMES
from summarizer.article import Article
from summarizer.evaluation.lede import lede_cases
from summarizer.evaluation.rouge import RougeEvaluator, lcs_f1, ngram_f1
from summarizer.summarize import summarize
from summarizer.text.clean import article_from_parts
from summarizer.text.split import NewsTokenizer

SHARED = next(
    (
        p / "shared" / "eval"
        for p in Path(__file__).resolve().parents[2:5]
        if (p / "shared" / "eval").is_dir()
    ),
    Path("../shared/eval"),
)
CACHE = Path(os.environ.get("NEWSBOT_CACHE", "/tmp/newsbot-bench-cache"))
VIEWS = ("cnndm", "bbc_head", "bbc", "bbc_lede", "wn_head", "wn_lede", "cnndm_para")
BASELINES = ("lead", *(n for n in SUMY_NAMES if n != "random"))
COUNT = 3
Case = tuple[Article, tuple[str, ...]]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _reference(row: dict) -> tuple[str, ...]:
    if "summary_sentences" in row:
        return tuple(row["summary_sentences"])
    return tuple(s.strip() for s in str(row["summary"]).split("\n") if s.strip())


def _paragraphed(text: str, every: int = 3) -> str:
    """``text`` cut into paragraphs of ``every`` sentences (as the splitter sees them)."""
    sentences = NewsTokenizer().to_sentences(text)  # raw: a dateline stays in place
    chunks = [sentences[i : i + every] for i in range(0, len(sentences), every)]
    return "\n\n".join(" ".join(chunk) for chunk in chunks)


def _lede_cases(rows: list[dict]) -> list[Case]:
    return [(article, (lede,)) for article, lede in lede_cases(r["article"] for r in rows)]


def load(view: str, limit: int | None = None) -> list[Case]:
    """The (article, reference) pairs of one view."""
    if view.startswith("wn"):
        rows = _rows(SHARED.parent / "corpus" / "wikinews.jsonl")[:limit]
        if view == "wn_lede":
            return _lede_cases(rows)
        return [(article_from_parts("", r["article"]), (r["title"],)) for r in rows]
    name = "bbc_dev.jsonl" if view.startswith("bbc") else "cnndm_dev.jsonl"
    rows = _rows(SHARED / name)[:limit]
    if view == "bbc_lede":
        return _lede_cases(rows)
    if view == "cnndm":
        return [(article_from_parts("", r["article"]), _reference(r)) for r in rows]
    if view == "cnndm_para":
        return [(article_from_parts("", _paragraphed(r["article"])), _reference(r)) for r in rows]
    if view == "bbc_head":
        return [(article_from_parts("", r["article"]), (r["title"],)) for r in rows]
    return [(article_from_parts(r["title"], r["article"]), _reference(r)) for r in rows]


def score(
    evaluator: RougeEvaluator, summary: Sequence[str], reference: Sequence[str]
) -> np.ndarray:
    """(R-1, R-2, R-L) F1 in [0, 1], as rouge-score computes them."""
    cand = evaluator.tokens(" ".join(summary))
    ref = evaluator.tokens(" ".join(reference))
    return np.array([ngram_f1(cand, ref, 1), ngram_f1(cand, ref, 2), lcs_f1(cand, ref)])


def baselines(view: str, cases: Sequence[Case]) -> dict[str, np.ndarray]:
    """Per-article (R-1, R-2, R-L) of Lead-3 and every sumy algorithm (cached)."""
    path = CACHE / f"{view}-{len(cases)}.npz"
    if path.exists():
        return dict(np.load(path))
    evaluator = RougeEvaluator()
    out = {}
    for name in BASELINES:
        out[name] = np.array(
            [
                score(evaluator, summarize(a, sentences=COUNT, algorithm=name).sentences, ref)
                for a, ref in cases
            ]
        )
        print(f"  {view}: {name} {100 * out[name].mean(axis=0).round(4)}", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, **out)
    return out


if __name__ == "__main__":
    for v in sys.argv[1:] or VIEWS:
        baselines(v, load(v))
