"""List every company-detection error on the labelled dev set, one line each.

    python benchmarks/company_errors.py [--data ../shared] [--mode followed|registry|both]
        [--held-back SPLIT,SPLIT]

Errors: FP-mention (a labelled passing mention marked subject), FP-unlabelled (a
company nobody labelled marked subject), FN-lowsal (a labelled subject found with
salience below the threshold), FN-notfound (a labelled subject not found at all).
Followed = every labelled name followed (as ``newsbot companies --score``).
The held-back splits (``--held-back``, default fresh7, fresh8 and fresh9) are left out, so rules are
never written from the articles that measure whether they carry over.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.companies import build_matcher
from bot.cli.scoring import default_data_dir, load_texts, read_labels
from bot.services.registry import followed_entries
from summarizer.companies.evaluate import Labelled, name_key
from summarizer.companies.matcher import CompanyMatcher

REPO = Path(__file__).resolve().parents[1]
LABELS = sorted((REPO / "tests/summarizer/companies/data").glob("labels_*.jsonl"))


def errors(label: Labelled, matcher: CompanyMatcher, article: object) -> list[str]:
    """One line per error in one article."""
    found = matcher.find(article)  # type: ignore[arg-type]
    keys = {n: label.keys(n) for n in label.names}
    hit: dict[str, float] = {}
    out = []
    for m in found:
        mine = matcher.keys_of(m.name) | {name_key(m.name)}
        labelled = [n for n, k in keys.items() if k & mine]
        subj = [n for n in labelled if n in label.subjects]
        for n in subj:
            hit[n] = max(hit.get(n, 0.0), m.salience)
        if m.subject and not subj:
            kind = "FP-mention" if labelled else "FP-unlabelled"
            out.append(f"{kind:<14} {m.salience:.2f} {m.name} (n={m.mentions})")
    for n in label.subjects:
        if n not in hit:
            out.append(f"{'FN-notfound':<14} ---- {n} {label.aliases_seen.get(n, ())}")
        elif hit[n] < 0.5:
            out.append(f"{'FN-lowsal':<14} {hit[n]:.2f} {n}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--mode", choices=("followed", "registry", "both"), default="both")
    parser.add_argument("--held-back", default="fresh7,fresh8,fresh9", help="splits left out")
    args = parser.parse_args()
    held_back = set(args.held_back.split(","))
    labels = [label for label in read_labels(LABELS) if label.split not in held_back]
    articles = load_texts(args.data, labels)
    base = build_matcher()
    for label in labels:
        article = articles[(label.source, label.id)]
        modes = []
        if args.mode in ("followed", "both"):
            # As the scorer follows them (``--also NAME``, ``/subscribe NAME``).
            modes.append(("F", base.with_entries(followed_entries(base, label.names)[0])))
        if args.mode in ("registry", "both"):
            modes.append(("R", base))
        for tag, matcher in modes:
            for line in errors(label, matcher, article):
                print(f"{tag} {label.split:<5} {label.source}/{label.id[:24]:<24} {line}")


if __name__ == "__main__":
    main()
