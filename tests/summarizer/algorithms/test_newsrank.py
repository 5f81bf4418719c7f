"""NewsRank, the default summarizer: picks, focus, redundancy, odd inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import Article, build_document, clean_text
from summarizer.algorithms import DEFAULT_ALGORITHM, get_algorithm
from summarizer.algorithms.base import Document
from summarizer.algorithms.newsrank import (
    NewsRank,
    features,
    focus_mask,
    is_wire_copy,
    leaning_lead,
    load_stop_words,
)
from summarizer.algorithms.openers import opens_dangling
from summarizer.summarize import summarize
from summarizer.text.split import NewsTokenizer

APPLE_SENTENCES = {
    "In November 2020, the Xiaomi overtook Apple as the world's third-biggest smartphone maker.",
    "The manufacturer joins Huawei and Apple, who have been reported to be eying to an entry "
    "the EV market in recent months.",
}


def make_doc(sentences: list[str], title: str = "", language: str = "english") -> Document:
    tok = NewsTokenizer(language)
    return Document(
        title,
        tuple(sentences),
        tuple(range(len(sentences))),
        tuple(tok.to_words(s) for s in sentences),
        language,
    )


def test_newsrank_is_the_default() -> None:
    assert DEFAULT_ALGORITHM == "newsrank"
    assert get_algorithm().name == "newsrank"


def test_seed_summary_tells_the_story(seed_text: str) -> None:
    summary = summarize(clean_text(seed_text), sentences=3)
    assert summary.algorithm == "newsrank"
    assert len(summary.sentences) == 3
    assert summary.sentences[0].startswith("Chinese smartphone maker Xiaomi is to become")
    assert not any("Microsoft Teams" in s for s in summary.sentences)  # page tail


def test_apple_follower_gets_the_apple_sentence(seed_text: str) -> None:
    article = clean_text(seed_text)
    plain = summarize(article, sentences=3)
    focused = summarize(article, sentences=3, company="Apple")
    assert plain.sentences[0] not in APPLE_SENTENCES  # the story itself opens on Xiaomi
    assert APPLE_SENTENCES & set(focused.sentences)
    # the summary opens on the company, then the story goes on (Xiaomi's EV plans)
    assert focused.sentences[0] in APPLE_SENTENCES
    assert any(s not in APPLE_SENTENCES for s in focused.sentences[1:])


def test_focus_keeps_a_lead_that_names_the_company() -> None:
    """A later sentence naming the company that scores a little higher does not push out
    the lead naming it too (the alert would miss the news): the opener is the one whose
    summary scores best."""
    text = (
        "Chinese smartphone maker Xiaomi is to become the latest tech firm to start "
        "producing electric vehicles. The market for cars is large and growing fast in "
        "China and abroad. Analysts expect strong demand for cheap models next year. "
        "Founded in 2010, Xiaomi is the largest smartphone producer in China. Rivals such "
        "as Huawei have made similar moves recently."
    )
    for article in (clean_text(text), clean_text(text.lower())):
        plain = summarize(article, sentences=2).sentences
        focused = summarize(article, sentences=2, company="Xiaomi").sentences
        assert [s.lower() for s in focused] == [s.lower() for s in plain]
        assert focused[0].startswith("Chinese smartphone maker Xiaomi")


def test_focus_uses_aliases_and_whole_words(seed_text: str) -> None:
    article = clean_text(seed_text)
    focused = summarize(article, sentences=3, company="Great Wall Motor Co", aliases=["Great Wall"])
    assert any("Great Wall" in s for s in focused.sentences)
    mask = focus_mask(["Applesauce is not a company.", "APPLE shares fell."], ["Apple"])
    assert mask.tolist() == [False, True]


def test_focus_without_mentions_changes_nothing(seed_text: str) -> None:
    article = clean_text(seed_text)
    assert (
        summarize(article, sentences=3, company="Nokia").sentences
        == summarize(article, sentences=3).sentences
    )


def test_near_duplicate_sentences_are_not_both_picked() -> None:
    fact = "Xiaomi shares rose 9 per cent in Hong Kong after the electric car report on Monday."
    doc = make_doc(
        [
            "Xiaomi will build electric cars with Great Wall Motor, sources told Reuters.",
            fact,
            "Xiaomi shares rose 9 per cent in Hong Kong after the electric car report on Monday, "
            "traders said.",
            "The electric car plant in Baoding will make a mass-market model for Xiaomi buyers.",
            "Analysts said the electric car market in China is crowded with new entrants.",
        ]
    )
    picked = NewsRank().select(doc, 3)
    assert len(set(picked)) == 3
    assert not {1, 2} <= set(picked)


def test_returns_best_first_distinct_and_in_range() -> None:
    doc = make_doc(
        [f"Sentence {i} talks about Xiaomi cars and phones number {i}." for i in range(12)]
    )
    picked = NewsRank().select(doc, 4)
    assert len(picked) == len(set(picked)) == 4
    assert all(0 <= i < 12 for i in picked)


@pytest.mark.parametrize("count", [0, -1])
def test_non_positive_count_picks_nothing(count: int) -> None:
    assert NewsRank().select(make_doc(["Xiaomi makes phones."]), count) == []


def test_empty_and_tiny_documents() -> None:
    assert NewsRank().select(make_doc([]), 3) == []
    assert NewsRank().select(make_doc(["Xiaomi makes phones."]), 3) == [0]
    # no content words at all (only stop words / numbers): still a valid pick
    assert sorted(NewsRank().select(make_doc(["It is.", "And so it was.", "1 2 3"]), 2)) in (
        [0, 1],
        [0, 2],
        [1, 2],
    )


def test_very_long_article_is_handled() -> None:
    sentences = [
        f"Company {i % 50} said revenue rose {i} per cent in quarter {i % 4} as "
        f"demand for phones and cars grew in market {i % 7}."
        for i in range(1500)
    ]
    doc = make_doc(sentences)
    picked = NewsRank().select(doc, 5)
    assert len(set(picked)) == 5
    f = features(doc, load_stop_words("english"))
    assert f.centrality.shape == (1500,) and np.isfinite(f.centrality).all()


def test_summarize_very_long_and_very_short_articles() -> None:
    long_article = Article(
        "Long",
        tuple(
            f"Paragraph {i}: Xiaomi sold {i} thousand phones in region {i % 9} this year."
            for i in range(3000)
        ),
    )
    assert len(summarize(long_article, sentences=3).sentences) == 3
    short = summarize(Article("Short", ("Xiaomi makes phones.",)), sentences=3)
    assert short.sentences == ("Xiaomi makes phones.",)


@pytest.mark.parametrize(
    "text",
    [
        "小米公司今天宣布进入电动汽车市场。该公司将与长城汽车合作。分析人士表示前景乐观。",
        "Xiaomi объявила о выходе на рынок электромобилей. Компания будет сотрудничать с Great "
        "Wall. Аналитики настроены оптимистично. Акции выросли на девять процентов.",
        "Xiaomi hat angekündigt, Elektroautos zu bauen. "
        "Die Firma arbeitet mit Great Wall zusammen. "
        "Analysten sind optimistisch. Die Aktie stieg um neun Prozent.",
    ],
)
def test_non_english_text_never_crashes(text: str) -> None:
    summary = summarize(Article("Titel", (text,)), sentences=2, company="Xiaomi")
    assert 1 <= len(summary.sentences) <= 2
    assert all(s in text for s in summary.sentences)


def test_unknown_language_falls_back_cleanly() -> None:
    doc = make_doc(
        ["Qapla batlh je.", "Heghlu meH QaQ jajvam.", "Xiaomi makes phones."], language="klingon"
    )
    assert len(NewsRank().select(doc, 2)) == 2


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(min_size=0, max_size=80), min_size=0, max_size=25),
    st.integers(min_value=0, max_value=8),
    st.lists(st.text(max_size=12), max_size=3),
)
def test_any_text_gives_valid_picks(sentences: list[str], count: int, focus: list[str]) -> None:
    doc = make_doc(sentences)
    picked = NewsRank().select(doc, count, focus=focus)
    assert len(picked) == min(count, len(sentences))
    assert len(set(picked)) == len(picked)
    assert all(0 <= i < len(sentences) for i in picked)


def test_lead_is_kept_for_wire_style_story() -> None:
    """A wire story whose first sentence carries the news keeps that sentence."""
    article = build_document(
        Article(
            "Acme to buy Globex for $5bn",
            (
                "Acme Corp agreed to buy rival Globex for $5 billion in cash, the companies said "
                "on "
                "Tuesday, creating the largest maker of industrial robots.",
                "The deal, approved by both boards, values Globex at $40 per share.",
                "Acme chief executive Jane Roe said the robots business would double in size.",
                "Globex shares jumped 20 per cent in early trading while Acme fell 3 per cent.",
                "Regulators in the United States and Europe still have to approve the deal.",
                "Analysts said the price was fair given Globex's growth in Asia.",
            ),
        )
    )
    assert 0 in NewsRank().select(article, 3)


def dense_centrality(doc: Document, steps: int = 3) -> np.ndarray:
    """The same walk computed the slow, obvious way: the n x n overlap matrix."""
    from summarizer.algorithms.newsrank import word_key

    stop = load_stop_words(doc.language)
    bags = [[word_key(w) for w in ws if w.lower() not in stop] for ws in doc.words]
    n = len(bags)
    a = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            shared = sum(bags[j].count(w) for w in bags[i])
            norm = np.log(max(len(bags[i]), 1)) + np.log(max(len(bags[j]), 1))
            a[i, j] = 0.0 if i == j else shared / (norm if norm > 1e-9 else 1.0)
    degree = a.sum(axis=1)
    rank = degree / degree.sum()
    for _ in range(steps):
        rank = 0.15 / n + 0.85 * a @ (rank / np.maximum(degree, 1e-12))
    return rank / rank.max()


def test_linear_centrality_equals_the_dense_walk(seed_text: str) -> None:
    doc = build_document(clean_text(seed_text))
    fast = features(doc, load_stop_words(doc.language)).centrality
    assert np.allclose(fast, dense_centrality(doc), atol=1e-9)


def test_many_sentence_lengths_stay_finite() -> None:
    """Over 32 distinct lengths: lengths are pooled into bins, ranks stay sane."""
    sentences = [" ".join(f"word{(i * 7 + k) % 40}" for k in range(1 + i)) + "." for i in range(90)]
    f = features(make_doc(sentences), load_stop_words("english"))
    assert np.isfinite(f.centrality).all() and (f.centrality >= 0).all()
    assert f.centrality.max() == pytest.approx(1.0)


WIRE_BODY = (
    "Acme Corp agreed to buy rival Globex for $5 billion in cash on Tuesday.",
    "The deal values Globex at $40 per share, a premium of 30 per cent.",
    "Regulators in the United States and Europe still have to approve it.",
    "Robot makers have merged as demand for factory robots grows, analysts said.",
    "Factory robots made by both makers are selling fast in Asia, where demand doubled.",
)


def test_wire_copy_raises_the_lead() -> None:
    plain = make_doc(list(WIRE_BODY))
    wire = make_doc([f"LONDON (Reuters) - {WIRE_BODY[0]}", *WIRE_BODY[1:]])
    assert not is_wire_copy(plain) and is_wire_copy(wire)
    # the model learned no weight for the dateline itself (wire_lead ~ 0): a dateline
    # must not change which sentences are worth reading
    plain_scores, _ = NewsRank().scores(plain)
    wire_scores, _ = NewsRank().scores(wire)
    assert list(np.argsort(-plain_scores)[:3]) == list(np.argsort(-wire_scores)[:3])


LEANING_LEAD = (
    "It was a busy week for the robot makers.",
    "This is why.",
    "Acme Corp agreed to buy rival Globex for $5 billion in cash on Tuesday.",
    "The deal values Globex at $40 per share, a premium of 30 per cent.",
    "Regulators in the United States and Europe still have to approve it.",
    "Globex shares jumped 20 per cent in early trading while Acme fell 3 per cent.",
)


def test_leaning_lead_counts_the_opening_sentences_with_nothing_before() -> None:
    assert leaning_lead(LEANING_LEAD) == 2
    assert leaning_lead(LEANING_LEAD[2:]) == 0
    assert leaning_lead(("It rained.", "They left.")) == 2


@pytest.mark.parametrize("count", [1, 2, 3])
def test_summary_never_opens_on_a_leaning_lead(count: int) -> None:
    """ "It was a busy week..." has no antecedent anywhere: the summary starts later."""
    picked = NewsRank().select(make_doc(list(LEANING_LEAD)), count)
    assert len(picked) == count
    assert min(picked) >= 2
    assert not opens_dangling(LEANING_LEAD[min(picked)])


def test_a_leaning_lead_is_kept_when_nothing_else_is_left() -> None:
    sentences = ["It rained all day in the city.", "They stayed home.", "Shops closed early."]
    assert sorted(NewsRank().select(make_doc(sentences), 3)) == [0, 1, 2]


def test_capitalised_abbreviation_is_not_a_dangling_pronoun() -> None:
    assert not opens_dangling("US exports rose 4% in March, the Commerce Department said.")
    assert not opens_dangling("IT staff at the bank walked out.")
    assert opens_dangling("Us? We never saw the letter.")
    assert opens_dangling("It said profits fell.")
    assert opens_dangling('"They lied," she said.')


def test_a_contracted_pronoun_dangles_like_the_pronoun() -> None:
    """ "That's partly because ..." leans on the sentence before as "That is" would."""
    for sentence in ("That's partly because nothing changed.", "They're not going to stop."):
        assert opens_dangling(sentence), sentence
    assert opens_dangling("He’d said so before.")  # curly apostrophe
    for sentence in ("Here's how it works.", "There's a catch.", "O'Leary said fares rise."):
        assert not opens_dangling(sentence), sentence
