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

How they were fitted (``python benchmarks/tune_newsrank.py``, defaults): random
search (150 starts) plus coordinate ascent over a small grid, on shared/eval/
bbc_dev.jsonl (1,114 articles), 3 sentences. BBC's references are machine-picked
(TextRank-like), so maximising ROUGE on them pulls the model away from the lead,
which carries the story in human-written highlights (wire news, CNN/DailyMail,
where Lead-3 beats every sumy method). The fit therefore maximises two lead-style
proxies that need no headline -- ROUGE-1 against Lead-3 plus the share of
summaries keeping the first sentence -- subject to beating sumy's TextRank and
Reduction on every ROUGE figure (R-1, R-2, R-L) by 0.3 points, both on the
training articles as a whole and on those among the first 300 (the guide's
figures). The headline weight ``title`` stays 0: held-back data may have no
usable headline, and it would make "headline words covered" self-fulfilling.

Held-out figures (ROUGE F1 x100 R-1 / R-2 / R-L, first-sentence share, headline
words covered, ROUGE-1 against Lead-3), pooled over the held-out parts; the fit on
all articles reproduces exactly the weights below:
  5-fold CV                             61.9 / 57.1 / 47.0   72 %  58.0  51.5
  leave-one-category-out                62.0 / 57.2 / 47.1   71 %  57.9  50.9
  margin 0.5 instead (the fit then keeps
  the previous weights), 5-fold         62.2 / 57.4 / 47.2   67 %  57.1  50.3
  sumy Reduction (best sumy), all data  60.8 / 56.7 / 46.6   54 %  53.6  49.6
  sumy TextRank, all data               60.4 / 55.0 / 46.1   50 %  53.7  47.7
  Lead-3                                45.0 / 36.5 / 34.6  100 %  63.9 100.0
In sample (all 1,114) the weights below give 62.0 / 57.1 / 47.0, first sentence
73 % (was 67 %), headline words 58.4 % (57.2 %), ROUGE-1 vs Lead-3 51.1 (50.1); on
the first 300: 65.2 / 60.8 / 49.9, first sentence 85 % (80 %). A first-sentence
share of 80 % on all articles is out of reach while beating Reduction's R-L
(best found: 46.2 vs 46.6 at 84 %), and no weighting reaches Lead-3's headline
coverage (63.9 %) without losing to sumy. ``short`` made no difference on BBC
and is a hand-set guard against captions and datelines in scraped pages;
``focus`` cannot be fitted on BBC (no company labels): it is set so that a
sentence naming the company beats a generic one unless clearly less central,
and ``NewsRank.select`` additionally keeps one such sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class NewsRankWeights:
    """Linear weights of the sentence score and the redundancy penalty."""

    centrality: float = 1.0  # the scale: centrality is in [0, 1]
    position: float = 0.0  # 1/sqrt(1 + i) prior; fitted to 0 (exp(-i/2) fits better)
    lead: float = 0.05  # graded exp(-i/2) prior: s1 +0.05, s2 +0.03, s3 +0.02 (wire: 2.0)
    first: float = 0.2  # the opening sentence (the lead carries the story)
    title: float = 0.0  # headline coverage; kept 0 (held-back data may have no headline)
    short: float = 0.5  # fragments under SHORT_WORDS words (hand-set guard, neutral on BBC)
    length: float = 1.3  # longer sentences carry more facts (and ROUGE recall)
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
