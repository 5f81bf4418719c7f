"""summarize(): order, exact count, no headline, no furniture, focus, odd sizes, languages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    Article,
    EmptyArticleError,
    InputError,
    UnknownAlgorithmError,
    build_document,
    clean_text,
)
from summarizer.summarize import summarize
from summarizer.text.quotes import balance_quotes

FACTS = [
    "Acme Motors will build a battery plant in Ohio, creating 2,000 jobs.",
    "The $3.5bn factory will supply cells for the firm's electric pickups.",
    "Construction starts in the spring and the first cells are due in 2027.",
    "Rival Bolt Trucks announced a similar plant in Texas last month.",
    "Acme's share price rose 4% after the announcement on Tuesday.",
    "Ohio's governor welcomed the investment and promised tax breaks.",
    "Chief executive Maria Lopez said batteries were the heart of the business.",
]
ARTICLE = Article(
    title="Acme Motors to build Ohio battery plant",
    paragraphs=(" ".join(FACTS[:3]), " ".join(FACTS[3:5]), " ".join(FACTS[5:])),
)


@pytest.fixture(scope="module")
def seed_article() -> Article:
    from seeds import seed_article as seed

    return clean_text(seed().read_text(encoding="utf-8"))


def test_seed_summary_has_three_story_sentences(seed_article: Article) -> None:
    summary = summarize(seed_article)
    assert summary.algorithm == DEFAULT_ALGORITHM
    assert len(summary.sentences) == 3
    assert summary.title == "Smartphone maker Xiaomi to enter electric vehicle race"
    body = seed_article.body
    for sentence in summary.sentences:
        assert sentence in body
        assert sentence != summary.title
        for junk in ("Share Story", "Recent Stories", "Microsoft Teams", "Virtual agents"):
            assert junk not in sentence
    assert summary.language == "english"
    assert summarize(seed_article) == summary  # pure: no clock reading in the result


@pytest.mark.parametrize("name", sorted(ALGORITHMS))
@pytest.mark.parametrize("count", [1, 2, 4, 7])
def test_exact_count_in_article_order_for_every_algorithm(name: str, count: int) -> None:
    summary = summarize(ARTICLE, sentences=count, algorithm=name)
    assert summary.algorithm == name
    assert len(summary.sentences) == count
    positions = [FACTS.index(s) for s in summary.sentences]
    assert positions == sorted(positions)


def test_fewer_sentences_than_asked_returns_them_all() -> None:
    article = Article(
        title="Short",
        paragraphs=("Acme said profits rose by a fifth. Its shares gained 3% in early trading.",),
    )
    summary = summarize(article, sentences=5)
    assert summary.sentences == (
        "Acme said profits rose by a fifth.",
        "Its shares gained 3% in early trading.",
    )


def test_one_sentence_article() -> None:
    article = Article(title="Tiny", paragraphs=("Acme said profits rose.",))
    assert summarize(article, sentences=3).sentences == ("Acme said profits rose.",)


@pytest.mark.parametrize("name", sorted(ALGORITHMS))
def test_the_headline_is_never_a_summary_sentence(name: str) -> None:
    article = Article(
        title=ARTICLE.title,
        paragraphs=(
            "Acme Motors to build Ohio battery plant.",
            "ACME MOTORS TO BUILD OHIO BATTERY PLANT",
            *ARTICLE.paragraphs,
        ),
    )
    summary = summarize(article, sentences=3, algorithm=name)
    assert all("to build Ohio battery plant" not in s for s in summary.sentences)
    assert "Acme Motors to build Ohio battery plant." not in build_document(article).sentences


def test_short_fragments_and_furniture_are_not_picked_when_there_is_better() -> None:
    article = Article(
        title="Acme results",
        paragraphs=(
            "Yes.",
            "Photo: Reuters",
            "He declined.",
            *ARTICLE.paragraphs,
            "Subscribe now!",
        ),
    )
    for name in ALGORITHMS:
        summary = summarize(article, sentences=4, algorithm=name)
        assert set(summary.sentences) <= set(FACTS), name


def test_credit_and_reader_prompt_sentences_are_not_picked() -> None:
    """Furniture inside a paragraph (as CNN/DM and XSum rows hold it) is checked sentence
    by sentence, not only as whole lines."""
    furniture = (
        "CNN's Jane Doe contributed to this report.",
        "Have you been affected? Share your experiences by emailing us.",
        "Media playback is not supported on this device.",
    )
    article = Article(title="Acme results", paragraphs=(" ".join((*FACTS, *furniture)),))
    for name in ALGORITHMS:
        summary = summarize(article, sentences=4, algorithm=name)
        assert set(summary.sentences) <= set(FACTS), name


def test_a_daily_mail_header_is_not_summarized() -> None:
    """CNN/DM rows of Daily Mail stories open on the page's byline and timestamps."""
    header = "By . Jane Doe . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . "
    header += "15:36 EST, 25 October 2013 . "
    article = Article(title="", paragraphs=(header + " ".join(FACTS),))
    summary = summarize(article, sentences=4)
    assert set(summary.sentences) <= set(FACTS)


