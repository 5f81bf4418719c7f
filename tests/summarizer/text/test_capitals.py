"""Summaries of text that lost its capitals are shown with capitals again."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import clean_text
from summarizer.brief import brief
from summarizer.summarize import build_document, summarize
from summarizer.text.capitals import lost_capitals, opened, spell_names

STORY = (
    "chinese smartphone maker xiaomi is to become the latest tech firm to start producing "
    "electric vehicles. the market for cars is large and growing fast in china. i think "
    "it's a bold move, said one analyst. founded in 2010, xiaomi is the largest smartphone "
    "producer in china. rivals such as huawei have made similar moves recently."
)


def test_sentences_open_on_a_capital_and_i_is_i() -> None:
    assert opened("i think it's a bold move, i'm sure") == "I think it's a bold move, I'm sure"
    assert opened('"we won," he said of it') == '"We won," he said of it'
    assert opened("(the borders) stay shut") == "(The borders) stay shut"
    assert opened("it is iran, not iraq") == "It is iran, not iraq"  # words holding "i" stay
    # Not the pronoun: "i.e.", a numbered "(i)", "i-pad".
    assert opened("firms, i.e. shops (i) and cafes; an i-pad, said i.") == (
        "Firms, i.e. shops (i) and cafes; an i-pad, said I."
    )


def test_a_followed_name_is_spelled_as_given() -> None:
    text = "xiaomi's rivals and xiaomix: xiaomi said"
    assert spell_names(text, ["Xiaomi"]) == "Xiaomi's rivals and xiaomix: Xiaomi said"
    assert spell_names("the great wall deal", ["Great Wall Motor", "Great Wall"]) == (
        "the Great Wall deal"
    )
    assert spell_names("no capitals here", ["lower"]) == "no capitals here"
    # A name that is also a word stays as the text has it: "next year", "apple pie".
    assert spell_names("next year next said", ["Next"]) == "next year next said"


def test_only_text_without_capitals_counts() -> None:
    assert lost_capitals(["xiaomi rose", "I think so"])
    assert not lost_capitals(["Xiaomi rose"])
    assert not lost_capitals(["", "  "])


def test_a_lower_case_story_is_summarised_with_capitals() -> None:
    article = clean_text(STORY)
    # 3 sentences: at 2 the refitted model (number_count, name_count) prefers the two
    # shorter later sentences of this five-sentence story to its lead
    plain = summarize(article, sentences=3).sentences
    assert plain[0].startswith("Chinese smartphone maker xiaomi")
    assert all(s[:1].isupper() for s in plain)
    focused = summarize(article, sentences=2, company="Xiaomi").sentences
    assert focused[0].startswith("Chinese smartphone maker Xiaomi")
    lines = brief([article], company="Xiaomi", sentences=2)
    assert all("Xiaomi" in line.text for line in lines)


def test_cased_text_is_shown_as_it_is() -> None:
    text = "iPhone sales rose at Apple. the firm said demand was strong in every market."
    doc = build_document(clean_text(text))
    assert doc.sentences[0].startswith("iPhone")


@given(st.lists(st.sampled_from(["i", "i'm", "the", "(it", '"we', "xiaomi", ".", "iran"])))
@settings(max_examples=200, deadline=None)
def test_only_the_case_changes(words: list[str]) -> None:
    text = " ".join(words)
    assert opened(text).lower() == text
    assert spell_names(text, ["Xiaomi"]).lower() == text
