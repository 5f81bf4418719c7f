"""``newsbot companies --score LABELS.jsonl ...``: company detection against labelled articles.

    newsbot companies --score tests/summarizer/companies/data/labels_*.jsonl [--data DIR]

Each labels line names an article by ``source_file`` (``bbc_dev``, ``cnndm_dev``,
``wikinews``) and ``id``; the article text is read from ``DIR`` (default
``$NEWSBOT_EVAL_DATA``, else ``../shared``), from ``DIR/eval/<source_file>.jsonl``,
``DIR/corpus/<source_file>.jsonl`` or ``DIR/<source_file>.jsonl``. The texts are not
shipped: BBC and CNN/Daily Mail copy may not be redistributed.

Prints, per source and overall, and for the articles the weights were fitted on
("tune") and the others ("check", a fixed fifth-based split by id; "new": articles
labelled after the fit, marked ``"split": "new"`` in the labels file; "fresh": 90
articles labelled in stop 20, after every rule and fit, by readers who never saw the
program's output; "fresh2": 90 more, labelled after the weights were fitted without
"fresh"; "fresh3" to "fresh9": 120, 70, 80, 49, 45, 45 and 38 more, in later stops):

* subject precision and recall when every labelled name is followed (``--also NAME``),
* the same with the shipped registry alone,
* how many labelled passing mentions would alert (are marked subject) when followed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from bot.services.registry import followed_entries
from summarizer.article import Article
from summarizer.companies.evaluate import Labelled, Tally, parse_labels, score_article
from summarizer.companies.matcher import CompanyMatcher
from summarizer.errors import InputError


def default_data_dir() -> Path:
    """Where the article texts live: ``$NEWSBOT_EVAL_DATA`` or ``../shared``."""
    return Path(os.environ.get("NEWSBOT_EVAL_DATA") or "../shared")


def _source_path(data: Path, source: str) -> Path:
    for path in (
        data / "eval" / f"{source}.jsonl",
        data / "corpus" / f"{source}.jsonl",
        data / f"{source}.jsonl",
    ):
        if path.is_file():
            return path
    raise InputError(
        f"Cannot find the articles of {source!r} under {data} (give the folder with --data)."
    )


def load_texts(data: Path, labels: Sequence[Labelled]) -> dict[tuple[str, str], Article]:
    """The labelled articles, by (source, id), read from the source JSONL files."""
    wanted = {(lab.source, lab.id) for lab in labels}
    articles: dict[tuple[str, str], Article] = {}
    for source in sorted({lab.source for lab in labels}):
        with _source_path(data, source).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                key = (source, str(row.get("id")))
                if key in wanted:
                    paragraphs = tuple(
                        p.strip() for p in str(row["article"]).split("\n\n") if p.strip()
                    )
                    articles[key] = Article(str(row.get("title") or ""), paragraphs)
    missing = wanted - set(articles)
    if missing:
        raise InputError(
            f"{len(missing)} labelled articles are missing from {data}, "
            f"for example {sorted(missing)[0]}."
        )
    return articles


def read_labels(paths: Sequence[Path]) -> list[Labelled]:
    """Every labelled article in ``paths``."""
    labels: list[Labelled] = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(f"Cannot read {path}: {err.strerror or err}.") from None
        labels.extend(parse_labels(text.splitlines(), origin=str(path)))
    if not labels:
        names = ", ".join(str(path) for path in paths)
        raise InputError(f"{names}: no labelled articles (one JSON object per line).")
    return labels


def tallies(
    base: CompanyMatcher, labels: Sequence[Labelled], articles: dict[tuple[str, str], Article]
) -> Iterator[tuple[Labelled, Tally, Tally]]:
    """Per article: (label, followed-by-name tally, registry-only tally)."""
    for label in labels:
        article = articles[(label.source, label.id)]
        # Each labelled name as ``--also NAME`` (and ``/subscribe NAME``) follows it.
        followed = base.with_entries(followed_entries(base, label.names)[0])
        found = [(m.name, m.subject) for m in followed.find(article)]
        alone = [(m.name, m.subject) for m in base.find(article)]
        yield (
            label,
            score_article(label, found, followed.keys_of),
            score_article(label, alone, base.keys_of),
        )


def _row(name: str, follow: Tally, alone: Tally) -> str:
    return (
        f"{name:<18} {follow.articles:>4} {follow.tp + follow.fn:>4}  "
        f"{follow.precision:>5.2f} {follow.recall:>5.2f}  "
        f"{follow.passing_alerts:>3}/{follow.passing:<4} {follow.alert_share:>5.1%}  "
        f"{alone.precision:>5.2f} {alone.recall:>5.2f}"
    )


def print_scores(rows: Sequence[tuple[Labelled, Tally, Tally]], *, out: IO[str]) -> None:
    """One line per source and split (tune/check), then overall."""
    groups: dict[str, tuple[Tally, Tally]] = {}
    for label, follow, alone in rows:
        for group in (
            f"{label.source} {label.split}",
            label.source,
            f"all {label.split}",
            "all",
        ):
            pair = groups.setdefault(group, (Tally(), Tally()))
            pair[0].add(follow)
            pair[1].add(alone)
    out.write(f"{'':<18} {'':>4} {'':>4}  {'followed by name':<26}  {'registry only':<11}\n")
    out.write(
        f"{'set':<18} {'art':>4} {'subj':>4}  {'P':>5} {'R':>5}  "
        f"{'passing alerts':<14}  {'P':>5} {'R':>5}\n"
    )
    for group in sorted(groups, key=lambda g: (g.startswith("all"), g.split()[0], g)):
        out.write(_row(group, *groups[group]) + "\n")
