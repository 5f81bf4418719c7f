"""An article's sentences, found once per article for salience and its rules.

``Layout`` splits each part (the headline, then the body's paragraphs) into sentences and
lower-cases it once; the features (``salience.py``) and the rules that read sentences
(``makers.py``, ``compilers.py``, and ``agents.py``, ``officers.py`` and ``flights.py``
through the lead's sentences) all read them from here instead of splitting the text again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from summarizer.companies.aboutness.cues import business_sentence, sentence_cues, sentence_starts
from summarizer.companies.aboutness.occurrences import Occurrence, lower_keeping_offsets

_OPENING = 5  # body sentences read for ``business``
LEAD = 3  # body sentences of a story's lead


class Layout:
    """Sentence boundaries of an article's parts, built once per article."""

    def __init__(self, parts: Sequence[str]) -> None:
        self.parts = parts
        self.lower = [
            lower_keeping_offsets(text) for text in parts
        ]  # the sentence regexes need lower case
        self.starts = [sentence_starts(text) for text in parts]  # per part: sentence starts
        self.first: list[int] = [0]  # per part: index of its first sentence in the body
        total = 0
        for starts in self.starts[1:]:
            self.first.append(total)
            total += len(starts)
        self.sentences = max(1, total)
        self._flags: dict[tuple[int, int], tuple[bool, bool]] = {}  # (deal, report) per sentence
        # ``mention`` per (part, start): features, and the head company of three rules, read it
        self._mentions: dict[tuple[int, int], tuple[int, int, bool, bool]] = {}
        self._business: float | None = None
        self._lead: list[tuple[int, int, int]] | None = None
        # (part, start) of the mentions in a passing role ("sold on X": ``roles.in_passing``)
        self.passing: set[tuple[int, int]] = set()
        # (part, start) of the mentions naming one of its products ("the X Walkman")
        self.products: set[tuple[int, int]] = set()

    @property
    def lead(self) -> list[tuple[int, int, int]]:
        """(part, begin, end) of the body's first ``LEAD`` sentences: the story's lead."""
        if self._lead is None:
            self._lead = []
            for p in range(1, len(self.parts)):
                starts = self.starts[p]
                for k in range(min(len(starts), LEAD - len(self._lead))):
                    end = starts[k + 1] if k + 1 < len(starts) else len(self.parts[p])
                    self._lead.append((p, starts[k], end))
                if len(self._lead) >= LEAD:
                    break
        return self._lead

    @property
    def business(self) -> float:
        """Share of the headline and the first ``_OPENING`` body sentences that use a
        business word (the opening sets what a story is about; reading only it keeps
        matching fast)."""
        if self._business is None:
            # An empty headline counts as one without business words: the weights were
            # fitted that way on untitled stories (CNN/DM's), so keep it.
            hits = int(business_sentence(self.lower[0]))
            seen = 0
            for part in range(1, len(self.parts)):
                if seen >= _OPENING:
                    break
                starts, text = self.starts[part], self.lower[part]
                for k in range(min(len(starts), _OPENING - seen)):
                    end = starts[k + 1] if k + 1 < len(starts) else len(text)
                    hits += business_sentence(text[starts[k] : end])
                    seen += 1
            self._business = hits / (1 + seen)
        return self._business

    def sentence(self, occ: Occurrence) -> tuple[int, int, int]:
        """(begin, end, number within its part) of the sentence holding a body mention."""
        starts = self.starts[occ.part]
        k = bisect_right(starts, occ.start) - 1
        end = starts[k + 1] if k + 1 < len(starts) else len(self.parts[occ.part])
        return starts[k], end, k

    def mention(self, occ: Occurrence) -> tuple[int, int, bool, bool]:
        """(body sentence index, words before ``occ`` in it (3 for 3 or more), deal, report)
        for a body mention.

        ``deal`` and ``report``: the sentence is about a deal or case, or a survey or
        report (cached: companies share sentences)."""
        found = self._mentions.get((occ.part, occ.start))
        if found is None:
            found = self._mentions[occ.part, occ.start] = self._mention(occ)
        return found

    def _mention(self, occ: Occurrence) -> tuple[int, int, bool, bool]:
        begin, end, k = self.sentence(occ)
        words = _words_before(self.parts[occ.part], begin, occ.start)
        cached = self._flags.get((occ.part, k))
        if cached is None:
            sentence = self.lower[occ.part][begin:end]
            cached = sentence_cues(sentence, self.parts[occ.part][begin:end])
            self._flags[(occ.part, k)] = cached
        return self.first[occ.part] + k, words, cached[0], cached[1]


def _words_before(text: str, begin: int, start: int) -> int:
    """Words in ``text[begin:start]``, counted up to 3: only "at most 2" is a feature, and
    counting them all was quadratic in a long sentence naming companies throughout."""
    # A window of 200 characters holds 3 words unless they are very long (a web address).
    near = len(text[begin : min(start, begin + 200)].split(None, 3))
    if near < 3 and start - begin > 200:
        near = len(text[begin:start].split(None, 3))
    return min(near, 3)
