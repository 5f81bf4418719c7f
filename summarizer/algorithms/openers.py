"""How a sentence opens: on a connective or a pronoun that leans on the sentence before
it ("However, ...", "It said ...", "They ..."), which no summary may open on alone, and
the sentence without such a connective where the one it answered is not shown.
NewsRank's ``dangling`` feature and its picks read these, as do summaries and briefs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.text.quotes import opens_quotation

# Openers that lean on an earlier sentence (a connective or a pronoun without
# its noun): such a sentence must not open a summary alone.
DANGLING_WORDS = frozenset(
    (
        "however",
        "but",
        "and",
        "yet",
        "so",
        "also",
        "still",
        "meanwhile",
        "instead",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "therefore",
        "thus",
        "then",
        "besides",
        "otherwise",
        "indeed",
        "likewise",
        "similarly",
        "accordingly",
        "hence",
        "consequently",
        "additionally",
        "further",
        "plus",
        "or",
        "nor",
        "it",
        "its",
        "it's",
        "they",
        "their",
        "theirs",
        "them",
        "he",
        "his",
        "him",
        "she",
        "her",
        "hers",
        "this",
        "these",
        "that",
        "those",
        "such",
        "both",
        "either",
        "neither",
        "another",
        "others",
        "we",
        "our",
        "us",
    )
)
# An opening connective and the space (and comma) after it: coordinators before a word,
# adverbs only before their comma.
_CONNECTIVE_RE = re.compile(
    r"(?:(?:But(?! for\b)|And|Yet),?\s+(?=[\w\"“‘'(£$€]))|"
    r"(?:(?:However|Meanwhile|Nevertheless|Nonetheless|Moreover|Furthermore|Instead|Still|"
    r"Indeed|Also|Besides|Likewise|Similarly|Additionally|Consequently|Therefore|Thus|Hence|"
    r"Accordingly|Otherwise|So|Then|Plus),\s+(?=\S))"
)
_LOWER_WORD_RE = re.compile(r"[\"“‘'(]*([a-z]+)\b")
_OPENER_RE = re.compile(r"^[\"“‘'(\[]*([A-Za-z]+(?:['’][a-z]+)?)")


def opening_word(sentence: str) -> str:
    """The first word of ``sentence``, lower case, quotes and brackets skipped."""
    return _folded(_first_word(sentence))


def _first_word(sentence: str) -> str:
    """The first word of ``sentence`` as written ("" when it opens on none)."""
    match = _OPENER_RE.match(sentence.lstrip())
    return match.group(1) if match else ""


def _folded(word: str) -> str:
    return word.lower().replace("’", "'")


def opens_dangling(sentence: str) -> bool:
    """True when ``sentence`` opens on a connective or pronoun that needs the
    sentence before it ("However, ...", "It said ...", "They ...", also contracted:
    "That's partly because ...", "They're ..."); an abbreviation in capitals is a name,
    not a pronoun ("US exports...", "IT staff")."""
    return _dangles(_first_word(sentence))


@lru_cache(maxsize=1 << 12)  # pure; sentences open on a few hundred distinct words
def _dangles(word: str) -> bool:
    """Whether a sentence opening on ``word`` (as written) leans on the one before."""
    if len(word) > 1 and word.isupper():
        return False
    folded = _folded(word)
    if folded in DANGLING_WORDS:
        return True
    return "'" in folded and folded.split("'", 1)[0] in DANGLING_WORDS


# A demonstrative before a word of time ("This year, Acme ...", "That week") dates the
# sentence: it is not tied to one before it.
_DEMONSTRATIVES = frozenset(("this", "these", "that", "those"))
_TIME_WORDS = frozenset(
    (
        *("year", "week", "month", "quarter", "season", "weekend", "time", "day"),
        *("morning", "afternoon", "evening", "night"),
        *("spring", "summer", "autumn", "fall", "winter"),
    )
)

# "We" opening a quotation the sentence attributes stands for the speaker's side.
_FIRST_PERSON = frozenset(("we", "our", "us"))
# A quotation in double quotes closed before the sentence ends, words after it: '"...,"
# Acme said.'
_ATTRIBUTED = re.compile(r"[\"“][^\"”]+[\"”][\s,]*[A-Za-z]")


def needs_antecedent(sentence: str) -> bool:
    """True when ``sentence`` cannot open a summary without the sentence before it: it
    opens on a word that leans on that one ("It fell", "This merger will ...",
    "Another ...", '"It's absurd," Acme said') even once a summary drops the connective
    it opens on ("But he said ..." still does; "But a spokesman said ..." reads alone).
    A demonstrative that dates it ("This year, Acme ...") leans on nothing, nor does
    "we" opening a quotation the sentence goes on to attribute ('"We will appeal," Acme
    said': "we" are the speaker's side)."""
    bare = without_connective(sentence)
    if not opens_dangling(bare):
        return False
    word = _folded(_first_word(bare))
    if word.split("'", 1)[0] in _FIRST_PERSON:
        return not (opens_quotation(bare) and _ATTRIBUTED.match(bare.lstrip()))
    if word not in _DEMONSTRATIVES:
        return True
    after = bare.lstrip("\"“‘'([ ").split(None, 2)[1:2]
    return not (after and after[0].strip(",.;:").casefold() in _TIME_WORDS)


def without_connective(sentence: str) -> str:
    """``sentence`` without a connective it opens on ("But a spokesman said ..." ->
    "A spokesman said ..."; "However, the plan ..." -> "The plan ..."), so that it reads
    on its own where the sentence it answered is not shown; unchanged otherwise. "But",
    "And" and "Yet" go before any word ("But for ..." stays), an adverb only before its
    comma ("So far, ..." and "Still waters" stay); "Or" and "Nor" stay ("Nor did Acme"
    would turn into a question)."""
    match = _CONNECTIVE_RE.match(sentence)
    if match is None:
        return sentence
    rest = sentence[match.end() :]
    # The first word gets its capital; "eBay" or "iPhone" keeps its own spelling.
    word = _LOWER_WORD_RE.match(rest)
    if word:
        at = word.start(1)
        rest = rest[:at] + rest[at].upper() + rest[at + 1 :]
    return rest
