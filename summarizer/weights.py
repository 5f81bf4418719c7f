"""The few weights of the default summarizer (NewsRank), and where they come from.

Score of sentence i (features in ``summarizer/algorithms/newsrank.py``)::

    centrality_i                        TextRank-style, scaled to max 1 (fixed scale)
  + first    * [i is the first sentence]
  + length   * log(1 + words_i) / log(1 + LONG_WORDS)
  + position * 1/sqrt(1 + i)   + lead * exp(-i/2)   + title * headline coverage_i
  - short    * max(0, 1 - words_i / SHORT_WORDS)
  + focus    * [names the followed company]            (only with ``focus``)

then greedy picks with ``redundancy`` x overlap with the picks so far, and never
a near-repeat (``NEAR_DUPLICATE`` in newsrank.py) while anything else is left.

How they were fitted (``python benchmarks/tune_newsrank.py``): random search plus
coordinate ascent over a small grid, maximising mean ROUGE-1 + ROUGE-2 + ROUGE-L
F1 at 3 sentences on shared/eval/bbc_dev.jsonl (1,114 articles), subject to one
constraint: the summary keeps the article's opening sentence in at least 65 % of
articles. BBC's references are machine-picked and, unconstrained, pull the fit to
~48 % (TextRank's habit; sumy's methods keep it in 50-54 %); on wire news the lead
carries the story, so we keep a clear lead prior while still beating every sumy
method on all three figures (each +5 points of lead share costs ~0.2 R-L on BBC).

Held-out figures (ROUGE F1 x100, R-1 / R-2 / R-L, first-sentence share):
  5-fold CV, pooled                     62.2 / 57.5 / 47.3   68 %
  leave-one-category-out, pooled        62.0 / 57.4 / 47.2   67 %
  sumy Reduction (best sumy), same data 60.8 / 56.7 / 46.6   54 %
  sumy TextRank, same data              60.4 / 55.0 / 46.1   50 %
  Lead-3                                45.0 / 36.5 / 34.6  100 %
(Held out per category we win everywhere except politics, where Reduction keeps
R-2 54.6 vs 54.3 and R-L 44.3 vs 43.9.) The fit on all articles chose exactly the
values below for ``first``, ``length``, ``position``, ``title`` and
``redundancy``; the random folds chose first 0.15 and length 1.0 every time.
``short`` made no difference on BBC and is kept at a small hand-set value as a
guard against captions and datelines in scraped pages; ``focus`` cannot be fitted
on BBC (no company labels): it is set so that a sentence naming the company beats
a generic one unless clearly less central, and ``NewsRank.select`` additionally
keeps one such sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class NewsRankWeights:
    """Linear weights of the sentence score and the redundancy penalty."""

    centrality: float = 1.0  # the scale: centrality is in [0, 1]
    position: float = 0.0  # 1/sqrt(1 + i) prior; fitted to 0 once `first` is in
    lead: float = 0.0  # exp(-i/2) prior; used for wire copy only (WIRE_WEIGHTS)
    first: float = 0.15  # the opening sentence (wire style: the lead carries the story)
    title: float = 0.0  # headline coverage; fitted to 0 (centrality already covers it)
    short: float = 0.5  # fragments under SHORT_WORDS words (hand-set guard, neutral on BBC)
    length: float = 1.0  # longer sentences carry more facts (and ROUGE recall)
    redundancy: float = 0.0  # soft MMR penalty; near-repeats are excluded outright anyway
    focus: float = 0.6  # naming a followed company (only when focus is given)


SHORT_WORDS = 8
LONG_WORDS = 30
DEFAULT_WEIGHTS = NewsRankWeights()
# For wire copy (an agency dateline opens the story): hand-set, not fitted, as there
# is no wire data with references here. Agencies write inverted pyramids, and on
# such news Lead-3 beats every centrality method in the literature, so the first
# sentences get a steep prior (s1 +2.3, s2 +1.21, s3 +0.74, s4 +0.45, s5 +0.27) that
# only a much more central later sentence can overcome.
WIRE_WEIGHTS = replace(DEFAULT_WEIGHTS, lead=2.0, first=0.3)
