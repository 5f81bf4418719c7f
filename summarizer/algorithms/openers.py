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


# Pronouns that stand for someone or something named before: a sentence opening on one
# (outside a quotation) cannot say who it is about on its own.
_DEMONSTRATIVES = frozenset(("this", "these", "that", "those"))
_PRONOUNS = _DEMONSTRATIVES | {
    *("it", "its", "it's", "they", "their", "them"),
    *("he", "his", "him", "she", "her"),
}
# Verbs a demonstrative pronoun is the subject of ("This is", "That would", "These mean").
_AFTER_PRONOUN = frozenset(
    (
        *("is", "was", "are", "were", "has", "had", "have", "will", "would", "could"),
        *("can", "may", "might", "should", "must", "means", "meant", "mean", "comes"),
        *("came", "includes", "included", "follows", "followed", "led", "leads", "made"),
        *("makes", "marks", "marked", "said", "says", "left", "leaves"),
    )
)


def opens_on_pronoun(sentence: str) -> bool:
    """True when ``sentence`` opens, outside any quotation, on a pronoun standing for
    something named before ("It lost its lead to HP", not '"It's absurd," Acme said')."""
    if opens_quotation(sentence):
        return False
    stripped = sentence.lstrip()
    word = _folded(_first_word(stripped))
    base = word.split("'", 1)[0]  # also "They're", "That's"
    if not opens_dangling(stripped) or base not in _PRONOUNS:
        return False
    if base not in _DEMONSTRATIVES or base != word:
        return True
    # "This is", "That was": a pronoun; "This year", "These figures": a determiner.
    after = stripped.split(None, 2)[1:2]
    return bool(after) and after[0].strip(",.;:").casefold() in _AFTER_PRONOUN


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
