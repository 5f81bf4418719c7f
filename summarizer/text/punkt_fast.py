"""Punkt's sentence boundaries, decided only where a sentence could end.

``punkt.PunktSentenceTokenizer`` already looks only at candidate boundaries (a
``. ? !`` followed by punctuation or by whitespace and a word), but for each one
it builds a candidate object, word-tokenizes the context into ``PunktToken``
objects and streams them through two generator passes; on a news article that
bookkeeping is most of the time spent splitting. :class:`FastPunkt` finds the
same candidates with the same regex and applies the same decision rules
(first pass: abbreviation, ellipsis, sentence break; second pass: collocation,
number-bound abbreviation, orthographic and sentence-starter heuristics,
initials) to plain strings, reading the same pretrained parameters. It gives the
reference tokenizer's exact spans; tests compare both on tricky cases, and the
dev sets split identically. Scripts written without spaces between sentences
(Chinese, Japanese) go to the reference tokenizer.
"""

from __future__ import annotations

import re
from functools import lru_cache

import punkt
from punkt import (
    DEFAULT_LANGUAGE_VARS,
    LanguageVars,
    PunktBoundaryDetector,
    PunktWordTokenizer,
)

_NUMBER_TYPE = "##number##"  # punkt.rules.tokens.NUMBER_TYPE: numbers share one type
_NUMERIC_RE = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_ELLIPSIS_RE = re.compile(r"\.\.+$")
_INITIAL_RE = re.compile(r"[^\W\d]\.$")
_NON_INITIAL = frozenset(";:,.!?")  # never start a sentence (punkt.annotate)
# OrthoContext bits: upper case seen anywhere / mid-sentence; lower case anywhere /
# sentence-initially.
_UC, _MID_UC, _LC, _BEG_LC = 0b1110, 0b100, 0b1110000, 0b10000
_YES, _NO, _UNKNOWN = 1, 0, -1
# Whitespace as Punkt's candidate finder knows it (string.whitespace, ASCII only).
_OTHER_WHITESPACE = "\t\n\r\x0b\x0c"
# Only a "..", or ". . ." spaced out, can hide a period inside a run of punctuation.
_RUN_HINT_RE = re.compile(r"\.\s?\.")
# Punkt's r"\.{2,}|(?:\.\s){2,}\." (with hyphen runs, which hold no period), written
# with one literal first character so the regex engine can skip to it.
_PERIOD_RUN_RE = re.compile(r"\.(?:\.+|\s\.\s\.(?:\s\.)*)")
_DEFAULT_REALIGN = DEFAULT_LANGUAGE_VARS.boundary_realignment_pattern
_CLOSERS = frozenset("\"')]}’”«»")  # what _DEFAULT_REALIGN's class admits

# One word token: (token, type: lower case with numbers collapsed to one type,
# type without a final period, first-pass sentence break, abbreviation or ellipsis,
# an initial like "J.").
_Token = tuple[str, str, str, bool, bool, bool]