def test_subheadings_between_paragraphs_are_not_picked() -> None:
    heads = ("A long road to the new plant ahead", "What the market made of it")
    article = Article(
        title="Acme results",
        paragraphs=(
            ARTICLE.paragraphs[0],
            heads[0],
            ARTICLE.paragraphs[1],
            heads[1],
            ARTICLE.paragraphs[2],
        ),
    )
    for name in ALGORITHMS:
        for count in (3, 7):
            summary = summarize(article, sentences=count, algorithm=name)
            assert set(summary.sentences) <= set(FACTS), (name, count)
    # With nothing else left, a short line is still shown rather than nothing.
    lines = Article(title="Acme", paragraphs=("Acme Motors builds a plant.", heads[0], "Done."))
    assert heads[0] in summarize(lines, sentences=3).sentences


def test_short_sentences_top_up_when_nothing_else_is_left() -> None:
    article = Article(
        title="Acme",
        paragraphs=("Acme rose.", "Profits fell.", "Acme Motors will build a plant in Ohio."),
    )
    summary = summarize(article, sentences=3)
    assert summary.sentences == (
        "Acme rose.",
        "Profits fell.",
        "Acme Motors will build a plant in Ohio.",
    )


def test_repeated_sentences_appear_once() -> None:
    article = Article(title="Acme", paragraphs=(FACTS[0], FACTS[1], f"{FACTS[0]} {FACTS[2]}"))
    summary = summarize(article, sentences=3, algorithm="lead")
    assert summary.sentences == tuple(FACTS[:3])


@pytest.mark.parametrize("name", ["newsrank", "lead"])
def test_company_focus_brings_in_a_sentence_naming_it(name: str) -> None:
    summary = summarize(ARTICLE, sentences=2, algorithm=name, company="Bolt Trucks")
    assert any("Bolt Trucks" in s for s in summary.sentences)
    aliased = summarize(
        ARTICLE, sentences=2, algorithm=name, company="Bolt Inc", aliases=("Bolt Trucks",)
    )
    assert any("Bolt Trucks" in s for s in aliased.sentences)


def test_bad_arguments_raise_clear_errors() -> None:
    with pytest.raises(InputError, match="at least 1"):
        summarize(ARTICLE, sentences=0)
    with pytest.raises(UnknownAlgorithmError, match="choose one of"):
        summarize(ARTICLE, algorithm="magic")


def test_an_article_that_only_repeats_its_headline_is_empty() -> None:
    article = Article(title="Acme rises", paragraphs=("Acme rises.",))
    with pytest.raises(EmptyArticleError):
        summarize(article)


def test_a_text_of_one_endless_word_is_not_summarized() -> None:
    # No prose at all (a pasted blob): a clear error, not the blob back as "the summary".
    article = Article(title="Upload", paragraphs=("x" * 200_000, "QUJD" * 5_000 + "."))
    with pytest.raises(EmptyArticleError, match="no sentences"):
        summarize(article)


def test_a_very_long_article_still_gives_three_sentences() -> None:
    paragraphs = tuple(
        f"In week {i} the company shipped {i * 37} trucks to dealers in {city}, "
        f"and its order book grew by {i % 9 + 1} per cent. Analysts in {city} expect more."
        for i, city in zip(range(800), ["Ohio", "Texas", "Berlin", "Lyon"] * 200, strict=True)
    )
    article = Article(title="Acme's record year", paragraphs=paragraphs)
    assert len(article.body.split()) > 20_000
    summary = summarize(article)
    assert len(summary.sentences) == 3


