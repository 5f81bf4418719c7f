"""The multi-article brief behind ``/news NAME``."""

from __future__ import annotations

import pytest

from summarizer import Article, InputError, clean_text
from summarizer.brief import BriefItem, brief, without_brief

SHARES = "Xiaomi shares rose 9 per cent in Hong Kong after the report of its electric car plans."


def wire_copy() -> Article:
    """A second outlet's take on the seed story, repeating its share-price fact."""
    return Article(
        "Xiaomi confirms car plans",
        (
            "Xiaomi confirmed on Wednesday that it will invest $10 billion in an electric car "
            "business over the next decade.",
            SHARES.replace("rose 9 per cent", "rose 9 per cent on Tuesday"),
            "Lei Jun will lead the new unit himself, the company said in a filing.",
            "The weather in Beijing was sunny.",
        ),
    )


def other_story() -> Article:
    return Article(
        "Xiaomi phone sales",
        (
            "Xiaomi shipped 49 million smartphones in the first quarter, up 62 per cent, "
            "according to research firm Canalys.",
            "Apple and Samsung remained the two largest vendors worldwide.",
        ),
    )


def first_source() -> Article:
    return Article(
        "Xiaomi eyes EVs",
        (
            "Chinese smartphone maker Xiaomi is to start producing electric vehicles, sources "
            "told Reuters.",
            SHARES,
            "Great Wall Motor would build the cars at its factory in Baoding.",
        ),
    )


def test_brief_is_traceable_focused_and_without_repeats() -> None:
    articles = [first_source(), wire_copy(), other_story()]
    items = brief(articles, company="Xiaomi", sentences=5)
    assert 1 <= len(items) <= 5
    assert all(isinstance(i, BriefItem) for i in items)
    for item in items:  # every sentence is from the article it names
        assert item.text in articles[item.article_index].body
        assert "Xiaomi" in item.text or "Lei Jun" in item.text
    share_items = [i for i in items if "shares rose 9 per cent" in i.text]
    assert len(share_items) == 1  # the same fact from two sources, told once
    assert {i.article_index for i in items} == {0, 1, 2}  # spread over the stories
    assert not any("weather" in i.text for i in items)
    assert [i.article_index for i in items] == sorted(i.article_index for i in items)


def test_brief_respects_the_sentence_budget() -> None:
    items = brief([first_source(), wire_copy(), other_story()], company="xiaomi", sentences=2)
    assert len(items) == 2


def test_brief_uses_aliases(seed_text: str) -> None:
    items = brief(
        [clean_text(seed_text)], company="Great Wall Motor Co", aliases=["Great Wall"], sentences=2
    )
    assert items and all("Great Wall" in i.text for i in items)


def test_brief_finds_the_name_as_papers_write_it() -> None:
    # Followed as "Initech Company"; the story says "Initech Co.".
    story = Article(
        "Chip deal",
        (
            "Chipmakers had a hard year, and prices fell across the industry in Asia.",
            "Initech Co. said on Monday it would buy a rival chipmaker for $2 billion.",
            "Analysts expect more deals as demand for memory chips slows down this year.",
        ),
    )
    items = brief([story], company="Initech Company", sentences=1)
    assert [i.text for i in items] == [story.paragraphs[1]]


def test_article_not_naming_the_company_gives_its_best_sentence() -> None:
    quiet = Article(
        "The firm's new phone",
        (
            "The firm unveiled its thinnest phone yet at an event in Beijing on Monday.",
            "The phone goes on sale next month at a price of 2,999 yuan.",
        ),
    )
    items = brief([quiet], company="Xiaomi", sentences=3)
    assert len(items) == 1 and items[0].article_index == 0


def test_empty_inputs() -> None:
    assert brief([], company="Xiaomi") == ()
    assert brief([Article("Nothing", ())], company="Xiaomi") == ()


@pytest.mark.parametrize(("company", "sentences"), [("", 3), ("  ", 3), ("Xiaomi", 0)])
def test_bad_arguments_are_input_errors(company: str, sentences: int) -> None:
    with pytest.raises(InputError):
        brief([first_source()], company=company, sentences=sentences)


def test_same_figure_in_other_words_is_one_fact() -> None:
    first = Article(
        "Xiaomi shares jump",
        (
            "Shares in Xiaomi rose 9 per cent in Hong Kong on Tuesday after Reuters reported the "
            "firm would build electric cars.",
            "Xiaomi plans to sell its first car in 2024, the report said.",
        ),
    )
    second = Article(
        "Xiaomi stock rallies",
        (
            "Xiaomi stocks rose 9 per cent in afternoon trading after the story was reported.",
            "Xiaomi will spend $10bn on the car business over ten years.",
        ),
    )
    items = brief([first, second], company="Xiaomi", sentences=4)
    assert sum("9 per cent" in i.text for i in items) == 1
    assert any("$10bn" in i.text for i in items) and any("2024" in i.text for i in items)


def test_a_brief_line_from_a_longer_quotation_is_balanced_like_a_summary() -> None:
    quoted = Article(
        "Xiaomi chief speaks",
        (
            'Xiaomi boss Lei Jun said: "Xiaomi will build its first car in Beijing next year, '
            "at a new plant in the south of the city that will employ thousands of people. "
            "Every part of it will be designed by our own engineers in the new research "
            "centre, and the first deliveries will reach customers in China before 2025, long "
            'before any of the rivals that have laughed at our plans for the last ten years."',
        ),
    )
    lines = brief([quoted], company="Xiaomi", sentences=1)
    assert lines and all(line.text.count('"') % 2 == 0 for line in lines)


def test_summaries_under_a_brief_leave_out_what_it_shows_and_what_then_leans() -> None:
    summaries = [
        ("Acme bought Globex.", "It also cut 200 jobs.", '"We are thrilled," said Ann Lee.'),
        ("Acme shares rose 5%.",),
        ("Globex was founded in 1990.", "Its shares fell."),
    ]
    shown = [
        BriefItem("Acme bought Globex.", 0),
        BriefItem("Acme shares rose 5%.", 1),
    ]
    assert without_brief(summaries, shown) == [
        ('"We are thrilled," said Ann Lee.',),  # "It also ..." leaned on the shown sentence
        ("Acme shares rose 5%.",),  # nothing left: the summary stays whole
        ("Globex was founded in 1990.", "Its shares fell."),  # untouched
    ]


def test_thousands_that_differ_are_different_facts() -> None:
    """'10,000' and '30,000' share no figure (a tokenizer's '000' is no figure of its own)."""
    first = Article(
        "Xiaomi hiring",
        ("Xiaomi will hire 10,000 engineers for its new electric car plant in Beijing.",),
    )
    second = Article(
        "Xiaomi sales",
        ("Xiaomi sold 30,000 phones in Beijing stores during the first week of December.",),
    )
    items = brief([first, second], company="Xiaomi", sentences=3)
    assert any("10,000" in i.text for i in items) and any("30,000" in i.text for i in items)
