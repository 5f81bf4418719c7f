"""How much an article is about each company it names (salience in [0, 1]).

Salience is one number with one meaning in every story: the estimated chance
that a careful reader would call the story *about* that company (the labelling
guide in ``shared/docs/company-labelling-guide.md``). It comes from a small
logistic regression over features of the company's own mentions, fitted on the
labelled dev set (``benchmarks/fit_salience.py`` writes ``salience_weights.json``).
No company is scaled by another one's score, so a story about three banks can
have three subjects, and a broker quoted once stays a passing mention.

Features (each explainable on its own):

* ``title``: named in the headline; ``first``: in the first sentence of the body;
  ``lead``: in the first three sentences;
* ``count``: log2(1 + mentions); ``share``: its mentions among all company mentions;
* ``cover``: share of sentences naming it; ``span``: first to last mention, as a share
  of the story; ``early``: how early the first mention comes;
* ``acts``: it acts in the story ("X said", "X shares fell", "X's chief executive");
* ``starts``: it starts a sentence (grammatical subject, roughly);
* ``deal``: named in a sentence about a deal or a case (buy, merge, bid, sue, stake,
  deal, agreement, contract, order; not "offer services", "deal with", "Sue": ``senses.py``);
* ``source``: share of mentions that quote it as a source ("analysts at X",
  "X analyst", "according to X", "research firm X", "a survey carried out by X",
  "the figures, from e-mail firm X") or name it in another passing role (``roles.py``:
  "sold on X", "retailers such as A, B and X", "the X crash", "the X list"; the features
  of where and how it is named then come from its other mentions, if any), or name it
  for one of its products ("the X Walkman", "four X films": ``products.py``);
* ``report``: share of its sentences about a survey, index, forecast or report (a
  company whose figures are quoted, like a lender's house price index);
* ``single``: named once only;
* ``other_head``: another company is named in the headline (in the first sentence when
  the headline names none) and this one is not;
* ``business``: the share of the headline and first five sentences that use a word of
  business news (company, shares, profit, deal, chief executive, ...; the same for every
  company in the story): a company named often in a story about something else (a venue,
  a platform in a story about its users) is less likely its subject. Measured on the 90
  "fresh" labelled articles, never fitted on, with the same training labels: passing
  mentions alerting 16 -> 11 of 250, subject precision 0.53 -> 0.63, recall 0.64 -> 0.68.

(Also tried with ``fit_salience.py``, measured and dropped: generic references "the firm",
a sponsor-of-figures cue, a rival/example cue, the lead sentence as headline when there
is none, the grammatical subject of the opening, the share of economy sentences; then
the only company named (twice or more), rank 1 by mentions, cover of the first three or
five sentences, mentions per 100 words, being one of a list of companies, a deal word
right next to the name: none held up out of sample. In stop 21: "partner", "team up",
"join forces" as deal words, and small gradient-boosted trees (scikit-learn, 50-200 trees of
depth 2-3) over the same features: the same precision/recall curve in 5-fold CV over 615
articles, and on "fresh3" from the earlier splits P 0.86 / R 0.70 either way. In stop 31: a
"maker" cue, "developed / made / run / owned by X" (24 subjects and 19 passing mentions
carry it): 5-fold P 0.876 / R 0.763 -> 0.869 / 0.772, 48 -> 52 passing alerts at 0.5,
weight 0.26. In issue 13's feature round, each refitted against a refitted base on the same
folds, end to end: share of mentions in quotes, in quotes only, a possessive ("X's"), a
financial figure in its sentences, companies with comparable counts, front-loaded
mentions, last paragraph only: at most one or two decisions either way, none shipped
(``benchmarks/salience_features_2026-12.md``).)

An abbreviation defined in brackets after a name ("Singapore Airlines (SIA)") and a plural
reference to companies named together ("A, B and C ... the companies") add mentions
(``occurrences.py``, which says what the group references measured).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from operator import itemgetter, mul

from summarizer.companies.aboutness.agents import agents
from summarizer.companies.aboutness.cases import defendants
from summarizer.companies.aboutness.compilers import COMPILER_SALIENCE, bounded, compilers
from summarizer.companies.aboutness.counterparts import buyers, counterparts, heads
from summarizer.companies.aboutness.cues import acts, is_source, window
from summarizer.companies.aboutness.flights import flights
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.makers import MAKER_SALIENCE, makers
from summarizer.companies.aboutness.occurrences import (
    Occurrence,
    with_abbreviations,
    with_group_references,
)
from summarizer.companies.aboutness.officers import officers
from summarizer.companies.aboutness.products import product_mentions
from summarizer.companies.aboutness.reporters import reporters
from summarizer.companies.aboutness.rivals import rivals
from summarizer.companies.aboutness.roles import in_passing
from summarizer.companies.aboutness.scenes import scene_subjects
from summarizer.companies.aboutness.together import together, ventures

SUBJECT_SALIENCE = 0.5  # the matcher's threshold for a subject (``SUBJECT_THRESHOLD``)
FEATURES = (
    "title",
    "first",
    "lead",
    "count",
    "share",
    "cover",
    "span",
    "early",
    "acts",
    "starts",
    "deal",
    "source",
    "report",
    "single",
    "other_head",
    "business",
)
_IN_ORDER = itemgetter(*FEATURES)  # a mapping's values for ``FEATURES``, as a tuple


@dataclass(frozen=True, slots=True)
class Score:
    """Salience of one company in one article."""

    entry: int
    salience: float
    mentions: int


def _roles(occs: Sequence[Occurrence], layout: Layout) -> tuple[bool, int]:
    """(acts anywhere, mentions quoted as a source or in another passing role)."""
    acting, sources = False, 0
    for o in occs:
        before, after = window(layout.lower[o.part], o.start, o.end)
        acting = acting or acts(before, after)
        at = (o.part, o.start)
        sources += at in layout.passing or at in layout.products or is_source(before, after)
    return acting, sources


def features(occs: Sequence[Occurrence], layout: Layout, total_mentions: int) -> dict[str, float]:
    """The features of one company (see the module docstring)."""
    # Lead, cover, starts, deal...: from its own mentions, not those in a passing role.
    own = [o for o in occs if (o.part, o.start) not in layout.passing] or occs
    flags = [layout.mention(o) for o in own if o.part > 0]
    sentences = sorted({f[0] for f in flags})
    n = len(occs)
    total = layout.sentences
    first = bool(sentences) and sentences[0] == 0
    acting, sources = _roles(occs, layout)
    # One loop, not a generator per feature: this runs for every company of every story.
    starts = deal = False
    report = 0
    for _, words, in_deal, in_report in flags:
        starts = starts or words <= 2
        deal = deal or in_deal
        report += in_report
    return {
        "title": float(any(o.part == 0 for o in occs)),
        "first": float(first),
        "lead": float(bool(sentences) and sentences[0] < 3),
        "count": math.log2(1 + n),
        "share": n / max(1, total_mentions),
        "cover": len(sentences) / total,
        "span": (sentences[-1] - sentences[0]) / max(1, total - 1) if sentences else 0.0,
        "early": 1 - sentences[0] / total if sentences else 1.0,
        "acts": float(acting),
        "starts": float(starts),
        "deal": float(deal),
        "source": sources / n,
        "report": report / max(1, len(flags)),
        "single": float(n == 1),
        "business": layout.business,
    }


@lru_cache(maxsize=1)
def weights() -> tuple[float, Mapping[str, float]]:
    """(bias, weight per feature) from the shipped ``salience_weights.json``."""
    data = json.loads(files(__package__).joinpath("salience_weights.json").read_text("utf-8"))
    return float(data["bias"]), {k: float(data["weights"].get(k, 0.0)) for k in FEATURES}


def probability(feats: Mapping[str, float]) -> float:
    """Salience: the logistic model's chance that the story is about the company."""
    bias, w = weights()
    # Products summed in ``FEATURES`` order, as a generator would (no Python frame a feature).
    z = bias + sum(map(mul, _IN_ORDER(w), _IN_ORDER(feats)))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def company_features(
    occs: Sequence[Occurrence], parts: Sequence[str]
) -> dict[int, dict[str, float]]:
    """Features per company entry (for fitting the weights and for explaining a score);
    ``occs`` as ``with_abbreviations`` returns them."""
    return _company_features(occs, Layout(parts))