FRENCH = Article(
    title="Xiaomi se lance dans la voiture électrique",
    paragraphs=(
        "Le fabricant chinois de smartphones Xiaomi va produire des véhicules électriques, "
        "selon des sources citées par Reuters. Les voitures seront fabriquées dans une usine "
        "de Great Wall Motor.",
        "L'action Xiaomi a progressé de 9 % dans l'après-midi. Les analystes saluent une "
        "stratégie ambitieuse pour le groupe.",
    ),
)
THAI = Article(
    title="ข่าวเทคโนโลยี",
    paragraphs=("เสียวหมี่ประกาศผลิตรถยนต์ไฟฟ้า หุ้นของบริษัทปรับตัวขึ้นเก้าเปอร์เซ็นต์", "นักวิเคราะห์มองว่าเป็นกลยุทธ์ที่ดี"),
)


@pytest.mark.parametrize(
    ("article", "language", "count"), [(FRENCH, "french", 3), (THAI, "thai", 2)]
)
def test_non_english_text_is_summarized_in_its_language(
    article: Article, language: str, count: int
) -> None:
    for name in ALGORITHMS:
        summary = summarize(article, sentences=3, algorithm=name)
        assert summary.language == language
        assert len(summary.sentences) == count
        assert all(s in article.body for s in summary.sentences)


UNTITLED = (
    "(CNN)Acme agreed to buy Globex for $5 billion on Tuesday, creating the largest maker "
    "of factory robots. The deal values Globex at $40 per share. However, regulators in "
    "Europe and the United States must still approve it. It could take a year. Globex "
    "shares jumped 20 per cent while Acme fell 3 per cent in New York trading on Tuesday. "
    "They later closed at a record high of $41.20, the exchange said."
)


def test_untitled_one_paragraph_article_is_summarized() -> None:
    from summarizer.text.clean import article_from_parts

    article = article_from_parts("", UNTITLED)
    summary = summarize(article, sentences=3)
    assert len(summary.sentences) == 3
    assert summary.sentences[0].startswith("Acme agreed")  # "(CNN)" is not shown
    assert build_document(article).wire


def test_all_lowercase_article_is_summarized_like_any_other() -> None:
    from summarizer.text.clean import article_from_parts

    article = article_from_parts("", UNTITLED.lower())
    assert len(build_document(article).sentences) >= 5
    assert len(summarize(article, sentences=2).sentences) == 2


@pytest.mark.parametrize("count", [1, 2, 3])
def test_no_summary_opens_on_a_dangling_word(count: int) -> None:
    from summarizer.algorithms.openers import opens_dangling, without_connective
    from summarizer.text.clean import article_from_parts

    doc = build_document(article_from_parts("", UNTITLED))
    shown = [balance_quotes(s) for s in doc.sentences]
    for start in range(len(doc.sentences) - 1):
        article = article_from_parts("", " ".join(doc.sentences[start:]))
        sentences = summarize(article, sentences=count).sentences
        # An opening "However," may be dropped: the sentence is then shown without it.
        first = next(i for i, s in enumerate(shown) if sentences[0] in (s, without_connective(s)))
        assert not opens_dangling(sentences[0]) or first == start, sentences


def test_company_focus_opens_the_summary() -> None:
    from summarizer.text.clean import article_from_parts

    text = UNTITLED + " Rival Initech said it would not bid for Globex."
    summary = summarize(article_from_parts("", text), sentences=3, company="Initech")
    assert "Initech" in summary.sentences[0]


@pytest.mark.parametrize(
    ("company", "written"),
    [("Initech Company", "Initech Co."), ("Globex and Sons", "Globex & Sons")],
)
def test_company_focus_finds_the_name_as_papers_write_it(company: str, written: str) -> None:
    """A followed name is also found with its legal form abbreviated or written out, and
    with "&" for "and", as the matcher finds it ("The Weinstein Co.")."""
    from summarizer.text.clean import article_from_parts

    text = UNTITLED + f" After weak sales abroad, {written} said it would not bid for Globex."
    summary = summarize(article_from_parts("", text), sentences=3, company=company)
    assert written in summary.sentences[0]


