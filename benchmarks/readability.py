"""How readable are the default's summaries? Dangling openers and runaway sentences.

    python benchmarks/readability.py [DATA.jsonl ...] [--sentences 3] [--limit K]

Per data set (any ``newsbot eval`` format): the share of summaries whose first
sentence opens on a dangling word ("However", "It", "They", ...) while the
sentence before it in the article is not in the summary, the same counting every
dangling opener (also the article's own first sentence: nothing comes before
it), the share of summaries holding a sentence over 60 words, the share holding a
lead-in that ends on a colon ("Here are five things to know:", whose list the summary
leaves out), and the mean summary length in words beside the reference's.
``--examples N`` prints the first N summaries opening on a dangling word and the
commonest such words.

    python benchmarks/readability.py --company-focus [DATA.jsonl ...] [--examples N]

measures summaries focused on each story's first three companies instead (alerts,
/news, ``--company``; see readability_focus.py), by default on bbc_dev, cnndm_dev and
the Wikinews corpus.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.cli.eval import read_cases
from summarizer.algorithms.openers import opening_word, opens_dangling
from summarizer.summarize import LEAD_IN, build_document, summarize
from summarizer.text.quotes import balance_quotes

SHARED = next(
    (
        p / "shared" / "eval"
        for p in Path(__file__).resolve().parents[1:4]
        if (p / "shared" / "eval").is_dir()
    ),
    Path("../shared/eval"),
)
DEFAULT_DATA = [SHARED / "cnndm_dev.jsonl", SHARED / "bbc_dev.jsonl"]
WIKINEWS = SHARED.parent / "corpus" / "wikinews.jsonl"
LONG = 60


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="*", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--algorithm", default=None)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument(
        "--company-focus", action="store_true", help="summaries focused on each story's companies"
    )
    parser.add_argument(
        "--no-aliases",
        action="store_true",
        help="with --company-focus: the name alone (no other names known)",
    )
    args = parser.parse_args()
    if args.company_focus:
        return company_focus(args)
    print(
        f"{'data':<18} {'articles':>8} {'dangling %':>10} {'any dangling %':>14} "
        f"{'>60 words %':>11} {'lead-in %':>9} {'words':>6} {'ref words':>9}"
    )
    for path in args.data:
        cases = list(read_cases(path, limit=args.limit))
        dangling = loose = long = lead_in = words = ref_words = 0
        openers: Counter[tuple[str, int]] = Counter()
        for case in cases:
            doc = build_document(case.article)
            shown = [balance_quotes(s) for s in doc.sentences]  # as summaries show them
            summary = summarize(
                case.article, sentences=args.sentences, algorithm=args.algorithm
            ).sentences
            first = shown.index(summary[0])
            opens = opens_dangling(summary[0])
            loose += opens
            dangling += opens and first > 0 and shown[first - 1] not in summary
            long += any(len(s.split()) > LONG for s in summary)
            lead_in += any(LEAD_IN.search(s) for s in summary)
            words += sum(len(s.split()) for s in summary)
            ref_words += sum(len(s.split()) for s in case.reference)
            if opens and sum(openers.values()) < args.examples:
                print(f"  [{first}] {summary[0][:110]}")
            openers[(opening_word(summary[0]), first)] += opens
        n = max(len(cases), 1)
        print(
            f"{path.name:<18} {len(cases):>8} {100 * dangling / n:>10.1f} "
            f"{100 * loose / n:>14.1f} {100 * long / n:>11.1f} {100 * lead_in / n:>9.1f} "
            f"{words / n:>6.1f} "
            f"{ref_words / n:>9.1f}"
        )
        if args.examples:
            common = ", ".join(f"{w}@{i}: {c}" for (w, i), c in openers.most_common(12) if c)
            print(f"  dangling openers (word@sentence index): {common}")
    return 0


def company_focus(args: argparse.Namespace) -> int:
    """The --company-focus table (readability_focus.py)."""
    from readability_focus import HEADER, measure

    from bot.cli.companies import build_matcher

    paths = args.data if args.data != DEFAULT_DATA else [*DEFAULT_DATA, WIKINEWS]
    matcher = build_matcher()
    rows = []
    for path in paths:
        tally = measure(
            path,
            matcher,
            sentences=args.sentences,
            limit=args.limit,
            examples=args.examples,
            aliases=not args.no_aliases,
        )
        rows.append(tally.row(path.stem))
        if args.examples:
            common = ", ".join(f"{w}: {c}" for w, c in tally.openers.most_common(12))
            print(f"  dangling openers: {common}")
    print(HEADER, *rows, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
