"""How NewsRank's time grows with article length, next to sumy's TextRank.

    python benchmarks/bench_newsrank_speed.py [--words 500,2000,5000,20000,50000]

Long articles are made by joining distinct BBC dev articles (so no sentence is a
duplicate the splitter would drop). Prints the median of 5 runs of the
algorithm's ``select`` on the split article, the split itself, ``summarize()`` end
to end (and per 1,000 words: flat when linear), and sumy's TextRank ``select`` up to
5,000 words (it is quadratic; beyond that it takes seconds). A second table times
``summarize()`` on CNN/DM dev articles joined into one paragraph that lost its stops
(". ! ? ; :" removed: a transcript, a bad paste) and on picture captions glued without
their stops, the inputs the splitter's repairs work hardest on (until stop 29 splitting
glued lines was quadratic: 13 s for 70,000 words of captions).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared_data import eval_file

from summarizer import Article, build_document, get_algorithm
from summarizer.summarize import summarize

DATA = eval_file("bbc_dev.jsonl")
CNNDM = eval_file("cnndm_dev.jsonl")
TEXTRANK_MAX_WORDS = 5000


def long_article(words: int, rows: Sequence[dict]) -> Article:
    """Paragraphs of consecutive BBC articles until ``words`` words."""
    paragraphs: list[str] = []
    total = 0
    for row in rows:
        for paragraph in row["article"].split("\n\n"):
            if total >= words:
                return Article(f"{words} words", tuple(paragraphs))
            paragraph = paragraph.strip()
            if paragraph:
                paragraphs.append(paragraph)
                total += len(paragraph.split())
    return Article(f"{total} words", tuple(paragraphs))


def unpunctuated(words: int, rows: Sequence[dict]) -> Article:
    """Consecutive articles of ``rows`` until ``words`` words, as one paragraph with its
    sentence punctuation removed."""
    texts: list[str] = []
    total = 0
    for row in rows:
        if total >= words:
            break
        texts.append(row["article"])
        total += len(row["article"].split())
    text = re.sub(r"[.!?;:]+(?=\s|$)", "", " ".join(texts))
    return Article(f"{total} words without stops", (" ".join(text.split()[:words]),))


def glued_lines(words: int) -> Article:
    """Picture captions that lost their full stops, ``words`` words in one paragraph."""
    line = "the winger celebrates his goal with the fans at the stadium He scored twice in the half"
    count = words // len(line.split()) + 1
    return Article("", (" ".join(" ".join([line] * count).split()[:words]),))


def median_ms(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", default="500,2000,5000,20000,50000")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    newsrank, textrank = get_algorithm("newsrank"), get_algorithm("textrank")
    print(
        f"{'words':>7} {'sentences':>9} {'split ms':>9} {'newsrank ms':>12} "
        f"{'summarize ms':>12} {'per 1k words':>12} {'textrank ms':>12} {'ratio':>6}"
    )
    for words in (int(w) for w in args.words.split(",")):
        article = long_article(words, rows)
        doc = build_document(article)
        split = median_ms(lambda a=article: build_document(a), runs=3)
        ours = median_ms(lambda d=doc: newsrank.select(d, 3))
        total = median_ms(lambda a=article: summarize(a), runs=3)
        words_k = sum(len(p.split()) for p in article.paragraphs) / 1000
        if words <= TEXTRANK_MAX_WORDS:
            theirs = median_ms(lambda d=doc: textrank.select(d, 3), runs=3)
            rest = f"{theirs:>12.1f} {ours / theirs:>6.3f}"
        else:
            rest = f"{'(skipped)':>12} {'-':>6}"
        print(
            f"{words:>7} {len(doc.sentences):>9} {split:>9.1f} {ours:>12.2f} "
            f"{total:>12.1f} {total / words_k:>12.2f} {rest}"
        )
    print(
        f"\none paragraph, summarize ms (per 1k words)\n"
        f"{'words':>7} {'no stops':>16} {'glued lines':>16}"
    )
    stopless = [json.loads(line) for line in CNNDM.open(encoding="utf-8")]
    for words in (int(w) for w in args.words.split(",")):
        cells = []
        for article in (unpunctuated(words, stopless), glued_lines(words)):
            total = median_ms(lambda a=article: summarize(a), runs=3)
            cells.append(f"{total:.1f} ({total * 1000 / words:.2f})")
        print(f"{words:>7} {cells[0]:>16} {cells[1]:>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