def test_a_company_sentence_leaning_on_the_one_before_comes_after_it() -> None:
    from summarizer.text.clean import article_from_parts

    # Initech is named only in a sentence opening on "It": an alert opening on it would
    # leave the reader asking who "it" is, so the sentence it leans on comes first.
    lean = "Globex was the biggest seller of printers in 2003. It lost that place to Initech."
    text = UNTITLED + " " + lean
    summary = summarize(article_from_parts("", text), sentences=3, company="Initech")
    assert summary.sentences[:2] == tuple(lean.replace(". ", ".|").split("|"))
    # Another algorithm may not pick that sentence: the company's sentence still leads,
    # not an unrelated one that "it" would then seem to stand for.
    lead = summarize(article_from_parts("", text), sentences=2, company="Initech", algorithm="lead")
    assert lead.sentences[0] == "It lost that place to Initech."


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcXYZ019_ '-.,;:!?\"()$%’é\n", max_size=40))
def test_repeat_keys_from_word_tokens_match_the_regex(text: str) -> None:
    # build_document compares repeats on the lower-case \w+ runs; for ASCII it takes
    # them from the word tokens instead of a second regex pass: same runs.
    from summarizer.summarize import _key
    from summarizer.text.split import NewsTokenizer

    expected = " ".join(re.findall(r"\w+", text.lower()))
    assert _key(text, NewsTokenizer().to_words(text)) == expected


def test_no_sentence_over_sixty_words_by_spaces_is_picked_while_others_are_left() -> None:
    # 56 word tokens, but the dashes make it 63 words as a reader counts them.
    runon = (
        "Acme said on Tuesday it would build a plant in Ohio -- "
        + " -- ".join(["it will employ many people by 2027"] * 6)
        + " -- and make cells."
    )
    from summarizer.summarize import MAX_WORDS, build_document, candidates

    others = [
        "Acme Motors will build a battery plant in Ohio, the company said on Tuesday.",
        "The plant will employ 2,000 people by 2027 and make cells for three carmakers.",
        "Shares in Acme rose 4% on the news, and shares in its suppliers rose too.",
        "Rivals have announced similar plants in Michigan and Georgia this year.",
    ]
    article = Article("Acme to build Ohio plant", (runon, *others))
    doc = build_document(article)
    tokens = len(doc.words[doc.sentences.index(runon)])
    assert tokens <= MAX_WORDS < len(runon.split())
    _, eligible = candidates(doc)
    assert doc.sentences.index(runon) not in eligible
    summary = summarize(article).sentences
    assert runon not in summary and len(summary) == 3


@pytest.mark.parametrize("ending", [":", ": ."])
def test_a_lead_in_to_a_list_is_not_picked(ending: str) -> None:
    """ "Here are the big questions surrounding the case:" introduces what the summary
    leaves out; CNN/DM rows end such a line with " ."."""
    lead_in = f"Here are the big questions surrounding the Acme case{ending}"
    article = Article(
        "Acme sued over Ohio plant",
        (
            "Acme Motors was sued on Tuesday over its battery plant in Ohio.",
            lead_in,
            "Who owns the land the plant stands on, and who sold it to Acme?",
            "Did Acme tell the county about the waste the plant would make?",
            "Acme said it would fight the lawsuit and that the plant is safe.",
        ),
    )
    for name in ALGORITHMS:
        summary = summarize(article, sentences=4, algorithm=name).sentences
        assert lead_in not in summary and len(summary) == 4, name


def test_a_short_line_without_its_own_full_stop_is_not_picked() -> None:
    """A related-story link or a prompt of the page, to which CNN/DM rows add " .", is
    no sentence of the story; a longer line ending so (a caption that retells the
    story) may still be picked."""
    from summarizer.summarize import build_document, candidates

    link = "Acme Motors: What you should know about the battery plant ."
    caption = (
        "Big plans: Acme Motors will build its first battery plant in Ohio, where it "
        "will employ 2,000 people by 2027 ."
    )
    story = (
        "Acme Motors will build a battery plant in Ohio, the company said on Tuesday.",
        link,
        "The plant will employ 2,000 people by 2027 and make cells for three carmakers.",
        caption,
        "Shares in Acme rose 4% on the news, and shares in its suppliers rose too.",
    )
    doc = build_document(Article("", story))
    _, eligible = candidates(doc)
    assert doc.sentences.index(link) not in eligible
    assert doc.sentences.index(caption) in eligible
    for name in ALGORITHMS:
        assert link not in summarize(Article("", story), algorithm=name).sentences, name


