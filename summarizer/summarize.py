"""One article in, a short extractive summary out.

``summarize`` splits the cleaned article into sentences, leaves out the
headline (and sentences that merely repeat it) and page furniture, lets the
chosen algorithm rank the rest, and returns exactly the requested number of
sentences (when the article has them) in the article's own order, a quotation a
sentence leaves open closed at its end. It is pure:
the same article always gives the same summary (no clock readings; callers
that report timing measure it themselves).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.algorithms import get_algorithm
from summarizer.algorithms.base import Algorithm, Document
from summarizer.algorithms.openers import opens_dangling, without_connective
from summarizer.article import Article
from summarizer.errors import EmptyArticleError, InputError
from summarizer.focus_order import company_first
from summarizer.text.boilerplate import boilerplate_flags
from summarizer.text.capitals import lost_capitals, opened, spell_names
from summarizer.text.clean import DERIVED_TITLE
from summarizer.text.dateline import split_dateline
from summarizer.text.language import detect_language
from summarizer.text.normalize import paragraph_key
from summarizer.text.quotes import balance_quotes
from summarizer.text.split import NewsTokenizer

# Sentences of this many words or fewer ("He declined.") are picked only when
# the article has nothing better.
MIN_WORDS = 4
# ...and so are "sentences" longer than this: almost always a failed split
# (an unclosed quote, a list), unreadable in a chat message.
MAX_WORDS = 60
_NEAR_MAX = 45
# A sentence ending on a colon leads into what follows it ("Here are five things to
# know: ", "The case raises three legal issues:"): a list or a quote a summary leaves
# out. CNN/DM rows end such a line with " ." (each line of the page gets a stop).
LEAD_IN = re.compile(r":[\s.]*$")
# A short line the page showed without a full stop of its own, to which CNN/DM rows add
# " .": a related-story link ("Lyme disease: What you should know ."), a prompt ("Watch
# it live on NASA TV ."), a label. 76 of the 1,851 sentences picked on cnndm_dev were
# such lines. Longer ones stay: dropping those of up to 15 or 20 words cost ROUGE there
# (captions that retell the story), those of up to 10 words cost nothing.
_UNSTOPPED_WORDS = 10
# A paragraph of one short line without a closing mark, after the first paragraph and
# before another, is a subheading ("Market reaction", "A long road to recovery"), not
# a sentence a summary can show; a list item ("- Cut tax rates to 30%") may be.
_SUBHEAD_WORDS = 8
_CLOSED = tuple(".!?\"”’'…:;")
_LIST_ITEM = tuple("-*•–—0123456789")
# A sentence sharing this much of its vocabulary with the headline repeats it.
_TITLE_OVERLAP = 0.8
# Prose has words of a few letters; a "sentence" with more characters per word than
# this is not text to summarize.
_MAX_CHARS_PER_WORD = 50


@dataclass(frozen=True, slots=True)
class Summary:
    """What the reader gets: the headline ("" for a text without one) and the picked
    sentences in article order."""

    title: str
    sentences: tuple[str, ...]
    algorithm: str
    language: str = "english"


def build_document(article: Article, *, language: str | None = None) -> Document:
    """The article split into sentences and words, without sentences that repeat
    the headline or each other. ``language`` is detected when not given."""
    language = language or detect_language(f"{article.title}\n{article.body}")
    tokenizer = NewsTokenizer(language)
    derived = bool(article.extra.get(DERIVED_TITLE))
    title = () if derived else _title_marks(article.title)
    sentences: list[str] = []
    paragraph_of: list[int] = []
    words: list[tuple[str, ...]] = []
    seen: set[str] = set()
    wire = False
    # Shown with capitals again, once split and tokenized as the text is (capitals.py).
    caseless = lost_capitals(article.paragraphs)
    for p, paragraph in enumerate(article.paragraphs):
        for sentence in tokenizer.to_sentences(paragraph):
            if not sentences and not wire:
                sentence, wire = split_dateline(sentence)
            sentence_words = tokenizer.to_words(sentence)
            if len(sentence) > _MAX_CHARS_PER_WORD * max(1, len(sentence_words)):
                continue  # no prose: a base64 blob, a 5 MB run of one letter
            key = _key(sentence, sentence_words)
            if not key or key in seen or _repeats_title(key, title):
                continue
            seen.add(key)
            sentences.append(opened(sentence) if caseless else sentence)
            paragraph_of.append(p)
            words.append(sentence_words)
    return Document(
        title="" if derived else article.title,  # opening words are no headline
        sentences=tuple(sentences),
        paragraph_of=tuple(paragraph_of),
        words=tuple(words),
        language=tokenizer.language,
        wire=wire,
    )


def summarize(
    article: Article,
    *,
    sentences: int = 3,
    algorithm: str | None = None,
    company: str | None = None,
    aliases: Sequence[str] = (),
) -> Summary:
    """The ``sentences`` best sentences of ``article``, in article order, never the
    headline; exactly that many when the article has them. With ``company``, the
    algorithm is asked to focus on that company (and its ``aliases``), and the
    summary opens with a sentence naming it whenever one is picked (after the sentences
    it leans on, when it needs them: "It lost its lead to HP").

    Raises InputError for ``sentences < 1``, UnknownAlgorithmError for an unknown
    name and EmptyArticleError when the article has no sentence to pick.
    """
    if sentences < 1:
        raise InputError("The number of sentences must be at least 1.")
    algo = get_algorithm(algorithm)
    doc = build_document(article)
    if not doc.sentences:
        raise EmptyArticleError("The article has no sentences to summarize.")
    focus = _focus(company, aliases)
    chosen, eligible = _pick(algo, doc, sentences, focus)
    picked = company_first(sorted(chosen), doc, focus, eligible)
    shown = as_shown([doc.sentences[i] for i in picked], article, focus)
    # A connective answers the sentence before it: where that one is not shown, it would
    # tie this sentence to the wrong one ("However, ..." after an unrelated sentence).
    # (In the order shown: the company's sentence may have moved in front of its own.)
    shown = [
        s if k and picked[k - 1] == i - 1 else _standalone(s)
        for k, (i, s) in enumerate(zip(picked, shown, strict=True))
    ]
    return Summary(
        title="" if article.extra.get(DERIVED_TITLE) else article.title,  # no headline
        sentences=tuple(shown),
        algorithm=algo.name,
        language=doc.language,
    )


def _focus(company: str | None, aliases: Sequence[str]) -> tuple[str, ...]:
    """``focus_names`` of a followed company; none without one (the name tables then
    stay unloaded: a batch mostly runs without a company)."""
    if not company and not aliases:
        return ()
    from summarizer.companies.registry.spellings import focus_names

    return focus_names((company, *aliases))


def as_shown(sentences: Sequence[str], article: Article, focus: Sequence[str]) -> list[str]:
    """``article``'s ``sentences`` as a summary or brief shows them: a quotation a
    sentence leaves open closed at its end, and in text that lost its capitals the
    followed company's name spelled as followed ("Xiaomi is to ...")."""
    shown = [balance_quotes(s) for s in sentences]
    if focus and lost_capitals(article.paragraphs):
        shown = [spell_names(s, focus) for s in shown]
    return shown