def _company_features(occs: Sequence[Occurrence], layout: Layout) -> dict[int, dict[str, float]]:
    """``company_features`` of the article ``layout`` was built from."""
    parts = layout.parts
    occs = with_group_references(occs, parts, layout.lower)
    by_entry: dict[int, list[Occurrence]] = {}
    for occ in occs:
        by_entry.setdefault(occ.entry, []).append(occ)
    layout.passing = in_passing(occs, parts, layout.lower)
    layout.products = product_mentions(occs, layout)
    feats = {e: features(found, layout, len(occs)) for e, found in by_entry.items()}
    _mark_other_head(feats)
    return feats


def _mark_other_head(feats: Mapping[int, dict[str, float]]) -> None:
    """Set ``other_head``: another company heads the story (headline, else first sentence)."""
    # The headline, or the first sentence when the headline names no company, says whom the
    # story is about: a company left out there while another one is named is less likely a
    # subject. (Falling back only for untitled stories was measured: more passing alerts.)
    heading = {e for e, f in feats.items() if f["title"]}
    heading = heading or {e for e, f in feats.items() if f["first"]}
    for e, f in feats.items():
        f["other_head"] = float(bool(heading) and e not in heading)


def _together(
    occs: Sequence[Occurrence], parts: Sequence[str], salience: dict[int, float], capped: set[int]
) -> None:
    """Raise to the makers' floor the companies of a list acting as one with a subject in it
    ("A and B would both support ..."), and a subject's joint-venture partners."""
    subjects = {e for e, s in salience.items() if s >= SUBJECT_SALIENCE}
    if not subjects:
        return  # both rules lift only companies named with a subject
    for e in (together(occs, parts, subjects) | ventures(occs, parts, subjects)) - capped:
        salience[e] = bounded(salience[e], True, False)


