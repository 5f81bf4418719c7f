"""The text features NewsRank reads, checked on sentences whose answers a reader can see."""

from __future__ import annotations

import numpy as np

from summarizer.algorithms.base import Document
from summarizer.algorithms.centrality import load_stop_words
from summarizer.algorithms.sentence_features import FEATURE_NAMES, sentence_matrix
from summarizer.text.split import NewsTokenizer


def matrix_of(sentences: list[str], *, wire: bool = False) -> dict[str, np.ndarray]:
    tok = NewsTokenizer("english")
    doc = Document(
        "",
        tuple(sentences),
        tuple(range(len(sentences))),
        tuple(tok.to_words(s) for s in sentences),
        "english",
        wire=wire,
    )
    matrix, _ = sentence_matrix(doc, load_stop_words("english"))
    assert matrix.shape == (len(sentences), len(FEATURE_NAMES))
    return {name: matrix[:, k] for k, name in enumerate(FEATURE_NAMES)}


def test_numbers_in_any_script_but_not_superscripts() -> None:
    columns = matrix_of(
        [
            "Sales rose 5 per cent in the spring.",
            "Sales rose by a fifth in the spring.",
            "Sales rose by ٣ per cent in Cairo.",  # Arabic-Indic digit: a number
            "The area grew to 12 km² last year.",
            "The area grew by a km² last year.",  # a superscript is not a digit
        ]
    )
    assert columns["numbers"].tolist() == [1.0, 0.0, 1.0, 1.0, 0.0]


def test_names_share_counts_capitalised_words_after_the_first() -> None:
    columns = matrix_of(["Apple and Google sued Meta today.", "Shares fell sharply on Friday."])
    words = NewsTokenizer("english").to_words("Apple and Google sued Meta today.")
    rest = words[1:]
    assert columns["names"][0] == sum(w[:1].isupper() for w in rest) / len(rest)
    assert columns["names"][0] > columns["names"][1] > 0


def test_quotes_questions_openers_and_position_columns() -> None:
    columns = matrix_of(
        [
            '"Sales will grow," the chairman said.',
            "Will the merger go ahead?",
            "However, regulators objected.",
            "The deal closes in May.",
        ],
        wire=True,
    )
    assert columns["quote_opening"].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert columns["quoted"][0] > 0 and columns["quoted"][1:].tolist() == [0.0, 0.0, 0.0]
    assert columns["question"].tolist() == [0.0, 1.0, 0.0, 0.0]
    assert columns["dangling"].tolist() == [0.0, 0.0, 1.0, 0.0]
    assert columns["first"].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert columns["third"].tolist() == [0.0, 0.0, 1.0, 0.0]
    assert columns["relative_position"].tolist() == [0.0, 1 / 3, 2 / 3, 1.0]
    assert columns["wire_lead"].tolist() == np.exp(-np.arange(4.0) / 2.0).tolist()
    assert not matrix_of(["One sentence here today."])["wire_lead"].any()


def test_top_words_and_recurring_words() -> None:
    # Four words come back in three sentences; the weather sentence shares none.
    columns = matrix_of(
        [
            "Apple phones sold in China.",
            "Apple phones sold well in China.",
            "Apple phones sold out in China.",
            "Weather turned sunny.",
        ]
    )
    assert columns["top_words"].tolist() == [1.0, 1.0, 1.0, 0.0]
    assert columns["recurring"][0] == 1.0 and columns["recurring"][3] == 0.0


def test_number_and_name_counts_count_words_not_shares() -> None:
    sentences = [
        "Acme sold 3 plants in Ohio and 12 in Texas for $4.5bn to Globex in 2019.",
        "The company said the sale went well.",
        "Sales rose by ٣ per cent in Cairo, the Egyptian capital.",  # non-ASCII: same counts
    ]
    columns = matrix_of(sentences)
    # figures: "3", "12", "4.5bn" (one word), "2019"; names after the first word:
    # Ohio, Texas, Globex
    assert np.exp(columns["number_count"]).round(6).tolist() == [5.0, 1.0, 2.0]
    assert np.exp(columns["name_count"]).round(6).tolist() == [4.0, 1.0, 3.0]
