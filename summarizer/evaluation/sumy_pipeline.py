"""sumy's own TextRank pipeline on the raw text: the baseline ``newsbot eval`` compares with."""

from __future__ import annotations

import time

#: The row name of this pipeline in an evaluation table.
PIPELINE = "textrank-raw"


class SumyPipeline:
    """sumy's TextRank as a sumy user runs it on the raw article text:
    ``PlaintextParser.from_string(text, NewsTokenizer())`` and
    ``TextRankSummarizer(Stemmer)`` with sumy's stop words (parsing included)."""

    def __init__(self, language: str = "english") -> None:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        self.language = language
        self._summarizer = TextRankSummarizer(Stemmer(language))
        self._summarizer.stop_words = get_stop_words(language)

    def __call__(self, text: str, count: int) -> tuple[tuple[str, ...], float]:
        """The picked sentences and the milliseconds it took, end to end."""
        from sumy.parsers.plaintext import PlaintextParser

        from summarizer.text.split import NewsTokenizer

        started = time.perf_counter()
        parser = PlaintextParser.from_string(text, NewsTokenizer(self.language))
        picked = self._summarizer(parser.document, count)
        elapsed = (time.perf_counter() - started) * 1000
        return tuple(str(s) for s in picked), elapsed