@pytest.mark.parametrize(
    ("sentence", "standalone"),
    [
        ("But a spokesman declined to comment.", "A spokesman declined to comment."),
        ("However, the plan was dropped.", "The plan was dropped."),
        ("And eBay said so.", "eBay said so."),  # a name keeps its own spelling
        ('But "we will win", he said.', '"We will win", he said.'),
        ("So far, Acme has won.", "So far, Acme has won."),  # an adverb goes only before its comma
        ("Still waters run deep.", "Still waters run deep."),
        ("But for the strike, Acme would have won.", "But for the strike, Acme would have won."),
        ("Nor did Acme say.", "Nor did Acme say."),  # would become a question
    ],
)
def test_an_opening_connective_can_be_dropped(sentence: str, standalone: str) -> None:
    from summarizer.algorithms.openers import without_connective

    assert without_connective(sentence) == standalone


def test_a_focused_summary_opening_on_a_connective_reads_on_its_own() -> None:
    # The only sentence naming Nissan answers one the summary leaves out: it still leads
    # (an alert names its company first), without the "But" that tied it there.
    article = Article(
        "Mitsubishi in talks with PSA",
        (
            "Mitsubishi Motors is in talks to build cars for PSA Peugeot Citroen in Japan.",
            "The deal would use spare capacity at its Okazaki plant, people close to it said.",
            "Mitsubishi has struggled since a scandal over hidden defects in 2004.",
            "But a spokesman declined to comment on talk that it could build cars for Nissan.",
            "PSA wants to sell more cars in Asia, where its sales lag its rivals'.",
            "Shares in Mitsubishi rose 3% in Tokyo on the report.",
        ),
    )
    summary = summarize(article, company="Nissan").sentences
    assert summary[0] == (
        "A spokesman declined to comment on talk that it could build cars for Nissan."
    )
    plain = summarize(article).sentences  # unchanged where the sentence before is shown
    assert all(not s.startswith("A spokesman") for s in plain)


def test_a_later_sentence_loses_a_connective_that_ties_it_to_one_left_out() -> None:
    # The "But" answered the scandal sentence: shown after the talks sentence alone it
    # would read as if the talks were in doubt.
    article = Article(
        "Mitsubishi in talks with PSA",
        (
            "Mitsubishi Motors is in talks to build cars for PSA Peugeot Citroen in Japan.",
            "The deal would use spare capacity at its Okazaki plant, people close to it said.",
            "Mitsubishi has struggled since a scandal over hidden defects in 2004.",
            "But sales of its new models rose 12% in Japan last month, Mitsubishi said.",
            "PSA wants to sell more cars in Asia, where its sales lag its rivals.",
            "Shares in Mitsubishi rose 3% in Tokyo on the report.",
        ),
    )
    sales = "ales of its new models rose 12% in Japan last month, Mitsubishi said."
    two = summarize(article, sentences=2).sentences
    assert "Mitsubishi has struggled" not in " ".join(two)
    assert two[-1] == "S" + sales
    # after what it answers: kept (4 sentences, so the model's picks hold both)
    four = summarize(article, sentences=4).sentences
    assert four[1:3] == (article.paragraphs[2], "But s" + sales)


def test_a_connective_is_kept_only_after_the_sentence_it_answers_as_shown() -> None:
    # Acme's sentence leads the focused summary, in front of the one its "But" answered.
    article = Article(
        "",
        (
            "Shares of chipmakers fell sharply on Monday after a weak forecast from a rival.",
            "But Acme Corp said its orders for the new chips were still rising.",
            "Analysts expect the market to recover by the end of the year.",
        ),
    )
    summary = summarize(article, sentences=3, company="Acme Corp").sentences
    assert summary[0] == "Acme Corp said its orders for the new chips were still rising."
