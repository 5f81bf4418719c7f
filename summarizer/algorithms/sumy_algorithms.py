"""sumy's summarizers behind newsbot's :class:`Algorithm` interface.

The sumy document is built straight from our :class:`Document` (sumy's
``ObjectDocumentModel`` / ``Paragraph`` / ``Sentence``), with the words our
``NewsTokenizer`` already produced, so nothing is re-tokenized and no NLTK data
is ever downloaded. Stemmers and stop words come from sumy's bundled data; a
language sumy lacks gets lower-casing and no stop list instead of an error.

sumy's methods are quadratic (KL cubic) in the number of sentences: on a
20,000-word article KL alone takes a minute. They therefore rank only the first
``MAX_SENTENCES`` sentences (KL: ``MAX_KL_SENTENCES``); a news story is told by then.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np

from summarizer.algorithms.base import Document
from summarizer.text.language import stop_words
from summarizer.text.split import NewsTokenizer

MAX_SENTENCES = 300
MAX_KL_SENTENCES = 100
SUMY_NAMES = (
    "lexrank",
    "textrank",
    "lsa",
    "luhn",
    "edmundson",
    "kl",
    "sumbasic",
    "reduction",
    "random",
)
# Edmundson's cue method rewards "bonus" and punishes "stigma" words; these are
# the hedges and page furniture that rarely carry a news story's facts.
_STIGMA_WORDS = (
    "advertisement",
    "subscribe",
    "newsletter",
    "cookie",
    "click",
    "sponsored",
    "hardly",
    "impossible",
    "perhaps",
    "maybe",
    "reportedly",
    "rumour",
    "rumor",
)


@cache
def _summarizer_classes() -> dict[str, Callable[..., Any]]:
    """sumy's classes by our names (imported on first use: sumy pulls in NLTK)."""
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.random import RandomSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    return {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "edmundson": EdmundsonSummarizer,
        "kl": KLSummarizer,
        "sumbasic": SumBasicSummarizer,
        "reduction": ReductionSummarizer,
        "random": _seeded_random(RandomSummarizer),
    }


def _seeded_random(base: type) -> type:
    """sumy's random baseline, seeded by the text so a run can be repeated
    (and without touching the global ``random`` state)."""
    # Imported here, with sumy: a NewsRank-only run (every summary by default) skips them.
    import hashlib
    import random

    class SeededRandomSummarizer(base):
        def _get_random_ratings(self, sentences: Sequence[Any]) -> dict[Any, int]:
            seed = hashlib.sha256("\n".join(map(str, sentences)).encode()).digest()
            ratings = list(range(len(sentences)))
            random.Random(seed).shuffle(ratings)
            return dict(zip(sentences, ratings, strict=True))

    return SeededRandomSummarizer


def _stemmer(language: str) -> Callable[[str], str]:
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        return Stemmer(language)
    except LookupError:
        return null_stemmer


class _KnownWords:
    """The tokenizer handed to sumy: returns the words we already computed."""

    def __init__(self, doc: Document) -> None:
        self.language = doc.language
        self._words = dict(zip(doc.sentences, doc.words, strict=True))
        self._fallback = NewsTokenizer(doc.language)

    def to_words(self, text: str) -> tuple[str, ...]:
        known = self._words.get(text)
        return known if known is not None else self._fallback.to_words(text)


def to_sumy_document(doc: Document) -> Any:
    """A sumy ``ObjectDocumentModel``: our paragraphs, with the title as heading."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    words = _KnownWords(doc)
    groups: list[list[Any]] = []
    last = None
    for text, para in zip(doc.sentences, doc.paragraph_of, strict=True):
        if para != last or not groups:
            groups.append([])
            last = para
        groups[-1].append(Sentence(text, words))
    if doc.title.strip():
        heading = Sentence(doc.title, words, is_heading=True)
        groups = [[heading, *groups[0]], *groups[1:]] if groups else [[heading]]
    return ObjectDocumentModel([Paragraph(group) for group in groups])


class _Ranking:
    """A sumy "sentences count" that also records the full ranking.

    sumy sorts every sentence by rating, then hands that list to the count to cut;
    keeping it lets us return indices best first, as our interface wants.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.order: list[int] = []

    def __call__(self, infos: list[Any]) -> list[Any]:
        self.order = [info.order for info in infos]
        return infos[: self.count]


class SumyAlgorithm:
    """One of sumy's summarizers, chosen by ``name`` (see ``SUMY_NAMES``)."""

    def __init__(self, name: str) -> None:
        if name not in SUMY_NAMES:
            raise ValueError(f"not a sumy algorithm: {name}")
        self.name = name

    def select(self, doc: Document, count: int, *, focus: Sequence[str] = ()) -> list[int]:
        """Indices of sumy's ``count`` best sentences, best first (focus: Edmundson only)."""
        if count <= 0 or not doc.sentences:
            return []
        limit = MAX_KL_SENTENCES if self.name == "kl" else MAX_SENTENCES
        if len(doc.sentences) > limit:
            doc = _first_sentences(doc, limit)
        summarizer = self._build(doc, focus)
        ranking = _Ranking(count)
        try:
            # sumy warns (LSA) or divides by zero (LexRank) on word-poor documents;
            # the ranking is still usable, so the noise is silenced.
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                summarizer(to_sumy_document(doc), ranking)
        except (ValueError, ArithmeticError):
            ranking.order = []
        if not ranking.order:
            # Degenerate input (e.g. no content words at all): sumy cannot rate it,
            # and the article's own order is the honest fallback.
            return list(range(min(count, len(doc.sentences))))
        return ranking.order[:count]

    def _build(self, doc: Document, focus: Sequence[str]) -> Any:
        stop = stop_words(doc.language)
        summarizer = _summarizer_classes()[self.name](_stemmer(doc.language))
        if self.name == "edmundson":
            _configure_edmundson(summarizer, doc, focus, stop)
        elif hasattr(summarizer, "stop_words"):
            summarizer.stop_words = stop
        return summarizer


def _first_sentences(doc: Document, limit: int) -> Document:
    return Document(
        title=doc.title,
        sentences=doc.sentences[:limit],
        paragraph_of=doc.paragraph_of[:limit],
        words=doc.words[:limit],
        language=doc.language,
    )


def _configure_edmundson(
    summarizer: Any, doc: Document, focus: Sequence[str], stop: frozenset[str]
) -> None:
    """Bonus words: headline, followed company and the article's most frequent
    content words; stigma words: hedges and furniture; null words: stop words."""
    tokenizer = NewsTokenizer(doc.language)
    content = Counter(
        w.lower() for words in doc.words for w in words if w.lower() not in stop and len(w) > 2
    )
    bonus = {w.lower() for w in tokenizer.to_words(doc.title) if w.lower() not in stop}
    bonus |= {w.lower() for name in focus for w in tokenizer.to_words(name)}
    bonus |= {w for w, _ in content.most_common(5)}
    summarizer.bonus_words = bonus or {"news"}
    summarizer.stigma_words = _STIGMA_WORDS
    summarizer.null_words = stop or {"the", "a", "an", "and", "or", "of", "to", "in"}
