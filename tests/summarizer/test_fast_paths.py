"""The summarizer's shortcuts give exactly the answers of the plain computations they
replace (summaries must not change when code gets faster): each shortcut is checked
against its plain form on generated input, including the cases that leave the
shortcut (non-ASCII text, spaces or line breaks inside words, empty words)."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.algorithms import keys
from summarizer.algorithms.centrality import (
    _dense_graph,
    _dense_walk,
    _sparse_graph,
    _unique_counts,
    _walk,
)
from summarizer.algorithms.keys import content_keys, word_key
from summarizer.algorithms.sentence_features import (
    _has_number,
    _has_numbers,
    _joined_ascii,
    _name_counts,
    _names_share,
    _names_shares,
    _number_counts,
)
from summarizer.summarize import _repeats_title, _title_marks
from summarizer.text import language as lang
from summarizer.text import split, words
from summarizer.text.boilerplate import (
    _LIMIT_FOR_WORDS,
    _PRINTABLE,
    LINE_RULES,
    TAIL_MARKERS,
    Rule,
    _rule_starts,
    _word_count,
    boilerplate_flags,
    clean_paragraphs,
    is_boilerplate,
    matching_rule,
)
from summarizer.text.normalize import normalize, paragraph_key
from summarizer.text.punkt_fast import FastPunkt

_SPACING = list("aZ .\t\n\r\u00a0\u2003\u202f\u3000\u00adé\u0301K\u212a")
_KEY_CHARS = list("aZ09 _'.-!é\u212aİ中\t")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CHARS = list("aZ q9 .-'’\n\tÉé٣あ中ж")
_WORDS = st.text(alphabet=_CHARS, max_size=6)
_FURNITURE = [
    "Share this:",
    "By Jane Doe",
    "We use cookies. Accept cookies to continue",
    "Sign up for our newsletter",
    "All rights reserved",
    "© 2024 Acme",
    "Advertisement",
    "Image source, Reuters",
    "Enable JavaScript to watch",
    "Shares rose 9 per cent after the results.",
    "Xiaomi's share price rose on Tuesday.",
    "",
    "  Photo: Getty  ",
    "(Reporting by Jane Doe; Editing by John Smith)",
    "Media playback is not supported on this device",
    "CNN's Jane Doe contributed to this report.",
    "Have you been affected? Share your experiences by emailing us.",
    "Editor's note: An earlier version of this article gave the wrong date.",
    "12 comments",
    "MORE: Acme's plant",
    "More: the firm said",
]


# Pieces of paragraphs: furniture, its words inside prose, and enough plain words to
# pass every rule's word limit (40).
_PIECES = [
    *_FURNITURE,
    "More from the BBC desk",
    "cookies",
    "newsletter",
    "Related",
    "By",
    "Jane",
    "the",
    "word" * 3,
]
_PARAGRAPHS = st.lists(st.sampled_from(_PIECES), max_size=50).map(" ".join) | st.sampled_from(
    _FURNITURE
)


def _normalize_plain(text: str) -> str:
    """normalize() as first written: every step on every line."""
    text = unicodedata.normalize("NFC", text).translate(dict.fromkeys(map(ord, _INVISIBLE), None))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    spaces = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
    return "\n".join(spaces.sub(" ", line).strip() for line in text.split("\n"))


def _clean_paragraphs_plain(paragraphs: list[str], title: str) -> tuple[str, ...]:
    """clean_paragraphs() as first written: the tail markers, then each line rule."""
    kept: list[str] = []
    seen = {" ".join(re.findall(r"\w+", title.lower()))} if title else set()
    for paragraph in paragraphs:
        key = " ".join(re.findall(r"\w+", paragraph.lower()))
        marker = matching_rule(paragraph, TAIL_MARKERS)
        if marker is not None:
            if len(kept) >= marker.min_story:
                break
            continue
        if matching_rule(paragraph, LINE_RULES) or key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    return tuple(kept)


def _script_language_plain(sample: str) -> str | None:
    """The script test written plainly (regex removal, every script counted)."""
    rest = re.sub("[\x00-\x7f]+", "", sample)
    if not rest:
        return None if re.search("[A-Za-z]", sample) else "english"
    ascii_letters = len(re.findall("[A-Za-z]", sample))
    letters = ascii_letters + sum(map(str.isalpha, rest))
    if not letters:
        return "english"
    for pattern, language in lang._SCRIPT_LANGUAGES:
        if len(re.findall(pattern, rest)) / letters > 0.2:
            return language
    if len(lang._CYRILLIC_RE.findall(rest)) / letters > 0.3:
        return "ukrainian" if lang._UKRAINIAN_RE.search(rest) else "russian"
    if (ascii_letters + len(lang._LATIN_RE.findall(rest))) / letters < 0.3:
        return "unknown"
    return None


@given(st.lists(st.lists(_WORDS, max_size=6).map(tuple), max_size=5))
@settings(max_examples=300, deadline=None)
def test_document_text_features_match_the_per_sentence_ones(words: list[tuple[str, ...]]) -> None:
    sentences = tuple(" ".join(w) for w in words)
    names = np.fromiter(map(_names_share, words), float, len(words))
    joined = _joined_ascii(tuple(words))
    name_counts = _name_counts(tuple(words), joined)
    assert _names_shares(tuple(words), name_counts).tobytes() == names.tobytes()
    assert name_counts.tobytes() == _name_counts(tuple(words), None).tobytes()  # word by word
    counts = _number_counts(tuple(words), None)
    assert _number_counts(tuple(words), joined).tobytes() == counts.tobytes()
    numbers = np.fromiter(map(_has_number, sentences), bool, len(words))
    assert _has_numbers(sentences).tolist() == numbers.tolist()


@given(st.lists(st.sampled_from(_FURNITURE) | st.text(alphabet=_CHARS, max_size=30), max_size=6))
@settings(max_examples=300, deadline=None)
def test_furniture_flags_match_one_by_one(texts: list[str]) -> None:
    assert boilerplate_flags(texts) == [is_boilerplate(t) for t in texts]


@given(st.text(alphabet=list("ab  \t\n\xa0\u2009\x1c."), max_size=200))
@settings(max_examples=500, deadline=None)
def test_furniture_word_count_matches_the_split(text: str) -> None:
    # Counted by spaces when single spaces are the text's only whitespace; split
    # otherwise (tabs, line breaks, no-break and thin spaces). Any count past the
    # rules' largest limit means the same: no rule admits it.
    text, most = text.strip(), len(_LIMIT_FOR_WORDS)
    assert min(_word_count(text), most) == len(text.split(None, most - 1))


@given(st.lists(st.integers(min_value=0, max_value=12), max_size=40))
@settings(max_examples=200, deadline=None)
def test_unique_counts_match_numpy(values: list[int]) -> None:
    codes = np.array(values, dtype=np.int64)
    expected = np.unique(codes, return_counts=True)
    got = _unique_counts(codes.copy())
    assert [a.tolist() for a in got] == [a.tolist() for a in expected]
    assert [a.dtype for a in got] == [a.dtype for a in expected]


@given(st.text(alphabet=list("aZ .1£éжієあ한中ไعשहα\u0301"), max_size=40))
@settings(max_examples=400, deadline=None)
def test_script_language_matches_the_plain_count(sample: str) -> None:
    assert lang._script_language(sample) == _script_language_plain(sample)


@given(st.text(alphabet=list("aZ09 '-._’é\t\n"), max_size=40))
@settings(max_examples=300, deadline=None)
def test_ascii_words_and_single_spacing_match_the_general_rules(text: str) -> None:
    assert split.NewsTokenizer().to_words(text) == tuple(words.WORD_RE.findall(text))
    assert split._single_spaced(text) == " ".join(text.split())


@given(st.text(alphabet=list("aZ09 '-.,_\"()$\t\n"), max_size=40))
@settings(max_examples=500, deadline=None)
def test_ascii_words_by_byte_table_match_the_regex(text: str) -> None:
    assert words.ascii_words(text) == tuple(words._ASCII_WORD_RE.findall(text))


@given(st.lists(st.sampled_from("abcdefg"), max_size=8), st.sets(st.sampled_from("abcdefg")))
@settings(max_examples=300, deadline=None)
def test_headline_repeats_match_the_plain_overlap(words: list[str], title: set[str]) -> None:
    title_words = frozenset(title)
    plain = False
    if title_words and words:
        mine = frozenset(words)
        shared = len(mine & title_words)
        plain = shared / len(mine | title_words) >= 0.8 or (
            len(title_words) >= 3 and shared == len(title_words) and len(mine) - shared <= 2
        )
    assert _repeats_title(" ".join(words), _title_marks(" ".join(title))) == plain


@given(
    st.lists(st.lists(st.integers(min_value=0, max_value=9), max_size=12), min_size=1, max_size=12)
)
@settings(max_examples=300, deadline=None)
def test_dense_graph_matches_the_linear_one(bags: list[list[int]]) -> None:
    # Short articles use the built n x n graph, long ones the linear-time regrouping:
    # the same overlaps exactly, the same products up to float rounding (the walk
    # itself is checked against the plain n x n loops in test_newsrank).
    sents = np.repeat(np.arange(len(bags)), [len(b) for b in bags])
    words = np.array([w for b in bags for w in b], dtype=np.int64)
    logs = np.log(np.maximum(np.bincount(sents, minlength=len(bags)), 1.0))
    # The dense way reads token labels (word id + 1; 0, a stop word: one per sentence).
    stops = np.arange(len(bags))
    codes = np.concatenate((sents * 11 + words + 1, stops * 11))
    edges, (overlap_with, sets, uses) = _dense_graph(codes, len(bags), 10)
    times_a, (sparse_overlap, sparse_sets, sparse_uses) = _sparse_graph(sents, words, logs, 10)
    for k in range(len(bags)):
        assert overlap_with(k).tolist() == sparse_overlap(k).tolist()
    assert sets.sentences_with.tolist() == sparse_sets.sentences_with.tolist()
    assert sets.sizes.tolist() == sparse_sets.sizes.tolist()
    assert uses.tolist() == sparse_uses.tolist()
    values = np.linspace(0.0, 1.0, 10)  # sums of whole numbers times these: exact enough
    assert np.allclose(sets.total(values), sparse_sets.total(values), rtol=1e-12)
    for x in (np.ones(len(bags)), np.linspace(0.1, 2.0, len(bags))):
        assert np.allclose(edges @ x, times_a(x), rtol=1e-12, atol=1e-12)
    # The folded walk is the generic one on the same matrix, up to rounding.
    assert np.allclose(_dense_walk(edges), _walk(edges.dot, len(bags)), rtol=1e-12)


# Words around a period: what follows "said." in news, and shapes that must leave
# the fast path (a later token that could end a sentence, a comma inside a word).
_NEXT_WORDS = st.lists(
    st.sampled_from(
        [
            "The", "the", '"We', '"It\'s', "(ONS)", "[1]", "{a}", "However,", "BMW's",
            "firm’s", "US-German", "--", "-5", "U.S.", '"Yes!', "1,000", "a,b", ",",
            '"', "'", "’", "“", "”", "?", "!", ")", "#1", "&", "*", "@", ":", ";", "...",
            "é", "x’y’", "'s", "A.", "a,", ",,", '"(', "Inc.,", "·", "a;b",
        ]
    ),
    min_size=1,
    max_size=3,
).map("".join)  # fmt: skip


@given(
    st.sampled_from(["said", "5", "Acme", "é"]),
    _NEXT_WORDS,
    st.sampled_from([" ", "\n", ""]),
    st.sampled_from(["english", "greek"]),  # Greek: ";" ends a sentence
)
@settings(max_examples=500, deadline=None)
def test_punkt_next_word_shortcut_takes_the_tokenizer_decision(
    word: str, following: str, gap: str, language: str
) -> None:
    # A candidate "word." settled from the next word's first token gives the answer
    # of word-tokenizing its whole context; both tokenizers split the text alike.
    reference = split._punkt_tokenizer(language)
    fast = FastPunkt(reference)
    text = f"{word}.{gap}{following}"
    for match, _ in fast._candidate_matches(text):
        if match.start() != len(word):
            continue
        after, next_tok = match["after_tok"], match["next_tok"]
        next_word = fast._next_word(after, next_tok)
        if next_word is not None:
            assert fast._words.tokenize(f"{word}.{after}")[:2] == [f"{word}.", next_word]
            shortcut = fast._breaks(fast._first_pass(f"{word}."), fast._first_pass(next_word))
            assert shortcut == fast._has_break(f"{word}.{after}")
    assert fast.tokenize(text) == reference.tokenize(text)


def test_content_keys_are_word_keys_and_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # The shared key cache keeps no recency order; it is emptied when full instead.
    stop = frozenset({"the", "it"})
    tokens = ["The", "firms", "Firm's", "it", "companies", "Bus", "US", "firms"]
    assert list(map(content_keys(stop), tokens)) == [
        None if t.lower() in stop else word_key(t) for t in tokens
    ]
    monkeypatch.setattr(keys, "_KEY_CACHE_SPELLINGS", 3)
    key = content_keys(stop)
    list(map(key, tokens))
    assert key.cache_info().currsize > 3  # type: ignore[attr-defined]
    assert content_keys(stop)("Firms") == "firm"  # emptied first, then filled again
    assert key.cache_info().currsize == 1  # type: ignore[attr-defined]


@given(st.text(alphabet=_SPACING[:7], max_size=40) | st.text(alphabet=_SPACING, max_size=40))
@settings(max_examples=500, deadline=None)
def test_normalize_matches_the_plain_rules(text: str) -> None:
    assert normalize(text) == _normalize_plain(text)
    assert normalize(text + _INVISIBLE) == _normalize_plain(text + _INVISIBLE)


@given(
    st.text(alphabet=list("aZ09 _'.-!\t"), max_size=40) | st.text(alphabet=_KEY_CHARS, max_size=40)
)
@settings(max_examples=500, deadline=None)
def test_paragraph_key_matches_the_word_regex(text: str) -> None:
    assert paragraph_key(text) == " ".join(re.findall(r"\w+", text.lower()))


@given(st.lists(_PARAGRAPHS, max_size=8), st.sampled_from(["", "Share this:", "the word"]))
@settings(max_examples=400, deadline=None)
def test_clean_paragraphs_match_rule_by_rule(paragraphs: list[str], title: str) -> None:
    assert [is_boilerplate(p) for p in paragraphs] == [
        matching_rule(p) is not None for p in paragraphs
    ]
    assert clean_paragraphs(paragraphs, title=title) == _clean_paragraphs_plain(paragraphs, title)


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"^share (this|the)", "s"),
        (r"^\(?(additional )?(reporting|editing) by", "(aer"),
        (r"^(image|media) (source|caption)\s*:", "im"),
        (r"^\d+ comments?|^comments", "0123456789c"),
        (r"^[a-c]x|^M(?-i:ORE)", "-abcm"),  # "-" of the range: a harmless extra
        (r"^(?-i:[A-Z])\w+", None),  # inline flags: not read
        (r"^\w+ said", None),
        (r"^(x)?", None),  # may match nothing
    ],
)
def test_the_first_characters_a_furniture_rule_can_start_with(
    pattern: str, starts: str | None
) -> None:
    """What the first-character dispatch of ``is_boilerplate`` reads from a rule; None:
    it cannot tell, so the rule is tried on every text."""
    found = _rule_starts(Rule(re.compile(pattern, re.IGNORECASE), "test"))
    assert found is not None  # every alternative is anchored
    assert (None if found == _PRINTABLE else "".join(sorted(found))) == starts


def test_a_furniture_rule_not_anchored_at_the_start_has_no_first_characters() -> None:
    """It is searched, not dispatched: "… contributed to this report." ends a line."""
    rule = Rule(re.compile(r"^by\b|contributed to this report$", re.IGNORECASE), "test")
    assert _rule_starts(rule) is None


def test_a_furniture_screen_hit_is_checked_against_the_rules_that_admit_its_length() -> None:
    # Starts like "More from X" (a heading of at most 6 words) but runs to 8.
    text = "More from the BBC business news desk today"
    assert matching_rule(text) is None
    assert not is_boilerplate(text)
    assert is_boilerplate("More from the BBC")


@given(
    st.text(alphabet=list("aZ9 .'’é£\u303f\u3040\u30ff\u3400\u4e00\u9fff\uf900\uffe5"), max_size=20)
)
@settings(max_examples=400, deadline=None)
def test_words_of_non_ascii_text_match_the_cjk_rule(sentence: str) -> None:
    cjk = re.compile(split._CJK_CHAR)
    plain = re.compile(split._CJK_WORD) if cjk.search(sentence) else words.WORD_RE
    expected = tuple(plain.findall(sentence))
    if not sentence.isascii():
        assert split.NewsTokenizer().to_words(sentence) == expected
