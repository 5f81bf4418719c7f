"""How far two careful readers agree on which companies a story is about.

    python benchmarks/label_agreement.py [--data ../shared]

``tests/summarizer/companies/data/second_reader/`` holds a second, independent reading
of 60 articles of the dev set (30 BBC, 15 CNN/DM, 15 Wikinews, drawn at random among
those naming a company), made from the labelling guide alone without seeing the
shipped labels or running the program. This prints the second reader scored exactly as
the matcher is scored (``newsbot companies --score``): subject precision and recall
against the shipped labels and the share of labelled passing mentions they would alert
for; then the matcher on the same articles. The first rows are a ceiling: targets above
two readers' agreement measure label noise, not the program.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.companies import build_matcher
from bot.cli.scoring import default_data_dir, load_texts, read_labels, tallies
from summarizer.companies.evaluate import Tally, agreement

DATA = Path(__file__).resolve().parents[1] / "tests/summarizer/companies/data"
SECOND = sorted((DATA / "second_reader").glob("labels_*.jsonl"))


def row(name: str, tally: Tally) -> str:
    return (
        f"{name:<28} {tally.articles:>4}  {tally.precision:5.2f} {tally.recall:5.2f}  "
        f"{tally.passing_alerts:>3}/{tally.passing:<4} {100 * tally.alert_share:5.1f}%"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    args = parser.parse_args()
    shipped = {(lab.source, lab.id): lab for lab in read_labels(sorted(DATA.glob("labels_*")))}
    seconds = read_labels(SECOND)
    pairs = [(shipped[(s.source, s.id)], s) for s in seconds]
    print(f"{'':<28} {'art':>4}  {'P':>5} {'R':>5}  passing alerts")
    readers: dict[str, Tally] = {}
    for first, second in pairs:
        for key in (first.source, "all"):
            readers.setdefault(key, Tally()).add(agreement(first, second))
    for key, tally in sorted(readers.items(), key=lambda kv: kv[0] == "all"):
        print(row(f"second reader, {key}", tally))
    labels = [first for first, _ in pairs]
    program, alone = Tally(), Tally()
    for _label, followed, registry in tallies(
        build_matcher(), labels, load_texts(args.data, labels)
    ):
        program.add(followed)
        alone.add(registry)
    print(row("matcher, followed by name", program))
    print(row("matcher, registry only", alone))


if __name__ == "__main__":
    main()