def _standalone(sentence: str) -> str:
    """A sentence without the connective that tied it to a sentence the summary leaves
    out ("But a spokesman said ..." -> "A spokesman said ..."), when it then reads on its
    own (not "It fell", which needs what "it" is)."""
    bare = without_connective(sentence)
    return bare if bare != sentence and not opens_dangling(bare) else sentence


def _pick(
    algo: Algorithm, doc: Document, count: int, focus: tuple[str, ...]
) -> tuple[list[int], list[int]]:
    """Run the algorithm on the eligible sentences, then top up to ``count``:
    first with the remaining eligible sentences, then with any, in article order.
    Returns the picks and the eligible sentences."""
    sub, eligible = candidates(doc)
    chosen = algo.select(sub, min(count, len(eligible)), focus=focus)
    picked: dict[int, None] = {}  # ordered set: the algorithm's choices first
    for k in chosen:
        if 0 <= k < len(eligible) and len(picked) < count:
            picked[eligible[k]] = None
    for pool in (eligible, range(len(doc.sentences))):
        for i in pool:
            if len(picked) >= count:
                return list(picked), eligible
            picked.setdefault(i, None)
    return list(picked), eligible


def candidates(doc: Document) -> tuple[Document, list[int]]:
    """The sentences an algorithm chooses from (no fragments, no page furniture, no
    lead-in to a list or quote left out, no short line without its own full stop) as a
    document of their own, and their indices in ``doc``."""
    sized = [
        i
        for i, words in enumerate(doc.words)
        if MIN_WORDS <= len(words) <= MAX_WORDS
        # Counted by spaces too ("--" is no token): a reader sees every one. Only near
        # the limit, where a few dashes can make the difference.
        and (len(words) < _NEAR_MAX or len(doc.sentences[i].split()) <= MAX_WORDS)
    ]
    furniture = boilerplate_flags([doc.sentences[i] for i in sized])
    subheads = _subheadings(doc)
    eligible = [
        i
        for i, drop in zip(sized, furniture, strict=True)
        if not drop
        and LEAD_IN.search(doc.sentences[i]) is None
        and i not in subheads
        and not (doc.sentences[i].endswith(" .") and len(doc.words[i]) <= _UNSTOPPED_WORDS)
    ]
    return _subdocument(doc, eligible), eligible