# The rules that lift a company to the makers' floor, in the order they were always run.
_FLOORS = (makers, agents, officers, flights, defendants, scene_subjects)


def _made(
    occs: Sequence[Occurrence], layout: Layout, chance: Mapping[int, float], head: set[int]
) -> set[int]:
    """The companies lifted to the makers' floor ("built by X", "X is recalling", "Y, chief
    of X, said" in the lead, "X Flight 370", "a lawsuit against X", the firm an opening scene
    introduces; with several, "X agreed a takeover by H", "made by H, was delivered to X").

    A story naming one company (a third of those naming any) gets only what can change its
    score: nothing when its chance is at the floor already, else whether any rule lifts it
    (the rules after the first that does are not run)."""
    if len(chance) == 1:
        ((e, p),) = chance.items()
        if p >= MAKER_SALIENCE:
            return set()
        return {e} if any(e in rule(occs, layout) for rule in _FLOORS) else set()
    made = set().union(*(rule(occs, layout) for rule in _FLOORS))
    return made | counterparts(occs, layout, head=head) | buyers(occs, layout, head=head)


def _capped(
    occs: Sequence[Occurrence],
    layout: Layout,
    chance: Mapping[int, float],
    made: set[int],
    head: set[int],
) -> set[int]:
    """The companies held at the compilers' cap as sources: whose index or survey the story
    quotes, an outlet it credits, with several a rival no rule lifted ("unlike rival X").

    Looked for only where the cap can change a score (a chance above it, or a lift it would
    undo): in a story whose companies are all below it and unlifted no company is a
    subject, so no list or joint venture lifts one either (``_together``). With one
    company the second rule is not run once the first caps it."""
    if not made and all(p <= COMPILER_SALIENCE for p in chance.values()):
        return set()
    if len(chance) == 1:
        (e,) = chance
        return {e} if e in compilers(occs, layout) or e in reporters(occs, layout) else set()
    capped = compilers(occs, layout) | reporters(occs, layout)
    return capped | (rivals(occs, layout, head=head) - made)


def score_companies(occs: Sequence[Occurrence], parts: Sequence[str]) -> list[Score]:
    """Salience per company, most salient first (ties: more mentions, then earlier)."""
    if not occs:
        return []
    occs = with_abbreviations(occs, parts)
    counts: dict[int, int] = {}
    first: dict[int, tuple[int, int]] = {}
    for occ in occs:
        counts[occ.entry] = counts.get(occ.entry, 0) + 1
        first[occ.entry] = min(first.get(occ.entry, (occ.part, occ.start)), (occ.part, occ.start))
    layout = Layout(parts)  # the sentences, found once for the features and the rules
    chance = {e: probability(f) for e, f in _company_features(occs, layout).items()}
    # The rules relating two companies (the head's counterparts, buyers and rivals, lists)
    # find nothing in a story naming one: they are not run for it.
    several = len(counts) > 1
    head = heads(occs, layout) if several else set()  # read by three rules
    made = _made(occs, layout, chance, head)
    capped = _capped(occs, layout, chance, made, head)
    salience = {e: bounded(p, e in made, e in capped) for e, p in chance.items()}
    if several:
        _together(occs, parts, salience, capped)
    scores = [Score(e, round(s, 3), counts[e]) for e, s in salience.items()]
    scores.sort(key=lambda s: (-s.salience, -s.mentions, first[s.entry]))
    return scores