class FastPunkt:
    """Sentences of a text exactly as ``tokenizer`` splits them, found faster."""

    def __init__(self, tokenizer: punkt.PunktSentenceTokenizer) -> None:
        rules: LanguageVars = tokenizer.rules
        params = tokenizer.params
        self._reference = tokenizer
        # Unspaced scripts and line-break modes take the reference's other branches;
        # _PERIOD_RUN_RE is the default rules' pattern for runs of punctuation.
        self._spaced = (
            rules.next_sentence_requires_space
            and tokenizer.line_breaks == "ignore"
            and rules.multi_char_punct_pattern == DEFAULT_LANGUAGE_VARS.multi_char_punct_pattern
        )
        self._candidates = PunktBoundaryDetector(rules)
        self._words = PunktWordTokenizer(rules)
        self._realign = re.compile(rules.boundary_realignment_pattern, re.MULTILINE)
        # The default pattern moves only a run of these: a span opening on none of
        # them needs no regex call (most spans open on a letter).
        default = rules.boundary_realignment_pattern == _DEFAULT_REALIGN
        self._closers = _CLOSERS if default else None
        self._enders = frozenset(rules.sent_end_chars)
        # Characters no word token starts with: Punkt's word regex takes each alone
        # ("-" excepted: "--" is one token).
        self._lone = frozenset(rules.word_start_exclusions) - {"-"}
        self._apostrophes = tuple(mark for mark in "'’" if mark in rules.non_word_chars)
        self._multi_period = "." in rules.sent_end_chars
        self._abbrevs = params.abbrev_types
        self._numeric_abbrevs = params.numeric_abbrev_types
        self._collocations = params.collocations
        self._starters = params.sent_starters
        self._ortho = params.ortho_context
        # Words recur ("said.", "The"): their first-pass verdict is computed once.
        self._first_pass = lru_cache(maxsize=4096)(self._first_pass_uncached)

    def tokenize(self, text: str) -> list[str]:
        """The sentences of ``text``: ``PunktSentenceTokenizer.tokenize``'s result."""
        if not self._spaced:
            return self._reference.tokenize(text)
        return [text[start:end] for start, end in self._realigned(text, self._spans(text))]

    # -- Candidates and spans (punkt.inference.tokenizer, rules.boundaries) ----

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans before realignment, punctuation-only spans absorbed."""
        spans: list[tuple[int, int]] = []
        last_break = 0
        first_pass, breaks = self._first_pass, self._breaks
        for match, word_start in self._candidate_matches(text):
            word, punct = text[word_start : match.start()], match.group()
            following, after = match["next_tok"], match["after_tok"]
            # "said. The", 'said. "We': Punkt's word tokens are plainly "said." and the
            # next word's first token; no tokenizer pass is needed to find them.
            plain = punct == "." and word.isalnum()
            next_word = self._next_word(after, following) if plain else None
            if next_word is not None:
                found = breaks(first_pass(word + "."), first_pass(next_word))
            else:
                found = self._has_break(word + punct + after)
            if found:
                spans.append((last_break, match.end()))
                last_break = match.start("next_tok") if following else match.end()
        spans.append((last_break, len(text.rstrip())))
        return self._absorb_punctuation(text, spans)

    def _next_word(self, after: str, following: str | None) -> str | None:
        """Punkt's first word token after a candidate "word." (``after`` and
        ``following``: the boundary regex's groups), when no later token of the
        context can end a sentence; None leaves the candidate to ``_has_break``."""
        if following is None:
            return after  # a single mark of punctuation: a token of its own
        if following.isalnum():
            return following
        if not self._enders.isdisjoint(following):
            return None  # a later token could end a sentence ("U.S.", '"Yes!')
        if following[0] in self._lone:
            return following[0]  # 'said. "We': the word regex takes the quote alone
        if following[-1] == "," and following[:-1].isalnum():
            return following[:-1]  # "quarters. However,": a comma ending a word
        for mark in self._apostrophes:  # "plans. BMW's": punctuation to Punkt's words
            head, found, _ = following.partition(mark)
            if found and head.isalnum():
                return head
        return None

    def _candidate_matches(self, text: str) -> list[tuple[re.Match[str], int]]:
        """Candidate matches and where the word before each starts; in a run of
        punctuation ("acting!!!", "...") only the last mark is a candidate."""
        interior = self._run_interior(text)
        # Five substring tests: a character-class search scans ~30x slower.
        other_ws = any([c in text for c in _OTHER_WHITESPACE])
        found: list[tuple[re.Match[str], int]] = []
        stop, word_start = 0, 0
        for match in self._candidates.match(text):
            start = match.start()
            if start in interior:
                continue
            space = text.rfind(" ", stop, start)
            if other_ws:
                space = max(space, *(text.rfind(c, stop, start) for c in _OTHER_WHITESPACE))
            # Punkt treats whitespace at offset 0 of the gap like none at all.
            new_start = space + 1 if space > stop else word_start
            if found and stop > new_start:
                found.pop()  # the previous mark was inside this run
            found.append((match, new_start))
            stop, word_start = start, new_start
        return found

    def _run_interior(self, text: str) -> frozenset[int]:
        """Offsets of periods inside an ellipsis, which end no sentence."""
        if not self._multi_period or not _RUN_HINT_RE.search(text):
            return frozenset()
        return frozenset(
            i for m in _PERIOD_RUN_RE.finditer(text) for i in range(m.start(), m.end() - 1)
        )

    def _absorb_punctuation(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Drop empty spans; a span of nothing but ". ! ?" joins the one before."""
        enders = self._enders
        out: list[tuple[int, int]] = []
        for start, end in spans:
            if start >= end:
                continue
            # The first character settles almost every span without copying it.
            if out and text[start] in enders and all(c in enders for c in text[start:end]):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out

    def _realigned(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Closing quotes and brackets after a break move back onto the sentence."""
        out: list[tuple[int, int]] = []
        shift = 0
        closers = self._closers
        for index, (start, end) in enumerate(spans):
            start += shift
            if index + 1 == len(spans):
                if start < end:
                    out.append((start, end))
                continue
            following = spans[index + 1]
            if closers is not None and text[following[0]] not in closers:
                match = None
            else:
                match = self._realign.match(text, following[0], following[1])
            if match:
                out.append((start, following[0] + len(match.group().rstrip())))
                shift = match.end() - following[0]
            else:
                shift = 0
                if start < end:
                    out.append((start, end))
        return out

    # -- The decision at one candidate (punkt.annotate) -----------------------

    def _has_break(self, context: str) -> bool:
        """Whether any but the last token of ``context`` ends a sentence."""
        if "\n" in context:
            words = [w for line in context.split("\n") for w in self._words.tokenize(line)]
        else:
            words = self._words.tokenize(context)
        for i in range(len(words) - 1):
            word = words[i]
            if word[-1] == ".":  # only a period is ambiguous
                if self._breaks(self._first_pass(word), self._first_pass(words[i + 1])):
                    return True
            elif word in self._enders:  # a bare "?" or "!" always ends one
                return True
        return False

    def _first_pass_uncached(self, tok: str) -> _Token:
        """A token's verdict from its own form: a sentence break, or an
        abbreviation/ellipsis, or neither."""
        stem = tok[:-1] if tok[-1:] == "." else tok
        if stem.isalpha():  # most words: no number, ellipsis or lone mark (no regex)
            type_ = tok.lower()
            if stem is tok:
                return tok, type_, type_, False, False, False
            abbrev = self._is_abbrev(stem)
            return tok, type_, type_[:-1], not abbrev, abbrev, len(tok) == 2
        type_ = _NUMERIC_RE.sub(_NUMBER_TYPE, tok.lower())
        bare = type_[:-1] if len(type_) > 1 and type_.endswith(".") else type_
        initial = _INITIAL_RE.match(tok) is not None
        if tok in self._enders:
            return tok, type_, bare, True, False, initial
        if _ELLIPSIS_RE.match(tok):
            return tok, type_, bare, False, True, initial
        if tok.endswith(".") and not tok.endswith(".."):
            abbrev = self._is_abbrev(tok[:-1])
            return tok, type_, bare, not abbrev, abbrev, initial
        return tok, type_, bare, False, False, initial

    def _is_abbrev(self, word: str) -> bool:
        stem = (word[:-1] if word.endswith(".") else word).lower()
        return stem in self._abbrevs or stem.rsplit("-", 1)[-1] in self._abbrevs

    def _breaks(self, token: _Token, following: _Token) -> bool:
        """The second pass: does ``token`` end a sentence, ``following`` in view?"""
        tok, _, bare, sentbreak, abbr, initial = token
        if not tok.endswith("."):
            return sentbreak
        next_tok, next_type, next_bare, next_break, _, _ = following
        next_type = next_bare if next_break else next_type
        if (bare, next_type) in self._collocations:
            return False
        if next_type.startswith(_NUMBER_TYPE) and _stem(bare) in self._numeric_abbrevs:
            return False
        if abbr and not initial:
            if self._ortho_verdict(next_tok, next_type) == _YES:
                return True
            if next_tok[:1].isupper() and next_type in self._starters:
                return True
        if initial or bare == _NUMBER_TYPE:
            verdict = self._ortho_verdict(next_tok, next_type)
            if verdict == _NO:
                return False
            if (
                verdict == _UNKNOWN
                and initial
                and next_tok[:1].isupper()
                and not self._ortho.get(next_type, 0) & _LC
            ):
                return False
        return sentbreak

    def _ortho_verdict(self, tok: str, type_: str) -> int:
        """Does ``tok`` look like a sentence's first word, from the cases its
        type was seen in: yes, no or unknown."""
        if tok in _NON_INITIAL:
            return _NO
        context = self._ortho.get(type_, 0)
        first = tok[:1]
        if first.isupper() and context & _LC and not context & _MID_UC:
            return _YES
        if first.islower() and (context & _UC or not context & _BEG_LC):
            return _NO
        return _UNKNOWN


def _stem(type_: str) -> str:
    return (type_[:-1] if type_.endswith(".") else type_).lower()


@lru_cache(maxsize=32)
def fast_punkt(tokenizer: punkt.PunktSentenceTokenizer) -> FastPunkt:
    """One FastPunkt per (cached, immutable) reference tokenizer."""
    return FastPunkt(tokenizer)