def _subheadings(doc: Document) -> frozenset[int]:
    """The sentences of ``doc`` that are subheadings between its paragraphs."""
    paragraphs = doc.paragraph_of
    if not paragraphs or paragraphs[0] == paragraphs[-1]:
        return frozenset()  # one paragraph: nothing stands between two
    return frozenset(
        i
        for i in range(1, len(paragraphs) - 1)
        # (paragraph numbers only grow: one that starts after i - 1 is not the first)
        if paragraphs[i - 1] != paragraphs[i] != paragraphs[i + 1]
        and len(doc.words[i]) <= _SUBHEAD_WORDS
        and not doc.sentences[i].endswith(_CLOSED)
        and not doc.sentences[i].startswith(_LIST_ITEM)
    )


def _subdocument(doc: Document, keep: list[int]) -> Document:
    return Document(
        title=doc.title,
        sentences=tuple(map(doc.sentences.__getitem__, keep)),
        paragraph_of=tuple(map(doc.paragraph_of.__getitem__, keep)),
        words=tuple(map(doc.words.__getitem__, keep)),
        language=doc.language,
        wire=doc.wire,
    )


def _key(sentence: str, words: tuple[str, ...]) -> str:
    """``paragraph_key(sentence)``: the lower-case ``\\w+`` runs, space-separated (what
    repeats are compared on). For ASCII text without "_" they are its word tokens with the
    ' - . the tokenizer keeps inside words made spaces: no second regex pass, and no
    split and join (a token never starts, ends or doubles those marks)."""
    if sentence.isascii() and "_" not in sentence:
        return " ".join(words).lower().replace("'", " ").replace("-", " ").replace(".", " ")
    return paragraph_key(sentence)


def _title_marks(title: str) -> tuple[str, ...]:
    """The headline's distinct lower-case ``\\w+`` runs, each between spaces: found
    in a sentence's padded key by substring search (no word set per sentence). Longest
    first: a long word is the rarest, so a sentence that is no repeat misses enough of
    them after the fewest searches (which words are missed does not change the answer)."""
    marks = dict.fromkeys(paragraph_key(title).split())
    return tuple(sorted((f" {word} " for word in marks), key=len, reverse=True))


def _repeats_title(key: str, title: tuple[str, ...]) -> bool:
    """True when a sentence with this ``_key`` is the headline (``_title_marks``)
    again, give or take a word or two."""
    if not title or not key:
        return False  # untitled
    padded = f" {key} "
    shared = len(title)
    for mark in title:
        if mark not in padded:
            shared -= 1
            if shared / len(title) < _TITLE_OVERLAP:
                # Too few headline words are left to find, and the union is no smaller
                # than the headline: most sentences are settled after two or three.
                return False
    size = len(frozenset(key.split()))
    union = size + len(title) - shared
    return shared / union >= _TITLE_OVERLAP or (
        len(title) >= 3 and shared == len(title) and size - shared <= 2
    )
